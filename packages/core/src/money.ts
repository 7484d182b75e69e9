/**
 * Money is integer NTD (新臺幣元). Amounts are never floats: a rate is a fraction of integers, and the one
 * rounding helper below says how the remainder goes.
 */
export type Rounding = 'half-up' | 'down' | 'up';

/**
 * amountNtd × numerator ÷ denominator, rounded to a whole NTD:
 * 'half-up' 四捨五入 (the default in administrative practice), 'down' 無條件捨去, 'up' 無條件進位.
 * Amounts here are non-negative; products stay far below 2^53 for any real amount and rate.
 */
export function applyRate(
  amountNtd: number,
  numerator: number,
  denominator: number,
  rounding: Rounding = 'half-up',
): number {
  if (
    !Number.isSafeInteger(amountNtd) ||
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator)
  ) {
    throw new RangeError('amounts and rates are integers');
  }
  if (amountNtd < 0 || numerator < 0 || denominator <= 0)
    throw new RangeError('amounts and rates are non-negative');
  const product = amountNtd * numerator;
  if (!Number.isSafeInteger(product)) throw new RangeError('amount × rate exceeds the safe integer range');
  const quotient = Math.floor(product / denominator);
  const remainder = product - quotient * denominator;
  if (remainder === 0 || rounding === 'down') return quotient;
  if (rounding === 'up') return quotient + 1;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** Divides a whole amount into `parts` shares (e.g. a household's income per member), rounded. */
export function divideNtd(amountNtd: number, parts: number, rounding: Rounding = 'half-up'): number {
  return applyRate(amountNtd, 1, parts, rounding);
}

/** `1733847174` → `1,733,847,174` (how amounts are printed). */
export function formatNtd(amountNtd: number): string {
  return amountNtd.toLocaleString('en-US');
}
