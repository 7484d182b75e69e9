import { defineProgram } from '../../engine/program.ts';
import { registeredInCity } from './common.ts';

/**
 * 視障者計程車補助 — taxi subsidy for visually impaired persons (catalog: visually-impaired-taxi-subsidy;
 * 001 四(二)7(3)). Monthly: the subsidy for the rides taken in the period's month.
 *
 * 001 四(二)7(3)：「辦理視覺障礙者生活照顧輔佐服務…另補助視障者每人每月4次搭乘計程車費用(每趟次85元)」
 *
 * Registration in the city is read from the report's scope (the city's own services for its residents).
 * The 2018 plan does not have the subsidy, so periods before 2023 are undetermined (no parameter in force).
 */
export const visuallyImpairedTaxiSubsidy = defineProgram({
  id: 'visually-impaired-taxi-subsidy',
  nameZh: '視障者計程車補助',
  nameEn: 'Taxi subsidy for visually impaired persons',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['001 四(二)7(3)'],
  parameters: [
    'disability.visually-impaired-taxi.fare-per-ride',
    'disability.visually-impaired-taxi.rides-per-month',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const visuallyImpaired = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++)
      visuallyImpaired[i] = +(p.visuallyImpaired[i] === 1 && p.disabilityLevel[i]! > 0);
    ctx.check(
      {
        code: 'visually-impaired',
        reference: '001 四(二)7(3)',
        zh: '領有身心障礙證明之視覺障礙者',
        en: 'visually impaired, with a disability certificate',
      },
      visuallyImpaired,
    );
    registeredInCity(ctx, '001 四(二)');
    // 「每人每月4次…每趟次85元」: the rides taken, at most four, at 85 each.
    const fare = ctx.param('disability.visually-impaired-taxi.fare-per-ride');
    const maxRides = ctx.param('disability.visually-impaired-taxi.rides-per-month');
    const amount = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++) amount[i] = Math.min(p.taxiRidesThisMonth[i]!, maxRides) * fare;
    return { amountNtd: amount };
  },
});
