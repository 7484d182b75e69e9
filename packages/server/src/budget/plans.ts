import { randomUUID } from 'node:crypto';
import { rocYear } from '@safetynet/core/calendar';
import { CATALOG } from '@safetynet/rules/programs/catalog';
import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Schema } from '../db/schema.ts';

/**
 * 施政計畫與預算 The annual plans: reading a year's plan, creating a year (empty or a copy of another
 * year), entering a line and amending one. Every write is one transaction with its audit entry and a row
 * of budget_line_amendment per line version (who, when, why): figures come from the printed plan or
 * from a person, never from code (docs/budget.md).
 */

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

/** A line as entered: what the plan prints, and the programs its execution is measured from. */
export interface NewLine {
  category: string;
  item: string;
  subItem?: string | null;
  note?: string | null;
  budgetThousandNtd: number;
  programIds: readonly string[];
}

const KNOWN_PROGRAMS = new Set(CATALOG.map((entry) => entry.id));
/** The column is integer: 2,147,483,647 thousand NTD, about 2.1 trillion NTD. */
export const MAX_BUDGET_THOUSAND_NTD = 2_147_483_647;

type Db = Kysely<Schema>;

const who = (trail: AuditTrail) => ({
  id: trail.context.actor.kind === 'staff' ? trail.context.actor.id : null,
  name: trail.context.actor.name,
});

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

const noPlan = (year: number, field?: string) =>
  new ApiError(
    404,
    `查無 ${year} 年（民國 ${rocYear(year)} 年）之施政計畫`,
    `there is no plan for ${year}`,
    field,
  );

/** Unknown or repeated program ids: a 400 naming them. */
function checkPrograms(programIds: readonly string[], field: string): void {
  const unknown = programIds.filter((id) => !KNOWN_PROGRAMS.has(id));
  if (unknown.length > 0)
    throw new ApiError(
      400,
      `方案代碼不在方案目錄中：${unknown.join('、')}`,
      `not in the program catalog: ${unknown.join(', ')}`,
      field,
    );
  const repeated = programIds.filter((id, k) => programIds.indexOf(id) !== k);
  if (repeated.length > 0)
    throw new ApiError(
      400,
      `方案重複列出：${repeated.join('、')}`,
      `listed twice: ${repeated.join(', ')}`,
      field,
    );
}

/** A program already measured on another line of the year: 409 naming the line. */
async function checkProgramsFree(
  trx: Transaction<Schema>,
  year: number,
  programIds: readonly string[],
  lineId: string | null,
) {
  if (programIds.length === 0) return;
  const taken = await trx
    .selectFrom('budget_line_program as p')
    .innerJoin('budget_line as l', 'l.line_id', 'p.line_id')
    .select(['p.program_id', 'l.category', 'l.item', 'l.line_id'])
    .where('p.plan_year', '=', year)
    .where('p.program_id', 'in', [...programIds])
    .execute();
  const elsewhere = taken.filter((row) => row.line_id !== lineId);
  if (elsewhere.length > 0) {
    const named = elsewhere.map((row) => `${row.program_id}（${row.category}／${row.item}）`);
    throw new ApiError(
      409,
      `方案已列於本年度其他計畫項目，一個方案只能屬於一個項目：${named.join('、')}`,
      `a program belongs to at most one line of a year; already on another line: ${elsewhere
        .map((row) => `${row.program_id} (${row.category} / ${row.item})`)
        .join(', ')}`,
      'body.programIds',
    );
  }
}

/** Writes lines at the end of a year's plan, each with its first version in the history. */
async function insertLines(
  trx: Transaction<Schema>,
  trail: AuditTrail,
  year: number,
  lines: readonly NewLine[],
  reason: string,
): Promise<string[]> {
  const last = await trx
    .selectFrom('budget_line')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('plan_year', '=', year)
    .executeTakeFirst();
  let position = Number(last?.position ?? 0);
  const actor = who(trail);
  const ids: string[] = [];
  for (const line of lines) {
    const lineId = randomUUID();
    ids.push(lineId);
    await trx
      .insertInto('budget_line')
      .values({
        line_id: lineId,
        plan_year: year,
        position: ++position,
        category: line.category,
        item: line.item,
        sub_item: line.subItem ?? null,
        note: line.note ?? null,
        budget_thousand_ntd: line.budgetThousandNtd,
      })
      .execute();
    if (line.programIds.length > 0)
      await trx
        .insertInto('budget_line_program')
        .values(line.programIds.map((program_id) => ({ plan_year: year, program_id, line_id: lineId })))
        .execute();
    await trx
      .insertInto('budget_line_amendment')
      .values({
        amendment_id: randomUUID(),
        line_id: lineId,
        version: 1,
        budget_thousand_ntd: line.budgetThousandNtd,
        program_ids: JSON.stringify([...line.programIds].sort()),
        reason,
        amended_by: actor.id,
        amended_by_name: actor.name,
      })
      .execute();
  }
  return ids;
}

/**
 * Creates a year's plan with the given lines, or answers the one already there when it was made the same
 * way (a retry); another plan of the year is a 409.
 */
