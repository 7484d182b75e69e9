import type { IsoMonth } from '@safetynet/core/calendar';
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/**
 * The figures every report, chart and export is built from (issue 7), computed from the payments the system
 * made; none is typed in. Per program, and by district or month when asked:
 * - persons 人數: distinct recipients; for a program paid to a household the recipient is the household
 *   (the reports' 「戶(人)」);
 * - personTimes 人次: payments (one a month for a monthly allowance, one per grant);
 * - households 戶數: distinct households the payments were for (migrations/0017);
 * - amountNtd: their sum, in NTD.
 * A payment counts once it is authorized for payment (pending, sent to the bank, paid); returned, failed
 * and cancelled payments do not count.
 */
export interface ProgramFigures {
  programId: string;
  /** With `byDistrict`: the district's code; otherwise null (the whole city). */
  districtCode: string | null;
  /** With `byMonth`: the month; otherwise null (the whole period). */
  period: IsoMonth | null;
  persons: number;
  personTimes: number;
  households: number;
  amountNtd: number;
}

export interface FiguresQuery {
  from: IsoMonth;
  to: IsoMonth;
  /** Only these programs (default: every program with payments in the period). */
  programIds?: readonly string[];
  /** Only this district. */
  districtCode?: string;
  byDistrict?: boolean;
  byMonth?: boolean;
}

/** The payment statuses the figures count (see above). */
export const COUNTED_STATUSES = ['pending', 'sent', 'paid'] as const;

export async function programFigures(db: Kysely<Schema>, query: FiguresQuery): Promise<ProgramFigures[]> {
  const district = query.byDistrict ? sql`district_code` : sql`NULL::text`;
  const month = query.byMonth ? sql`period` : sql`NULL::text`;
  const programs = query.programIds
    ? sql`AND program_id IN (SELECT value FROM json_array_elements_text(${JSON.stringify(query.programIds)}::json))`
    : sql``;
  const inDistrict = query.districtCode ? sql`AND district_code = ${query.districtCode}` : sql``;
  const { rows } = await sql<{
    program_id: string;
    district_code: string | null;
    period: string | null;
    persons: string;
    person_times: string;
    households: string;
    amount: string;
  }>`
    SELECT program_id, ${district} AS district_code, ${month} AS period,
      count(DISTINCT entity_id)::text AS persons, count(*)::text AS person_times,
      count(DISTINCT household_id)::text AS households, coalesce(sum(amount_ntd), 0)::text AS amount
    FROM payment
    WHERE period >= ${query.from} AND period <= ${query.to}
      AND status IN ('pending', 'sent', 'paid') ${programs} ${inDistrict}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`.execute(db);
  return rows.map((row) => ({
    programId: row.program_id,
    districtCode: row.district_code,
    period: row.period as IsoMonth | null,
    persons: Number(row.persons),
    personTimes: Number(row.person_times),
    households: Number(row.households),
    amountNtd: Number(row.amount),
  }));
}

/** What a work report needs, from one pass over the period's payments (halfYearFigures). */
export interface PeriodFigures {
  /** Per program over the whole period, for the city. */
  city: ProgramFigures[];
  /** Per program and district over the whole period. */
  byDistrict: ProgramFigures[];
  /** Per program and month: distinct recipients paid that month (for 「平均每月補助…人」). */
  monthPersons: { programId: string; period: IsoMonth; persons: number }[];
}

const monthIndex = (month: IsoMonth) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number): IsoMonth =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** A month of the period (0 its first) as a bit of a bigint. */
const monthBit = (k: number) => sql`${sql.lit(2 ** k)}::bigint`;

/**
 * The rollup's rows of a period (migrations/0019: a row per year, program, recipient, household and
 * district), each with its payments and amount over the period's months and those months as bits; with
 * `byMonth`, each month's payments and amount as columns t_K and a_K (K from 0). A recipient paid in both
 * years of a period across a new year has a row for each year: counts of recipients must be distinct.
 */
