import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { amendLine } from '../../budget/line-amendments.ts';
import { MAX_BUDGET_THOUSAND_NTD } from '../../budget/plan-checks.ts';
import { listAmendments, listPlans, noPlan, readPlan } from '../../budget/plan-queries.ts';
import { addLine, createPlan } from '../../budget/plans.ts';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { budgetExecution } from '../../reports/budget-execution.ts';
import { amendmentsTable, executionTable, planTable } from '../../reports/budget-tables.ts';
import { type ReportTable, sendTable, TABLE_FORMATS } from '../../reports/table-export.ts';
import { AmendmentView, ExecutionView, LineView, PlanSummary, PlanView, planView } from './budget-schemas.ts';

/** 施政計畫與預算 The annual plan, its budget per line and program, and its execution from payments. */
const Year = Type.Integer({
  minimum: 1912,
  maximum: 2200,
  description: '計畫年度（西元）The plan’s year, Gregorian (民國年 + 1911)',
  examples: [2023],
});
const YearParams = Type.Object({ year: Year }, { additionalProperties: false });
const Format = Type.Optional(
  Type.String({
    enum: [...TABLE_FORMATS],
    description: '下載檔案 A download instead of JSON: csv (UTF-8, Excel-ready) or xlsx',
  }),
);
const Language = Type.Optional(
  Type.String({ enum: ['zh-TW', 'en'], description: '下載檔之欄名語言 The download’s header language' }),
);
const Budget = Type.Integer({
  minimum: 0,
  maximum: MAX_BUDGET_THOUSAND_NTD,
  description: '預算（千元）Budget in thousand NTD, as the plan prints it',
  examples: [1_241_715],
});
const ProgramIds = Type.Array(Type.String({ minLength: 1, maxLength: 80 }), {
  maxItems: 200,
  description:
    '以其撥付計算執行之方案（方案目錄代碼）Catalog ids of the programs whose payments measure the line',
  examples: [['low-income-living-allowance', 'emergency-aid']],
});
const Reason = Type.String({
  minLength: 1,
  maxLength: 1000,
  description: '理由 Why',
  examples: ['112年度法定預算'],
});
const Label = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });

type DownloadQuery = { format?: string | undefined; language?: string | undefined };

/** The table as a file when a format is asked for; otherwise undefined (the route answers JSON). */
function download(reply: FastifyReply, query: DownloadQuery, table: () => ReportTable, filename: string) {
  if (!query.format) return undefined;
  return sendTable(reply, table(), {
    format: query.format as 'csv' | 'xlsx',
    filename,
    language: query.language === 'en' ? 'en' : 'zh-TW',
  });
}

