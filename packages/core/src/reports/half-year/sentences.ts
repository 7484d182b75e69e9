import { formatCount, formatRocPeriod, formatYiWan } from '../report-numbers.ts';
import {
  type Figures,
  type ItemData,
  NO_PAYMENTS,
  type ProgramRef,
  type SentenceInput,
} from './report-structure.ts';

/**
 * The phrases the report's sentences are made of, as seed 001 writes them: counts with thousands separators
 * and their unit (「252,647人次」), amounts in 億 and 萬 (「17億3,384萬7,174元」), and what a sentence says
 * when a program has no payment in the period.
 */

/** Which count a phrase prints. */
export type Measure = 'persons' | 'personTimes' | 'households';

/**
 * The units the report writes. A household program's recipient is the household, so its counts are
 * households (戶, 戶次); the seed's 「戶(人)次」 is kept where it uses it (三(一)1).
 */
export type Unit = '人' | '人次' | '名' | '戶' | '戶次' | '戶(人)次';

export const counted = (value: number, unit: Unit): string => `${formatCount(value)}${unit}`;
export const amount = (valueNtd: number): string => `${formatYiWan(valueNtd)}元`;

/** 「{lead}，本期（112年1月至6月）無核付紀錄。」 */
export const noPayments = (lead: string, input: SentenceInput): string =>
  `${lead}，${NO_PAYMENTS}（${input.period}）。`;

/** A count of a program and its unit, e.g. personTimes in 人次. */
export interface Count {
  measure: Measure;
  unit: Unit;
}

const value = (figures: Figures, measure: Measure) => figures[measure];

/**
 * 「252,647人次、17億3,384萬7,174元」; the amount joined as the seed joins it (「、補助1,214萬9,200元」), or left
 * out (null).
 */
export function countsAndAmount(
  figures: Figures,
  counts: readonly Count[],
  amountJoin: string | null,
): string {
  const said = counts.map((c) => counted(value(figures, c.measure), c.unit)).join('、');
  return amountJoin === null ? said : `${said}${amountJoin}${amount(figures.amountNtd)}`;
}

/**
 * The most common sentence: 「{lead}，{period}{verb}{counts}、{amount}。」, e.g.「中低收入老人生活津貼，112年1月
 * 至6月補助252,647人次、17億3,384萬7,174元。」
 */
export function paidSentence(
  ref: ProgramRef,
  lead: string,
  counts: readonly Count[],
  options: { verb?: string; amountJoin?: string | null } = {},
): ItemData {
  const verb = options.verb ?? '補助';
  const amountJoin = options.amountJoin === undefined ? '、' : options.amountJoin;
  return {
    source: 'payments',
    programs: [ref],
    sentence(input) {
      const figures = input.figures(ref.id);
      if (!figures) return noPayments(lead, input);
      return `${lead}，${input.period}${verb}${countsAndAmount(figures, counts, amountJoin)}。`;
    },
  };
}

export const PERSONS: Count = { measure: 'persons', unit: '人' };
export const PERSON_TIMES: Count = { measure: 'personTimes', unit: '人次' };
export const HOUSEHOLDS: Count = { measure: 'persons', unit: '戶' };
export const HOUSEHOLD_TIMES: Count = { measure: 'personTimes', unit: '戶次' };

/** A whole number of the average, rounded half up (counts are never negative). */
export function roundedAverage(total: number, count: number): number {
  if (count <= 0) throw new RangeError('an average of no months');
  return Math.floor((2 * total + count) / (2 * count));
}

/**
 * 「112年1月至6月平均每月補助372人」: the average of distinct recipients per month over the months from the
 * first to the last month with payments (a month without any inside that range counts as 0), and that range.
 */
export function monthlyAverage(
  input: SentenceInput,
  programId: string,
): { period: string; months: number; persons: number } {
  const months = input.months(programId);
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) throw new RangeError(`${programId} has no month with payments`);
  const span = monthSpan(first.month, last.month);
  const total = months.reduce((sum, m) => sum + m.persons, 0);
  return {
    period: formatRocPeriod(first.month, last.month),
    months: span,
    persons: roundedAverage(total, span),
  };
}

/** Months from `from` to `to`, both included. */
export function monthSpan(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}

/**
 * A share in percent with two decimals, rounded half up, as the report writes it (「18.67%」); integer
 * arithmetic so a count never meets a float.
 */
export function percentOf(part: number, whole: number): string {
  if (whole <= 0) throw new RangeError('a share of nothing');
  const basisPoints = (BigInt(part) * 20_000n + BigInt(whole)) / (2n * BigInt(whole));
  const text = basisPoints.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}%`;
}
