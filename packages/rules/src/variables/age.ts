import type { ProgramContext } from '../engine/context.ts';

/**
 * Completed years of age on a day number, per 民法第121條、第124條 (see core/calendar.ts `ageOn`): one
 * year older on the birthday; born 29 February → older on 1 March in a common year.
 */
function ageOnDay(birthDay: number, day: number): number {
  const birth = new Date(birthDay * 86_400_000);
  const on = new Date(day * 86_400_000);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const bm = birth.getUTCMonth();
  const m = on.getUTCMonth();
  if (m < bm || (m === bm && on.getUTCDate() < birth.getUTCDate())) age -= 1;
  return age;
}

/** Age of every person on the first day of the period. */
export function ageAtPeriodStart(ctx: ProgramContext): Int32Array {
  return ctx.variable('age-at-period-start', () =>
    Int32Array.from(ctx.persons.birthDate, (birthDay) => ageOnDay(birthDay, ctx.periodStartDay)),
  );
}

/** Age of every person on the last day of the period. */
export function ageAtPeriodEnd(ctx: ProgramContext): Int32Array {
  return ctx.variable('age-at-period-end', () =>
    Int32Array.from(ctx.persons.birthDate, (birthDay) => ageOnDay(birthDay, ctx.periodEndDay)),
  );
}
