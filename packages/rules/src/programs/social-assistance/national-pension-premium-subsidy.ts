import { applyRate } from '@safetynet/core/money';
import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { householdIncome } from '../../variables/household-income.ts';

const NP = 'social-assistance.national-pension';

/** 'none', 'mild', 'moderate', 'severe', 'profound' (facts/person.ts DISABILITY_LEVELS). */
const MILD = 1;
const MODERATE = 2;
const SEVERE = 3;

/** Three-valued AND of two outcomes (FAILED wins, then UNKNOWN). */
function and3(a: number, b: number): number {
  return a === FAILED || b === FAILED ? FAILED : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : PASSED;
}

/** The larger share, counting `share` only when its condition surely holds. */
function surely(best: number, outcome: number, share: number): number {
  return outcome === PASSED && share > best ? share : best;
}

/** The larger share, counting `share` unless its condition surely fails. */
function possibly(best: number, outcome: number, share: number): number {
  return outcome !== FAILED && share > best ? share : best;
}

/**
 * 國民年金保險費補助 — national pension premium subsidy (catalog: national-pension-premium-subsidy;
 * 000 陸三; 001 三(七)). Amount: the government's share of the month's premium (月投保金額 × 費率).
 *
 * 000 陸三：「1.被保險人為符合社會救助法規定之低收入戶由市府全額負擔。2.被保險人所得未達一定標準者：(1)…每人每月
 * 未達當年度最低生活費1.5倍，且未超過台灣地區平均每人每月消費支出之1倍者，市府負擔70%。(2)…每人每月達當年度最低
 * 生活費 1.5 倍，未達 2 倍，且未超過台灣地區平均每人每月消費支出之 1.5 倍者，市府負擔 55%。」
 * D0050152 第12條 adds 中低收入戶 (70%) and the disability shares (100% / 70% / 55%). Where several apply the
 * largest share is paid (each category is a reduction of what the insured pays; none is cumulative).
 * The general 40% the central government pays for everyone (第12條第4款) is not a subsidy and is not counted.
 *
 * Simplifications: the insured's household and its income are the social-assistance means-test household of
 * the case (the Act's own household rule is not modelled); no pro-rating for a month of partial insurance
 * (第13條第1項); the temporary 2023-04 → 2023-12 post-COVID half subsidy (D0050211) is not included.
 */