function recipientRows(
  query: FiguresQuery,
  months: readonly IsoMonth[],
  byMonth: boolean,
): ReturnType<typeof sql> {
  const first = monthIndex(months[0]!);
  const column = (prefix: 't' | 'a', month: IsoMonth) => sql.ref(`${prefix}${month.slice(5, 7)}`);
  const programs = query.programIds
    ? sql`AND program_id IN (SELECT value FROM json_array_elements_text(${JSON.stringify(query.programIds)}::json))`
    : sql``;
  const inDistrict = query.districtCode ? sql`AND district_code = ${query.districtCode}` : sql``;
  const years = [...new Set(months.map((month) => month.slice(0, 4)))];
  return sql.join(
    years.map((year) => {
      const inYear = months.filter((month) => month.startsWith(year));
      const sum = (prefix: 't' | 'a') =>
        sql.join(
          inYear.map((month) => column(prefix, month)),
          sql` + `,
        );
      const bits = sql.join(
        inYear.map(
          (month) =>
            sql`CASE WHEN ${column('t', month)} > 0 THEN ${monthBit(monthIndex(month) - first)} ELSE 0 END`,
        ),
        sql` | `,
      );
      // By month: each month of the period a column, 0 in the other year's rows.
      const perMonth = byMonth
        ? sql`, ${sql.join(
            months.flatMap((month, k) =>
              month.startsWith(year)
                ? [
                    sql`${column('t', month)} AS ${sql.ref(`t_${k}`)}`,
                    sql`${column('a', month)} AS ${sql.ref(`a_${k}`)}`,
                  ]
                : [sql`0 AS ${sql.ref(`t_${k}`)}`, sql`0::bigint AS ${sql.ref(`a_${k}`)}`],
            ),
          )}`
        : sql``;
      return sql`SELECT program_id, district_code, entity_id, household_id, ${sum('t')} AS times,
          ${sum('a')} AS amount, ${bits} AS months ${perMonth}
        FROM report_recipient WHERE year = ${year} AND ${sum('t')} > 0 ${programs} ${inDistrict}`;
    }),
    sql` UNION ALL `,
  );
}

/** The months from `from` to `to`, at most `limit` of them. */
function monthsOf(query: { from: IsoMonth; to: IsoMonth }, limit: number, name: string): IsoMonth[] {
  const first = monthIndex(query.from);
  const span = monthIndex(query.to) - first + 1;
  if (span < 1 || span > limit)
    throw new RangeError(`${name}: 1 to ${limit} months, not ${query.from}–${query.to}`);
  return Array.from({ length: span }, (_, k) => monthAt(first + k));
}

/**
 * Fills the temporary table `recipient` (dropped at the transaction's end) with the period's rows, for the
 * counts below; distinct recipients are then counted by sorting in memory (the default 4 MB sorts on disk).
 */
async function withRecipientRows<T>(
  db: Kysely<Schema>,
  rows: ReturnType<typeof sql>,
  count: (trx: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`CREATE TEMPORARY TABLE recipient ON COMMIT DROP AS ${rows}`.execute(trx);
    await sql`SET LOCAL work_mem = '128MB'`.execute(trx);
    return count(trx);
  });
}

/** programFigures over the whole period, per program (and district) from `recipient`. */
async function wholePeriod(trx: Kysely<Schema>, byDistrict: boolean): Promise<ProgramFigures[]> {
  const district = byDistrict ? sql`district_code` : sql`NULL::text`;
  const { rows } = await sql<{
    program_id: string;
    district_code: string | null;
    persons: string;
    person_times: string;
    households: string;
    amount: string;
  }>`SELECT program_id, ${district} AS district_code, count(DISTINCT entity_id)::text AS persons,
      sum(times)::text AS person_times, count(DISTINCT household_id)::text AS households,
      sum(amount)::text AS amount
    FROM recipient GROUP BY 1, 2 ORDER BY 1, 2`.execute(trx);
  return rows.map((row) => ({
    programId: row.program_id,
    districtCode: row.district_code,
    period: null,
    persons: Number(row.persons),
    personTimes: Number(row.person_times),
    households: Number(row.households),
    amountNtd: Number(row.amount),
  }));
}

/**
 * Per program (and district) and month of the period, how many distinct `who` (recipients or households)
 * were paid that month, from `recipient`: a row per group (in order), column n_K for the period's month K.
 */
