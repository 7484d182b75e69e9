import { type IsoDate, type IsoMonth, lastDayOfMonth, taipeiDay } from '@safetynet/core/calendar';
import { districtByCode } from '@safetynet/core/districts';
import {
  buildHalfYearReport,
  HALF_YEAR_REPORT,
  type HalfYearReport,
} from '@safetynet/core/reports/half-year/report-model';
import { defaultHalfYear, lastCompleteHalfYearEnd } from '@safetynet/core/reports/half-year/report-period';
import {
  type Figures,
  type MonthPersons,
  walkNodes,
} from '@safetynet/core/reports/half-year/report-structure';
import { CATALOG } from '@safetynet/rules/programs/catalog';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { COUNTED_STATUSES, periodFigures } from './figures.ts';
import { latestPaidMonth, openAccountCounts, registryCounts } from './half-year-queries.ts';

/**
 * The half-year work report (工作報告) from the system's own records: the sentences of 三 and 四 from the
 * payments (figures.ts), the senior and disability populations from the registry on the period's last day,
 * asset-building participants from the accounts open then; and an appendix per program and district.
 */

/** One program in one district over the period (the appendix). */
export interface AppendixRow {
  programId: string;
  nameZh: string;
  /** The report item that counts the program (「四(一)2(1)」), or null for a program no item counts. */
  path: string | null;
  districtCode: string;
  districtName: string;
  persons: number;
  personTimes: number;
  households: number;
  amountNtd: number;
}

export interface HalfYearReportDocument extends HalfYearReport {
  /** The payment statuses counted (returned, failed and cancelled payments are not). */
  countedStatuses: string[];
  /** The day the report was made, in Taipei. */
  madeOn: IsoDate;
  appendix: AppendixRow[];
}

const CATALOG_NAMES = new Map(CATALOG.map((entry) => [entry.id, entry.nameZh]));

/** The report item counting each program, and the programs in the report's order. */
const ITEM_OF_PROGRAM = new Map<string, string>();
for (const { node, path } of walkNodes(HALF_YEAR_REPORT))
  if (node.data?.source === 'payments') for (const p of node.data.programs) ITEM_OF_PROGRAM.set(p.id, path);
const REPORT_ORDER = [...ITEM_OF_PROGRAM.keys()];

const figuresOf = (row: Figures): Figures => ({
  persons: row.persons,
  personTimes: row.personTimes,
  households: row.households,
  amountNtd: row.amountNtd,
});

/** The period when none is asked for: the latest complete half year with payments (report-period.ts). */
export async function defaultReportPeriod(
  db: Kysely<Schema>,
  today: IsoDate,
): Promise<{ from: IsoMonth; to: IsoMonth }> {
  return defaultHalfYear(today, await latestPaidMonth(db, lastCompleteHalfYearEnd(today)));
}

/** The report of a period already checked (report-period.ts periodProblem). */
export async function loadHalfYearReport(
  db: Kysely<Schema>,
  period: { from: IsoMonth; to: IsoMonth },
  options: { today?: IsoDate } = {},
): Promise<HalfYearReportDocument> {
  const asOf = lastDayOfMonth(period.to);
  const [{ city, byDistrict, monthPersons }, registry, accounts] = await Promise.all([
    periodFigures(db, period),
    registryCounts(db, asOf),
    openAccountCounts(db, asOf),
  ]);
  const months = new Map<string, MonthPersons[]>();
  for (const row of monthPersons) {
    const list = months.get(row.programId) ?? [];
    list.push({ month: row.period, persons: row.persons });
    months.set(row.programId, list);
  }
  const report = buildHalfYearReport({
    ...period,
    figures: new Map(city.map((row) => [row.programId, figuresOf(row)])),
    months,
    registry,
    accounts,
    programNames: CATALOG_NAMES,
  });
  const rank = (id: string) => {
    const k = REPORT_ORDER.indexOf(id);
    return k < 0 ? REPORT_ORDER.length : k;
  };
  const appendix = byDistrict
    .map((row) => ({
      programId: row.programId,
      nameZh: CATALOG_NAMES.get(row.programId) ?? row.programId,
      path: ITEM_OF_PROGRAM.get(row.programId) ?? null,
      districtCode: row.districtCode!,
      districtName: districtByCode(row.districtCode!)?.nameZh ?? row.districtCode!,
      ...figuresOf(row),
    }))
    .sort(
      (a, b) =>
        rank(a.programId) - rank(b.programId) ||
        a.programId.localeCompare(b.programId) ||
        a.districtCode.localeCompare(b.districtCode),
    );
  return {
    ...report,
    countedStatuses: [...COUNTED_STATUSES],
    madeOn: options.today ?? taipeiDay(),
    appendix,
  };
}
