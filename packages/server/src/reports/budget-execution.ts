import { isIsoMonth } from '@safetynet/core/calendar';
import {
  type Execution,
  executionOf,
  type LineExecution,
  type ProgramExecution,
  type ProjectionMethod,
  planExecution,
} from '@safetynet/core/reports/budget-execution';
import { CATALOG } from '@safetynet/rules/programs/catalog';
import type { Kysely } from 'kysely';
import { ApiError } from '../api-error.ts';
import { type Plan, readPlan } from '../budget/plan-queries.ts';
import type { Schema } from '../db/schema.ts';
import { monthlyAmounts } from './figures.ts';

/**
 * A year's plan against its payments (docs/budget.md): the plan's lines and the payments of the year up
 * to the as-of month (the amounts paid per month, figures.ts monthlyAmounts), computed by core's planExecution. Each program is
 * projected by the method its payment period calls for: monthly allowances by their run rate, grants per
 * event by their average month, once-a-year payments as paid.
 */
const CATALOG_BY_ID = new Map(CATALOG.map((entry) => [entry.id, entry]));

export function projectionMethodOf(programId: string): ProjectionMethod {
  const period = CATALOG_BY_ID.get(programId)?.period;
  if (period === 'month') return 'run-rate';
  if (period === 'year') return 'paid-to-date';
  return 'average';
}

export interface ProgramRow extends ProgramExecution {
  nameZh: string;
}

export interface LineRow extends Omit<LineExecution, 'programs'> {
  position: number;
  category: string;
  item: string;
  subItem: string | null;
  budgetThousandNtd: number;
  alert: 'none' | 'projected-overrun' | 'overspent';
  programs: ProgramRow[];
}

export interface CategoryRow extends Execution {
  category: string;
  budgetThousandNtd: number;
  alert: LineRow['alert'];
}

export interface BudgetExecutionReport {
  year: number;
  rocYear: number;
  asOf: string;
  /** Whether the as-of month was given or taken as the latest month paid. */
  asOfChosen: 'given' | 'latest-paid' | 'no-payments';
  monthsLeft: number;
  lines: LineRow[];
  categories: CategoryRow[];
  total: Execution & { budgetThousandNtd: number; alert: LineRow['alert'] };
  unassigned: ProgramRow[];
  alerts: number;
}

const alertOf = (e: Execution): LineRow['alert'] =>
  e.overspent ? 'overspent' : e.projectedOverrun ? 'projected-overrun' : 'none';

const named = (program: ProgramExecution): ProgramRow => ({
  ...program,
  nameZh: CATALOG_BY_ID.get(program.programId)?.nameZh ?? program.programId,
});

export async function budgetExecution(
  db: Kysely<Schema>,
  year: number,
  asOf?: string,
): Promise<BudgetExecutionReport> {
  const plan = await readPlan(db, year);
  if (!plan) throw new ApiError(404, `查無 ${year} 年之施政計畫`, `there is no plan for ${year}`);
  if (asOf !== undefined && (!isIsoMonth(asOf) || !asOf.startsWith(`${year}-`)))
    throw new ApiError(
      400,
      `截至月份須為 ${year} 年之月份（YYYY-MM）`,
      `asOf must be a month of ${year} (YYYY-MM)`,
      'querystring.asOf',
    );
  // The whole year's months once; the as-of month (given, or the latest paid) cuts them.
  const paidByProgram = await monthlyAmounts(db, year);
  let latestMonth = 0;
  for (const amounts of paidByProgram.values())
    amounts.forEach((amount, m) => {
      if (amount > 0 && m + 1 > latestMonth) latestMonth = m + 1;
    });
  const month = asOf ?? (latestMonth ? `${year}-${String(latestMonth).padStart(2, '0')}` : `${year}-01`);
  const asOfMonth = Number(month.slice(5, 7));
  const programIds = new Set([...paidByProgram.keys(), ...plan.lines.flatMap((l) => l.programIds)]);
  const execution = planExecution({
    asOfMonth,
    lines: plan.lines,
    paidByProgram,
    methods: new Map([...programIds].map((id) => [id, projectionMethodOf(id)])),
  });
  const lines = execution.lines.map((line, k): LineRow => {
    const planned = plan.lines[k]!;
    return {
      ...line,
      position: planned.position,
      category: planned.category,
      item: planned.item,
      subItem: planned.subItem,
      budgetThousandNtd: planned.budgetThousandNtd,
      alert: alertOf(line),
      programs: line.programs.map(named),
    };
  });
  const categories = categoriesOf(plan, lines, asOfMonth);
  const total = {
    ...execution.total,
    budgetThousandNtd: plan.totalThousandNtd,
    alert: alertOf(execution.total),
  };
  return {
    year,
    rocYear: plan.rocYear,
    asOf: month,
    asOfChosen: asOf ? 'given' : latestMonth ? 'latest-paid' : 'no-payments',
    monthsLeft: execution.monthsLeft,
    lines,
    categories,
    total,
    unassigned: execution.unassigned.map(named),
    alerts: lines.filter((line) => line.alert !== 'none').length,
  };
}

/** Each category (類) as the sum of its lines, in the plan's order. */
function categoriesOf(plan: Plan, lines: LineRow[], asOfMonth: number): CategoryRow[] {
  const order = [...new Set(plan.lines.map((line) => line.category))];
  return order.map((category) => {
    const of = lines.filter((line) => line.category === category);
    const sum = (pick: (line: LineRow) => number) => of.reduce((s, line) => s + pick(line), 0);
    const row = executionOf(
      sum((l) => l.budgetNtd),
      of,
      asOfMonth,
    );
    return { category, budgetThousandNtd: sum((l) => l.budgetThousandNtd), ...row, alert: alertOf(row) };
  });
}
