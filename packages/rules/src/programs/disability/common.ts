import { toDayNumber } from '@safetynet/core/calendar';
import { PASSED, type ProgramContext, UNKNOWN } from '../../engine/context.ts';
import { DISABILITY_LEVELS } from '../../engine/population.ts';
import { PLACEMENT_FACTS } from '../../facts/person.ts';

/** Index of each disability level in the `disabilityLevel` column (none = 0, so `> 0` = holds a certificate). */
export const MILD = DISABILITY_LEVELS.indexOf('mild');
export const MODERATE = DISABILITY_LEVELS.indexOf('moderate');
export const SEVERE = DISABILITY_LEVELS.indexOf('severe');

/** 1 for placements other than a residential institution (night or full-day care), by `placement` index. */
export const NOT_IN_INSTITUTION = Uint8Array.from(PLACEMENT_FACTS, (type) => +!type.endsWith('_institution'));

/** Programs whose first check is `holdsCertificate` (see ProgramGate). */
export const CERTIFICATE_GATE = { id: 'holds-disability-certificate', checks: 1 };

/**
 * 依法領有身心障礙者手冊或身心障礙證明 (D0050189 第2條第1項; D0050046 第5條…): a valid certificate of any
 * level. Recorded as a check of the calling program.
 */
export function holdsCertificate(ctx: ProgramContext, reference: string): Uint8Array {
  const level = ctx.persons.disabilityLevel;
  return ctx.check(
    {
      code: 'holds-disability-certificate',
      reference,
      zh: '領有身心障礙證明（手冊）',
      en: 'holds a disability certificate',
    },
    ctx.variable('disability.holds-certificate', () => positive(level)),
  );
}

/** 設籍本市: the person is registered in the city. */
export function registeredInCity(ctx: ProgramContext, reference: string): Uint8Array {
  return ctx.check(
    { code: 'registered-in-city', reference, zh: '設籍本市', en: 'registered in the city' },
    ctx.persons.registeredInCity,
  );
}

/** 最近一年居住國內超過一百八十三日. */
export function inTaiwanOver183Days(ctx: ProgramContext, reference: string): Uint8Array {
  return ctx.compare(
    {
      code: 'in-taiwan-over-183-days',
      reference,
      zh: '最近一年居住國內超過183日',
      en: 'lived in Taiwan more than 183 days in the last year',
    },
    ctx.persons.daysInTaiwanLastYear,
    '>',
    183,
  );
}

/**
 * The last day on which a registration must have begun for it to be 滿一年 on the first day of the period:
 * the same calendar day one year earlier (registered 2023-06-01 → one full year on 2024-06-01).
 */
export function oneYearBeforePeriodStart(ctx: ProgramContext): number {
  const start = ctx.periodStart;
  return toDayNumber(`${Number(start.slice(0, 4)) - 1}${start.slice(4)}`);
}

/** 設籍本市滿一年 on the first day of the period, per person (0/1), computed once per evaluation. */
export function registeredOneYear(ctx: ProgramContext): Uint8Array {
  return ctx.variable('disability.registered-in-city-one-year', () => {
    const p = ctx.persons;
    const limit = oneYearBeforePeriodStart(ctx);
    const out = new Uint8Array(p.count);
    for (let i = 0; i < p.count; i++)
      out[i] = +(p.registeredInCity[i] === 1 && p.registeredSince[i]! <= limit);
    return out;
  });
}

/** A share parameter (a ratio such as 0.25) as hundredths, so amounts stay integer arithmetic. */
export function percentOf(share: number): number {
  return Math.round(share * 100);
}

/** Household status tiers per person (see statusTier). */
export const TIER_LOW_INCOME = 0;
export const TIER_MID_LOW_INCOME = 1;
export const TIER_OTHER = 2;
/** Undetermined whether low-income. */
export const TIER_LOW_UNKNOWN = 3;
/** Not low-income; undetermined whether mid-low-income. */
export const TIER_MID_LOW_UNKNOWN = 4;

/**
 * The tier of each person's household for amounts "by household status": low-income, else mid-low-income,
 * else other (`mid-low-income-status` holds for low-income households too), or which status is undetermined.
 * Computed once per evaluation.
 */
export function statusTier(ctx: ProgramContext): Uint8Array {
  return ctx.variable('disability.status-tier', () => {
    const low = ctx.program('low-income-status').eligible;
    const midLow = ctx.program('mid-low-income-status').eligible;
    const household = ctx.persons.household;
    const tier = ctx.newUint8Array(household.length);
    for (let i = 0; i < household.length; i++) {
      const k = household[i]!;
      tier[i] =
        low[k] === PASSED
          ? TIER_LOW_INCOME
          : low[k] === UNKNOWN
            ? TIER_LOW_UNKNOWN
            : midLow[k] === PASSED
              ? TIER_MID_LOW_INCOME
              : midLow[k] === UNKNOWN
                ? TIER_MID_LOW_UNKNOWN
                : TIER_OTHER;
    }
    return tier;
  });
}

