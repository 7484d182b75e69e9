import { defineProgram } from '../../engine/program.ts';
import { amountOrUnknown, registeredInCity, SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 重陽節敬老禮金 — Double Ninth Festival gift to seniors (catalog: double-ninth-gift; 000 肆一(一)4). Yearly:
 * the gift for the year, evaluated in the month it is paid out.
 *
 * 000 肆一(一)4：「發放設籍本市 65 歲以上老人重陽節敬老禮金。」
 *
 * Neither the amount nor the date on which age and registration are counted is in the sources: age is
 * taken at the end of the month evaluated (as for every senior program here) and the amount is an unknown
 * parameter, so an eligible person is undetermined until it is collected.
 */
export const doubleNinthGift = defineProgram({
  id: 'double-ninth-gift',
  nameZh: '重陽節敬老禮金',
  nameEn: 'Double Ninth Festival gift to seniors',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['000 肆一(一)4'],
  parameters: ['seniors.senior-age', 'seniors.double-ninth-gift.amount'],
  formula(ctx) {
    // 「設籍本市 65 歲以上老人」
    seniorAge(ctx, '000 肆一(一)4');
    registeredInCity(ctx, '000 肆一(一)4');
    const { amount } = amountOrUnknown(ctx, 'seniors.double-ninth-gift.amount', '000 肆一(一)4');
    return { amountNtd: ctx.newInt32Array(ctx.count).fill(amount) };
  },
});
