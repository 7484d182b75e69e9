import { FAILED, PASSED, type ProgramContext, UNKNOWN } from '../../engine/context.ts';
import { householdTaxRatePct } from '../../variables/household-tax-rate.ts';
import {
  householdWelfareTier,
  TIER_GENERAL,
  TIER_LOW_INCOME,
  TIER_MID_LOW_INCOME,
} from '../../variables/household-welfare-tier.ts';

/** 兒童設籍本市: the child is registered in the city. Recorded as a check of the calling program. */
export function childRegisteredInCity(ctx: ProgramContext, reference: string): Uint8Array {
  return ctx.check(
    {
      code: 'registered-in-city',
      reference,
      zh: '兒童設籍本市',
      en: 'the child is registered in the city',
    },
    ctx.persons.registeredInCity,
  );
}

/**
 * The childcare means test (「低收入戶…中低收入戶…兒童之父母(或監護人)…綜合所得稅稅率未達20%者」): the household
 * is low-income or mid-low-income, or its tax rate is under `limit`. Recorded as a check of the calling
 * program. A general household over the rate fails where the test is known to apply (`applies`), and is
 * undetermined where it is not known whether it does; a household whose status is undetermined is too.
 */
export function meansTestByTierOrTaxRate(
  ctx: ProgramContext,
  reference: string,
  limit: number,
  applies: boolean,
): Uint8Array {
  const p = ctx.persons;
  const n = p.count;
  const tierOf = householdWelfareTier(ctx);
  const taxRate = householdTaxRatePct(ctx);
  const passed = ctx.newUint8Array(n);
  const shown = ctx.newFloat64Array(n);
  for (let i = 0; i < n; i++) {
    const h = p.household[i]!;
    const tier = tierOf[h];
    shown[i] = taxRate[h]!;
    passed[i] =
      tier === TIER_LOW_INCOME || tier === TIER_MID_LOW_INCOME || taxRate[h]! < limit
        ? PASSED
        : tier === TIER_GENERAL && applies
          ? FAILED
          : UNKNOWN;
  }
  return ctx.check(
    {
      code: 'low-or-mid-low-income-or-tax-rate-below-limit',
      reference,
      zh: '低收入戶、中低收入戶，或父母綜合所得稅稅率未達規定比率',
      en: 'a low- or mid-low-income household, or the parents’ income-tax rate below the limit',
    },
    passed,
    { value: shown, threshold: limit },
  );
}
