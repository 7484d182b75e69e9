import { randomUUID } from 'node:crypto';
import { rocYear } from '@safetynet/core/calendar';
import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Schema } from '../db/schema.ts';
import { checkPrograms, checkProgramsFree, sameSet, who } from './plan-checks.ts';
import { noPlan, type Plan, type PlanLine, readPlan } from './plan-queries.ts';

/**
 * 施政計畫與預算 The annual plans: creating a year (empty or a copy of another year) and entering a line
 * (amending one: line-amendments.ts; reading: plan-queries.ts). Every write is one transaction with its audit entry and a row
 * of budget_line_amendment per line version (who, when, why): figures come from the printed plan or
 * from a person, never from code (docs/budget.md).
 */

/** A line as entered: what the plan prints, and the programs its execution is measured from. */
export interface NewLine {
  category: string;
  item: string;
  subItem?: string | null;
  note?: string | null;
  budgetThousandNtd: number;
  programIds: readonly string[];
}

type Db = Kysely<Schema>;

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