async function distinctByMonth(
  trx: Kysely<Schema>,
  who: 'entity_id' | 'household_id',
  byDistrict: boolean,
  span: number,
) {
  const district = byDistrict ? sql`district_code` : sql`NULL::text`;
  const { rows } = await sql<Record<string, string | null>>`
    SELECT program_id, district_code,
      ${sql.join(Array.from({ length: span }, (_, k) => sql`count(*) FILTER (WHERE months & ${monthBit(k)} <> 0)::text AS ${sql.ref(`n_${k}`)}`))}
    FROM (SELECT program_id, ${district} AS district_code, bit_or(months) AS months FROM recipient
      WHERE ${sql.ref(who)} IS NOT NULL GROUP BY 1, 2, ${sql.ref(who)}) r
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(trx);
  return rows;
}

/**
 * The same figures as programFigures for the city, by district, and persons by month, from the reports'
 * rollup instead of the payments themselves (about four million for a half year of the full city, six
 * times the rows). At most 12 months.
 */
export async function periodFigures(
  db: Kysely<Schema>,
  query: { from: IsoMonth; to: IsoMonth },
): Promise<PeriodFigures> {
  const months = monthsOf(query, 12, 'periodFigures');
  return withRecipientRows(db, recipientRows(query, months, false), async (trx) => {
    const city = await wholePeriod(trx, false);
    const byDistrict = await wholePeriod(trx, true);
    // A recipient paid in two districts or for two households in the period is one person a month.
    const persons = await distinctByMonth(trx, 'entity_id', false, months.length);
    const monthPersons = persons.flatMap((row) =>
      months
        .map((period, k) => ({ programId: row.program_id!, period, persons: Number(row[`n_${k}`]) }))
        .filter((entry) => entry.persons > 0),
    );
    return { city, byDistrict, monthPersons };
  });
}

/**
 * The amounts paid per program and month of a year (what budget execution compares with the plan), from
 * the reports' rollup: the same sums as programFigures' amountNtd by month, without counting recipients,
 * so a full city's year (seven million payments) is read as its recipients' rows.
 */
export async function monthlyAmounts(db: Kysely<Schema>, year: number): Promise<Map<string, number[]>> {
  const months = Array.from({ length: 12 }, (_, m) => `a${String(m + 1).padStart(2, '0')}`);
  const { rows } = await sql<Record<string, string>>`
    SELECT program_id, ${sql.join(months.map((column) => sql`sum(${sql.ref(column)})::text AS ${sql.ref(column)}`))}
    FROM report_recipient WHERE year = ${String(year).padStart(4, '0')}
    GROUP BY program_id ORDER BY program_id`.execute(db);
  return new Map(
    rows
      .map((row) => [row.program_id!, months.map((column) => Number(row[column]))] as const)
      .filter(([, amounts]) => amounts.some((amount) => amount !== 0)),
  );
}

/**
 * programFigures' figures (the same rows, in the same order) from the reports' rollup (migrations/0019)
 * instead of every payment: what the statistics pages and the open-data file count, a sixth of the rows
 * for a half year of monthly allowances. Months are bits of a bigint: at most 60 months.
 */
export async function rollupFigures(db: Kysely<Schema>, query: FiguresQuery): Promise<ProgramFigures[]> {
  const months = monthsOf(query, 60, 'rollupFigures');
  const byDistrict = query.byDistrict === true;
  if (!query.byMonth)
    return withRecipientRows(db, recipientRows(query, months, false), (trx) => wholePeriod(trx, byDistrict));
  return withRecipientRows(db, recipientRows(query, months, true), async (trx) => {
    const district = byDistrict ? sql`district_code` : sql`NULL::text`;
    const sums = await sql<Record<string, string | null>>`
      SELECT program_id, ${district} AS district_code,
        ${sql.join(months.flatMap((_, k) => [sql`sum(${sql.ref(`t_${k}`)})::text AS ${sql.ref(`t_${k}`)}`, sql`sum(${sql.ref(`a_${k}`)})::text AS ${sql.ref(`a_${k}`)}`]))}
      FROM recipient GROUP BY 1, 2 ORDER BY 1, 2`.execute(trx);
    const keyOf = (row: Record<string, string | null>) => `${row.program_id}|${row.district_code ?? ''}`;
    const byKey = (rows: Record<string, string | null>[]) => new Map(rows.map((row) => [keyOf(row), row]));
    const persons = byKey(await distinctByMonth(trx, 'entity_id', byDistrict, months.length));
    const households = byKey(await distinctByMonth(trx, 'household_id', byDistrict, months.length));
    return sums.rows.flatMap((row) => {
      const key = keyOf(row);
      return months
        .map((period, k) => ({ period, k }))
        .filter(({ k }) => Number(row[`t_${k}`]) > 0)
        .map(({ period, k }) => ({
          programId: row.program_id!,
          districtCode: row.district_code ?? null,
          period,
          persons: Number(persons.get(key)?.[`n_${k}`] ?? 0),
          personTimes: Number(row[`t_${k}`]),
          households: Number(households.get(key)?.[`n_${k}`] ?? 0),
          amountNtd: Number(row[`a_${k}`]),
        }));
    });
  });
}
