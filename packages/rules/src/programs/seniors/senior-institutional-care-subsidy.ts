import { defineProgram } from '../../engine/program.ts';
import {
  ADL_MODERATE,
  amountOrUnknown,
  atLeast,
  registeredInCity,
  requireLowOrMidLowIncome,
  SENIOR_AGE_GATE,
  seniorAge,
} from './common.ts';

/**
 * 老人公費安置及機構養護費補助 — public placement and institutional care fee subsidy for seniors (catalog:
 * senior-institutional-care-subsidy; 000 肆一(十七); 001 四(一)4(2)). Monthly: the subsidy for the month.
 *
 * 000 肆一(十七)1：「補助設籍本市年滿 65 歲以上低收入戶或中低收入老人，經失能評估為重度或中度失能且符合一定條件之
 * 機構養護服務費。」
 * 000 肆一(十七)2：「進住本市立案且經政府最近 1 次評鑑為優、甲等之老人長期照顧機構或護理之家。」
 * 000 肆一(十七)3：「每人每月核予補助金額及方式依當年公告之補助計畫為主。」
 *
 * 「中低收入老人」 is read as a member of a low- or mid-low-income household (the title: 「低收入戶老人公費安置
 * 及中低收入失能老人機構養護服務費補助」). 「符合一定條件」 and the amounts are the yearly plan's, not in the
 * sources: the amount is an unknown parameter, so an otherwise eligible senior is undetermined.
 */
export const seniorInstitutionalCareSubsidy = defineProgram({
  id: 'senior-institutional-care-subsidy',
  nameZh: '老人公費安置及機構養護費補助',
  nameEn: 'Public placement and institutional care fee subsidy for seniors',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['D0050037 第12條', '000 肆一(十七)', '001 四(一)4(2)'],
  parameters: ['seniors.senior-age', 'seniors.institutional-care-subsidy.amount'],
  formula(ctx) {
    const p = ctx.persons;
    // 「設籍本市年滿 65 歲以上低收入戶或中低收入老人」
    seniorAge(ctx, '000 肆一(十七)1');
    registeredInCity(ctx, '000 肆一(十七)1');
    requireLowOrMidLowIncome(ctx, '000 肆一(十七)1');
    // 「經失能評估為重度或中度失能」
    ctx.check(
      {
        code: 'moderately-or-severely-impaired',
        reference: '000 肆一(十七)1',
        zh: '經失能評估為中度或重度失能',
        en: 'assessed as moderately or severely impaired in daily living',
      },
      atLeast(p.adlImpairment, ADL_MODERATE),
    );
    // 「進住本市立案且經政府最近 1 次評鑑為優、甲等之老人長期照顧機構或護理之家」
    ctx.check(
      {
        code: 'in-rated-care-institution',
        reference: '000 肆一(十七)2',
        zh: '進住本市立案且最近一次評鑑為優、甲等之老人長期照顧機構或護理之家',
        en: 'lives in a city-licensed long-term care institution or nursing home rated excellent or A',
      },
      p.inRatedCareInstitution,
    );
    const { amount } = amountOrUnknown(ctx, 'seniors.institutional-care-subsidy.amount', '000 肆一(十七)3');
    return { amountNtd: ctx.newInt32Array(ctx.count).fill(amount) };
  },
});
