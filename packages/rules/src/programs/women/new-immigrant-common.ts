import type { ProgramContext } from '../../engine/context.ts';
import { UNKNOWN } from '../../engine/context.ts';
import { householdIncome, householdIncomePerCapita } from '../../variables/household-income.ts';
import { householdSpecialCircumstance, SC_NONE } from '../../variables/special-circumstance.ts';

/**
 * The conditions of 設籍前新住民遭逢特殊境遇之家庭扶助計畫 (000 肆四(四)4：「以協助未設籍新住民遭逢特殊境遇時提供
 * 緊急生活扶助、子女生活津貼、兒童托育津貼及傷病醫療等補助」), recorded on the calling program (household or
 * person): the applicant is a new immigrant not yet registered (`newImmigrant` and not `registeredInCity`)
 * who lives in the city, in one of the situations of D0050075 第4條第1項 (the plan's 特殊境遇), and the household
 * passes the plan's means test, whose limit is not in the sources (`unknown`, so it stays undetermined).
 */
export function newImmigrantInHardship(ctx: ProgramContext): void {
  const p = ctx.persons;
  const h = ctx.households;
  const applicant = new Uint8Array(h.count);
  for (let i = 0; i < p.count; i++)
    if (p.role[i] === 0 && p.newImmigrant[i] && !p.registeredInCity[i] && p.residesInCity[i])
      applicant[p.household[i]!] = 1;
  const situation = householdSpecialCircumstance(ctx);
  const multiple = ctx.paramOrNaN('women.new-immigrant-hardship.income-multiple-of-minimum-living-cost');
  const limit = multiple * ctx.param('social-assistance.minimum-living-cost');
  const income = householdIncome(ctx);
  const means = new Uint8Array(h.count);
  for (let k = 0; k < h.count; k++)
    means[k] = Number.isNaN(limit) ? UNKNOWN : +(income[k]! <= limit * h.memberCount[k]!);

  const person = ctx.entity === 'person';
  const spread = (column: Uint8Array) => (person ? Uint8Array.from(p.household, (k) => column[k]!) : column);
  ctx.check(
    {
      code: 'applicant-new-immigrant-not-registered-living-in-city',
      reference: '000 肆四(四)4',
      zh: '申請人為尚未設籍之新住民，實際居住本市',
      en: 'the applicant is a new immigrant not yet registered, living in the city',
    },
    spread(applicant),
  );
  ctx.check(
    {
      code: 'in-a-special-circumstance',
      reference: '000 肆四(四)4; D0050075 第4條第1項',
      zh: '遭逢特殊境遇（特殊境遇家庭扶助條例第4條第1項各款情形之一）',
      en: 'in a special circumstance (one of the situations of D0050075 art. 4(1))',
    },
    spread(Uint8Array.from(situation, (s) => +(s !== SC_NONE))),
  );
  const perCapita = householdIncomePerCapita(ctx);
  ctx.check(
    {
      code: 'income-per-capita-within-plan-limit',
      reference: '000 肆四(四)4',
      zh: '家庭總收入平均每人每月未超過計畫標準',
      en: 'household income per person per month within the plan’s limit',
    },
    spread(means),
    { value: person ? Float64Array.from(p.household, (k) => perCapita[k]!) : perCapita, threshold: limit },
  );
}
