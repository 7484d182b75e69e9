import { type IsoMonth, rocYear } from '../calendar.ts';

/**
 * How the bureau's reports write numbers (seed 001): amounts in 億 and 萬 with thousands separators inside
 * each group,「17億3,384萬7,174元」「1萬5,000元」「60萬元」, a group of zero left out (「1億1萬」); counts of
 * persons and person-times with thousands separators only,「252,647人次」.
 */
const WAN = 10_000n;
const YI = 100_000_000n;

const grouped = (value: bigint) => value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 100010000 → 「1億1萬」; 9999 → 「9,999」; 0 → 「0」. Integers only (NTD, counts). */
export function formatYiWan(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value))
    throw new RangeError(`not a whole number: ${value}`);
  let rest = BigInt(value);
  if (rest === 0n) return '0';
  const sign = rest < 0n ? '-' : '';
  if (rest < 0n) rest = -rest;
  const yi = rest / YI;
  const wan = (rest % YI) / WAN;
  const units = rest % WAN;
  const parts = [
    yi > 0n ? `${grouped(yi)}億` : '',
    wan > 0n ? `${grouped(wan)}萬` : '',
    units > 0n ? grouped(units) : '',
  ];
  return sign + parts.join('');
}

/** 252647 → 「252,647」: a count as the reports write it. */
export function formatCount(value: number | bigint): string {
  const whole = BigInt(value);
  return (whole < 0n ? '-' : '') + grouped(whole < 0n ? -whole : whole);
}

const monthOf = (month: IsoMonth) => Number(month.slice(5, 7));

/**
 * A period in the ROC calendar as the reports say it:「112年1月至6月」, across years「111年10月至112年3月」,
 * one month「112年5月」.
 */
export function formatRocPeriod(from: IsoMonth, to: IsoMonth): string {
  if (to < from) throw new RangeError(`the period ends before it starts: ${from}–${to}`);
  const fromYear = rocYear(Number(from.slice(0, 4)));
  const toYear = rocYear(Number(to.slice(0, 4)));
  if (from === to) return `${fromYear}年${monthOf(from)}月`;
  if (fromYear === toYear) return `${fromYear}年${monthOf(from)}月至${monthOf(to)}月`;
  return `${fromYear}年${monthOf(from)}月至${toYear}年${monthOf(to)}月`;
}