export const budgetRoutes =
  (deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;
    const trailOf = (request: FastifyRequest) => ({ log: deps.identity.audit, context: request.audit });
    const planOf = async (year: number) => {
      const plan = await readPlan(db, year);
      if (!plan) throw noPlan(year);
      return plan;
    };

    app.get(
      '/budget-plans',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary: '施政計畫 The annual plans, newest year first, with their totals in thousand NTD',
          response: { 200: Type.Object({ items: Type.Array(PlanSummary) }) },
        },
      },
      async () => ({
        items: (await listPlans(db)).map((plan) => ({ ...plan, createdAt: plan.createdAt.toISOString() })),
      }),
    );

    app.get(
      '/budget-plans/:year',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary:
            '年度施政計畫與預算 A year’s plan: its categories (類), items (項) and budgets in thousand NTD',
          description: '`format=csv|xlsx` 下載 answers the table as a file.',
          params: YearParams,
          querystring: Type.Object({ format: Format, language: Language }, { additionalProperties: false }),
          response: { 200: PlanView },
        },
      },
      async (request, reply) => {
        const plan = await planOf(request.params.year);
        return (
          download(reply, request.query, () => planTable(plan), `施政計畫預算-${plan.year}`) ?? planView(plan)
        );
      },
    );

    app.post(
      '/budget-plans',
      {
        config: { policy: 'budget:write' },
        schema: {
          tags: ['reports'],
          summary: '新增年度計畫 Create a year’s plan, empty or as a copy of another year’s lines',
          description:
            '複製：各項目之類、項、預算與方案照錄，預算再逐項修正。再送一次相同請求回覆既有計畫（200）；該年度已有他法建立之計畫為 409。' +
            'A copy takes every line (category, item, budget, programs) as it stands; amend the budgets line ' +
            'by line. The same request again answers the plan already made (200); a plan of the year made ' +
            'another way is a 409.',
          body: Type.Object(
            {
              year: Year,
              copyFrom: Type.Optional({
                ...Year,
                description: '複製來源年度 The year to copy',
                examples: [2018],
              }),
              source: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 1000,
                  description: '資料來源 Where the plan comes from (default: says it was copied or entered)',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: PlanView, 201: PlanView },
        },
      },
      async (request, reply) => {
        const { created, plan } = await createPlan(db, trailOf(request), request.body);
        return reply.code(created ? 201 : 200).send(planView(plan));
      },
    );

    app.post(
      '/budget-plans/:year/lines',
      {
        config: { policy: 'budget:write' },
        schema: {
          tags: ['reports'],
          summary: '登錄計畫項目 Enter a line at the end of a year’s plan',
          description:
            '相同之類、項、子項再送一次且內容相同時回覆既有項目（200）；內容不同為 409（請修正該項目）。一個方案只屬於年度中一個項目（409）。' +
            'The same line again answers it (200); a line of the same category and item with other figures is ' +
            'a 409 (amend it instead). A program belongs to at most one line of a year (409).',
          params: YearParams,
          body: Type.Object(
            {
              category: Label('類 The category as printed, e.g. 參、社會救助'),
              item: Label('項 The item, e.g. 貧困及災害救助'),
              subItem: Type.Optional(Label('子項 An optional sub-item')),
              note: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: '備考 Note' })),
              budgetThousandNtd: Budget,
              programIds: ProgramIds,
              reason: Type.Optional(Reason),
            },
            { additionalProperties: false },
          ),
          response: { 200: LineView, 201: LineView },
        },
      },
      async (request, reply) => {
        const { created, line } = await addLine(db, trailOf(request), request.params.year, request.body);
        return reply.code(created ? 201 : 200).send(line);
      },
    );

    app.patch(
      '/budget-plans/:year/lines/:lineId',
      {
        config: { policy: 'budget:write' },
        schema: {
          tags: ['reports'],
          summary: '修正計畫項目 Amend a line’s budget and/or programs, with the reason',
          description:
            '`version` 為修正者所見之版次：其間已被修正者為 409（請重新整理）；同一修正重送回覆修正後之項目。' +
            '`version` is the version the person saw: a line amended meanwhile is a 409 (reload); the same ' +
            'amendment sent again answers the amended line. Each version is kept (GET …/amendments).',
          params: Type.Object(
            { year: Year, lineId: Type.String({ format: 'uuid' }) },
            { additionalProperties: false },
          ),
          body: Type.Object(
            {
              version: Type.Integer({ minimum: 1, description: '所見之版次 The line’s version as seen' }),
              budgetThousandNtd: Type.Optional(Budget),
              programIds: Type.Optional(ProgramIds),
              reason: Reason,
            },
            { additionalProperties: false },
          ),
          response: { 200: LineView },
        },
      },
      async (request) => {
        const { line } = await amendLine(
          db,
          trailOf(request),
          request.params.year,
          request.params.lineId,
          request.body,
        );
        return line;
      },
    );

    app.get(
      '/budget-plans/:year/amendments',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary: '預算修正紀錄 Every version of every line of a year (who, when, why), newest first',
          params: YearParams,
          querystring: Type.Object({ format: Format, language: Language }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(AmendmentView) }) },
        },
      },
      async (request, reply) => {
        const plan = await planOf(request.params.year);
        const items = await listAmendments(db, plan.year);
        return (
          download(reply, request.query, () => amendmentsTable(items), `預算修正紀錄-${plan.year}`) ?? {
            items: items.map((a) => ({ ...a, amendedAt: a.amendedAt.toISOString() })),
          }
        );
      },
    );

    app.get(
      '/budget-plans/:year/execution',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['reports'],
          summary:
            '預算執行 The plan’s execution from payments: per line and program, paid per month, to date, share of budget, year-end projection and overrun alert',
          description:
            '預算為千元，撥付為元，比較一律以元計。`asOf`（YYYY-MM，該年度之月份）預設為該年度最近有撥付之月份。推估方法見 docs/budget.md。' +
            'Budgets are thousand NTD, payments NTD; they are compared in NTD. `asOf` defaults to the latest ' +
            'month of the year with payments. Projection: monthly allowances by the as-of month’s run rate, ' +
            'grants by their average month, once-a-year payments as paid. `format=csv|xlsx` answers a file.',
          params: YearParams,
          querystring: Type.Object(
            {
              asOf: Type.Optional(
                Type.String({
                  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
                  description: '截至月份 YYYY-MM',
                  examples: ['2023-06'],
                }),
              ),
              format: Format,
              language: Language,
            },
            { additionalProperties: false },
          ),
          response: { 200: ExecutionView },
        },
      },
      async (request, reply) => {
        const report = await budgetExecution(db, request.params.year, request.query.asOf);
        return (
          download(reply, request.query, () => executionTable(report), `預算執行-${report.asOf}`) ?? report
        );
      },
    );
  };
