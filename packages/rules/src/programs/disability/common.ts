import { toDayNumber } from '@safetynet/core/calendar';
import { PASSED, type ProgramContext, UNKNOWN } from '../../engine/context.ts';
import { DISABILITY_LEVELS } from '../../engine/population.ts';
import { PLACEMENT_FACTS } from '../../facts/person.ts';

/** Index of each disability level in the `disabilityLevel` column (none = 0, so `> 0` = holds a certificate). */
export const MILD = DISABILITY_LEVELS.indexOf('mild');
export const MODERATE = DISABILITY_LEVELS.indexOf('moderate');
export const SEVERE = DISABILITY_LEVELS.indexOf('severe');

/** 1 for placements in a residential institution (night or full-day care), by index of the `placement` fact. */
export const IN_INSTITUTION = Uint8Array.from(PLACEMENT_FACTS, (type) => +type.endsWith('_institution'));

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
    Uint8Array.from(level, (l) => +(l > 0)),
  );
}

/** 設籍本市: the person is registered in the city. */
export function registeredInCity(ctx: ProgramContext, reference: string): Uint8Array {
  return ctx.check(
    { code: 'registered-in-city', reference, zh: '設籍本市', en: 'registered in the city' },
    Uint8Array.from(ctx.persons.registeredInCity),
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
  return ctx.variable('registered-in-city-one-year', () => {
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

/**
 * A rate (or amount) per person by the household's status: low-income, else mid-low-income, else other.
 * NaN where the value for the person's tier is unknown, or where an undetermined status decides which tier
 * (and the tiers' values differ). `mid-low-income-status` holds for low-income households too.
 */
export function byHouseholdStatus(
  ctx: ProgramContext,
  lowIncome: number,
  midLowIncome: number,
  other: number,
): Float64Array {
  const low = ctx.program('low-income-status').eligible;
  const midLow = ctx.program('mid-low-income-status').eligible;
  const household = ctx.persons.household;
  const out = new Float64Array(household.length);
  for (let i = 0; i < household.length; i++) {
    const k = household[i]!;
    if (low[k] === PASSED) out[i] = lowIncome;
    else if (low[k] === UNKNOWN) out[i] = Number.NaN;
    else if (midLow[k] === PASSED) out[i] = midLowIncome;
    else if (midLow[k] === UNKNOWN && midLowIncome !== other) out[i] = Number.NaN;
    else out[i] = other;
  }
  return out;
}

/** Lives at home: not placed anywhere (no institution, foster or kinship placement, shelter). */
export function livesAtHome(ctx: ProgramContext, reference: string, zh: string, en: string): Uint8Array {
  return ctx.check(
    { code: 'lives-at-home', reference, zh, en },
    Uint8Array.from(ctx.persons.placement, (type) => +(type === 0)),
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
    Uint8Array.from(ctx.persons.dailyLivingDependent),
  );
}
