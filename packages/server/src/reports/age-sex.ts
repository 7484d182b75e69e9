import { type IsoMonth, lastDayOfMonth } from '@safetynet/core/calendar';
import { AGE_BANDS, ageBandOf, SEXES, type Sex } from '@safetynet/core/reports/statistics-definitions';
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { COUNTED_STATUSES } from './figures.ts';

/**
 * 受益人年齡及性別 Recipients by age band and sex (docs/statistics.md), from the payments counted as in
 * reports/figures.ts:
 * - who: for a program paid to a person, that person; for a program paid to a household, the household's
 *   payee (the member the money is paid to), so each household counts once, as one person of one age;
 * - age: completed years on the last day of the period (民法 §124, as calendar.ts `ageOn`: a year older on
 *   the birthday, someone born on 29 February on 1 March in a common year);
 * - sex and birth date: from the person's record as of that day (the latest-recorded version of the latest
 *   segment starting by then, as db/as-of.ts), whether or not the segment has ended since: a recipient paid
 *   in the period who has since died or moved away is still counted. A record starting only after the
 *   period (a late registration) is read from its first version.
 * Persons are distinct per program and, in the rows with programId null, across the programs asked for.
 */
export interface AgeSexRow {
  /** null: all the programs asked for together (a person in two of them counted once). */
  programId: string | null;
  ageBand: string;
  sex: Sex;
  persons: number;
  personTimes: number;
  amountNtd: number;
}

export interface AgeSexFigures {
  /** The day ages are computed on: the period's last day. */
  ageOn: string;
  programIds: string[];
  /** Every program × band × sex (zeros included), then the same for all programs together. */
  rows: AgeSexRow[];
}

export async function ageSexFigures(
  db: Kysely<Schema>,
  query: { from: IsoMonth; to: IsoMonth; programIds?: readonly string[] },
): Promise<AgeSexFigures> {
  const end = lastDayOfMonth(query.to);
  const programs = query.programIds
    ? sql`AND program_id IN (SELECT value FROM json_array_elements_text(${JSON.stringify(query.programIds)}::json))`
    : sql``;
  const { rows } = await sql<{
    program_id: string | null;
    sex: Sex;
    age: number;
    persons: string;
    person_times: string;
    amount: string;
  }>`
    WITH paid AS (
      SELECT program_id, CASE WHEN entity = 'person' THEN entity_id ELSE payee_person_id END AS person_id,
        amount_ntd
      FROM payment
      WHERE period >= ${query.from} AND period <= ${query.to}
        AND status IN (SELECT value FROM json_array_elements_text(${JSON.stringify(COUNTED_STATUSES)}::json))
        ${programs}
    ),
    recipient AS (
      SELECT DISTINCT ON (person_id) person_id, sex, birth_date
      FROM person_version
      WHERE person_id IN (SELECT person_id FROM paid)
      ORDER BY person_id,
        CASE WHEN valid_from <= ${end}::date THEN valid_from END DESC NULLS LAST,
        valid_from, recorded_at DESC, version_id DESC
    ),
    aged AS (
      SELECT paid.program_id, paid.person_id, paid.amount_ntd, r.sex,
        (extract(year FROM ${end}::date) - extract(year FROM r.birth_date)
          - CASE WHEN to_char(r.birth_date, 'MMDD') > to_char(${end}::date, 'MMDD') THEN 1 ELSE 0 END
        )::int AS age
      FROM paid JOIN recipient r USING (person_id)
    )
    SELECT program_id, sex, age, count(DISTINCT person_id)::text AS persons,
      count(*)::text AS person_times, coalesce(sum(amount_ntd), 0)::text AS amount
    FROM aged
    GROUP BY GROUPING SETS ((program_id, sex, age), (sex, age))
    ORDER BY 1, 2, 3`.execute(db);

  const programIds = query.programIds
    ? [...query.programIds]
    : [...new Set(rows.flatMap((r) => (r.program_id === null ? [] : [r.program_id])))].sort();
  const sums = new Map<string, { persons: number; personTimes: number; amountNtd: number }>();
  const keyOf = (programId: string | null, band: string, sex: string) => `${programId ?? ''}|${band}|${sex}`;
  for (const row of rows) {
    // A birth date after the period's end cannot be paid for; counted in the youngest band if it happens.
    const band = ageBandOf(Math.max(0, row.age)).id;
    const key = keyOf(row.program_id, band, row.sex);
    const sum = sums.get(key) ?? { persons: 0, personTimes: 0, amountNtd: 0 };
    sum.persons += Number(row.persons);
    sum.personTimes += Number(row.person_times);
    sum.amountNtd += Number(row.amount);
    sums.set(key, sum);
  }
  const table: AgeSexRow[] = [];
  for (const programId of [...programIds, null]) {
    for (const band of AGE_BANDS) {
      for (const sex of SEXES) {
        const sum = sums.get(keyOf(programId, band.id, sex)) ?? { persons: 0, personTimes: 0, amountNtd: 0 };
        table.push({ programId, ageBand: band.id, sex, ...sum });
      }
    }
  }
  return { ageOn: end, programIds, rows: table };
}
