/**
 * Calendar-exact dates for rules and screens. Dates are ISO `YYYY-MM-DD` strings at the edges and day
 * numbers (days since 1970-01-01) inside vectorized rules, where integer arithmetic is fast.
 */

export type IsoDate = string;
/** `YYYY-MM` */
export type IsoMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isIsoMonth(text: string): boolean {
  const m = ISO_MONTH.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const [year, month, day] = parts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

const TAIPEI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' });

/** The day an instant falls on in Taiwan (UTC+8): what a date on a notice or a certificate means. */
export function taipeiDay(at: Date | string | number = new Date()): IsoDate {
  return TAIPEI_DAY.format(at instanceof Date ? at : new Date(at));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  if (!isIsoMonth(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  if (!isIsoMonth(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, mon)).padStart(2, '0')}`;
}

export function addMonths(month: IsoMonth, count: number): IsoMonth {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Completed years of age on `date`.
 *
 * 民法第124條第1項：「年齡自出生之日起算。」第121條第2項：「期間不以星期、月或年之始日起算者，以最後之
 * 星期、月或年與起算日相當日之前一日，為期間之末日。但以月或年定期間，於最後之月，無相當日者，以其月之
 * 末日，為期間之末日。」
 * So a year of age is complete at the end of the day before the birthday, and one is a year older on the
 * birthday itself; someone born on 29 February completes the year at the end of 28 February in a common
 * year and is older from 1 March.
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(date);
  let age = y - by;
  // The birthday this year; 29 Feb in a common year has no corresponding day: the year ends on 28 Feb.
  const birthdayPassed = m > bm || (m === bm && d >= bd);
  if (!birthdayPassed) age -= 1;
  return age;
}

/** ROC (民國) year of a date or Gregorian year: year − 1911. */
export function rocYear(dateOrYear: IsoDate | number): number {
  const year = typeof dateOrYear === 'number' ? dateOrYear : parts(dateOrYear)[0];
  return year - 1911;
}

/** `2023-06-30` → `112年6月30日` (how people read dates on notices). */
export function formatRocDate(date: IsoDate): string {
  const [year, month, day] = parts(date);
  return `${year - 1911}年${month}月${day}日`;
}

/** `2024-07` → `113年7月` (a month on a notice, e.g. the first month of an allowance). */
export function formatRocMonth(month: IsoMonth): string {
  if (!isIsoMonth(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return `${year - 1911}年${mon}月`;
}

/** `2023-06-30` → `112/06/30` (how forms and files write them). */
export function formatRocDateSlash(date: IsoDate): string {
  const [year, month, day] = parts(date);
  return `${year - 1911}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** Accepts `112/06/30`, `112-06-30`, `112.06.30`, `1120630` and `民國112年6月30日`; undefined if invalid. */
export function parseRocDate(text: string): IsoDate | undefined {
  const t = text.trim().replace(/^民國/, '');
  const m =
    /^(\d{2,3})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t) ??
    /^(\d{2,3})年(\d{1,2})月(\d{1,2})日$/.exec(t) ??
    /^(\d{3})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const iso = `${String(Number(m[1]) + 1911).padStart(4, '0')}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}
