import { defineProgram } from '../../engine/program.ts';
import {
  CERTIFICATE_GATE,
  eitherPositive,
  holdsCertificate,
  registeredInCity,
  rentOrInterestUpTo,
} from './common.ts';

/**
 * 身心障礙者停車位租金及貸款利息補助 — parking-space rent or loan-interest subsidy for persons with disabilities
 * (catalog: disability-parking-subsidy; 000 肆三(十九); 001 四(二)2(8)). Monthly.
 *
 * 000 肆三(十九)：「為減輕身心障礙者購買或租用停車位所需費用之負擔，辦理身心障礙者承租停車位租金補助或購買停車
 * 貸款利息補貼。」
 * D0050046 第71條第1項：「…七、購買停車位貸款利息補貼或承租停車位補助。…」
 *
 * The amounts are not in the references: the maxima are unknown, so a qualifying person's amount stays
 * undetermined. 「或」: one of the two; the rent subsidy is taken where both are paid.
 */
export const disabilityParkingSubsidy = defineProgram({
  id: 'disability-parking-subsidy',
  nameZh: '身心障礙者停車位租金及貸款利息補助',
  nameEn: 'Parking-space rent and loan-interest subsidy for persons with disabilities',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第71條第1項第7款', '000 肆三(十九)', '001 四(二)2(8)'],
  parameters: [
    'disability.parking-subsidy.rent-subsidy-max',
    'disability.parking-subsidy.loan-interest-subsidy-max',
  ],
  formula(ctx) {
    const p = ctx.persons;
    holdsCertificate(ctx, '000 肆三(十九)');
    registeredInCity(ctx, 'D0050046 第71條第1項');
    ctx.check(
      {
        code: 'rents-or-bought-parking-space',
        reference: '000 肆三(十九)',
        zh: '承租停車位或負擔購買停車位貸款利息',
        en: 'rents a parking space or pays interest on a loan for one',
      },
      eitherPositive(p.parkingRentNtd, p.parkingLoanInterestNtd),
    );
    const rentMax = ctx.paramOrNaN('disability.parking-subsidy.rent-subsidy-max');
    const interestMax = ctx.paramOrNaN('disability.parking-subsidy.loan-interest-subsidy-max');
    return {
      amountNtd: rentOrInterestUpTo(ctx, p.parkingRentNtd, p.parkingLoanInterestNtd, rentMax, interestMax, {
        reference: '000 肆三(十九)',
        zh: '補助金額標準已知',
      }),
    };
  },
});
