import { addMonths, type IsoDate, type IsoMonth, isIsoMonth } from '../../calendar.ts';
import { monthSpan } from './sentences.ts';

/** The period a work report covers: whole months, at most a year. */
export const MAX_REPORT_MONTHS = 12;

export interface PeriodProblem {
  field: 'from' | 'to';
  zh: string;
  en: string;
}

/** What is wrong with a requested period, or undefined when it can be reported. */
export function periodProblem(from: string, to: string): PeriodProblem | undefined {
  if (!isIsoMonth(from))
    return { field: 'from', zh: '起始月份須為 YYYY-MM', en: 'from must be a YYYY-MM month' };
  if (!isIsoMonth(to)) return { field: 'to', zh: '結束月份須為 YYYY-MM', en: 'to must be a YYYY-MM month' };
  if (to < from)
    return { field: 'to', zh: '結束月份早於起始月份', en: 'the period ends (to) before it starts (from)' };
  if (monthSpan(from, to) > MAX_REPORT_MONTHS)
    return {
      field: 'to',
      zh: `報告期間最長${MAX_REPORT_MONTHS}個月`,
      en: `a report covers at most ${MAX_REPORT_MONTHS} months`,
    };
  return undefined;
}

/** The half year (January–June or July–December) a month is in. */
export function halfYearOf(month: IsoMonth): { from: IsoMonth; to: IsoMonth } {
  const year = month.slice(0, 4);
  return Number(month.slice(5, 7)) <= 6
    ? { from: `${year}-01`, to: `${year}-06` }
    : { from: `${year}-07`, to: `${year}-12` };
}

/** The last month of the latest half year that has ended before `today`'s month. */
export function lastCompleteHalfYearEnd(today: IsoDate): IsoMonth {
  const current = halfYearOf(today.slice(0, 7));
  return addMonths(current.from, -1);
}

/**
 * The half year a report shows when none is asked for: the latest complete one that has payments (the
 * caller finds the latest month with payments up to `lastCompleteHalfYearEnd`), else the latest complete one.
 */
export function defaultHalfYear(
  today: IsoDate,
  latestPaidMonth: IsoMonth | undefined,
): { from: IsoMonth; to: IsoMonth } {
  const end = lastCompleteHalfYearEnd(today);
  return halfYearOf(latestPaidMonth && latestPaidMonth <= end ? latestPaidMonth : end);
}
