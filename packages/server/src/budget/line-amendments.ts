import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Schema } from '../db/schema.ts';
import { checkPrograms, checkProgramsFree, sameSet, who } from './plan-checks.ts';
import { type PlanLine, readPlan } from './plan-queries.ts';

/**
 * 預算修正 Amending a line of a year's plan: its budget and/or its programs, with the reason, as a new
 * version of the line (budget_line_amendment keeps each one) and its audit entry, in one transaction.
 */

type Db = Kysely<Schema>;

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
    // The plan's row first, as adding a line does: two amendments giving the same program to two lines,
    // or one racing a new line, take turns, so the second is told the program is taken (409).
    await trx
      .selectFrom('budget_plan')
      .select('plan_year')
      .where('plan_year', '=', year)
      .forUpdate()
      .execute();
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
