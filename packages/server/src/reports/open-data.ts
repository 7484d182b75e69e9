import type { IsoMonth } from '@safetynet/core/calendar';
import { KAOHSIUNG_CITY_CODE, KAOHSIUNG_DISTRICTS } from '@safetynet/core/districts';
import {
  OPEN_DATA_MIN_RECIPIENTS,
  type SuppressionReason,
  suppressSmallCells,
} from '@safetynet/core/reports/open-data-suppression';
import { type Language, textIn } from '@safetynet/core/reports/statistics-definitions';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { rollupFigures } from './figures.ts';
import { programEntity, programName } from './statistics-tables.ts';
import type { ReportTable } from './table-export.ts';

/**
 * 開放資料 Recipients per program, district and month (docs/statistics.md): counts and amounts only, no
 * personal data, with small cells suppressed (core/reports/open-data-suppression.ts). Each program and
 * month has a row per district with payments and a city row (district code 64000) whose figures are the
 * city's; a district row's figures are blank where suppressed, with the reason in the note column.
 */
export interface OpenDataRow {
  period: IsoMonth;
  programId: string;
  districtCode: string;
  recipients: number | null;
  personTimes: number | null;
  amountNtd: number | null;
  suppressed: SuppressionReason | 'total' | null;
}

export async function openDataRows(
  db: Kysely<Schema>,
  query: { from: IsoMonth; to: IsoMonth },
  threshold = OPEN_DATA_MIN_RECIPIENTS,
): Promise<OpenDataRow[]> {
  const [cells, totals] = [
    await rollupFigures(db, { ...query, byDistrict: true, byMonth: true }),
    await rollupFigures(db, { ...query, byMonth: true }),
  ];
  const group = (programId: string, period: string | null) => `${programId}|${period}`;
  const suppression = suppressSmallCells(
    cells.map((c) => ({
      group: group(c.programId, c.period),
      key: `${group(c.programId, c.period)}|${c.districtCode}`,
      recipients: c.persons,
    })),
    threshold,
  );
  const rows: OpenDataRow[] = [];
  const shown = (
    programId: string,
    period: IsoMonth,
    districtCode: string,
    figures: { persons: number; personTimes: number; amountNtd: number },
    suppressed: OpenDataRow['suppressed'],
  ): OpenDataRow =>
    suppressed
      ? { period, programId, districtCode, recipients: null, personTimes: null, amountNtd: null, suppressed }
      : {
          period,
          programId,
          districtCode,
          recipients: figures.persons,
          personTimes: figures.personTimes,
          amountNtd: figures.amountNtd,
          suppressed: null,
        };
  const byGroup = new Map<string, typeof cells>();
  for (const cell of cells) {
    const key = group(cell.programId, cell.period);
    byGroup.set(key, [...(byGroup.get(key) ?? []), cell]);
  }
  const order = new Map(KAOHSIUNG_DISTRICTS.map((d, k) => [d.code, k]));
  const sortedTotals = [...totals].sort(
    (a, b) => (a.period ?? '').localeCompare(b.period ?? '') || a.programId.localeCompare(b.programId),
  );
  for (const total of sortedTotals) {
    const key = group(total.programId, total.period);
    const period = total.period as IsoMonth;
    rows.push(
      shown(
        total.programId,
        period,
        KAOHSIUNG_CITY_CODE,
        total,
        suppression.totals.has(key) ? 'total' : null,
      ),
    );
    const districts = (byGroup.get(key) ?? []).sort(
      (a, b) => (order.get(a.districtCode ?? '') ?? 99) - (order.get(b.districtCode ?? '') ?? 99),
    );
    for (const cell of districts) {
      const reason = suppression.cells.get(`${key}|${cell.districtCode}`) ?? null;
      rows.push(shown(cell.programId, period, cell.districtCode as string, cell, reason));
    }
  }
  return rows;
}

// A cell hidden for being small and one hidden with it read the same: telling them apart would say which
// hidden cell is the small one, and with the total, what each holds.
const HIDDEN_CELL = (n: number) => ({
  zh: `未滿${n}人（戶）或為免由合計推算，不公開`,
  en: `fewer than ${n} recipients, or hidden so that such a cell cannot be worked out from the total`,
});
const NOTES: Record<NonNullable<OpenDataRow['suppressed']>, (n: number) => { zh: string; en: string }> = {
  small: HIDDEN_CELL,
  complementary: HIDDEN_CELL,
  total: () => ({
    zh: '合計可推算個別數值，不公開',
    en: 'total not shown: it would reveal a hidden cell',
  }),
};

const UNITS = {
  person: { zh: '人', en: 'persons' },
  household: { zh: '戶', en: 'households' },
  'person-or-household': { zh: '人或戶', en: 'persons or households' },
};

export function openDataTable(
  rows: readonly OpenDataRow[],
  language: Language,
  threshold = OPEN_DATA_MIN_RECIPIENTS,
): ReportTable {
  const districts = new Map(KAOHSIUNG_DISTRICTS.map((d) => [d.code, d]));
  return {
    columns: [
      { key: 'period', zh: '月份', en: 'month', type: 'text' },
      { key: 'programId', zh: '方案代碼', en: 'program_id', type: 'text' },
      { key: 'programName', zh: '方案名稱', en: 'program', type: 'text' },
      { key: 'districtCode', zh: '行政區代碼', en: 'district_code', type: 'text' },
      { key: 'district', zh: '行政區', en: 'district', type: 'text' },
      { key: 'unit', zh: '受益單位', en: 'recipient_unit', type: 'text' },
      { key: 'recipients', zh: '受益人（戶）數', en: 'recipients', type: 'integer' },
      { key: 'personTimes', zh: '人（戶）次', en: 'person_times', type: 'integer' },
      { key: 'amountNtd', zh: '金額（元）', en: 'amount_ntd', type: 'integer' },
      { key: 'note', zh: '附註', en: 'note', type: 'text' },
    ],
    rows: rows.map((row) => {
      const district = districts.get(row.districtCode);
      return {
        ...row,
        programName: textIn(programName(row.programId), language),
        district: district
          ? textIn({ zh: district.nameZh, en: district.nameEn }, language)
          : textIn({ zh: '高雄市', en: 'Kaohsiung City' }, language),
        unit: textIn(UNITS[programEntity(row.programId)], language),
        note: row.suppressed ? textIn(NOTES[row.suppressed](threshold), language) : '',
      };
    }),
  };
}