export async function createPlanWithLines(
  db: Db,
  trail: AuditTrail,
  input: {
    year: number;
    source: string;
    copiedFromYear: number | null;
    lines: readonly NewLine[];
    reason: string;
  },
): Promise<{ created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const actor = who(trail);
    const inserted = await trx
      .insertInto('budget_plan')
      .values({
        plan_year: input.year,
        source: input.source,
        copied_from_year: input.copiedFromYear,
        created_by: actor.id,
        created_by_name: actor.name,
      })
      .onConflict((oc) => oc.column('plan_year').doNothing())
      .returning('plan_year')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('budget_plan')
        .select(['copied_from_year', 'source'])
        .where('plan_year', '=', input.year)
        .executeTakeFirstOrThrow();
      if (existing.copied_from_year === input.copiedFromYear) return { created: false };
      throw new ApiError(
        409,
        `${input.year} 年（民國 ${rocYear(input.year)} 年）已有施政計畫，請逐項修正`,
        `${input.year} already has a plan; amend its lines instead`,
        'body.year',
      );
    }
    for (const line of input.lines) checkPrograms(line.programIds, 'lines.programIds');
    const lineIds = await insertLines(trx, trail, input.year, input.lines, input.reason);
    await trail.log.append(trx, trail.context, [
      {
        action: 'create',
        recordType: 'budget-plan',
        recordId: String(input.year),
        details: {
          copiedFromYear: input.copiedFromYear,
          lines: lineIds.length,
          totalThousandNtd: input.lines.reduce((sum, line) => sum + line.budgetThousandNtd, 0),
        },
      },
    ]);
    return { created: true };
  });
}

/** A year's plan, empty or a copy of another year's lines (budgets and programs as they stand now). */
export async function createPlan(
  db: Db,
  trail: AuditTrail,
  input: { year: number; copyFrom?: number | undefined; source?: string | undefined },
): Promise<{ created: boolean; plan: Plan }> {
  const source = input.source?.trim();
  let lines: NewLine[] = [];
  let copiedFromYear: number | null = null;
  let defaultSource = `由業務承辦人逐項登錄 Entered line by line by ${trail.context.actor.name}`;
  if (input.copyFrom !== undefined) {
    if (input.copyFrom === input.year)
      throw new ApiError(400, '不能複製同一年度', 'a year cannot be copied from itself', 'body.copyFrom');
    const from = await readPlan(db, input.copyFrom);
    if (!from) throw noPlan(input.copyFrom, 'body.copyFrom');
    copiedFromYear = from.year;
    lines = from.lines.map(({ category, item, subItem, note, budgetThousandNtd, programIds }) => ({
      category,
      item,
      subItem,
      note,
      budgetThousandNtd,
      programIds,
    }));
    defaultSource =
      `複製自 ${from.year} 年（民國 ${from.rocYear} 年）計畫，預算待逐項修正 Copied from the ${from.year} plan; budgets to be amended line by line. 原始來源 Its source: ${from.source}`.slice(
        0,
        1000,
      );
  }
  const reason = copiedFromYear
    ? `複製自 ${copiedFromYear} 年計畫 Copied from the ${copiedFromYear} plan`
    : '登錄 Entered';
  const { created } = await createPlanWithLines(db, trail, {
    year: input.year,
    source: source || defaultSource,
    copiedFromYear,
    lines,
    reason,
  });
  return { created, plan: (await readPlan(db, input.year))! };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sorted = [...b].sort();
  return a.length === b.length && [...a].sort().every((id, k) => id === sorted[k]);
}

/** Enters a line at the end of a year's plan; the same line again (a retry) answers the one there. */
export async function addLine(
  db: Db,
  trail: AuditTrail,
  year: number,
  line: NewLine & { reason?: string | undefined },
): Promise<{ created: boolean; line: PlanLine }> {
  checkPrograms(line.programIds, 'body.programIds');
  const lineId = await db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('budget_plan')
      .select('plan_year')
      .where('plan_year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if (!plan) throw noPlan(year);
    const same = await trx
      .selectFrom('budget_line')
      .selectAll()
      .where('plan_year', '=', year)
      .where('category', '=', line.category)
      .where('item', '=', line.item)
      .where((eb) => (line.subItem ? eb('sub_item', '=', line.subItem) : eb('sub_item', 'is', null)))
      .executeTakeFirst();
    if (same) {
      const programs = await trx
        .selectFrom('budget_line_program')
        .select('program_id')
        .where('line_id', '=', same.line_id)
        .execute();
      const identical =
        same.version === 1 &&
        same.budget_thousand_ntd === line.budgetThousandNtd &&
        sameSet(
          programs.map((p) => p.program_id),
          line.programIds,
        );
      if (identical) return { id: same.line_id, created: false };
      throw new ApiError(
        409,
        '本年度已有相同類、項之計畫項目，請修正該項目',
        'the year already has a line of this category and item; amend that line instead',
        'body.item',
      );
    }
    await checkProgramsFree(trx, year, line.programIds, null);
    const [id] = await insertLines(trx, trail, year, [line], line.reason?.trim() || '登錄 Entered');
    await trail.log.append(trx, trail.context, [
      {
        action: 'create',
        recordType: 'budget-line',
        recordId: id!,
        details: { year, budgetThousandNtd: line.budgetThousandNtd, programIds: [...line.programIds] },
      },
    ]);
    return { id: id!, created: true };
  });
  const plan = (await readPlan(db, year))!;
  return { created: lineId.created, line: plan.lines.find((l) => l.lineId === lineId.id)! };
}

