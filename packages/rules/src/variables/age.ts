import type { ProgramContext } from '../engine/context.ts';
import { packedDate as civil } from './elapsed.ts';

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
