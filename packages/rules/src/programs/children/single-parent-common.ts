import type { ProgramContext } from '../../engine/context.ts';
import { UNKNOWN } from '../../engine/context.ts';
import { householdIncome, householdIncomePerCapita } from '../../variables/household-income.ts';

/** Programs whose first check is `singleParentFamily`'s (see ProgramGate). */
export const SINGLE_PARENT_GATE = { id: 'applicant-single-parent-registered-in-city', checks: 1 };

/**
 * The household-level conditions of 高雄市弱勢單親家庭扶助辦法 (000 肆二(十二)), recorded as checks of the calling
 * person program: the applicant is a single parent raising the children alone, is registered in the city, and
 * the household passes the means test. The seeds name the 辦法 but not its means test: the per-capita income
 * limit is a multiple of the minimum living cost left `unknown`, so the test stays undetermined below it.
 * Returns nothing; the caller adds its own conditions.
 */
export function singleParentFamily(ctx: ProgramContext): void {
  const p = ctx.persons;
  const h = ctx.households;
  // Per-person arrays computed once per evaluation and shared, read-only, by the programs that record them.
  const applicantSingle = ctx.variable('single-parent-applicant-per-person', () => {
    const { role, singleParent, registeredInCity } = p;
    const { memberStart, memberCount } = h;
    const out = ctx.newUint8Array(p.count);
    // Household by household (its members are consecutive persons): one pass over the persons.
    for (let k = 0; k < h.count; k++) {
      const first = memberStart[k]!;
      const end = first + memberCount[k]!;
      for (let i = first; i < end; i++)
        if (role[i] === 0 && singleParent[i] && registeredInCity[i]) {
          out.fill(1, first, end);
          break;
        }
    }
    return out;
  });
  ctx.check(
    {
      code: 'applicant-single-parent-registered-in-city',
      reference: '000 肆二(十二)',
      zh: '申請人為設籍本市、獨自扶養子女之單親家長',
      en: 'the applicant is a single parent raising the children alone, registered in the city',
    },
    applicantSingle,
  );
  const multiple = ctx.paramOrNaN('children.single-parent.income-multiple-of-minimum-living-cost');
  const limit = multiple * ctx.param('social-assistance.minimum-living-cost');
  const income = householdIncome(ctx);
  // Only shown (a compact run drops it).
  const perCapita = ctx.explaining ? householdIncomePerCapita(ctx) : undefined;
  // The parameters are those in force on the period's first day, the same for every program of the evaluation.
  const { passed, shown } = ctx.variable('single-parent-income-test-per-person', () => {
    const household = p.household;
    const memberCount = h.memberCount;
    const n = household.length;
    const passed = ctx.newUint8Array(n);
    if (Number.isNaN(limit)) passed.fill(UNKNOWN);
    else
      for (let i = 0; i < n; i++) {
        const k = household[i]!;
        passed[i] = +(income[k]! <= limit * memberCount[k]!);
      }
    if (!perCapita) return { passed, shown: undefined };
    const shown = ctx.newFloat64Array(n);
    for (let i = 0; i < n; i++) shown[i] = perCapita[household[i]!]!;
    return { passed, shown };
  });
  ctx.check(
    {
      code: 'income-per-capita-within-single-parent-limit',
      reference: '000 肆二(十二)',
      zh: '家庭總收入平均每人每月未超過弱勢單親家庭標準',
      en: 'household income per person per month within the vulnerable single-parent limit',
    },
    passed,
    { value: shown, threshold: limit },
  );
}