export interface Amendment {
  /** The version of the line the person saw (optimistic concurrency). */
  version: number;
  budgetThousandNtd?: number | undefined;
  programIds?: readonly string[] | undefined;
  reason: string;
}

/**
 * Amends a line's budget and/or programs from the version the person saw. A retry of an amendment already
 * made (same person, values and reason, one version later) answers the line as it is; any other change
 * in between is a 409: the person reloads and decides again.
 */
export async function amendLine(
  db: Db,
  trail: AuditTrail,
  year: number,
  lineId: string,
  amendment: Amendment,
): Promise<{ repeated: boolean; line: PlanLine }> {
  const reason = amendment.reason.trim();
  if (!reason) throw new ApiError(400, '修正須敘明理由', 'an amendment needs a reason', 'body.reason');
  if (amendment.budgetThousandNtd === undefined && amendment.programIds === undefined)
    throw new ApiError(
      400,
      '請填寫修正後之預算或方案',
      'give the new budget or the new programs',
      'body.budgetThousandNtd',
    );
  if (amendment.programIds) checkPrograms(amendment.programIds, 'body.programIds');
  const actor = who(trail);
  const repeated = await db.transaction().execute(async (trx) => {
    const line = await trx
      .selectFrom('budget_line')
      .selectAll()
      .where('line_id', '=', lineId)
      .where('plan_year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if (!line)
      throw new ApiError(404, `查無此計畫項目：${lineId}`, `no such line in the ${year} plan: ${lineId}`);
    const current = (
      await trx.selectFrom('budget_line_program').select('program_id').where('line_id', '=', lineId).execute()
    ).map((p) => p.program_id);
    const budget = amendment.budgetThousandNtd ?? line.budget_thousand_ntd;
    const programs = [...(amendment.programIds ?? current)].sort();
    if (line.version !== amendment.version) {
      const last = await trx
        .selectFrom('budget_line_amendment')
        .selectAll()
        .where('line_id', '=', lineId)
        .where('version', '=', line.version)
        .executeTakeFirstOrThrow();
      const retry =
        line.version === amendment.version + 1 &&
        last.amended_by === actor.id &&
        last.amended_by_name === actor.name &&
        last.reason === reason &&
        last.budget_thousand_ntd === budget &&
        sameSet(last.program_ids, programs);
      if (retry) return true;
      throw new ApiError(
        409,
        `此項目已被修正（目前第 ${line.version} 版，您看到的是第 ${amendment.version} 版），請重新整理後再修正`,
        `the line was amended meanwhile (now version ${line.version}, you saw ${amendment.version}); reload and amend again`,
        'body.version',
      );
    }
    if (budget === line.budget_thousand_ntd && sameSet(programs, current))
      throw new ApiError(
        400,
        '修正內容與現行相同',
        'the amendment changes nothing: the line already has this budget and these programs',
        'body.budgetThousandNtd',
      );
    await checkProgramsFree(trx, year, programs, lineId);
    const version = line.version + 1;
    await trx
      .updateTable('budget_line')
      .set({ budget_thousand_ntd: budget, version })
      .where('line_id', '=', lineId)
      .execute();
    if (!sameSet(programs, current)) {
      await trx.deleteFrom('budget_line_program').where('line_id', '=', lineId).execute();
      if (programs.length > 0)
        await trx
          .insertInto('budget_line_program')
          .values(programs.map((program_id) => ({ plan_year: year, program_id, line_id: lineId })))
          .execute();
    }
    await trx
      .insertInto('budget_line_amendment')
      .values({
        amendment_id: randomUUID(),
        line_id: lineId,
        version,
        budget_thousand_ntd: budget,
        previous_budget_thousand_ntd: line.budget_thousand_ntd,
        program_ids: JSON.stringify(programs),
        previous_program_ids: JSON.stringify([...current].sort()),
        reason,
        amended_by: actor.id,
        amended_by_name: actor.name,
      })
      .execute();
    await trail.log.append(trx, trail.context, [
      {
        action: 'amend',
        recordType: 'budget-line',
        recordId: lineId,
        details: {
          year,
          version,
          budgetThousandNtd: budget,
          previousBudgetThousandNtd: line.budget_thousand_ntd,
          programIds: programs,
          previousProgramIds: [...current].sort(),
          reason,
        },
      },
    ]);
    return false;
  });
  const plan = (await readPlan(db, year))!;
  return { repeated, line: plan.lines.find((l) => l.lineId === lineId)! };
}

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
