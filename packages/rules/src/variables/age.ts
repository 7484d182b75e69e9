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

/**
 * Ages of every person on the first and the last day of the period, in one pass. A city's millions of
 * birth dates fall on a few tens of thousands of days: each day's ages are computed once and looked up (the
 * same arithmetic, a fraction of the time).
 */
function agesAtPeriodBounds(ctx: ProgramContext): { start: Int32Array; end: Int32Array } {
  return ctx.variable('ages-at-period-bounds', () => {
    const births = ctx.persons.birthDate;
    const n = births.length;
    const start = ctx.newInt32Array(n);
    const end = ctx.newInt32Array(n);
    const onStart = civil(ctx.periodStartDay);
    const onEnd = civil(ctx.periodEndDay);
    let min = 2 ** 31;
    let max = -(2 ** 31);
    for (let i = 0; i < n; i++) {
      const b = births[i]!;
      if (b < min) min = b;
      if (b > max) max = b;
    }
    // A few persons, or dates spread wider than a few centuries (a missing date, NO_DAY): one by one.
    if (n < 4096 || max - min > 150_000) {
      for (let i = 0; i < n; i++) {
        const birth = civil(births[i]!);
        start[i] = ageOnCivil(birth, onStart);
        end[i] = ageOnCivil(birth, onEnd);
      }
      return { start, end };
    }
    const startByDay = ctx.newInt32Array(max - min + 1);
    const endByDay = ctx.newInt32Array(max - min + 1);
    for (let b = min; b <= max; b++) {
      const birth = civil(b);
      startByDay[b - min] = ageOnCivil(birth, onStart);
      endByDay[b - min] = ageOnCivil(birth, onEnd);
    }
    for (let i = 0; i < n; i++) {
      const day = births[i]! - min;
      start[i] = startByDay[day]!;
      end[i] = endByDay[day]!;
    }
    return { start, end };
  });
}

/** Age of every person on the first day of the period. */
export function ageAtPeriodStart(ctx: ProgramContext): Int32Array {
  return ctx.variable('age-at-period-start', () => agesAtPeriodBounds(ctx).start);
}

/** Age of every person on the last day of the period. */
export function ageAtPeriodEnd(ctx: ProgramContext): Int32Array {
  return ctx.variable('age-at-period-end', () => agesAtPeriodBounds(ctx).end);
}
