import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OPEN_DATA_MIN_RECIPIENTS } from '@safetynet/core/reports/open-data-suppression';
import {
  AGE_BANDS,
  type Language,
  type Measure,
  monthsBetween,
  statisticsPeriodProblem,
} from '@safetynet/core/reports/statistics-definitions';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { ageSexFigures } from '../../reports/age-sex.ts';
import { chartSvg, SVG_CONTENT_TYPE } from '../../reports/chart-svg.ts';
import { openDataRows, openDataTable } from '../../reports/open-data.ts';
import { districtComparison, monthlyTrend, paidMonths } from '../../reports/statistics.ts';
import {
  ageSexSpec,
  ageSexTable,
  districtSpec,
  districtTable,
  isKnownProgram,
  programEntity,
  programName,
  trendSpec,
  trendTable,
} from '../../reports/statistics-tables.ts';
import { contentDisposition, type ReportTable, sendTable } from '../../reports/table-export.ts';
import {
  AgeSexJson,
  ChartFormat,
  chartResponse,
  DistrictsJson,
  LanguageQuery,
  MeasureQuery,
  PeriodQuery,
  ProgramId,
  ProgramList,
  TrendJson,
} from '../statistics-schemas.ts';

type Format = 'json' | 'csv' | 'xlsx' | 'svg';

/** The longest period of one open-data file. */
const MAX_OPEN_DATA_MONTHS = 12;

/** The period of a request, or a 400 naming the parameter. */
function periodOf(query: { from: string; to: string }) {
  const problem = statisticsPeriodProblem(query.from, query.to);
  if (problem) throw new ApiError(400, problem.zh, problem.en, `querystring.${problem.field}`);
  return { from: query.from, to: query.to };
}

/** `programs=a,b` → the ids, each a known program, or a 400. */
function programsOf(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const ids = [...new Set(list.split(',').map((id) => id.trim()))];
  if (ids.length > 40 || ids.some((id) => id === ''))
    throw new ApiError(
      400,
      '方案清單須為以逗號分隔之方案代碼，至多40項',
      'programs must be comma-separated catalog ids, at most 40',
      'querystring.programs',
    );
  const unknown = ids.find((id) => !isKnownProgram(id));
  if (unknown) throw unknownProgram(unknown, 'querystring.programs');
  return ids;
}

const unknownProgram = (id: string, field: string) =>
  new ApiError(400, `未知的方案：${id}`, `unknown program: ${id}`, field);

const names = (id: string) => {
  const name = programName(id);
  return { id, nameZh: name.zh, nameEn: name.en };
};

/** Answers the statistic in the format asked for: the table as a file, the chart as SVG, or JSON. */
function answer<T>(
  reply: FastifyReply,
  format: Format,
  language: Language,
  what: {
    filename: string;
    table: () => ReportTable;
    chart: () => Parameters<typeof chartSvg>[0];
    json: () => T;
  },
) {
  if (format === 'csv' || format === 'xlsx')
    return sendTable(reply, what.table(), { format, filename: what.filename, language });
  if (format === 'svg')
    return reply
      .type(SVG_CONTENT_TYPE)
      .header('content-disposition', contentDisposition(`${what.filename}.svg`))
      .send(chartSvg(what.chart()));
  return reply.type('application/json; charset=utf-8').send(what.json());
}

