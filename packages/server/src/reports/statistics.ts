import type { IsoMonth } from '@safetynet/core/calendar';
import { KAOHSIUNG_DISTRICTS } from '@safetynet/core/districts';
import { monthsBetween } from '@safetynet/core/reports/statistics-definitions';
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { COUNTED_STATUSES, type ProgramFigures, rollupFigures } from './figures.ts';

/**
 * The statistics pages' figures (docs/statistics.md), all from `rollupFigures` (programFigures' figures,
 * read from the reports' rollup: figures.ts), laid out for a chart: every month or every district present, with zeros where nothing was
 * paid, so a line does not skip a month and a district with no recipient is shown as none.
 */
export type Figures = Pick<ProgramFigures, 'persons' | 'personTimes' | 'households' | 'amountNtd'>;
const ZERO: Figures = { persons: 0, personTimes: 0, households: 0, amountNtd: 0 };
const figuresOf = (row: ProgramFigures | undefined): Figures =>
  row
    ? {
        persons: row.persons,
        personTimes: row.personTimes,
        households: row.households,
        amountNtd: row.amountNtd,
      }
    : { ...ZERO };

export interface TrendRow extends Figures {
  programId: string;
  period: IsoMonth;
}

export interface MonthlyTrend {
  months: IsoMonth[];
  /** The programs shown: those asked for, or every program with payments in the period. */
  programIds: string[];
  /** Program × month, programs in the order asked (or by id), months in order. */
  rows: TrendRow[];
}

/** 每月趨勢 Each program's figures per month. */
export async function monthlyTrend(
  db: Kysely<Schema>,
  query: { from: IsoMonth; to: IsoMonth; programIds?: readonly string[] },
): Promise<MonthlyTrend> {
  const figures = await rollupFigures(db, {
    from: query.from,
    to: query.to,
    byMonth: true,
    ...(query.programIds ? { programIds: query.programIds } : {}),
  });
  const months = monthsBetween(query.from, query.to);
  const programIds = query.programIds ? [...query.programIds] : [...new Set(figures.map((f) => f.programId))];
  const found = new Map(figures.map((f) => [`${f.programId}|${f.period}`, f]));
  const rows = programIds.flatMap((programId) =>
    months.map((period) => ({ programId, period, ...figuresOf(found.get(`${programId}|${period}`)) })),
  );
  return { months, programIds, rows };
}

export interface DistrictRow extends Figures {
  districtCode: string;
  nameZh: string;
  nameEn: string;
}

export interface DistrictComparison {
  programId: string;
  /** The 38 districts in their official order. */
  districts: DistrictRow[];
  /** The whole city (persons and households counted once even if paid in two districts). */
  total: Figures;
}

/** 行政區比較 One program's figures over the period in each district, and the city's. */
export async function districtComparison(
  db: Kysely<Schema>,
  query: { from: IsoMonth; to: IsoMonth; programId: string },
): Promise<DistrictComparison> {
  const base = { from: query.from, to: query.to, programIds: [query.programId] };
  // One after the other: each is a transaction of its own (the embedded engine has one connection).
  const byDistrict = await rollupFigures(db, { ...base, byDistrict: true });
  const city = await rollupFigures(db, base);
  const found = new Map(byDistrict.map((f) => [f.districtCode, f]));
  return {
    programId: query.programId,
    districts: KAOHSIUNG_DISTRICTS.map((d) => ({
      districtCode: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      ...figuresOf(found.get(d.code)),
    })),
    total: figuresOf(city[0]),
  };
}

/** The first and last months with counted payments (null when none): the page's default period. */
export async function paidMonths(
  db: Kysely<Schema>,
): Promise<{ first: IsoMonth | null; last: IsoMonth | null }> {
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    SELECT min(period) AS first, max(period) AS last FROM payment
    WHERE status IN (SELECT value FROM json_array_elements_text(${JSON.stringify(COUNTED_STATUSES)}::json))`.execute(
    db,
  );
  return { first: rows[0]?.first ?? null, last: rows[0]?.last ?? null };
}
