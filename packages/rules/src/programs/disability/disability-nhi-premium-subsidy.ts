import { applyRate } from '@safetynet/core/money';
import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import {
  CERTIFICATE_GATE,
  holdsCertificate,
  MILD,
  MODERATE,
  percentOf,
  registeredInCity,
  registeredOneYear,
  SEVERE,
} from './common.ts';

/**
 * 身心障礙者全民健保保費自付額補助 — NHI self-paid premium subsidy for persons with disabilities
 * (catalog: disability-nhi-premium-subsidy; 000 陸一(二); 001 四(二)2(2)). Monthly: the part of the month's
 * self-paid premium (`nhiPremiumNtd`) that is subsidised, central share and city share together.
 *
 * D0050090 第4條：「身心障礙者保險費補助，以其自付者為限，由戶籍所在地之直轄市或縣（市）政府負擔。但極重度、
 * 重度及中度身心障礙者參加全民健康保險之自付部分保險費補助由中央政府負擔。」
 * 000 陸一(二)：「補助設籍本市領有身心障礙手冊／身心障礙證明市民參加全民健康保險之自付額保費」
 */
export const disabilityNhiPremiumSubsidy = defineProgram({
  id: 'disability-nhi-premium-subsidy',
  nameZh: '身心障礙者全民健保保費自付額補助',
  nameEn: 'NHI self-paid premium subsidy for persons with disabilities',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050090 第4條', 'D0050090 第5條', '000 陸一(二)', '001 四(二)2(2)'],
  parameters: [
    'disability.premium-subsidy-share.profound-or-severe',
    'disability.premium-subsidy-share.moderate',
    'disability.premium-subsidy-share.mild',
    'disability.nhi-premium.city-top-up-cap',
  ],
  formula(ctx) {
    const p = ctx.persons;
    holdsCertificate(ctx, '000 陸一(二)');
    registeredInCity(ctx, 'D0050090 第4條; 000 陸一(二)');
    ctx.compare(
      {
        code: 'pays-nhi-premium',
        reference: 'D0050090 第4條',
        zh: '有全民健保自付保險費',
        en: 'pays a self-paid NHI premium',
      },
      p.nhiPremiumNtd,
      '>',
      0,
    );

    // 000 陸一(二)1：「極重度、重度障礙者全額補助（由中央政府補助）。」
    // 000 陸一(二)2：「中度身心障礙者由中央政府補助二分之一及輕度障礙者由本市補助四分之一外，…」
    const severeShare = percentOf(ctx.param('disability.premium-subsidy-share.profound-or-severe'));
    const moderateShare = percentOf(ctx.param('disability.premium-subsidy-share.moderate'));
    const mildShare = percentOf(ctx.param('disability.premium-subsidy-share.mild'));
    // 000 陸一(二)2（續）：「另符合設籍本市滿一年以上且最近一年國內居住超過一百八十三天，經稅捐稽徵機關核定最近一年
    // 綜合所得稅稅率百分之五或其綜合所得總額合計未達申報標準者；或年滿六十五歲以上之身障者，且經稅捐稽徵機關核定
    // 最近一年綜合所得稅稅率百分之十二者，本市最高追加補助749元。」
    // The top-up changes the amount, not eligibility, so it is not a check. It covers what the share leaves
    // to pay, up to the cap. The one-year registration and 183 days are read as applying to both branches
    // (the 65+ branch follows 「或」 inside the same 「另符合…」 sentence). A tax rate of 0 stands for an
    // income below the filing threshold.
    const cap = ctx.param('disability.nhi-premium.city-top-up-cap');
    const oneYear = registeredOneYear(ctx);
    const age = ageAtPeriodStart(ctx);
    const amount = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const level = p.disabilityLevel[i]!;
      const premium = p.nhiPremiumNtd[i]!;
      if (level < MILD || premium <= 0) continue;
      // Half up: the law does not say how a half NTD is rounded.
      const share = level >= SEVERE ? severeShare : level === MODERATE ? moderateShare : mildShare;
      let subsidy = applyRate(premium, share, 100);
      const rate = p.taxRatePct[i]!;
      if (
        subsidy < premium &&
        oneYear[i] === 1 &&
        p.daysInTaiwanLastYear[i]! > 183 &&
        (rate <= 5 || (age[i]! >= 65 && rate === 12))
      ) {
        subsidy += Math.min(premium - subsidy, cap);
      }
      amount[i] = subsidy;
    }
    return { amountNtd: amount };
  },
});
