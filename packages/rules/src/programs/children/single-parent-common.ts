import type { ProgramContext } from '../../engine/context.ts';
import { UNKNOWN } from '../../engine/context.ts';
import { householdIncome, householdIncomePerCapita } from '../../variables/household-income.ts';

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
  const applicantSingle = ctx.variable('single-parent-applicant', () => {
    const single = new Uint8Array(h.count);
    for (let i = 0; i < p.count; i++)
      if (p.role[i] === 0 && p.singleParent[i] && p.registeredInCity[i]) single[p.household[i]!] = 1;
    return single;
  });
  ctx.check(
    {
      code: 'applicant-single-parent-registered-in-city',
      reference: '000 肆二(十二)',
      zh: '申請人為設籍本市、獨自扶養子女之單親家長',
      en: 'the applicant is a single parent raising the children alone, registered in the city',
    },
    Uint8Array.from(p.household, (k) => applicantSingle[k]!),
  );
  const multiple = ctx.paramOrNaN('children.single-parent.income-multiple-of-minimum-living-cost');
  const limit = multiple * ctx.param('social-assistance.minimum-living-cost');
  const income = householdIncome(ctx);
  const perCapita = householdIncomePerCapita(ctx);
  const passed = new Uint8Array(p.count);
  const shown = new Float64Array(p.count);
  for (let i = 0; i < p.count; i++) {
    const k = p.household[i]!;
    shown[i] = perCapita[k]!;
    passed[i] = Number.isNaN(limit) ? UNKNOWN : +(income[k]! <= limit * h.memberCount[k]!);
  }
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