/** The value for a tier; NaN where it is unknown or an undetermined status decides between values that differ. */
export function tierValue(tier: number, lowIncome: number, midLowIncome: number, other: number): number {
  switch (tier) {
    case TIER_LOW_INCOME:
      return lowIncome;
    case TIER_MID_LOW_INCOME:
      return midLowIncome;
    case TIER_OTHER:
      return other;
    case TIER_MID_LOW_UNKNOWN:
      return midLowIncome === other ? other : Number.NaN;
    default:
      return Number.NaN;
  }
}

/**
 * A household column seen per person (for the value shown by a person check): one view per program, read
 * only when a single case is explained, so no per-person copy is made over the whole city.
 */
export function perPerson(ctx: ProgramContext, householdValues: ArrayLike<number>): ArrayLike<number> {
  const household = ctx.persons.household;
  return new Proxy(householdValues, {
    get(target, key) {
      if (key === 'length') return household.length;
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i)) return target[household[i]!]!;
      }
      return Reflect.get(target, key);
    },
  });
}

/** Lives at home: not placed anywhere (no institution, foster or kinship placement, shelter). */
export function livesAtHome(ctx: ProgramContext, reference: string, zh: string, en: string): Uint8Array {
  return ctx.check(
    { code: 'lives-at-home', reference, zh, en },
    ctx.variable('disability.not-placed', () => equals(ctx.persons.placement, 0)),
  );
}

/** Assessed as needing others' help in daily living (the needs assessment of D0050046 第50條). */
export function dependentInDailyLiving(ctx: ProgramContext, reference: string): Uint8Array {
  return ctx.check(
    {
      code: 'dependent-in-daily-living',
      reference,
      zh: '經評估日常生活功能需他人協助',
      en: 'assessed as needing help in daily living',
    },
    ctx.persons.dailyLivingDependent,
  );
}

/** Not in a residential institution, per person (0/1), computed once per evaluation. */
export function notInInstitution(ctx: ProgramContext): Uint8Array {
  return ctx.variable('disability.not-in-residential-institution', () =>
    lookup(ctx.persons.placement, NOT_IN_INSTITUTION),
  );
}

// Checks may record a 0/1 fact column as is (no copy): outcomes are only read, and 0/1 are FAILED/PASSED.

// Column helpers: plain loops over typed arrays (TypedArray.from with a mapping function goes through the
// iterator protocol and is several times slower over the whole city).

/** 1 where `column[i] > 0`. */
export function positive(column: Float64Array | Int32Array | Uint8Array): Uint8Array {
  const out = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = +(column[i]! > 0);
  return out;
}

/** 1 where either column is > 0. */
export function eitherPositive(a: Float64Array, b: Float64Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = +(a[i]! > 0 || b[i]! > 0);
  return out;
}

/** 1 where an enum column holds `value`. */
export function equals(column: Uint8Array, value: number): Uint8Array {
  const out = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = +(column[i] === value);
  return out;
}

/** `table[column[i]]` per entity (e.g. a 0/1 flag per placement type). */
export function lookup(column: Uint8Array, table: Uint8Array): Uint8Array {
  const out = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = table[column[i]!]!;
  return out;
}

/** UNKNOWN where a value is NaN (an unknown parameter decides it), PASSED elsewhere. */
export function known(values: Float64Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]!) ? UNKNOWN : PASSED;
  return out;
}

/**
 * A subsidy of the rent where there is one, else of the loan interest, each up to its maximum: the amount
 * per entity. Records `subsidy-amount-known` (a maximum unknown for the year leaves the amount undetermined)
 * under the reference and the Chinese wording given.
 */
export function rentOrInterestUpTo(
  ctx: ProgramContext,
  rent: Float64Array,
  interest: Float64Array,
  rentMax: number,
  interestMax: number,
  spec: { reference: string; zh: string },
): Int32Array {
  const count = rent.length;
  const rentKnown = Number.isNaN(rentMax) ? UNKNOWN : PASSED;
  const interestKnown = Number.isNaN(interestMax) ? UNKNOWN : PASSED;
  const amount = ctx.newInt32Array(count);
  const known = ctx.newUint8Array(count);
  for (let k = 0; k < count; k++) {
    const renting = rent[k]! > 0;
    const max = renting ? rentMax : interestMax;
    known[k] = renting ? rentKnown : interestKnown;
    if (!Number.isNaN(max)) amount[k] = Math.min(renting ? rent[k]! : interest[k]!, max);
  }
  ctx.check({ code: 'subsidy-amount-known', ...spec, en: 'the subsidy amount is known' }, known);
  return amount;
}
