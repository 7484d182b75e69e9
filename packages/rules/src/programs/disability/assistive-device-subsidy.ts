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
 * 身心障礙者輔助器具補助 — assistive device subsidy (catalog: assistive-device-subsidy; 000 肆三(二);
 * 001 四(二)2(5)). Per event: the subsidy for the purchases (`assistive-device-purchase`) dated in the period's
 * month.
 *
 * 000 肆三(二)1：「對持有身心障礙手冊/身心障礙證明市民給予輔助器具補助。」
 * D0050046 第71條第1項：「…提供下列經費補助，並不得有設籍時間之限制：…五、輔具費用補助。…」
 *
 * The share of the price by household status and the cap per device (the national 輔具費用補助辦法 and its
 * 基準表) are not in the references: the rates are unso the amount is undetermined where a purchase
 * would otherwise qualify; caps per device are not modelled.
 */
export const assistiveDeviceSubsidy = defineProgram({
  id: 'assistive-device-subsidy',
  nameZh: '身心障礙者輔助器具補助',
  nameEn: 'Assistive device subsidy for persons with disabilities',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第71條第1項第5款', '000 肆三(二)', '001 四(二)2(5)'],
  parameters: [
    'disability.assistive-device-subsidy.rate-low-income',
    'disability.assistive-device-subsidy.rate-mid-low-income',
    'disability.assistive-device-subsidy.rate-other',
  ],
  formula(ctx) {
    const p = ctx.persons;
    holdsCertificate(ctx, '000 肆三(二)1');
    // 「…市民」: registered in the city.
    registeredInCity(ctx, '000 肆三(二)1');
    const rateLow = ctx.paramOrNaN('disability.assistive-device-subsidy.rate-low-income');
    const rateMidLow = ctx.paramOrNaN('disability.assistive-device-subsidy.rate-mid-low-income');
    const rateOther = ctx.paramOrNaN('disability.assistive-device-subsidy.rate-other');
    const tier = statusTier(ctx);
    const events = ctx.population.events['assistive-device-purchase'];
    const purchases = ctx.newInt32Array(p.count);
    const amount = ctx.newInt32Array(p.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const i = events.owner[e]!;
      purchases[i]! += 1;
      // Rounded per purchase, half up (each device is a separate grant).
      const r = tierValue(tier[i]!, rateLow, rateMidLow, rateOther);
      if (!Number.isNaN(r)) amount[i]! += applyRate(events.priceNtd[e]!, percentOf(r), 100);
    }
    ctx.compare(
      {
        code: 'assistive-device-bought-in-month',
        reference: '000 肆三(二)',
        zh: '本月購置輔助器具',
        en: 'bought an assistive device in the month',
      },
      purchases,
      '>',
      0,
    );
    const rateKnown = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++)
      rateKnown[i] = Number.isNaN(tierValue(tier[i]!, rateLow, rateMidLow, rateOther)) ? UNKNOWN : PASSED;
    ctx.check(
      {
        code: 'subsidy-rate-determined',
        reference: '000 肆三(二)',
        zh: '依家戶身分之補助比率已知',
        en: 'the subsidy rate for the household status is known',
      },
      rateKnown,
    );
    return { amountNtd: amount };
  },
});
