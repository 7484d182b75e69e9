import { Type } from 'typebox';
import type { Plan } from '../../budget/plan-queries.ts';

/** Response schemas of the plan and budget routes (routes/budget.ts); also their OpenAPI description. */
const Ntd = (description: string) => Type.Integer({ description });
const NullableNtd = Type.Union([Type.Integer(), Type.Null()]);
const Percent = Type.Union([Type.Number(), Type.Null()], {
  description: '百分比，至小數一位（無條件捨去）；無預算時為 null. Percent to one decimal, rounded down',
});
const Alert = Type.String({
  enum: ['none', 'projected-overrun', 'overspent'],
  description: '警示 none; projected-overrun 推估超支; overspent 已超支 (paid to date already over budget)',
});

export const PlanSummary = Type.Object({
  year: Type.Integer(),
  rocYear: Type.Integer({ description: '民國年' }),
  source: Type.String(),
  copiedFromYear: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lines: Type.Integer(),
  totalThousandNtd: Ntd('合計（千元）Total in thousand NTD'),
});

export const LineView = Type.Object({
  lineId: Type.String({ format: 'uuid' }),
  position: Type.Integer(),
  category: Type.String({ examples: ['參、社會救助'] }),
  item: Type.String({ examples: ['貧困及災害救助'] }),
  subItem: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  budgetThousandNtd: Ntd('預算（千元）Budget in thousand NTD'),
  version: Type.Integer({ description: '版次：每次修正加一 Raised by each amendment' }),
  programIds: Type.Array(Type.String()),
});

export const PlanView = Type.Object({
  year: Type.Integer(),
  rocYear: Type.Integer(),
  source: Type.String(),
  copiedFromYear: Type.Union([Type.Integer(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lines: Type.Array(LineView),
  categories: Type.Array(
    Type.Object({ category: Type.String(), budgetThousandNtd: Ntd('類之合計（千元）Category total') }),
  ),
  totalThousandNtd: Ntd('合計（千元）Total in thousand NTD'),
});

/** The plan with its categories' totals (each the sum of its lines), in the plan's order. */
export function planView(plan: Plan) {
  const categories = [...new Set(plan.lines.map((line) => line.category))].map((category) => ({
    category,
    budgetThousandNtd: plan.lines
      .filter((line) => line.category === category)
      .reduce((sum, line) => sum + line.budgetThousandNtd, 0),
  }));
  return { ...plan, createdAt: plan.createdAt.toISOString(), categories };
}

export const AmendmentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  lineId: Type.String({ format: 'uuid' }),
  category: Type.String(),
  item: Type.String(),
  subItem: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  budgetThousandNtd: Type.Integer(),
  previousBudgetThousandNtd: NullableNtd,
  programIds: Type.Array(Type.String()),
  previousProgramIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
  reason: Type.String(),
  amendedBy: Type.String(),
  amendedAt: Type.String({ format: 'date-time' }),
});

const Months = Type.Array(NullableNtd, {
  minItems: 12,
  maxItems: 12,
  description:
    '各月撥付（元），1 月至 12 月；截至月份之後為 null. NTD paid per month, null after the as-of month',
});

const Figures = {
  monthlyNtd: Months,
  paidToDateNtd: Ntd('累計撥付（元）Paid to date, NTD'),
  projectedNtd: Ntd('年底推估（元）Year-end projection, NTD'),
};

const Compared = {
  budgetNtd: Ntd('預算（元）= 千元 × 1,000. Budget in NTD'),
  paidPercent: Percent,
  projectedPercent: Percent,
  projectedOverUnderNtd: Ntd('推估 − 預算（元）: above zero an overrun, below zero what is left'),
  overspent: Type.Boolean(),
  projectedOverrun: Type.Boolean(),
  alert: Alert,
};

const ProgramExecution = Type.Object({
  programId: Type.String(),
  nameZh: Type.String(),
  method: Type.String({
    enum: ['run-rate', 'average', 'paid-to-date'],
    description:
      '推估方法 run-rate: 最近月份 × 剩餘月數 (monthly allowances); average: 月平均 × 剩餘月數 (grants); paid-to-date: 已撥付 (once a year)',
  }),
  ...Figures,
});

export const ExecutionView = Type.Object({
  year: Type.Integer(),
  rocYear: Type.Integer(),
  asOf: Type.String({ description: '截至月份 YYYY-MM' }),
  asOfChosen: Type.String({ enum: ['given', 'latest-paid', 'no-payments'] }),
  monthsLeft: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      lineId: Type.String({ format: 'uuid' }),
      position: Type.Integer(),
      category: Type.String(),
      item: Type.String(),
      subItem: Type.Union([Type.String(), Type.Null()]),
      budgetThousandNtd: Type.Integer(),
      ...Figures,
      ...Compared,
      programs: Type.Array(ProgramExecution),
    }),
  ),
  categories: Type.Array(
    Type.Object({ category: Type.String(), budgetThousandNtd: Type.Integer(), ...Figures, ...Compared }),
  ),
  total: Type.Object({ budgetThousandNtd: Type.Integer(), ...Figures, ...Compared }),
  unassigned: Type.Array(ProgramExecution, {
    description: '已撥付但未列入任何計畫項目之方案 Programs paid that no line covers',
  }),
  alerts: Type.Integer({ description: '有警示之項目數 Lines with an alert' }),
});
