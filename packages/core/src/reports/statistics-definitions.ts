/**
 * What the statistics pages count (docs/statistics.md): the measures, and the age bands recipients are
 * grouped in. Shared by the server's queries, the charts and the web page, so a band or a label is defined
 * once.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Language = 'zh-TW' | 'en';

export const textIn = (text: Bilingual, language: Language) => (language === 'en' ? text.en : text.zh);

/** The figures of reports/figures.ts a chart can show. */
export const MEASURES = ['persons', 'personTimes', 'households', 'amountNtd'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, Bilingual> = {
  persons: { zh: '人數', en: 'Recipients' },
  personTimes: { zh: '人次', en: 'Person-times' },
  households: { zh: '戶數', en: 'Households' },
  amountNtd: { zh: '金額（元）', en: 'Amount (NTD)' },
};

/**
 * Age bands (completed years on the last day of the period, calendar.ts `ageOn`): pre-school, the two halves
 * of 兒童及少年福利與權益保障法's children (under 12) and youths (12–17), young adults to 24, the working ages
 * in two bands, and 老人福利法's seniors (65+) split at 75, where the bureau's senior programs and the
 * long-term care figures draw the line between younger and older seniors.
 */
export interface AgeBand {
  id: string;
  /** Youngest age in the band. */
  from: number;
  /** Oldest age in the band; null = no upper end. */
  to: number | null;
  label: Bilingual;
}

const band = (from: number, to: number | null): AgeBand => ({
  id: to === null ? `${from}+` : `${from}-${to}`,
  from,
  to,
  label:
    to === null ? { zh: `${from}歲以上`, en: `${from}+` } : { zh: `${from}–${to}歲`, en: `${from}–${to}` },
});

export const AGE_BANDS: readonly AgeBand[] = [
  band(0, 5),
  band(6, 11),
  band(12, 17),
  band(18, 24),
  band(25, 44),
  band(45, 64),
  band(65, 74),
  band(75, null),
];

/** The band an age falls in (ages below 0 cannot occur: a recipient paid in a period was born by then). */
export function ageBandOf(age: number): AgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`not an age: ${age}`);
  for (let k = AGE_BANDS.length - 1; k >= 0; k--) {
    const b = AGE_BANDS[k] as AgeBand;
    if (age >= b.from) return b;
  }
  throw new RangeError(`no band for age ${age}`);
}

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, Bilingual> = {
  M: { zh: '男', en: 'Male' },
  F: { zh: '女', en: 'Female' },
};

/** The longest period a statistic covers (five years of months on one chart is already dense). */
export const MAX_STATISTICS_MONTHS = 60;

/** What is wrong with a requested period, or undefined; `field` names the query parameter. */
export function statisticsPeriodProblem(
  from: string,
  to: string,
): { field: 'from' | 'to'; zh: string; en: string } | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/;
  if (!month.test(from))
    return { field: 'from', zh: '起始月份須為 YYYY-MM', en: 'from must be a YYYY-MM month' };
  if (!month.test(to)) return { field: 'to', zh: '結束月份須為 YYYY-MM', en: 'to must be a YYYY-MM month' };
  if (to < from)
    return { field: 'to', zh: '結束月份早於起始月份', en: 'the period ends (to) before it starts (from)' };
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_STATISTICS_MONTHS)
    return {
      field: 'to',
      zh: `統計期間最長${MAX_STATISTICS_MONTHS}個月`,
      en: `a statistic covers at most ${MAX_STATISTICS_MONTHS} months`,
    };
  return undefined;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let k = monthIndex(from); k <= monthIndex(to); k++) {
    months.push(`${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
