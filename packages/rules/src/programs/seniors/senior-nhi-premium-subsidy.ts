import { defineProgram } from '../../engine/program.ts';
import { registeredOneYear } from '../disability/common.ts';
import { FAIL, not, OPEN, PASS, SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 老人全民健康保險保費自付額補助 — NHI self-paid premium subsidy for seniors (catalog:
 * senior-nhi-premium-subsidy; 000 陸一(一); 001 四(一)2(3)). Monthly: the subsidy on the month's premium.
 *
 * D0050037 第22條第1項：「老人或其法定扶養義務人就老人參加全民健康保險之保險費…無力負擔者，直轄市、縣（市）主管
 * 機關應予補助。」
 * 000 陸一(一)：「凡設籍本市滿1年且年滿65歲以上老人，除內政部、銓敘部、行政院退輔會或其他符合補助對象，其保險費
 * 已由政府編列預算支付者外，餘由本府補助保險費自付額，補助資格及金額依本局補助老人及身心障礙者全民健康保險保費
 * 自付實施要點辦理。」
 *
 * The 實施要點 was not found: the cap is the category-6 premium (tw-welfare-parameters.md §9.1, B). Later
 * conditions reported by a garbled third-party summary (183 days in Taiwan, the mid/low-income senior
 * criteria under 70, tax rates) are unverified (C) and not encoded. A low-income household's premium is
 * paid in full by the central government (D0050078 第19條第1項), a mid-low-income one's half (第19條第2項):
 * `nhiPremiumNtd` is what is left for the person to pay, so those shares are already out of it.
 */
export const seniorNhiPremiumSubsidy = defineProgram({
  id: 'senior-nhi-premium-subsidy',
  nameZh: '老人全民健康保險保費自付額補助',
  nameEn: 'NHI self-paid premium subsidy for seniors',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['D0050037 第22條', 'D0050078 第19條', '000 陸一(一)', '001 四(一)2(3)'],
  parameters: ['seniors.senior-age', 'seniors.nhi-premium-subsidy.cap'],
  formula(ctx) {
    const p = ctx.persons;
    // 「設籍本市滿1年且年滿65歲以上老人」
    seniorAge(ctx, '000 陸一(一)');
    ctx.check(
      {
        code: 'registered-in-city-one-year',
        reference: '000 陸一(一)',
        zh: '設籍本市滿1年',
        en: 'registered in the city for a full year',
      },
      registeredOneYear(ctx),
    );
    // 「除內政部、銓敘部、行政院退輔會或其他符合補助對象，其保險費已由政府編列預算支付者外」
    ctx.check(
      {
        code: 'premium-not-paid-by-another-budget',
        reference: '000 陸一(一)',
        zh: '保險費未由內政部、銓敘部、退輔會或其他政府預算支付',
        en: 'the premium is not paid from another government budget',
      },
      not(p.nhiPremiumPaidByGovernment),
    );

    // 「餘由本府補助保險費自付額」, up to the cap. For a person with a disability the premium subsidy of
    // disability-nhi-premium-subsidy (central share and city top-up, the same 實施要點) comes first and this
    // covers what is left; nothing left (e.g. severe disability, paid in full) is a premium already paid by
    // the government. Where that result is undetermined, so is this one.
    const cap = ctx.param('seniors.nhi-premium-subsidy.cap');
    const disability = ctx.program('disability-nhi-premium-subsidy');
    const [pass, fail, open] = [PASS, FAIL, OPEN];
    const left = ctx.newFloat64Array(p.count);
    const hasLeft = ctx.newUint8Array(p.count);
    const amount = ctx.newInt32Array(p.count);
    // Persons a check above has failed are skipped (their outcomes change nothing).
    const inPlay = ctx.inPlay();
    for (let i = 0; i < p.count; i++) {
      if (inPlay !== undefined && inPlay[i] === 0) continue;
      const premium = p.nhiPremiumNtd[i]!;
      const d = disability.eligible[i];
      let other = 0;
      let known = true;
      if (d === pass) {
        if (disability.amountNtd) other = disability.amountNtd[i]!;
        else known = false;
      } else if (d !== fail) known = false;
      const rest = Math.max(premium - other, 0);
      left[i] = rest;
      hasLeft[i] = premium <= 0 ? fail : known ? +(rest > 0) : open;
      amount[i] = Math.min(rest, cap);
    }
    ctx.check(
      {
        code: 'self-paid-premium-left-to-pay',
        reference: '000 陸一(一)',
        zh: '有自付之全民健保保險費（扣除身心障礙者保費補助後仍有餘額）',
        en: 'a self-paid NHI premium remains to be paid (after any disability premium subsidy)',
      },
      hasLeft,
      { value: left, threshold: 0 },
    );
    return { amountNtd: amount };
  },
});
