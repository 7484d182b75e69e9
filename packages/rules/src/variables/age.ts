import type { ProgramContext } from '../engine/context.ts';

/**
 * Completed years of age on a day number, per 民法第121條、第124條 (see core/calendar.ts `ageOn`): one
 * year older on the birthday; born 29 February → older on 1 March in a common year.
 */
export function ageOnDay(birthDay: number, day: number): number {
  return ageOnCivil(civil(birthDay), civil(day));
}

function ageOnCivil(birth: number, on: number): number {
  let age = Math.floor(on / 10_000) - Math.floor(birth / 10_000);
  if (on % 10_000 < birth % 10_000) age -= 1;
  return age;
}

/**
 * A day number as yyyymmdd, by integer arithmetic (H. Hinnant's civil-from-days): ages over a city are
 * millions of these, and a Date each would dominate the time.
 */
export function civil(dayNumber: number): number {
  const z = dayNumber + 719_468;
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

/** Every person's birth date as yyyymmdd, once per evaluation (ages on several days reuse it). */
function birthCivil(ctx: ProgramContext): Int32Array {
  return ctx.variable('birth-date-civil', () => {
    const birthDates = ctx.persons.birthDate;
    const civilDates = new Int32Array(birthDates.length);
    for (let i = 0; i < birthDates.length; i++) civilDates[i] = civil(birthDates[i]!);
    return civilDates;
  });
}

/** Ages of every person on a day. */
function agesOn(ctx: ProgramContext, day: number): Int32Array {
  const births = birthCivil(ctx);
  const ages = new Int32Array(births.length);
  const on = civil(day);
  for (let i = 0; i < births.length; i++) ages[i] = ageOnCivil(births[i]!, on);
  return ages;
}

/** Age of every person on the first day of the period. */
export function ageAtPeriodStart(ctx: ProgramContext): Int32Array {
  return ctx.variable('age-at-period-start', () => agesOn(ctx, ctx.periodStartDay));
}

/** Age of every person on the last day of the period. */
export function ageAtPeriodEnd(ctx: ProgramContext): Int32Array {
  return ctx.variable('age-at-period-end', () => agesOn(ctx, ctx.periodEndDay));
}
