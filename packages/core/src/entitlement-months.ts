import { addMonths, type IsoMonth, isIsoMonth } from './calendar.ts';

/**
 * Entitlements in versions (給付資格的版本): a change never overwrites a row, it adds a version that
 * holds from its first month on. The version in force for a month is the highest-numbered version that
 * has begun by then; the entitlement is paid that month when that version has not ended before it and its
 * amount is above zero. The server's payment run states the same rule in SQL (payment-run.ts).
 */
export interface EntitlementSpan {
  version: number;
  firstMonth: IsoMonth;
  lastMonth: IsoMonth | null;
  monthlyAmountNtd: number;
}

/** Months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  return Math.max(0, monthNumber(to) - monthNumber(from) + 1);
}

export function monthNumber(month: IsoMonth): number {
  if (!isIsoMonth(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return year * 12 + mon - 1;
}

export function previousMonth(month: IsoMonth): IsoMonth {
  return addMonths(month, -1);
}

/** `YYYY-MM` strings order like the months they name. */
export const monthsInOrder = (a: IsoMonth, b: IsoMonth): number => (a < b ? -1 : a > b ? 1 : 0);

/** The version that governs `month`, whether or not it pays (undefined before the entitlement began). */
export function versionFor<T extends EntitlementSpan>(
  versions: readonly T[],
  month: IsoMonth,
): T | undefined {
  let found: T | undefined;
  for (const v of versions) {
    if (v.firstMonth <= month && (!found || v.version > found.version)) found = v;
  }
  return found;
}

/** The version in force for `month`: governs it, has not ended, and pays something. */
export function versionInForce<T extends EntitlementSpan>(
  versions: readonly T[],
  month: IsoMonth,
): T | undefined {
  const v = versionFor(versions, month);
  if (!v || (v.lastMonth !== null && v.lastMonth < month) || v.monthlyAmountNtd <= 0) return undefined;
  return v;
}

export interface EntitlementChange {
  /** The first month the change applies to. */
  from: IsoMonth;
  monthlyAmountNtd?: number;
  /** The new last month (null: open-ended again); absent: unchanged. */
  lastMonth?: IsoMonth | null;
}

/**
 * The next version for a change, or a reason (zh, en) it cannot be made: it starts no earlier than the
 * entitlement, keeps the amount in force at `from` unless a new one is given, and cannot end before it
 * starts (to stop paying after June, change from June with June as the last month).
 */
export function nextVersion(
  versions: readonly EntitlementSpan[],
  change: EntitlementChange,
): EntitlementSpan | { zh: string; en: string } {
  if (versions.length === 0) return { zh: '查無此給付資格', en: 'no such entitlement' };
  if (!isIsoMonth(change.from)) return { zh: '起始月份格式錯誤', en: 'from must be a YYYY-MM month' };
  const governing = versionFor(versions, change.from);
  if (!governing)
    return { zh: '變更月份早於給付起始月份', en: 'the change begins before the entitlement does' };
  const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const amount = change.monthlyAmountNtd ?? governing.monthlyAmountNtd;
  if (!Number.isSafeInteger(amount) || amount < 0)
    return { zh: '月給付金額須為非負整數', en: 'the monthly amount is a non-negative whole NTD' };
  const lastMonth = change.lastMonth === undefined ? latest.lastMonth : change.lastMonth;
  if (lastMonth !== null && (!isIsoMonth(lastMonth) || lastMonth < change.from))
    return { zh: '結束月份不得早於變更月份', en: 'the last month cannot be before the change’s first month' };
  if (change.monthlyAmountNtd === undefined && change.lastMonth === undefined)
    return { zh: '未指定變更內容', en: 'a change needs a new amount or a new last month' };
  return { version: latest.version + 1, firstMonth: change.from, lastMonth, monthlyAmountNtd: amount };
}

/** The year (YYYY) a month is in: yearly caps add up the payments of its months. */
export const yearOf = (month: IsoMonth): string => month.slice(0, 4);

/** Whether `amountNtd` more keeps the year's total within `capNtd`. */
export function withinYearlyCap(paidThisYearNtd: number, amountNtd: number, capNtd: number): boolean {
  return paidThisYearNtd + amountNtd <= capNtd;
}
