import { rocYear } from '@safetynet/core/calendar';
import type { Kysely } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { Schema } from '../db/schema.ts';

/** 施政計畫與預算 Reading the annual plans: a year's lines with their programs, the list, the history. */

type Db = Kysely<Schema>;

export interface PlanLine {
  lineId: string;
  position: number;
  category: string;
  item: string;
  subItem: string | null;
  note: string | null;
  budgetThousandNtd: number;
  version: number;
  programIds: string[];
}

export interface Plan {
  year: number;
  rocYear: number;
  source: string;
  copiedFromYear: number | null;
  createdBy: string;
  createdAt: Date;
  lines: PlanLine[];
  totalThousandNtd: number;
}

export async function readPlan(db: Db, year: number): Promise<Plan | undefined> {
  const plan = await db
    .selectFrom('budget_plan')
    .selectAll()
    .where('plan_year', '=', year)
    .executeTakeFirst();
  if (!plan) return undefined;
  const lines = await db
    .selectFrom('budget_line')
    .selectAll()
    .where('plan_year', '=', year)
    .orderBy('position')
    .execute();
  const programs = await db
    .selectFrom('budget_line_program')
    .select(['line_id', 'program_id'])
    .where('plan_year', '=', year)
    .orderBy('program_id')
    .execute();
  const programsOf = (lineId: string) =>
    programs.filter((p) => p.line_id === lineId).map((p) => p.program_id);
  const planLines = lines.map((line) => ({
    lineId: line.line_id,
    position: line.position,
    category: line.category,
    item: line.item,
    subItem: line.sub_item,
    note: line.note,
    budgetThousandNtd: line.budget_thousand_ntd,
    version: line.version,
    programIds: programsOf(line.line_id),
  }));
  return {
    year,
    rocYear: rocYear(year),
    source: plan.source,
    copiedFromYear: plan.copied_from_year,
    createdBy: plan.created_by_name,
    createdAt: new Date(plan.created_at),
    lines: planLines,
    totalThousandNtd: planLines.reduce((sum, line) => sum + line.budgetThousandNtd, 0),
  };
}

export async function listPlans(db: Db) {
  const plans = await db
    .selectFrom('budget_plan as p')
    .leftJoin('budget_line as l', 'l.plan_year', 'p.plan_year')
    .select(['p.plan_year', 'p.source', 'p.copied_from_year', 'p.created_at'])
    .select((eb) => [
      eb.fn.count<string>('l.line_id').as('lines'),
      eb.fn.coalesce(eb.fn.sum<string>('l.budget_thousand_ntd'), eb.lit(0)).as('total'),
    ])
    .groupBy(['p.plan_year', 'p.source', 'p.copied_from_year', 'p.created_at'])
    .orderBy('p.plan_year', 'desc')
    .execute();
  return plans.map((plan) => ({
    year: plan.plan_year,
    rocYear: rocYear(plan.plan_year),
    source: plan.source,
    copiedFromYear: plan.copied_from_year,
    createdAt: new Date(plan.created_at),
    lines: Number(plan.lines),
    totalThousandNtd: Number(plan.total),
  }));
}

export const noPlan = (year: number, field?: string) =>
  new ApiError(
    404,
    `查無 ${year} 年（民國 ${rocYear(year)} 年）之施政計畫`,
    `there is no plan for ${year}`,
    field,
  );

/** Every version of every line of a year, newest first: the plan's history. */
export async function listAmendments(db: Db, year: number) {
  const rows = await db
    .selectFrom('budget_line_amendment as a')
    .innerJoin('budget_line as l', 'l.line_id', 'a.line_id')
    .select([
      'a.amendment_id',
      'a.line_id',
      'l.category',
      'l.item',
      'l.sub_item',
      'a.version',
      'a.budget_thousand_ntd',
      'a.previous_budget_thousand_ntd',
      'a.program_ids',
      'a.previous_program_ids',
      'a.reason',
      'a.amended_by_name',
      'a.amended_at',
    ])
    .where('l.plan_year', '=', year)
    .orderBy('a.amended_at', 'desc')
    .orderBy('l.position', 'desc')
    .orderBy('a.version', 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.amendment_id,
    lineId: row.line_id,
    category: row.category,
    item: row.item,
    subItem: row.sub_item,
    version: row.version,
    budgetThousandNtd: row.budget_thousand_ntd,
    previousBudgetThousandNtd: row.previous_budget_thousand_ntd,
    programIds: row.program_ids,
    previousProgramIds: row.previous_program_ids,
    reason: row.reason,
    amendedBy: row.amended_by_name,
    amendedAt: new Date(row.amended_at),
  }));
}

export type PlanAmendment = Awaited<ReturnType<typeof listAmendments>>[number];
