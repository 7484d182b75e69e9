import { defineProgram } from '../../engine/program.ts';
import { registeredInCity, SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 銀髮族市民農園 — allotment gardens for seniors (catalog: senior-farm-plot; 000 肆一(六); 001 四(一)6(5)).
 * Yearly: who may be given a plot for the year, evaluated in the month of the allocation.
 *
 * 000 肆一(六)：「設置銀髮族市民農園，提供設籍本市 65 歲以上老人種植蔬菜、花木。」
 *
 * The plots are few (63 seniors in Jan–Jun 2023, 001 四(一)6(5)): this says who qualifies, not who is given one.
 */
export const seniorFarmPlot = defineProgram({
  id: 'senior-farm-plot',
  nameZh: '銀髮族市民農園',
  nameEn: 'Allotment gardens for seniors',
  kind: 'service',
  entity: 'person',
  period: 'year',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['000 肆一(六)', '001 四(一)6(5)'],
  parameters: ['seniors.senior-age'],
  formula(ctx) {
    // 「設籍本市 65 歲以上老人」
    seniorAge(ctx, '000 肆一(六)');
    registeredInCity(ctx, '000 肆一(六)');
    return undefined;
  },
});
