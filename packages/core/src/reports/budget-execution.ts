import { applyRate } from '../money.ts';

/**
 * 預算執行 Budget execution of the annual plan (施政計畫與預算), from what was paid: per plan line and per
 * program, the amount paid each month, paid to date, its share of the budget, a year-end projection and
 * the alert when the projection (or what is already paid) exceeds the budget. Pure: the caller reads the
 * plan and the payments (docs/budget.md).
 *
 * Budgets are printed in thousand NTD (千元) and payments are NTD (元): everything here is compared in
 * whole NTD (budget × 1,000), never as floats.
 */

/**
 * How a program's year-end amount is projected from its months paid so far:
 * - 'run-rate' (monthly allowances): paid to date + the as-of month's amount × the months left; the
 *   latest month carries the current caseload and amounts (a January rate rise, a caseload that grew);
 * - 'average' (grants per event): paid to date + the average month so far × the months left;
 * - 'paid-to-date' (paid once a year, such as the Spring Festival payment): what is paid is the year's;
 *   a month's average would multiply a one-off payment by the months left.
 */
export type ProjectionMethod = 'run-rate' | 'average' | 'paid-to-date';

export interface ExecutionInput {
  /** The as-of month of the plan's year, 1–12: months after it are not counted yet. */
  asOfMonth: number;
  lines: readonly { lineId: string; budgetThousandNtd: number; programIds: readonly string[] }[];
  /** NTD paid per program and month of the year (index 0 = January); a month not listed paid 0. */
  paidByProgram: ReadonlyMap<string, readonly number[]>;
  /** Each program's method; a program not listed is projected by its average. */
  methods: ReadonlyMap<string, ProjectionMethod>;
}

export interface ProgramExecution {
  programId: string;
  method: ProjectionMethod;
  /** Twelve months; null after the as-of month. */
  monthlyNtd: (number | null)[];
  paidToDateNtd: number;
  projectedNtd: number;
}

export interface Execution {
  budgetNtd: number;
  monthlyNtd: (number | null)[];
  paidToDateNtd: number;
  /** Paid to date as a percentage of the budget, to one decimal (rounded down); null without a budget. */
  paidPercent: number | null;
  projectedNtd: number;
  projectedPercent: number | null;
  /** Projected − budget: above zero an overrun, below zero what is projected to be left. */
  projectedOverUnderNtd: number;
  /** Paid to date already exceeds the budget. */
  overspent: boolean;
  /** The projection exceeds the budget (exactly at the budget is not an overrun). */
  projectedOverrun: boolean;
}

export interface LineExecution extends Execution {
  lineId: string;
  programs: ProgramExecution[];
}

export interface PlanExecution {
  asOfMonth: number;
  monthsLeft: number;
  lines: LineExecution[];
  total: Execution;
  /** Programs paid in the year that no line of the plan covers (their spending has no budget). */
  unassigned: ProgramExecution[];
}

const MONTHS = 12;

function wholeNtd(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be whole NTD ≥ 0: ${value}`);
  return value;
}

/** part / whole as a percentage to one decimal, rounded down (integers only); null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((part * 1000) / whole) / 10;
}

/** The year-end projection of one program from its months up to the as-of month. */
export function projectYearEnd(
  monthly: readonly number[],
  asOfMonth: number,
  method: ProjectionMethod,
): number {
  const months = monthly.slice(0, asOfMonth);
  const paid = months.reduce((sum, amount) => sum + amount, 0);
  const left = MONTHS - asOfMonth;
  if (left === 0 || method === 'paid-to-date') return paid;
  if (method === 'run-rate') return paid + (months[asOfMonth - 1] ?? 0) * left;
  return paid + applyRate(paid, left, asOfMonth);
}

function programExecution(
  programId: string,
  input: ExecutionInput,
  method: ProjectionMethod,
): ProgramExecution {
  const given = input.paidByProgram.get(programId) ?? [];
  if (given.length > MONTHS) throw new RangeError(`${programId}: more than twelve months`);
  const months = Array.from({ length: MONTHS }, (_, k) =>
    wholeNtd(given[k] ?? 0, `${programId} month ${k + 1}`),
  );
  return {
    programId,
    method,
    monthlyNtd: months.map((amount, k) => (k < input.asOfMonth ? amount : null)),
    paidToDateNtd: months.slice(0, input.asOfMonth).reduce((sum, amount) => sum + amount, 0),
    projectedNtd: projectYearEnd(months, input.asOfMonth, method),
  };
}

/** Sums programs (or lines, or categories) month by month and compares them with a budget in NTD. */
export function executionOf(
  budgetNtd: number,
  parts: readonly { monthlyNtd: (number | null)[]; paidToDateNtd: number; projectedNtd: number }[],
  asOfMonth: number,
): Execution {
  const monthlyNtd = Array.from({ length: MONTHS }, (_, k) =>
    k < asOfMonth ? parts.reduce((sum, part) => sum + (part.monthlyNtd[k] ?? 0), 0) : null,
  );
  const paidToDateNtd = parts.reduce((sum, part) => sum + part.paidToDateNtd, 0);
  const projectedNtd = parts.reduce((sum, part) => sum + part.projectedNtd, 0);
  return {
    budgetNtd,
    monthlyNtd,
    paidToDateNtd,
    paidPercent: percentOf(paidToDateNtd, budgetNtd),
    projectedNtd,
    projectedPercent: percentOf(projectedNtd, budgetNtd),
    projectedOverUnderNtd: projectedNtd - budgetNtd,
    overspent: paidToDateNtd > budgetNtd,
    projectedOverrun: projectedNtd > budgetNtd,
  };
}

export function planExecution(input: ExecutionInput): PlanExecution {
  const { asOfMonth } = input;
  if (!Number.isInteger(asOfMonth) || asOfMonth < 1 || asOfMonth > MONTHS)
    throw new RangeError(`the as-of month must be 1–12: ${asOfMonth}`);
  const methodOf = (id: string) => input.methods.get(id) ?? 'average';
  const covered = new Set<string>();
  const lines = input.lines.map((line) => {
    if (!Number.isSafeInteger(line.budgetThousandNtd) || line.budgetThousandNtd < 0)
      throw new RangeError(`${line.lineId}: the budget must be whole thousand NTD ≥ 0`);
    const programs = line.programIds.map((id) => {
      if (covered.has(id)) throw new RangeError(`${id} belongs to more than one line`);
      covered.add(id);
      return programExecution(id, input, methodOf(id));
    });
    const budgetNtd = line.budgetThousandNtd * 1000;
    return { lineId: line.lineId, ...executionOf(budgetNtd, programs, asOfMonth), programs };
  });
  const unassigned = [...input.paidByProgram.keys()]
    .filter((id) => !covered.has(id))
    .sort()
    .map((id) => programExecution(id, input, methodOf(id)))
    .filter((program) => program.paidToDateNtd > 0);
  const budgetNtd = lines.reduce((sum, line) => sum + line.budgetNtd, 0);
  return {
    asOfMonth,
    monthsLeft: MONTHS - asOfMonth,
    lines,
    // The plan's total counts what no line covers too: it was paid all the same.
    total: executionOf(budgetNtd, [...lines, ...unassigned], asOfMonth),
    unassigned,
  };
}
