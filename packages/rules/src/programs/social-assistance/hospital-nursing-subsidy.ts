import { applyRate } from '@safetynet/core/money';
import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { completedMonths } from '../../variables/elapsed.ts';
import {
  householdWelfareTier,
  TIER_LOW_INCOME,
  TIER_MID_LOW_INCOME,
  TIER_UNKNOWN,
} from '../../variables/household-welfare-tier.ts';

/** Which rate a person is paid at. */
const NONE = 0;
const LOW_INCOME = 1;
const OTHER = 2;
const UNDECIDED = 3;

/**
 * 經濟弱勢市民重傷病住院看護費補助 — hospital nursing subsidy for economically disadvantaged residents (catalog:
 * hospital-nursing-subsidy; 000 參(六); 001 三(九)).
 *
 * 000 參(六)：「依『高雄市經濟弱勢市民醫療補助辦法』規定辦理：1.本市列冊之低收入戶，每人每日最高補助 1,200 元，但每人
 * 每年以 15 萬元為限。2.本市列冊之中低收入戶、領有本市中低收入老人生活津貼者或領有本市身心障礙者生活補助者，最近
 * 一個月自行負擔看護費用累計超過 3 萬元或最近三個月累計超過 5 萬元部分，每人每日最高補助 500 元，但每人每年以 6 萬元
 * 為限。3.非一對一看護者，補助金額依看護人數比例撥付。」
 *
 * An event program: the amount for the claims (`hospital-stay` events with a nursing cost) dated in the
 * period's month, within what is left of the yearly cap after the subsidy already paid this year
 * (`nursingSubsidyPaidThisYearNtd`).
 *
 * How the thresholds are read: for each claim, the self-paid nursing costs of the person's stays dated in
 * the month (and in the three months) up to the claim's date are added up; the part of the larger excess
 * over 30,000 (or 50,000) that falls on this claim — at most its own cost — is subsidised. So a later claim
 * in the same window is paid on its whole cost once the threshold was passed, and costs under the threshold
 * are never paid. A window is 民法 months: one month back from 15 June is after 15 May.
 * 「依看護人數比例」: the amount (after the daily maximum) is divided by the patients the carer looked after,
 * rounded half up.
 */
