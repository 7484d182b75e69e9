import { FAILED, PASSED, type ProgramContext, UNKNOWN } from '../../engine/context.ts';
import { ADL_IMPAIRMENT_LEVELS, PLACEMENT_FACTS } from '../../facts/person.ts';
import { ageAtPeriodEnd } from '../../variables/age.ts';

/** Index of each degree in the `adlImpairment` column (none = 0, so `> 0` = impaired). */
export const ADL_MILD = ADL_IMPAIRMENT_LEVELS.indexOf('mild');
export const ADL_MODERATE = ADL_IMPAIRMENT_LEVELS.indexOf('moderate');
export const ADL_SEVERE = ADL_IMPAIRMENT_LEVELS.indexOf('severe');
export const NOT_PLACED = PLACEMENT_FACTS.indexOf('none');

/** Short names for the check outcomes, as this group's loops use them. */
export const PASS: number = PASSED;
export const FAIL: number = FAILED;
export const OPEN: number = UNKNOWN;

/** Three-valued OR of two check outcomes (PASSED if either passed, else UNKNOWN if either is unknown). */
export function or3(a: number, b: number): number {
  return a === PASS || b === PASS ? PASS : a === OPEN || b === OPEN ? OPEN : FAIL;
}

/** Programs whose first check is `seniorAge` (see ProgramGate). */
export const SENIOR_AGE_GATE = { id: 'age-65-or-over', checks: 1 };

/**
 * D0050037 第2條：「本法所稱老人，指年滿六十五歲以上之人。」
 * Age on the last day of the period: one may apply from the 65th birthday and benefits run from the month
 * of the application (e.g. D0050045 第7條第2項「溯自備齊文件、資料之當月起算」), so the month of the birthday
 * is the first month a person qualifies. Recorded as a check of the calling program.
 */
export function seniorAge(ctx: ProgramContext, reference: string): Uint8Array {
  const threshold = ctx.param('seniors.senior-age');
  return ctx.compare(
    {
      code: 'age-65-or-over',
      reference,
      zh: `於本月內年滿${threshold}歲以上`,
      en: `aged ${threshold} or over by the end of the month`,
    },
    ageAtPeriodEnd(ctx),
    '>=',
    threshold,
  );
}

/** 設籍本市: the person is registered in the city. */
export function registeredInCity(ctx: ProgramContext, reference: string): Uint8Array {
  return ctx.check(
    { code: 'registered-in-city', reference, zh: '設籍本市', en: 'registered in the city' },
    ctx.persons.registeredInCity,
  );
}

/** 實際居住本市 (actually lives in the city of registration). */
export function livesInCity(ctx: ProgramContext, reference: string): Uint8Array {
  return ctx.check(
    { code: 'lives-in-city', reference, zh: '實際居住本市', en: 'actually lives in the city' },
    ctx.persons.residesInCity,
  );
}

/**
 * Per household: a low-income or mid-low-income household (mid-low-income-status holds for both; the OR
 * with low-income-status keeps a low-income household determined where only the mid-low-income income
 * standard is unknown). Three-valued, computed once per evaluation.
 */
export function lowOrMidLowIncome(ctx: ProgramContext): Uint8Array {
  return ctx.variable('low-or-mid-low-income-household', () => {
    const low = ctx.program('low-income-status').eligible;
    const midLow = ctx.program('mid-low-income-status').eligible;
    const status = ctx.newUint8Array(ctx.households.count);
    for (let k = 0; k < status.length; k++) status[k] = or3(low[k]!, midLow[k]!);
    return status;
  });
}

/** The household's low- or mid-low-income status, as a check on each person. */
export function requireLowOrMidLowIncome(ctx: ProgramContext, reference: string): Uint8Array {
  const status = lowOrMidLowIncome(ctx);
  return ctx.check(
    {
      code: 'low-or-mid-low-income-household',
      reference,
      zh: '低收入戶或中低收入戶',
      en: 'a low-income or mid-low-income household',
    },
    perPerson(ctx, status),
  );
}

/**
 * An amount every case needs but the sources do not give (a `value: unknown` parameter): the amount where
 * known, and a check that leaves every otherwise eligible person undetermined while it is unknown, so the
 * other checks still refuse the ones they refuse.
 */
export function amountOrUnknown(
  ctx: ProgramContext,
  parameterId: string,
  reference: string,
): { amount: number; known: boolean } {
  const value = ctx.paramOrNaN(parameterId);
  const known = !Number.isNaN(value);
  ctx.check(
    {
      code: 'amount-known',
      reference,
      zh: '補助金額已知（本市公告之金額）',
      en: 'the amount (as the city announces it) is known',
    },
    ctx.newUint8Array(ctx.count).fill(known ? PASSED : UNKNOWN),
  );
  return { amount: known ? value : 0, known };
}

// Column helpers: plain loops over typed arrays (Uint8Array.from with a mapping function is two orders of
// magnitude slower over the whole city).

/** 1 where the 0/1 column is 0. */
export function not(column: Uint8Array): Uint8Array {
  const out = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = 1 - column[i]!;
  return out;
}

/** 1 where the column equals `value`. */
export function equals(column: ArrayLike<number>, value: number): Uint8Array {
  const out = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = +(column[i] === value);
  return out;
}

/** 1 where the column is at least `value`. */
export function atLeast(column: ArrayLike<number>, value: number): Uint8Array {
  const out = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = +(column[i]! >= value);
  return out;
}

/** A per-household outcome given to each member. */
export function perPerson(ctx: ProgramContext, perHousehold: Uint8Array): Uint8Array {
  const household = ctx.persons.household;
  const out = new Uint8Array(household.length);
  for (let i = 0; i < household.length; i++) out[i] = perHousehold[household[i]!]!;
  return out;
}
