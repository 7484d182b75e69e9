import type { ProgramContext } from '../engine/context.ts';

/**
 * The highest income-tax marginal rate (%) among a household's members (`taxRatePct`): the tests 「兒童之
 * 父母（或監護人）…綜合所得稅稅率未達20%」 (000 肆二(六)1, (八)3) read the parents' assessment, and the
 * household given is the family the office counts.
 */
export function householdTaxRatePct(ctx: ProgramContext): Int32Array {
  return ctx.variable('household-tax-rate-pct', () => {
    const p = ctx.persons;
    const rate = ctx.newInt32Array(ctx.households.count);
    for (let i = 0; i < p.count; i++) {
      const h = p.household[i]!;
      if (p.taxRatePct[i]! > rate[h]!) rate[h] = p.taxRatePct[i]!;
    }
    return rate;
  });
}