/** 統計 Statistics: trends, district comparison, recipients by age and sex; CSV, XLSX and open data. */
export const statisticsRoutes =
  (deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;

    app.get(
      '/statistics/months',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary: '有撥付之月份 The first and last months with counted payments (null when none)',
          response: {
            200: Type.Object({
              first: Type.Union([Type.String(), Type.Null()], { examples: ['2023-01'] }),
              last: Type.Union([Type.String(), Type.Null()], { examples: ['2023-06'] }),
            }),
          },
        },
      },
      async () => paidMonths(db),
    );

    app.get(
      '/statistics/trend',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary: '每月趨勢 Each program’s recipients, person-times, households and amount per month',
          description:
            '由撥付計算（待撥、已送銀行、已撥付），每月一列，無撥付之月為0。format=svg 為折線圖（measure 所指之量數）。' +
            'From the counted payments (pending, sent, paid), one row per program and month, zeros where none ' +
            'was paid. format=svg answers the line chart of `measure`.',
          querystring: Type.Object(
            {
              ...PeriodQuery,
              programs: Type.Optional(ProgramList),
              measure: MeasureQuery,
              format: ChartFormat,
              language: LanguageQuery,
            },
            { additionalProperties: false },
          ),
          response: chartResponse(TrendJson),
        },
      },
      async (request, reply) => {
        const period = periodOf(request.query);
        const programIds = programsOf(request.query.programs);
        const trend = await monthlyTrend(db, { ...period, ...(programIds ? { programIds } : {}) });
        const language = (request.query.language ?? 'zh-TW') as Language;
        return answer(reply, (request.query.format ?? 'json') as Format, language, {
          filename: `${language === 'en' ? 'monthly-trend' : '每月趨勢'}_${period.from}_${period.to}`,
          table: () => trendTable(trend, language),
          chart: () => trendSpec(trend, (request.query.measure ?? 'persons') as Measure, language),
          json: () => ({
            ...period,
            months: trend.months,
            programs: trend.programIds.map(names),
            items: trend.rows,
          }),
        });
      },
    );

    app.get(
      '/statistics/districts',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary:
            '行政區比較 One program’s figures over a period in each of the 38 districts, and the city’s',
          description:
            '行政區為撥付時受益戶之所在區。format=svg 為橫條圖。The district is the one the payment was made in ' +
            '(the recipient household’s). format=svg answers the bar chart of `measure`.',
          querystring: Type.Object(
            {
              ...PeriodQuery,
              program: ProgramId,
              measure: MeasureQuery,
              format: ChartFormat,
              language: LanguageQuery,
            },
            { additionalProperties: false },
          ),
          response: chartResponse(DistrictsJson),
        },
      },
      async (request, reply) => {
        const period = periodOf(request.query);
        const programId = request.query.program;
        if (!isKnownProgram(programId)) throw unknownProgram(programId, 'querystring.program');
        const comparison = await districtComparison(db, { ...period, programId });
        const language = (request.query.language ?? 'zh-TW') as Language;
        return answer(reply, (request.query.format ?? 'json') as Format, language, {
          filename: `${language === 'en' ? 'districts' : '行政區比較'}_${programId}_${period.from}_${period.to}`,
          table: () => districtTable(comparison, language),
          chart: () =>
            districtSpec(comparison, period, (request.query.measure ?? 'persons') as Measure, language),
          json: () => ({
            ...period,
            program: names(programId),
            items: comparison.districts,
            total: comparison.total,
          }),
        });
      },
    );

    app.get(
      '/statistics/age-sex',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary: '年齡及性別 Recipients by age band and sex, per program and for the programs together',
          description:
            '年齡以期間末日之足歲計。撥付予家戶之方案以受款人計。format=svg 為長條圖（單一方案為該方案，否則為合計）。' +
            'Age in completed years on the last day of the period; a household program counts its payee. ' +
            'format=svg answers the bar chart (of the program when one is asked for, else of all together).',
          querystring: Type.Object(
            {
              ...PeriodQuery,
              programs: Type.Optional(ProgramList),
              format: ChartFormat,
              language: LanguageQuery,
            },
            { additionalProperties: false },
          ),
          response: chartResponse(AgeSexJson),
        },
      },
      async (request, reply) => {
        const period = periodOf(request.query);
        const programIds = programsOf(request.query.programs);
        const figures = await ageSexFigures(db, { ...period, ...(programIds ? { programIds } : {}) });
        const language = (request.query.language ?? 'zh-TW') as Language;
        return answer(reply, (request.query.format ?? 'json') as Format, language, {
          filename: `${language === 'en' ? 'age-sex' : '年齡性別'}_${period.from}_${period.to}`,
          table: () => ageSexTable(figures, language),
          chart: () => ageSexSpec(figures, period, language),
          json: () => ({
            ...period,
            ageOn: figures.ageOn,
            bands: AGE_BANDS.map((b) => ({
              id: b.id,
              from: b.from,
              to: b.to,
              labelZh: b.label.zh,
              labelEn: b.label.en,
            })),
            programs: figures.programIds.map((id) => ({
              ...names(id),
              counted: programEntity(id) === 'person' ? ('recipient' as const) : ('payee' as const),
            })),
            items: figures.rows,
          }),
        });
      },
    );

    app.get(
      '/open-data/recipients.csv',
      {
        // Each file counts a year's payments at most: a thirtieth of the other public routes' rate (10 a
        // minute per address by default), so nobody can keep the database counting.
        config: {
          policy: 'public:read',
          rateLimit: {
            ...deps.identity.publicRateLimit,
            max: Math.max(1, Math.ceil(deps.identity.publicRateLimit.max / 30)),
          },
        },
        schema: {
          tags: ['reports'],
          summary:
            '開放資料：各方案各行政區每月受益人數與金額 Open data: recipients and amounts per program, district and month',
          description:
            `不含個人資料。受益人（戶）數未滿${OPEN_DATA_MIN_RECIPIENTS}之格不公開，並為免由全市合計推算而併同隱藏其他格（規則見 docs/statistics.md）。` +
            `No personal data. Cells with fewer than ${OPEN_DATA_MIN_RECIPIENTS} recipients are blank, and so ` +
            'are other cells where needed so that none can be worked out from the city total (the rule: ' +
            'docs/statistics.md); the note column says why. At most 12 months. UTF-8 CSV with a byte-order mark.',
          querystring: Type.Object(
            { ...PeriodQuery, language: LanguageQuery },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: '開放資料 The open data file',
              content: {
                'text/csv': { schema: Type.String({ description: 'UTF-8 CSV with a byte-order mark' }) },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const period = periodOf(request.query);
        // Anyone may ask, so one answer reads at most a year of payments.
        if (monthsBetween(period.from, period.to).length > MAX_OPEN_DATA_MONTHS)
          throw new ApiError(
            400,
            `開放資料每次最長${MAX_OPEN_DATA_MONTHS}個月`,
            `open data covers at most ${MAX_OPEN_DATA_MONTHS} months per file`,
            'querystring.to',
          );
        const language = (request.query.language ?? 'zh-TW') as Language;
        const rows = await openDataRows(db, period);
        return sendTable(reply, openDataTable(rows, language), {
          format: 'csv',
          filename: `recipients_${period.from}_${period.to}`,
          language,
        });
      },
    );
  };
