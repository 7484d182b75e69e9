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
