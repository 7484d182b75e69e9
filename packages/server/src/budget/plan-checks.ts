import { CATALOG } from '@safetynet/rules/programs/catalog';
import type { Transaction } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Schema } from '../db/schema.ts';

/** What every write of a plan checks: known programs, each on one line of a year; who is writing. */

const KNOWN_PROGRAMS = new Set(CATALOG.map((entry) => entry.id));
/** The column is integer: 2,147,483,647 thousand NTD, about 2.1 trillion NTD. */
export const MAX_BUDGET_THOUSAND_NTD = 2_147_483_647;

export const who = (trail: AuditTrail) => ({
  id: trail.context.actor.kind === 'staff' ? trail.context.actor.id : null,
  name: trail.context.actor.name,
});

/** Unknown or repeated program ids: a 400 naming them. */
export function checkPrograms(programIds: readonly string[], field: string): void {
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
export async function checkProgramsFree(
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

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sorted = [...b].sort();
  return a.length === b.length && [...a].sort().every((id, k) => id === sorted[k]);
}
