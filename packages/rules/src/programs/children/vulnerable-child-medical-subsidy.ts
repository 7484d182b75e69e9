import { applyRate } from '@safetynet/core/money';
import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { PLACEMENT_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { householdIncome } from '../../variables/household-income.ts';

const FOSTER = PLACEMENT_FACTS.indexOf('foster_family');
const KINSHIP = PLACEMENT_FACTS.indexOf('kinship');
const CHILD_INSTITUTION = PLACEMENT_FACTS.indexOf('child_institution');
const P = 'children.vulnerable-child-medical.';

/** Three-valued OR of two outcomes: PASSED if either passed, else UNKNOWN if either is unknown. */
function or3(a: number, b: number): number {
  return a === PASSED || b === PASSED ? PASSED : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : FAILED;
}

/**
 * 弱勢兒童及少年醫療補助 — medical subsidy for vulnerable children (catalog: vulnerable-child-medical-subsidy;
 * 000 肆二(十); 001 四(三)9(2)).
 *
 * 000 肆二(十)：「協助弱勢兒童及少年繳納前未保、中斷及欠繳之全民健康保險費、看護費、視力保健之醫療矯治配鏡費用及
 * 全民健康保險規定應自行負擔之住院費用等。」 The Kaohsiung rule is not in the sources; D0050180 (the central rule)
 * gives who and how much:
 * 第9條：「醫療費用補助之對象如下：一、低收入戶及中低收入戶內兒童及少年。二、領有弱勢家庭兒童及少年緊急生活扶助
 * 者。…四、安置於公私立兒童及少年安置及教養機構或寄養家庭之兒童及少年。五、特殊境遇家庭扶助條例第九條規定，未滿
 * 六歲之兒童。六、發展遲緩兒童。…」
 * 第10條第1項第1款：「補助全民健康保險應自行負擔之住院費用及住院期間之看護費用，合計每年最高補助新臺幣三十萬元。」
 * 第11條第1項：「一、依第九條第六款至第十款規定申請…得依收入訂定補助比率如下：（一）家庭總收入平均未達當年度
 * 當地區每人每月最低生活費二倍，或未達臺灣地區平均每人每月消費支出者，補助百分之七十五。（二）…二倍以上未達三倍，
 * 或未達…一點五倍者，補助百分之五十。（三）…三倍以上未達四倍，或未達…二倍者，補助百分之二十五。二、依第九條第一
 * 款至第五款規定申請…者，全額補助。」
 *
 * An event program: the inpatient co-payments and nursing costs of the `hospital-stay` events dated in the
 * month, at the group's rate, within what the yearly cap of 300,000 leaves after the subsidy already paid
 * this year. Encoded groups: 1, 2, 4, 5 (in full) and 6 (by income); groups 3 and 7–10 (protection cases,
 * premature birth, pregnancy, rare disease, other) have no fact yet, nor the one-off NHI arrears (第10條
 * 第2項) and the glasses of the 2018 plan. Under 18 (兒童及少年, D0050001 第2條), age on the first day of the
 * month. Where the average consumption is unknown, a tier below 75% stays open (the alternative test could
 * give more).
 */
export const vulnerableChildMedicalSubsidy = defineProgram({
  id: 'vulnerable-child-medical-subsidy',
  nameZh: '弱勢兒童及少年醫療補助',
  nameEn: 'Medical subsidy for vulnerable children and youths',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  legalBasis: ['000 肆二(十)', '001 四(三)9(2)', 'D0050180 第9條', 'D0050180 第10條', 'D0050180 第11條'],
  parameters: [
    `${P}yearly-cap`,
    `${P}tier-1-rate-percent`,
    `${P}tier-2-rate-percent`,
    `${P}tier-3-rate-percent`,
    `${P}tier-1-living-cost-multiple`,
    `${P}tier-2-living-cost-multiple`,
    `${P}tier-3-living-cost-multiple`,
    `${P}tier-1-consumption-multiple`,
    `${P}tier-2-consumption-multiple`,
    `${P}tier-3-consumption-multiple`,
    'social-assistance.minimum-living-cost',
    'cross-cutting.average-consumption-per-capita',
    'cross-cutting.minimum-wage',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const h = ctx.households;
    const age = ageAtPeriodStart(ctx);
    ctx.compare(
      {
        code: 'aged-under-18',
        reference: 'D0050180 第9條; D0050001 第2條',
        zh: '未滿18歲',
        en: 'aged under 18',
      },
      age,
      '<',
      18,
    );

    const lowIncome = ctx.program('low-income-status').eligible;
    const midLowIncome = ctx.program('mid-low-income-status').eligible;
    const emergencyAid = ctx.program('vulnerable-family-emergency-allowance').eligible;
    const specialCircumstance = ctx.program('special-circumstance-status').eligible;
    const full = ctx.newUint8Array(p.count);
    const group = ctx.newUint8Array(p.count);
    // Persons 18 or over are skipped (the check above failed them: nothing here changes their result).
    const inPlay = ctx.inPlay();
    for (let i = 0; i < p.count; i++) {
      if (inPlay !== undefined && inPlay[i] === 0) continue;
      const k = p.household[i]!;
      const t = p.placement[i]!;
      let f = or3(lowIncome[k]!, midLowIncome[k]!);
      f = or3(f, emergencyAid[i]!);
      f = or3(f, +(t === FOSTER || t === KINSHIP || t === CHILD_INSTITUTION));
      f = or3(f, age[i]! < 6 ? specialCircumstance[k]! : FAILED);
      full[i] = f;
      group[i] = or3(f, p.developmentalDelay[i]!);
    }
    ctx.check(
      {
        code: 'in-a-subsidised-group',
        reference: 'D0050180 第9條',
        zh: '為低收入戶或中低收入戶內兒少、領弱勢家庭兒少緊急生活扶助、安置於機構或寄養家庭、特殊境遇家庭未滿6歲兒童或發展遲緩兒童',
        en: 'a child of a low- or mid-low-income household, receiving the emergency child allowance, in placement, under 6 in a special-circumstance family, or with developmental delay',
      },
      group,
    );

    // 第11條: the rate for a child with developmental delay only, by household income per person.
    const income = householdIncome(ctx);
    const livingCost = ctx.param('social-assistance.minimum-living-cost');
    const consumption = ctx.paramOrNaN('cross-cutting.average-consumption-per-capita');
    const rates = [
      ctx.param(`${P}tier-1-rate-percent`),
      ctx.param(`${P}tier-2-rate-percent`),
      ctx.param(`${P}tier-3-rate-percent`),
    ];
    const livingMultiples = [
      ctx.param(`${P}tier-1-living-cost-multiple`),
      ctx.param(`${P}tier-2-living-cost-multiple`),
      ctx.param(`${P}tier-3-living-cost-multiple`),
    ];
    const consumptionMultiples = [
      ctx.param(`${P}tier-1-consumption-multiple`),
      ctx.param(`${P}tier-2-consumption-multiple`),
      ctx.param(`${P}tier-3-consumption-multiple`),
    ];
    const householdRate = ctx.newInt32Array(h.count);
    const rateKnown = ctx.newUint8Array(h.count);
    for (let k = 0; k < h.count; k++) {
      const members = h.memberCount[k]!;
      let rate = 0;
      for (let t = 2; t >= 0; t--)
        if (income[k]! < livingMultiples[t]! * livingCost * members) rate = rates[t]!;
      let known = 1;
      if (Number.isNaN(consumption)) known = +(rate === rates[0]);
      else
        for (let t = 2; t >= 0; t--)
          if (income[k]! < consumptionMultiples[t]! * consumption * members) rate = Math.max(rate, rates[t]!);
      householdRate[k] = rate;
      rateKnown[k] = known;
    }
    const rate = ctx.newInt32Array(p.count);
    const tier = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const k = p.household[i]!;
      if (full[i] === PASSED) {
        rate[i] = 100;
        tier[i] = PASSED;
      } else if (!p.developmentalDelay[i]) tier[i] = PASSED;
      else {
        rate[i] = householdRate[k]!;
        tier[i] = full[i] === UNKNOWN || !rateKnown[k] ? UNKNOWN : +(householdRate[k]! > 0);
      }
    }
    ctx.check(
      {
        code: 'income-within-subsidy-tiers',
        reference: 'D0050180 第11條第1項',
        zh: '發展遲緩兒童：家庭總收入平均未達最低生活費4倍或平均每人每月消費支出2倍（依級距補助75%、50%、25%）',
        en: 'a child with developmental delay: household income per person under 4 × the minimum living cost or 2 × the average consumption (75%, 50%, 25% by tier)',
      },
      tier,
      { value: rate },
    );

    const stays = ctx.population.events['hospital-stay'];
    const costs = ctx.newFloat64Array(p.count);
    for (let e = 0; e < stays.count; e++) {
      const day = stays.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const i = stays.owner[e]!;
      costs[i] = costs[i]! + stays.inpatientSelfPaidNtd[e]! + stays.nursingCostNtd[e]!;
    }
    ctx.compare(
      {
        code: 'inpatient-or-nursing-costs-this-month',
        reference: 'D0050180 第10條第1項第1款',
        zh: '本月申請住院應自行負擔費用或住院期間看護費用',
        en: 'inpatient co-payments or nursing costs claimed this month',
      },
      costs,
      '>',
      0,
    );
    const cap = ctx.param(`${P}yearly-cap`);
    const paid = p.vulnerableChildMedicalPaidThisYearNtd;
    ctx.compare(
      {
        code: 'yearly-cap-not-reached',
        reference: 'D0050180 第10條第1項第1款',
        zh: `本年度已領補助未達每年上限${cap}元`,
        en: `the subsidy paid this year is below the yearly cap of ${cap}`,
      },
      paid,
      '<',
      cap,
    );
    const amount = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++)
      amount[i] = Math.max(0, Math.min(applyRate(costs[i]!, rate[i]!, 100), cap - paid[i]!));
    return { amountNtd: amount };
  },
});
