import { UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import {
  ableToWork,
  householdImmovableProperty,
  householdIncome,
  householdIncomePerCapita,
  householdMovableProperty,
} from '../../variables/household-income.ts';
import { householdResidence } from '../../variables/household-residence.ts';
import {
  householdInSpecialCircumstance,
  householdSpecialCircumstance,
  SC_SOLE_CARER,
  SC_SPOUSE_DIED_OR_MISSING,
  SC_UNMARRIED_PREGNANCY,
} from '../../variables/special-circumstance.ts';

const REF = 'D0050075 第4條第1項';

/**
 * 特殊境遇家庭資格 — special-circumstance family status (catalog: special-circumstance-status; 000 肆四(三);
 * 001 四(四)2).
 *
 * D0050075 第4條第1項：「本條例所稱特殊境遇家庭，指申請人其家庭總收入按全家人口平均分配，每人每月未超過政府
 * 當年公布最低生活費二點五倍及臺灣地區平均每人每月消費支出一點五倍，且家庭財產未超過中央主管機關公告之一定
 * 金額，並具有下列情形之一者：…」
 * 第4-1條第1項：「前條第一項所稱家庭總收入及無工作能力，準用社會救助法第五條之一及第五條之三規定。」
 *
 * The household given is the one 第4-1條第3項 counts (the applicant, descendants with a duty of support and
 * their spouses, a taxpayer claiming the applicant); who counts is the district office's determination. The
 * applicant's situation (第1–7款) is the `specialCircumstance` fact; the conditions the facts can show
 * (age, sex, a child to raise, inability to work) are checked here.
 */
export const specialCircumstanceStatus = defineProgram({
  id: 'special-circumstance-status',
  nameZh: '特殊境遇家庭資格',
  nameEn: 'Special-circumstance family status',
  kind: 'status',
  entity: 'household',
  period: 'year',
  legalBasis: ['D0050075 第4條', 'D0050075 第4-1條', 'D0050078 第5-1條', 'D0050078 第5-3條', '000 肆四(三)'],
  parameters: [
    'social-assistance.minimum-living-cost',
    'cross-cutting.average-consumption-per-capita',
    'women.special-circumstance.income-multiple-of-minimum-living-cost',
    'women.special-circumstance.income-multiple-of-average-consumption',
    'women.special-circumstance.movable-property-per-person',
    'women.special-circumstance.immovable-property-per-household',
    'cross-cutting.minimum-wage',
  ],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    const situation = householdSpecialCircumstance(ctx);

    // 第6條第2項、第7條第5項: applications go to the authority of the household registration, so the applicant
    // must be registered in the city for it to decide.
    ctx.check(
      {
        code: 'applicant-registered-in-city',
        reference: 'D0050075 第6條第2項、第7條第5項',
        zh: '申請人設籍本市',
        en: 'the applicant is registered in the city',
      },
      // The applicant's registration per household, shared with the means-tested statuses (read only).
      householdResidence(ctx).applicantRegistered,
    );
    ctx.check(
      {
        code: 'in-a-special-circumstance',
        reference: REF,
        zh: '申請人具特殊境遇家庭扶助條例第4條第1項各款情形之一',
        en: 'the applicant is in one of the situations of D0050075 art. 4(1)',
      },
      householdInSpecialCircumstance(ctx),
      { value: situation },
    );

    // The situations' own conditions, per household from its members (after the two checks above, which leave
    // few households in play: a city run computes this over those alone).
    const age = ageAtPeriodStart(ctx);
    const able = ableToWork(ctx);

    const widowedAge = ctx.newUint8Array(h.count).fill(1);
    const pregnantWoman = ctx.newUint8Array(h.count).fill(1);
    const hasChild = ctx.newUint8Array(h.count);
    const unableToWork = ctx.newUint8Array(h.count).fill(1);
    const female = p.sex;
    // Imported constants and columns in locals: the loop runs over every person of the city.
    const spouseDiedOrMissing = SC_SPOUSE_DIED_OR_MISSING;
    const unmarriedPregnancy = SC_UNMARRIED_PREGNANCY;
    const soleCarer = SC_SOLE_CARER;
    const household = p.household;
    const roleOf = p.role;
    const n = p.count;
    for (let i = 0; i < n; i++) {
      const k = household[i]!;
      const role = roleOf[i]!;
      if (role === 0) {
        const s = situation[k]!;
        if (s === spouseDiedOrMissing && age[i]! > 65) widowedAge[k] = 0;
        // sex: index 1 = F
        if (s === unmarriedPregnancy && female[i] !== 1) pregnantWoman[k] = 0;
        if (s === soleCarer && able[i]) unableToWork[k] = 0;
      } else if ((role === 2 || role === 3) && age[i]! <= 18) hasChild[k] = 1;
    }
    for (let k = 0; k < h.count; k++) if (situation[k] !== soleCarer) hasChild[k] = 1;
    // 第1款：「六十五歲以下，其配偶死亡，或失蹤經向警察機關報案協尋未獲達六個月以上。」 (以下 includes 65)
    ctx.check(
      {
        code: 'widowed-applicant-65-or-under',
        reference: `${REF}第1款`,
        zh: '配偶死亡或失蹤者，申請人65歲以下',
        en: 'where the spouse died or is missing, the applicant is 65 or under',
      },
      widowedAge,
    );
    // 第4款：「未婚懷孕婦女，懷胎三個月以上至分娩二個月內。」 (the stage of pregnancy is the situation fact)
    ctx.check(
      {
        code: 'unmarried-pregnancy-applicant-is-a-woman',
        reference: `${REF}第4款`,
        zh: '未婚懷孕者，申請人為婦女',
        en: 'where the situation is an unmarried pregnancy, the applicant is a woman',
      },
      pregnantWoman,
    );
    // 第5款：「因離婚、喪偶、未婚生子獨自扶養十八歲以下子女或祖父母扶養十八歲以下父母無力扶養之孫子女，其無工作
    // 能力，或雖有工作能力，因遭遇重大傷病或照顧六歲以下子女或孫子女致不能工作。」 The serious illness and the
    // care of a child under 6 are reasons of D0050078 第5-3條 (workInability), so both halves are "not able to
    // work" under 第5-3條, which 第4-1條第1項 applies.
    ctx.check(
      {
        code: 'sole-carer-raises-child-18-or-under',
        reference: `${REF}第5款`,
        zh: '獨自扶養者，戶內有18歲以下子女或孫子女',
        en: 'where the applicant raises children alone, a child or grandchild aged 18 or under is in the household',
      },
      hasChild,
    );
    ctx.check(
      {
        code: 'sole-carer-unable-to-work',
        reference: `${REF}第5款; D0050075 第4-1條第1項; D0050078 第5-3條`,
        zh: '獨自扶養者，申請人無工作能力或因重大傷病、照顧六歲以下子女致不能工作',
        en: 'where the applicant raises children alone, they cannot work (no capacity, serious illness, or caring for a child under 6)',
      },
      unableToWork,
    );

    // Exact tests on totals: income ≤ multiple × standard × members (no rounded per-capita figure).
    const income = householdIncome(ctx);
    // Only shown (a compact run drops it).
    const perCapita = ctx.explaining ? householdIncomePerCapita(ctx) : undefined;
    const livingCostLimit =
      ctx.param('women.special-circumstance.income-multiple-of-minimum-living-cost') *
      ctx.param('social-assistance.minimum-living-cost');
    const memberCount = h.memberCount;
    const hn = h.count;
    const withinLivingCost = ctx.newUint8Array(hn);
    for (let k = 0; k < hn; k++) withinLivingCost[k] = +(income[k]! <= livingCostLimit * memberCount[k]!);
    ctx.check(
      {
        code: 'income-per-capita-within-2-5-times-minimum-living-cost',
        reference: REF,
        zh: '家庭總收入按全家人口平均分配，每人每月未超過最低生活費2.5倍',
        en: 'household income per person per month is at most 2.5 × the minimum living cost',
      },
      withinLivingCost,
      { value: perCapita, threshold: livingCostLimit },
    );
    const consumptionLimit =
      ctx.param('women.special-circumstance.income-multiple-of-average-consumption') *
      ctx.paramOrNaN('cross-cutting.average-consumption-per-capita');
    const withinConsumption = ctx.newUint8Array(hn);
    if (Number.isNaN(consumptionLimit)) withinConsumption.fill(UNKNOWN);
    else
      for (let k = 0; k < hn; k++) withinConsumption[k] = +(income[k]! <= consumptionLimit * memberCount[k]!);
    ctx.check(
      {
        code: 'income-per-capita-within-1-5-times-average-consumption',
        reference: REF,
        zh: '家庭總收入按全家人口平均分配，每人每月未超過臺灣地區平均每人每月消費支出1.5倍',
        en: 'household income per person per month is at most 1.5 × the average consumption per person',
      },
      withinConsumption,
      { value: perCapita, threshold: consumptionLimit },
    );

    const movablePerPerson = ctx.paramOrNaN('women.special-circumstance.movable-property-per-person');
    const movableLimit = ctx.newFloat64Array(hn);
    for (let k = 0; k < hn; k++) movableLimit[k] = memberCount[k]! * movablePerPerson;
    ctx.compare(
      {
        code: 'movable-property-within-limit',
        reference: `${REF}; D0050075 第4-1條第2項`,
        zh: '家庭動產未超過中央主管機關公告之一定金額（每人限額乘以人數）',
        en: 'household movable property within the announced limit (per-person limit × members)',
      },
      householdMovableProperty(ctx),
      '<=',
      movableLimit,
    );
    ctx.compare(
      {
        code: 'immovable-property-within-limit',
        reference: `${REF}; D0050075 第4-1條第2項`,
        zh: '家庭不動產未超過中央主管機關公告之一定金額',
        en: 'household immovable property within the announced limit',
      },
      householdImmovableProperty(ctx),
      '<=',
      ctx.paramOrNaN('women.special-circumstance.immovable-property-per-household'),
    );
    return undefined;
  },
});