export const nationalPensionPremiumSubsidy = defineProgram({
  id: 'national-pension-premium-subsidy',
  nameZh: '國民年金保險費補助',
  nameEn: 'National pension premium subsidy',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: [
    'D0050152 第7條',
    'D0050152 第10條',
    'D0050152 第11條',
    'D0050152 第12條',
    '000 陸三',
    '001 三(七)',
  ],
  // Its selective check (the category) is its last and costly: evaluated once over the city, for the persons
  // the first three checks leave in play.
  narrows: false,
  parameters: [
    `${NP}.monthly-insured-amount`,
    `${NP}.premium-rate`,
    `${NP}.government-share-low-income`,
    `${NP}.government-share-mid-low-income`,
    `${NP}.government-share-income-below-1-5`,
    `${NP}.government-share-income-below-2`,
    `${NP}.government-share-disability-severe`,
    `${NP}.government-share-disability-moderate`,
    `${NP}.government-share-disability-mild`,
    `${NP}.tier-70-living-cost-multiple`,
    `${NP}.tier-70-consumption-multiple`,
    `${NP}.tier-55-living-cost-multiple`,
    `${NP}.tier-55-consumption-multiple`,
    'social-assistance.minimum-living-cost',
    'cross-cutting.average-consumption-per-capita',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const h = ctx.households;
    const age = ageAtPeriodStart(ctx);
    const count = p.count;
    const insuredAge = ctx.newUint8Array(count);
    for (let i = 0; i < count; i++) {
      const a = age[i]!;
      insuredAge[i] = +(a >= 25 && a < 65);
    }

    // D0050152 第7條：「未滿六十五歲國民，在國內設有戶籍而有下列情形之一者，除應參加或已參加相關社會保險者外，
    // 應參加本保險為被保險人：一、年滿二十五歲…」 Age on the first day of the month.
    ctx.check(
      {
        code: 'age-25-to-64',
        reference: 'D0050152 第7條',
        zh: '年滿25歲、未滿65歲',
        en: 'aged 25 or over and under 65',
      },
      insuredAge,
      { value: age },
    );
    // 000 陸三: the city pays for its residents (設籍本市).
    ctx.check(
      {
        code: 'registered-in-city',
        reference: '000 陸三',
        zh: '設籍本市',
        en: 'registered in the city',
      },
      p.registeredInCity,
    );
    // 「除應參加或已參加相關社會保險者外」: a person paying a labour, farmers', civil-service or military insurance
    // premium is in another social insurance, not the national pension.
    ctx.compare(
      {
        code: 'not-in-other-social-insurance',
        reference: 'D0050152 第7條',
        zh: '未參加勞保、農保、公教保、軍保等相關社會保險',
        en: 'not covered by labour, farmers’, civil-service or military insurance',
      },
      p.cashInsurancePremiumNtd,
      '==',
      0,
    );

    // Shares in per-mille, thresholds exact on the household total (未達 = strictly under; 未超過 = at most).
    const permille = (id: string) => Math.round(ctx.param(`${NP}.${id}`) * 1000);
    const shareLow = permille('government-share-low-income');
    const shareMidLow = permille('government-share-mid-low-income');
    const share70 = permille('government-share-income-below-1-5');
    const share55 = permille('government-share-income-below-2');
    const shareSevere = permille('government-share-disability-severe');
    const shareModerate = permille('government-share-disability-moderate');
    const shareMild = permille('government-share-disability-mild');
    const cost = ctx.param('social-assistance.minimum-living-cost');
    const costLimit70 = cost * ctx.param(`${NP}.tier-70-living-cost-multiple`);
    const costLimit55 = cost * ctx.param(`${NP}.tier-55-living-cost-multiple`);
    const consumption = ctx.paramOrNaN('cross-cutting.average-consumption-per-capita');
    const consumptionLimit70 = consumption * ctx.param(`${NP}.tier-70-consumption-multiple`);
    const consumptionLimit55 = consumption * ctx.param(`${NP}.tier-55-consumption-multiple`);
    const lowIncome = ctx.program('low-income-status').eligible;
    const midLow = ctx.program('mid-low-income-status').eligible;
    const income = householdIncome(ctx);

    // Per person: the largest share that surely applies, and the largest that may apply (an unknown parameter).
    const share = ctx.newInt32Array(p.count);
    const outcome = ctx.newUint8Array(p.count);
    // Persons a check above has failed keep share 0 (their outcome changes nothing).
    const inPlay = ctx.inPlay();
    const { household, disabilityLevel } = p;
    const memberCount = h.memberCount;
    for (let i = 0; i < count; i++) {
      if (inPlay !== undefined && inPlay[i] === 0) continue;
      const k = household[i]!;
      const n = memberCount[k]!;
      const total = income[k]!;
      // 第12條第1款「被保險人為符合社會救助法規定之低收入戶或中低收入戶」
      let sure = surely(0, lowIncome[k]!, shareLow);
      let possible = possibly(0, lowIncome[k]!, shareLow);
      sure = surely(sure, midLow[k]!, shareMidLow);
      possible = possibly(possible, midLow[k]!, shareMidLow);
      // 第12條第2款「家庭總收入平均分配全家人口，每人每月未達當年度最低生活費一點五倍，且未超過臺灣地區平均每人
      // 每月消費支出之一倍者」/「未達當年度最低生活費二倍，且未超過…之一點五倍者」
      const nan = Number.isNaN(consumption);
      const tier70 = and3(+(total < costLimit70 * n), nan ? UNKNOWN : +(total <= consumptionLimit70 * n));
      const tier55 = and3(+(total < costLimit55 * n), nan ? UNKNOWN : +(total <= consumptionLimit55 * n));
      sure = surely(surely(sure, tier70, share70), tier55, share55);
      possible = possibly(possibly(possible, tier70, share70), tier55, share55);
      // 第12條第3款 by the level on the certificate
      const level = disabilityLevel[i]!;
      const disabilityShare =
        level >= SEVERE ? shareSevere : level === MODERATE ? shareModerate : level === MILD ? shareMild : 0;
      sure = surely(sure, PASSED, disabilityShare);
      possible = possibly(possible, PASSED, disabilityShare);
      share[i] = sure;
      outcome[i] = possible === 0 ? FAILED : possible > sure ? UNKNOWN : PASSED;
    }
    ctx.check(
      {
        code: 'premium-subsidy-category',
        reference: 'D0050152 第12條第1款至第3款',
        zh: '屬低收入戶、中低收入戶、所得未達一定標準或身心障礙者（政府負擔比率‰）',
        en: 'low-income, mid-low-income, income under the set standard, or disabled (government share ‰)',
      },
      outcome,
      { value: share },
    );

    // Premium = 月投保金額 × 費率 (第10條、第11條); the government's share of it, rounded half up.
    const insured = ctx.param(`${NP}.monthly-insured-amount`);
    const ratePerTenThousand = Math.round(ctx.param(`${NP}.premium-rate`) * 10000);
    const amountNtd = ctx.newInt32Array(p.count);
    for (let i = 0; i < count; i++) {
      if (share[i]! > 0) amountNtd[i] = applyRate(insured, ratePerTenThousand * share[i]!, 10_000_000);
    }
    return { amountNtd };
  },
});