export const hospitalNursingSubsidy = defineProgram({
  id: 'hospital-nursing-subsidy',
  nameZh: '經濟弱勢市民重傷病住院看護費補助',
  nameEn: 'Hospital nursing subsidy for economically disadvantaged residents',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  legalBasis: ['000 參(六)', '001 三(九)', 'D0050078 第4條', 'D0050078 第4-1條'],
  parameters: [
    'social-assistance.hospital-nursing-subsidy.daily-max-low-income',
    'social-assistance.hospital-nursing-subsidy.annual-cap-low-income',
    'social-assistance.hospital-nursing-subsidy.daily-max-other',
    'social-assistance.hospital-nursing-subsidy.annual-cap-other',
    'social-assistance.hospital-nursing-subsidy.one-month-threshold',
    'social-assistance.hospital-nursing-subsidy.three-month-threshold',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const n = p.count;
    const tier = householdWelfareTier(ctx);
    const lowIncome = ctx.program('low-income-status').eligible;
    const seniorAllowance = ctx.program('senior-living-allowance').eligible;
    const disabilityAllowance = ctx.program('disability-living-allowance').eligible;

    // 1.「本市列冊之低收入戶」 at 1,200 a day; 2.「中低收入戶、領有本市中低收入老人生活津貼者或領有本市身心障礙者
    // 生活補助者」 at 500 a day. Where a status that would decide the rate is undetermined, so is the case.
    const rate = ctx.newUint8Array(n);
    const listed = ctx.newUint8Array(n);
    const { memberStart, memberCount } = ctx.households;
    // Household by household (its members are consecutive persons): its status is read once.
    for (let k = 0; k < memberStart.length; k++) {
      const t = tier[k];
      const low = lowIncome[k];
      const first = memberStart[k]!;
      const end = first + memberCount[k]!;
      for (let i = first; i < end; i++) {
        const s = seniorAllowance[i];
        const d = disabilityAllowance[i];
        let r: number;
        if (t === TIER_LOW_INCOME) r = LOW_INCOME;
        // Not low-income and receiving an allowance: the 500 rate, whatever the mid-low-income status.
        else if (low === 0 && (s === 1 || d === 1)) r = OTHER;
        else if (t === TIER_UNKNOWN) r = UNDECIDED;
        else if (t === TIER_MID_LOW_INCOME || s === 1 || d === 1) r = OTHER;
        else r = s === 2 || d === 2 ? UNDECIDED : NONE;
        rate[i] = r;
        listed[i] = r === NONE ? FAILED : r === UNDECIDED ? UNKNOWN : PASSED;
      }
    }
    ctx.check(
      {
        code: 'low-income-mid-low-income-or-allowance-recipient',
        reference: '000 參(六)1、2',
        zh: '本市列冊之低收入戶、中低收入戶，或領有本市中低收入老人生活津貼或身心障礙者生活補助',
        en: 'low-income or mid-low-income on the city’s register, or receiving the senior living allowance or the disability living allowance',
      },
      listed,
    );

    const dailyLow = ctx.param('social-assistance.hospital-nursing-subsidy.daily-max-low-income');
    const dailyOther = ctx.param('social-assistance.hospital-nursing-subsidy.daily-max-other');
    const capLow = ctx.param('social-assistance.hospital-nursing-subsidy.annual-cap-low-income');
    const capOther = ctx.param('social-assistance.hospital-nursing-subsidy.annual-cap-other');
    const oneMonth = ctx.param('social-assistance.hospital-nursing-subsidy.one-month-threshold');
    const threeMonths = ctx.param('social-assistance.hospital-nursing-subsidy.three-month-threshold');

    // Each person's stays as a linked list (head per person, next per event), to add up their windows.
    const stays = ctx.population.events['hospital-stay'];
    const head = ctx.newInt32Array(n).fill(-1);
    const next = ctx.newInt32Array(stays.count);
    for (let e = 0; e < stays.count; e++) {
      const i = stays.owner[e]!;
      next[e] = head[i]!;
      head[i] = e;
    }

    const claimed = ctx.newUint8Array(n);
    const overThreshold = ctx.newUint8Array(n);
    const recentCosts = ctx.newFloat64Array(n);
    const subsidy = ctx.newFloat64Array(n);
    for (let e = 0; e < stays.count; e++) {
      const day = stays.date[e]!;
      const cost = stays.nursingCostNtd[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay || cost <= 0) continue;
      const i = stays.owner[e]!;
      claimed[i] = 1;
      let base: number;
      if (rate[i] === LOW_INCOME) {
        // 「每人每日最高補助 1,200 元」
        base = Math.min(cost, dailyLow * stays.nursingDays[e]!);
        overThreshold[i] = 1;
      } else {
        // 「最近一個月自行負擔看護費用累計超過 3 萬元或最近三個月累計超過 5 萬元部分」: this claim and the
        // person's earlier stays (same day: earlier in the list) within the windows.
        let month = 0;
        let quarter = 0;
        for (let f = head[i]!; f !== -1; f = next[f]!) {
          const other = stays.date[f]!;
          if (other > day || (other === day && f > e)) continue;
          const elapsed = completedMonths(other, day);
          if (elapsed < 3) quarter += stays.nursingCostNtd[f]!;
          if (elapsed < 1) month += stays.nursingCostNtd[f]!;
        }
        recentCosts[i] = Math.max(recentCosts[i]!, month);
        const excess = Math.min(cost, Math.max(month - oneMonth, quarter - threeMonths, 0));
        if (excess > 0) overThreshold[i] = 1;
        // 「每人每日最高補助 500 元」
        base = Math.min(excess, dailyOther * stays.nursingDays[e]!);
      }
      // 「非一對一看護者，補助金額依看護人數比例撥付」
      subsidy[i] = subsidy[i]! + applyRate(base, 1, stays.patientsPerCarer[e]!);
    }
    ctx.check(
      {
        code: 'nursing-claimed-this-month',
        reference: '000 參(六)',
        zh: '本月申請重傷病住院看護費補助',
        en: 'hospital nursing costs were claimed this month',
      },
      claimed,
    );
    // Without a claim only `nursing-claimed-this-month` fails; the low-income rate has no threshold.
    for (let i = 0; i < n; i++) if (!claimed[i]) overThreshold[i] = 1;
    ctx.check(
      {
        code: 'nursing-costs-over-threshold',
        reference: '000 參(六)2',
        zh: '最近一個月自行負擔看護費用累計超過3萬元或最近三個月累計超過5萬元（低收入戶不適用）',
        en: 'self-paid nursing costs over 30,000 in the last month or 50,000 in the last three months (not required of low-income persons)',
      },
      overThreshold,
      { value: recentCosts, threshold: oneMonth },
    );

    // 「但每人每年以 15 萬元為限」/「以 6 萬元為限」: what is left after this year's earlier payments.
    const paid = p.nursingSubsidyPaidThisYearNtd;
    const cap = ctx.newFloat64Array(n);
    const amount = ctx.newInt32Array(n);
    for (let i = 0; i < n; i++) {
      cap[i] = rate[i] === OTHER ? capOther : capLow;
      const left = cap[i]! - paid[i]!;
      amount[i] = left > 0 ? Math.min(subsidy[i]!, left) : 0;
    }
    ctx.compare(
      {
        code: 'nursing-annual-cap-not-reached',
        reference: '000 參(六)1、2',
        zh: '本年度已領看護費補助未達每人每年上限',
        en: 'the nursing subsidy paid this year is below the yearly cap per person',
      },
      paid,
      '<',
      cap,
    );
    return { amountNtd: amount };
  },
});
