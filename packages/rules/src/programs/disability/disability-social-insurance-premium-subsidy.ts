import { applyRate } from '@safetynet/core/money';
import { defineProgram } from '../../engine/program.ts';
import {
  CERTIFICATE_GATE,
  holdsCertificate,
  MILD,
  MODERATE,
  percentOf,
  registeredInCity,
  SEVERE,
} from './common.ts';

/**
 * 身心障礙者社會保險自付保費補助 — subsidy of the self-paid premium of cash-benefit social insurance for
 * persons with disabilities (catalog: disability-social-insurance-premium-subsidy; 000 陸二). Monthly: the
 * subsidised part of the month's self-paid premium (`cashInsurancePremiumNtd`: labour, farmers',
 * civil servants' and teachers', military insurance; NHI is disability-nhi-premium-subsidy).
 *
 * 000 陸二：「凡持有身心障礙手冊（證明），參加現金給付之社會保險（公、勞、軍、農保等）所需保費，極重度、重度者，
 * 由本局全額補助；中度者補助二分之一；輕度者補助四分之一。」
 * D0050090 第4條：「身心障礙者保險費補助，以其自付者為限，由戶籍所在地之直轄市或縣（市）政府負擔。…」
 */
export const disabilitySocialInsurancePremiumSubsidy = defineProgram({
  id: 'disability-social-insurance-premium-subsidy',
  nameZh: '身心障礙者社會保險自付保費補助',
  nameEn: 'Social-insurance premium subsidy for persons with disabilities',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050090 第3條', 'D0050090 第4條', 'D0050090 第5條', '000 陸二'],
  parameters: [
    'disability.premium-subsidy-share.profound-or-severe',
    'disability.premium-subsidy-share.moderate',
    'disability.premium-subsidy-share.mild',
  ],
  formula(ctx) {
    const p = ctx.persons;
    holdsCertificate(ctx, '000 陸二');
    // 戶籍所在地之直轄市…政府負擔: Kaohsiung pays for those registered in the city.
    registeredInCity(ctx, 'D0050090 第4條');
    ctx.compare(
      {
        code: 'pays-cash-insurance-premium',
        reference: '000 陸二; D0050090 第3條第1款',
        zh: '參加現金給付之社會保險並有自付保險費',
        en: 'insured under a cash-benefit social insurance and pays a self-paid premium',
      },
      p.cashInsurancePremiumNtd,
      '>',
      0,
    );
    // D0050090 第5條：「一、極重度及重度身心障礙者全額補助。二、中度身心障礙者補助二分之一。三、輕度身心障礙者
    // 補助四分之一。」 Half an NTD rounds up (the law does not say).
    const severeShare = percentOf(ctx.param('disability.premium-subsidy-share.profound-or-severe'));
    const moderateShare = percentOf(ctx.param('disability.premium-subsidy-share.moderate'));
    const mildShare = percentOf(ctx.param('disability.premium-subsidy-share.mild'));
    const amount = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const level = p.disabilityLevel[i]!;
      const premium = p.cashInsurancePremiumNtd[i]!;
      if (level < MILD || premium <= 0) continue;
      const share = level >= SEVERE ? severeShare : level === MODERATE ? moderateShare : mildShare;
      amount[i] = applyRate(premium, share, 100);
    }
    return { amountNtd: amount };
  },
});
