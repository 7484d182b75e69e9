import { defineProgram } from '../../engine/program.ts';
import { eitherPositive, rentOrInterestUpTo } from './common.ts';

/**
 * 身心障礙者租屋補貼及購屋貸款利息補貼 — rent subsidy and mortgage-interest subsidy for persons with
 * disabilities (catalog: disability-housing-subsidy; 000 肆三(十八); 001 四(二)2(7)). Monthly, per household.
 *
 * 000 肆三(十八)：「為照顧身心障礙者居住所需，辦理身心障礙者房屋租金補貼及購屋貸款利息差額補貼。」
 * D0050046 第71條第1項：「…提供下列經費補助，並不得有設籍時間之限制：…六、房屋租金及購屋貸款利息補貼。…」
 *
 * The amounts and any income or home-ownership conditions (the city's 補助辦法) are not in the references:
 * the maxima are unknown, so a qualifying household's amount stays undetermined. Where a household pays both
 * rent and mortgage interest, the rent subsidy is taken (one home, one subsidy).
 */
export const disabilityHousingSubsidy = defineProgram({
  id: 'disability-housing-subsidy',
  nameZh: '身心障礙者租屋補貼及購屋貸款利息補貼',
  nameEn: 'Rent and mortgage-interest subsidy for persons with disabilities',
  kind: 'cash',
  entity: 'household',
  period: 'month',
  // What follows its first checks is light: narrowing to a part costs more than it saves.
  narrows: false,
  legalBasis: ['D0050046 第71條第1項第6款', '000 肆三(十八)', '001 四(二)2(7)'],
  parameters: [
    'disability.housing-subsidy.rent-subsidy-max',
    'disability.housing-subsidy.mortgage-interest-subsidy-max',
  ],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    // 「身心障礙者居住所需」: a member holding a certificate, of the city (轄區內).
    const member = ctx.newUint8Array(h.count);
    for (let i = 0; i < p.count; i++)
      if (p.disabilityLevel[i]! > 0 && p.registeredInCity[i] === 1) member[p.household[i]!] = 1;
    ctx.check(
      {
        code: 'member-with-disability-registered-in-city',
        reference: 'D0050046 第71條第1項',
        zh: '家中有設籍本市且領有身心障礙證明者',
        en: 'a member registered in the city holds a disability certificate',
      },
      member,
    );
    ctx.check(
      {
        code: 'pays-rent-or-mortgage-interest',
        reference: '000 肆三(十八)',
        zh: '租屋居住或負擔自購住宅貸款利息',
        en: 'rents the home or pays interest on a mortgage for it',
      },
      eitherPositive(h.rentNtd, h.mortgageInterestNtd),
    );
    const rentMax = ctx.paramOrNaN('disability.housing-subsidy.rent-subsidy-max');
    const interestMax = ctx.paramOrNaN('disability.housing-subsidy.mortgage-interest-subsidy-max');
    return {
      amountNtd: rentOrInterestUpTo(ctx, h.rentNtd, h.mortgageInterestNtd, rentMax, interestMax, {
        reference: '000 肆三(十八)',
        zh: '補貼金額標準已知',
      }),
    };
  },
});
