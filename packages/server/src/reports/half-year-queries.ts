import type { IsoDate, IsoMonth } from '@safetynet/core/calendar';
import { daysInMonth } from '@safetynet/core/calendar';
import type { AccountCounts, RegistryCounts } from '@safetynet/core/reports/half-year/report-structure';
import { type Kysely, sql } from 'kysely';
import { asOf } from '../db/as-of.ts';
import type { Schema } from '../db/schema.ts';
import { COUNTED_STATUSES } from './figures.ts';

/** The age from which the report counts a resident as a senior (老人福利法第2條: 65 and over). */
export const SENIOR_AGE = 65;

/**
 * The latest birth date of a person who is `age` or older on `on` (the day they turn `age` counts, and
 * someone born on 29 February turns a year older on 1 March of a common year: calendar.ts ageOn).
 */
export function bornOnOrBefore(on: IsoDate, age: number): IsoDate {
  const year = Number(on.slice(0, 4)) - age;
  const month = Number(on.slice(5, 7));
  const day = Math.min(Number(on.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * 四(一)1 and 四(二)1 from the registry as recorded for `on`: living persons registered in the city (設籍),
 * those 65 or older, and those holding a disability certificate valid that day.
 */
export async function registryCounts(db: Kysely<Schema>, on: IsoDate): Promise<RegistryCounts> {
  const certificates = asOf(db, 'disability_certificate', on).as('c');
  return db.transaction().execute(async (trx) => {
    // db/as-of.ts's rule, narrowed to the columns counted so that it reads the index person_version_report
    // (migrations/0019) in order instead of sorting every version of the city's 2.7 million persons.
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    const { rows } = await sql<{ population: string; seniors: string; disability: string }>`
      SELECT count(*)::text AS population,
        count(*) FILTER (WHERE p.birth_date <= ${bornOnOrBefore(on, SENIOR_AGE)}::date)::text AS seniors,
        count(*) FILTER (WHERE p.person_id IN (SELECT c.person_id FROM ${certificates}))::text AS disability
      FROM (
        SELECT DISTINCT ON (person_id) person_id, valid_to, birth_date, death_date, registered_district_code
        FROM person_version WHERE valid_from <= ${on}
        ORDER BY person_id, valid_from DESC, recorded_at DESC, version_id DESC
      ) p
      WHERE (p.valid_to IS NULL OR p.valid_to > ${on}) AND p.registered_district_code IS NOT NULL
        AND (p.death_date IS NULL OR p.death_date > ${on})`.execute(trx);
    const row = rows[0]!;
    return {
      asOf: on,
      population: Number(row.population),
      seniors: Number(row.seniors),
      withDisabilityCertificate: Number(row.disability),
    };
  });
}

/** 三(二)1 and 2: asset-building accounts open on `on` (opened by then, not closed by then), per program. */
export async function openAccountCounts(
  db: Kysely<Schema>,
  on: IsoDate,
): Promise<Map<string, AccountCounts>> {
  const rows = await db
    .selectFrom('asset_account')
    .where('opened_on', '<=', on)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', on)]))
    .groupBy('program_id')
    .select([
      'program_id',
      sql<string>`count(DISTINCT holder_person_id)::text`.as('holders'),
      sql<string>`count(DISTINCT household_id)::text`.as('households'),
    ])
    .execute();
  return new Map(
    rows.map((r) => [r.program_id, { holders: Number(r.holders), households: Number(r.households) }]),
  );
}

/** The latest month up to `upTo` with a counted payment (for the default half year), if any. */
export async function latestPaidMonth(db: Kysely<Schema>, upTo: IsoMonth): Promise<IsoMonth | undefined> {
  const row = await db
    .selectFrom('payment')
    .where('status', 'in', [...COUNTED_STATUSES])
    .where('period', '<=', upTo)
    .select((eb) => eb.fn.max('period').as('latest'))
    .executeTakeFirst();
  return row?.latest ?? undefined;
}
