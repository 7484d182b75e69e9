import type { ProgramContext } from '../engine/context.ts';

/** Welfare tier of a household for programs whose amounts differ by status. */
export const TIER_GENERAL = 0;
export const TIER_MID_LOW_INCOME = 1;
export const TIER_LOW_INCOME = 2;
/** A status it may hold is undetermined (an unknown parameter), so the tier is too. */
export const TIER_UNKNOWN = 3;

/**
 * Per household: low-income (low-income-status), else mid-low-income (mid-low-income-status, which a
 * low-income household meets too), else general. Undetermined where the status that would decide it is.
 */
export function householdWelfareTier(ctx: ProgramContext): Uint8Array {
  return ctx.variable('household-welfare-tier', () => {
    const low = ctx.program('low-income-status').eligible;
    const midLow = ctx.program('mid-low-income-status').eligible;
    const tier = ctx.newUint8Array(ctx.households.count);
    for (let h = 0; h < tier.length; h++) {
      const l = low[h];
      const m = midLow[h];
      tier[h] =
        l === 1
          ? TIER_LOW_INCOME
          : l === 2 || m === 2
            ? TIER_UNKNOWN
            : m === 1
              ? TIER_MID_LOW_INCOME
              : TIER_GENERAL;
    }
    return tier;
  });
}
