import { PASSED, type ProgramContext, UNKNOWN } from '../../engine/context.ts';
import { childOfHousehold } from '../../variables/child-of-household.ts';

/** Programs whose first check is the household's low-income status (see ProgramGate). */
export const LOW_INCOME_GATE = { id: 'low-income-household', checks: 1 };
/** Programs whose first check is `personInLowOrMidLowIncome` (see ProgramGate). */
export const LOW_OR_MID_LOW_INCOME_GATE = { id: 'low-or-mid-low-income-household', checks: 1 };

/**
 * 低收入戶子女: the person's household is a registered low-income household (low-income-status) and the
 * person is a child of it (role `child`). Recorded as two checks of the calling program,
 * `low-income-household` and `child-of-household`, under the references given.
 */
export function requireLowIncomeChild(
  ctx: ProgramContext,
  householdReference: string,
  childReference: string = householdReference,
): void {
  ctx.requireProgram(
    {
      code: 'low-income-household',
      reference: householdReference,
      zh: '屬列冊低收入戶',
      en: 'in a registered low-income household',
    },
    'low-income-status',
    'household',
  );
  ctx.check(
    {
      code: 'child-of-household',
      reference: childReference,
      zh: '為戶內子女',
      en: 'a child of the household',
    },
    childOfHousehold(ctx),
  );
}

/**
 * A flat monthly amount per person (生活扶助 by class, D0050078 第11條), whose value may be unknown: records
 * `monthly-amount-known` and returns the amount for every person (0 where it is unknown).
 */
export function flatMonthlyAmount(ctx: ProgramContext, parameter: string): Int32Array {
  const count = ctx.persons.count;
  const perPerson = ctx.paramOrNaN(parameter);
  const unknown = Number.isNaN(perPerson);
  ctx.check(
    {
      code: 'monthly-amount-known',
      reference: 'D0050078 第11條',
      zh: '本期每人每月補助金額已公告',
      en: 'the monthly amount in force is known',
    },
    ctx.newUint8Array(count).fill(unknown ? UNKNOWN : PASSED),
    { threshold: perPerson },
  );
  return ctx.newInt32Array(count).fill(unknown ? 0 : perPerson);
}
