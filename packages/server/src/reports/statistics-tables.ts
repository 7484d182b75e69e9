import { ageSexChart, districtChart, trendChart } from '@safetynet/core/reports/charts';
import {
  AGE_BANDS,
  type Bilingual,
  type Language,
  type Measure,
  SEX_LABELS,
  textIn,
} from '@safetynet/core/reports/statistics-definitions';
import { PROGRAMS } from '@safetynet/rules';
import { CATALOG } from '@safetynet/rules/programs/catalog';
import type { AgeSexFigures } from './age-sex.ts';
import type { DistrictComparison, MonthlyTrend } from './statistics.ts';
import type { ReportTable, TableColumn } from './table-export.ts';

/**
 * Each statistic as a table (CSV, XLSX, and the page's data table) and as a chart spec (SVG and the page's
 * chart), from the same figures, so the downloaded data is exactly what the chart draws.
 */
const CATALOG_BY_ID = new Map(CATALOG.map((entry) => [entry.id, entry]));

export const isKnownProgram = (id: string) => PROGRAMS.has(id) || CATALOG_BY_ID.has(id);

/** A program's name in both languages (the encoded program's, else the catalog's Chinese one). */
export function programName(id: string): Bilingual {
  const encoded = PROGRAMS.get(id);
  if (encoded) return { zh: encoded.nameZh, en: encoded.nameEn };
  const listed = CATALOG_BY_ID.get(id);
  return listed ? { zh: listed.nameZh, en: listed.nameZh } : { zh: id, en: id };
}

/** Whom a program pays: a household or a person (the unit its recipients are counted in). */
export function programEntity(id: string): 'person' | 'household' | 'person-or-household' {
  return PROGRAMS.get(id)?.entity ?? CATALOG_BY_ID.get(id)?.entity ?? 'person';
}

const FIGURE_COLUMNS: readonly TableColumn[] = [
  { key: 'persons', zh: '人數（戶數）', en: 'Recipients (persons or households)', type: 'integer' },
  { key: 'personTimes', zh: '人次', en: 'Person-times', type: 'integer' },
  { key: 'households', zh: '戶數', en: 'Households', type: 'integer' },
  { key: 'amountNtd', zh: '金額（元）', en: 'Amount (NTD)', type: 'integer' },
];

const PROGRAM_COLUMNS: readonly TableColumn[] = [
  { key: 'programId', zh: '方案代碼', en: 'Program id', type: 'text' },
  { key: 'programName', zh: '方案名稱', en: 'Program', type: 'text' },
];

export function trendTable(trend: MonthlyTrend, language: Language): ReportTable {
  return {
    columns: [
      { key: 'period', zh: '月份', en: 'Month', type: 'text' },
      ...PROGRAM_COLUMNS,
      ...FIGURE_COLUMNS,
    ],
    rows: trend.rows.map((row) => ({ ...row, programName: textIn(programName(row.programId), language) })),
  };
}

export function trendSpec(trend: MonthlyTrend, measure: Measure, language: Language) {
  return trendChart({
    language,
    measure,
    months: trend.months,
    series: trend.programIds.map((programId) => ({
      programId,
      name: programName(programId),
      values: trend.rows.filter((r) => r.programId === programId).map((r) => r[measure]),
    })),
  });
}

export function districtTable(comparison: DistrictComparison, language: Language): ReportTable {
  const name = textIn(programName(comparison.programId), language);
  return {
    columns: [
      { key: 'districtCode', zh: '行政區代碼', en: 'District code', type: 'text' },
      { key: 'district', zh: '行政區', en: 'District', type: 'text' },
      ...PROGRAM_COLUMNS,
      ...FIGURE_COLUMNS,
    ],
    rows: [
      ...comparison.districts.map((d) => ({
        ...d,
        district: language === 'en' ? d.nameEn : d.nameZh,
        programId: comparison.programId,
        programName: name,
      })),
      {
        ...comparison.total,
        districtCode: '64000',
        district: language === 'en' ? 'Kaohsiung City' : '高雄市',
        programId: comparison.programId,
        programName: name,
      },
    ],
  };
}

export function districtSpec(
  comparison: DistrictComparison,
  period: { from: string; to: string },
  measure: Measure,
  language: Language,
) {
  return districtChart({
    language,
    measure,
    ...period,
    program: programName(comparison.programId),
    districts: comparison.districts.map((d) => ({
      code: d.districtCode,
      name: { zh: d.nameZh, en: d.nameEn },
      value: d[measure],
    })),
  });
}

const ALL_SELECTED: Bilingual = { zh: '所選方案合計', en: 'All selected programs' };

export function ageSexTable(figures: AgeSexFigures, language: Language): ReportTable {
  const bands = new Map(AGE_BANDS.map((b) => [b.id, b]));
  return {
    columns: [
      ...PROGRAM_COLUMNS,
      { key: 'ageBand', zh: '年齡組', en: 'Age band', type: 'text' },
      { key: 'sex', zh: '性別', en: 'Sex', type: 'text' },
      { key: 'persons', zh: '人數', en: 'Recipients', type: 'integer' },
      { key: 'personTimes', zh: '人次', en: 'Person-times', type: 'integer' },
      { key: 'amountNtd', zh: '金額（元）', en: 'Amount (NTD)', type: 'integer' },
    ],
    rows: figures.rows.map((row) => {
      const band = bands.get(row.ageBand);
      return {
        ...row,
        programId: row.programId ?? '',
        programName: textIn(row.programId ? programName(row.programId) : ALL_SELECTED, language),
        ageBand: band ? textIn(band.label, language) : row.ageBand,
        sex: textIn(SEX_LABELS[row.sex], language),
      };
    }),
  };
}

/** The chart of one program, or of all those asked for together (programId null). */
export function ageSexSpec(
  figures: AgeSexFigures,
  period: { from: string; to: string },
  language: Language,
  programId: string | null = figures.programIds.length === 1 ? (figures.programIds[0] as string) : null,
) {
  const rows = figures.rows.filter((r) => r.programId === programId);
  return ageSexChart({
    language,
    ...period,
    subject: programId ? programName(programId) : ALL_SELECTED,
    bands: AGE_BANDS.map((band) => ({
      band,
      M: rows.find((r) => r.ageBand === band.id && r.sex === 'M')?.persons ?? 0,
      F: rows.find((r) => r.ageBand === band.id && r.sex === 'F')?.persons ?? 0,
    })),
  });
}
