import { applyRate } from '../money.ts';

/**
 * The government's match of one own deposit into an asset-building account (脫貧儲蓄帳戶), pure arithmetic.
 *
 * The match is figured on the running total of a window (the month for a monthly programme, the year for a
 * yearly one), so the matches of several deposits add up to the match of their total, rounded once:
 * match = rate × (own in the window, this deposit included) − already matched in the window. It is then
 * limited by what the yearly cap leaves of the year's matches.
 */
export interface MatchInput {
  /** This own deposit (NTD, positive). */
  amountNtd: number;
  /** Own deposits earlier in the window. */
  windowOwnBeforeNtd: number;
  /** Matches earlier in the window. */
  windowMatchedBeforeNtd: number;
  /** Matches earlier in the calendar year (the cap's period). */
  yearMatchedBeforeNtd: number;
  /** The match rate as a fraction of integers (1:0.6 → 60/100). */
  rate: { numerator: number; denominator: number };
  /** The most the government matches in a calendar year, if capped. */
  yearlyCapNtd?: number;
}

export interface MatchOutcome {
  /** What is matched for this deposit (0 when the cap is used up). */
  matchNtd: number;
  /** What the rate alone would give. */
  uncappedNtd: number;
  /** The cap cut the match (partly or wholly). */
  limitedByCap: boolean;
}

const whole = (n: number, name: string) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole non-negative NTD`);
};

export function matchOfDeposit(input: MatchInput): MatchOutcome {
  whole(input.amountNtd, 'amountNtd');
  whole(input.windowOwnBeforeNtd, 'windowOwnBeforeNtd');
  whole(input.windowMatchedBeforeNtd, 'windowMatchedBeforeNtd');
  whole(input.yearMatchedBeforeNtd, 'yearMatchedBeforeNtd');
  const { numerator, denominator } = input.rate;
  const target = applyRate(input.windowOwnBeforeNtd + input.amountNtd, numerator, denominator);
  const uncappedNtd = Math.max(0, target - input.windowMatchedBeforeNtd);
  if (input.yearlyCapNtd === undefined) return { matchNtd: uncappedNtd, uncappedNtd, limitedByCap: false };
  whole(input.yearlyCapNtd, 'yearlyCapNtd');
  const room = Math.max(0, input.yearlyCapNtd - input.yearMatchedBeforeNtd);
  const matchNtd = Math.min(uncappedNtd, room);
  return { matchNtd, uncappedNtd, limitedByCap: matchNtd < uncappedNtd };
}

/** A rate such as 0.6 as hundredths (60/100), the precision the rules use for match rates. */
export function rateInHundredths(rate: number): { numerator: number; denominator: number } {
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError('a match rate is a non-negative number');
  return { numerator: Math.round(rate * 100), denominator: 100 };
}
