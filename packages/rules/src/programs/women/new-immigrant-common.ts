import type { ProgramContext } from '../../engine/context.ts';
import { UNKNOWN } from '../../engine/context.ts';
import { householdIncome, householdIncomePerCapita } from '../../variables/household-income.ts';
import { householdInSpecialCircumstance } from '../../variables/special-circumstance.ts';

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
  const multiple = ctx.paramOrNaN('women.new-immigrant-hardship.income-multiple-of-minimum-living-cost');
  const limit = multiple * ctx.param('social-assistance.minimum-living-cost');
  const person = ctx.entity === 'person';
  // Computed once per evaluation and entity (household arrays, or each person's household's values), then
  // shared read-only by the programs that record these checks; the parameters are the evaluation's.
  const household = p.household;
  const n = household.length;
  const hn = h.count;
  const spread = <T extends Uint8Array | Float64Array>(column: T, out: T): T => {
    for (let i = 0; i < n; i++) out[i] = column[household[i]!]!;
    return out;
  };
  // The applicant first, the rest only once the applicant check has passed some: over a city it leaves
  // none or a few in play, and a city run then computes the rest over those households alone.
  const applicant = ctx.variable(`new-immigrant-applicant-${ctx.entity}`, () => {
    const role = p.role;
    const newImmigrant = p.newImmigrant;
    const registeredInCity = p.registeredInCity;
    const residesInCity = p.residesInCity;
    const perHousehold = ctx.newUint8Array(hn);
    for (let i = 0; i < n; i++)
      if (role[i] === 0 && newImmigrant[i] && !registeredInCity[i] && residesInCity[i])
        perHousehold[household[i]!] = 1;
    if (!person) return perHousehold;
    // Each person takes their household's: the few households that pass fill their members (consecutive).
    const perPerson = ctx.newUint8Array(n);
    const { memberStart, memberCount } = h;
    for (let k = 0; k < hn; k++)
      if (perHousehold[k]) perPerson.fill(1, memberStart[k]!, memberStart[k]! + memberCount[k]!);
    return perPerson;
  });
  ctx.check(
    {
      code: 'applicant-new-immigrant-not-registered-living-in-city',
      reference: '000 肆四(四)4',
      zh: '申請人為尚未設籍之新住民，實際居住本市',
      en: 'the applicant is a new immigrant not yet registered, living in the city',
    },
    applicant,
  );
  const arrays = ctx.variable(`new-immigrant-hardship-checks-${ctx.entity}`, () => {
    const memberCount = h.memberCount;
    const inCircumstance = householdInSpecialCircumstance(ctx);
    const income = householdIncome(ctx);
    const means = ctx.newUint8Array(hn);
    if (Number.isNaN(limit)) means.fill(UNKNOWN);
    else for (let k = 0; k < hn; k++) means[k] = +(income[k]! <= limit * memberCount[k]!);
    // Only shown (a compact run drops it).
    const perCapita = ctx.explaining ? householdIncomePerCapita(ctx) : undefined;
    if (!person) return { inCircumstance, means, perCapita };
    return {
      inCircumstance: spread(inCircumstance, ctx.newUint8Array(n)),
      means: spread(means, ctx.newUint8Array(n)),
      perCapita: perCapita && spread(perCapita, ctx.newFloat64Array(n)),
    };
  });
  ctx.check(
    {
      code: 'in-a-special-circumstance',
      reference: '000 肆四(四)4; D0050075 第4條第1項',
      zh: '遭逢特殊境遇（特殊境遇家庭扶助條例第4條第1項各款情形之一）',
      en: 'in a special circumstance (one of the situations of D0050075 art. 4(1))',
    },
    arrays.inCircumstance,
  );
  ctx.check(
    {
      code: 'income-per-capita-within-plan-limit',
      reference: '000 肆四(四)4',
      zh: '家庭總收入平均每人每月未超過計畫標準',
      en: 'household income per person per month within the plan’s limit',
    },
    arrays.means,
    { value: arrays.perCapita, threshold: limit },
  );
}
