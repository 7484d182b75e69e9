import { applyRate } from '@safetynet/core/money';
import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import {
  CERTIFICATE_GATE,
  holdsCertificate,
  percentOf,
  registeredInCity,
  statusTier,
  tierValue,
} from './common.ts';

/**
 * 身心障礙者日間及住宿式照顧費用補助 — subsidy of day and residential care fees (catalog:
 * disability-care-fee-subsidy; 000 肆三(一); 001 四(二)2(4)). Monthly: the subsidised part of the month's fee.
 *
 * 000 肆三(一)2：「提供安置於私立身心障礙福利機構、本市護理之家、養護中心照顧費用補助，減輕其家庭經濟負擔。」
 * D0050046 第71條第1項：「直轄市、縣（市）主管機關對轄區內之身心障礙者，應依需求評估結果，提供下列經費補助，並不得
 * 有設籍時間之限制：…二、日間照顧及住宿式照顧費用補助。…」
 *
 * The share by household status (catalog: "by household status") is not in the references: every rate is
 * unso the amount stays undetermined for those who qualify otherwise, and the refusals stand.
 */
export const disabilityCareFeeSubsidy = defineProgram({
  id: 'disability-care-fee-subsidy',
  nameZh: '身心障礙者日間及住宿式照顧費用補助',
  nameEn: 'Day and residential care fee subsidy for persons with disabilities',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第71條第1項第2款', '000 肆三(一)', '001 四(二)2(4)'],
  parameters: [
    'disability.care-fee-subsidy.rate-low-income',
    'disability.care-fee-subsidy.rate-mid-low-income',
    'disability.care-fee-subsidy.rate-other',
  ],
  formula(ctx) {
    const p = ctx.persons;
    holdsCertificate(ctx, 'D0050046 第71條第1項');
    // 轄區內之身心障礙者 (no minimum length of registration).
    registeredInCity(ctx, 'D0050046 第71條第1項');
    ctx.compare(
      {
        code: 'in-day-or-residential-care',
        reference: '000 肆三(一)2',
        zh: '接受日間照顧或住宿式照顧並負擔照顧費用',
        en: 'in day or residential care and paying its fee',
      },
      p.careFeeNtd,
      '>',
      0,
    );
    const rateLow = ctx.paramOrNaN('disability.care-fee-subsidy.rate-low-income');
    const rateMidLow = ctx.paramOrNaN('disability.care-fee-subsidy.rate-mid-low-income');
    const rateOther = ctx.paramOrNaN('disability.care-fee-subsidy.rate-other');
    const tier = statusTier(ctx);
    const amount = ctx.newInt32Array(p.count);
    const rateKnown = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const r = tierValue(tier[i]!, rateLow, rateMidLow, rateOther);
      rateKnown[i] = Number.isNaN(r) ? UNKNOWN : PASSED;
      if (!Number.isNaN(r) && p.careFeeNtd[i]! > 0)
        amount[i] = applyRate(p.careFeeNtd[i]!, percentOf(r), 100);
    }
    ctx.check(
      {
        code: 'subsidy-rate-determined',
        reference: '000 肆三(一)2',
        zh: '依家戶身分之補助比率已知',
        en: 'the subsidy rate for the household status is known',
      },
      rateKnown,
    );
    return { amountNtd: amount };
  },
});
