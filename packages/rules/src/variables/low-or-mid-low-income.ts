import type { ProgramContext } from '../engine/context.ts';
import { FAILED, PASSED, UNKNOWN } from '../engine/context.ts';

/**
 * 「列冊低收入戶或中低收入戶」 per household, three-valued: PASSED when either status holds, FAILED when both
 * fail, UNKNOWN otherwise. (mid-low-income-status already holds for low-income households, but its own
 * property limits may be unknown in a year the low-income ones are known.)
 */
export function lowOrMidLowIncome(ctx: ProgramContext): Uint8Array {
  return ctx.variable('low-or-mid-low-income', () => {
    const low = ctx.program('low-income-status').eligible;
    const midLow = ctx.program('mid-low-income-status').eligible;
    const outcome = ctx.newUint8Array(low.length);
    for (let k = 0; k < low.length; k++) {
      const a = low[k]!;
      const b = midLow[k]!;
      outcome[k] = a === PASSED || b === PASSED ? PASSED : a === FAILED && b === FAILED ? FAILED : UNKNOWN;
    }
    return outcome;
  });
}

/** The household outcome for every person. */
export function personInLowOrMidLowIncome(ctx: ProgramContext): Uint8Array {
  return ctx.variable('person-in-low-or-mid-low-income', () => {
    const household = lowOrMidLowIncome(ctx);
    const h = ctx.persons.household;
    const outcome = ctx.newUint8Array(h.length);
    for (let i = 0; i < h.length; i++) outcome[i] = household[h[i]!]!;
    return outcome;
  });
}
