/**
 * Elapsed whole months and years between two day numbers, in integer arithmetic (no Date objects, so it
 * can run per person over the whole city).
 *
 * 民法第121條第2項: a period in months or years ends on the day before the corresponding day of the last
 * month; without a corresponding day (31 January + 1 month), at the end of that month. So a month is
 * complete on the corresponding day, and on the 1st of the next month when there is none — the same
 * count as ages (see core/calendar.ts `ageOn`).
 */

/**
 * y·10000 + m·100 + d of a day number (days since 1970-01-01), proleptic Gregorian, by integer arithmetic
 * (H. Hinnant's civil-from-days): ages over a city are millions of these, and a Date each would dominate
 * the time.
 */
export function packedDate(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

/** Whole months completed from `fromDay` to `toDay` (negative when `toDay` is earlier). */
export function completedMonths(fromDay: number, toDay: number): number {
  const a = packedDate(fromDay);
  const b = packedDate(toDay);
  const ay = Math.floor(a / 10_000);
  const by = Math.floor(b / 10_000);
  const am = Math.floor(a / 100) % 100;
  const bm = Math.floor(b / 100) % 100;
  return (by - ay) * 12 + (bm - am) - (b % 100 < a % 100 ? 1 : 0);
}

/** Whole years completed from `fromDay` to `toDay`. */
export function completedYears(fromDay: number, toDay: number): number {
  return Math.floor(completedMonths(fromDay, toDay) / 12);
}
