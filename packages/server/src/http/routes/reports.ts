import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { taipeiDay } from '@safetynet/core/calendar';
import { periodProblem } from '@safetynet/core/reports/half-year/report-period';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { renderHalfYearHtml } from '../../reports/half-year-html.ts';
import { renderHalfYearPdf } from '../../reports/half-year-pdf.ts';
import { defaultReportPeriod, loadHalfYearReport } from '../../reports/half-year-report.ts';
import { HalfYearReportJson } from '../report-schemas.ts';

const Month = (description: string) =>
  Type.String({ maxLength: 16, description: `${description}, YYYY-MM`, examples: ['2023-01'] });

/** 報告 Reports: the half-year work report (工作報告) generated from the system’s own records. */
export const reportRoutes =
  (deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;

    app.get(
      '/reports/half-year',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary:
            '工作報告 The half-year work report from payments and the registry: JSON (its items and sentences), a printable HTML page or a PDF',
          description:
            '三、社會救助 and 四、福利服務 numbered and worded as the bureau’s report (「112年1月至6月補助252,647人次、17億3,384萬7,174元」), each figure from the counted payments of the period (pending, sent and paid), the senior and disability populations from the registry on the last day; items the system holds no data for are named as such. Without from and to: the latest complete half year with payments. At most 12 months.',
          querystring: Type.Object(
            {
              from: Type.Optional(Month('起始月份 First month')),
              to: Type.Optional(Month('結束月份 Last month')),
              format: Type.Optional(
                Type.Union([Type.Literal('json'), Type.Literal('html'), Type.Literal('pdf')], {
                  default: 'json',
                  description: '格式 json (the model), html (a printable page) or pdf',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: '工作報告 The report',
              content: {
                'application/json': { schema: HalfYearReportJson },
                'text/html': { schema: Type.String({ description: 'A self-contained HTML page' }) },
                'application/pdf': {
                  schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'A4 PDF' }),
                },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const { from, to, format = 'json' } = request.query;
        if ((from === undefined) !== (to === undefined))
          throw new ApiError(
            400,
            '起始月份與結束月份須一併指定',
            'give both from and to, or neither (the latest half year)',
            `querystring.${from === undefined ? 'from' : 'to'}`,
          );
        const today = taipeiDay(deps.identity.now());
        const period = from && to ? { from, to } : await defaultReportPeriod(db, today);
        const problem = periodProblem(period.from, period.to);
        if (problem) throw new ApiError(400, problem.zh, problem.en, `querystring.${problem.field}`);
        const report = await loadHalfYearReport(db, period, { today });
        const name = `work-report-${period.from}-${period.to}`;
        if (format === 'html')
          return reply
            .type('text/html; charset=utf-8')
            .header('content-disposition', `inline; filename="${name}.html"`)
            .send(renderHalfYearHtml(report));
        if (format === 'pdf')
          return reply
            .type('application/pdf')
            .header('content-disposition', `inline; filename="${name}.pdf"`)
            .send(await renderHalfYearPdf(report));
        return reply.type('application/json; charset=utf-8').send(report);
      },
    );
  };
