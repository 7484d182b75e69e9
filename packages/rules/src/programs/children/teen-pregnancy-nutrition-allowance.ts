import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { PREGNANT_GATE } from './gates.ts';

/**
 * 未滿20歲懷孕者孕期營養津貼 — pregnancy nutrition allowance for a pregnant person under 20 (catalog:
 * teen-pregnancy-nutrition-allowance; 001 四(三)19(2)).
 *
 * 001 四(三)19(2)：「社會局18處社會福利服務中心設置服務據點，提供未滿20歲懷孕者孕期營養津貼，強化未滿20歲懷孕
 * 少女健康照顧」
 * The seed gives neither the amount nor how often it is paid (once per pregnancy is assumed: the amount
 * parameter is per pregnancy, and unknown, so a person who qualifies is undetermined). The event is the
 * pregnancy as known in the period's month; age is taken on the first day of the month.
 */
const P = 'children.teen-pregnancy-nutrition-allowance.';

export const teenPregnancyNutritionAllowance = defineProgram({
  id: 'teen-pregnancy-nutrition-allowance',
  nameZh: '未滿20歲懷孕者孕期營養津貼',
  nameEn: 'Pregnancy nutrition allowance for pregnant persons under 20',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  gate: PREGNANT_GATE,
  legalBasis: ['D0050001 第23條第1項第11款', '001 四(三)19(2)'],
  parameters: [`${P}amount`],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    ctx.check({ code: 'pregnant', reference: '001 四(三)19(2)', zh: '懷孕中', en: 'pregnant' }, p.pregnant);
    ctx.compare(
      {
        code: 'under-20',
        reference: '001 四(三)19(2)',
        zh: '未滿20歲（歲）',
        en: 'under 20 (years)',
      },
      ageAtPeriodStart(ctx),
      '<',
      20,
    );
    const inCity = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) inCity[i] = +(p.registeredInCity[i] === 1 || p.residesInCity[i] === 1);
    // Served at the city's social welfare service centres: registered or living in the city.
    ctx.check(
      {
        code: 'registered-or-living-in-city',
        reference: '001 四(三)19(2)',
        zh: '設籍或實際居住本市',
        en: 'registered or living in the city',
      },
      inCity,
    );
    const amount = ctx.paramOrNaN(`${P}amount`);
    ctx.check(
      {
        code: 'amount-known',
        reference: '001 四(三)19(2)',
        zh: '津貼金額已知',
        en: 'the amount is known',
      },
      ctx.newUint8Array(n).fill(Number.isNaN(amount) ? 2 : 1),
    );
    const amountNtd = ctx.newInt32Array(n);
    if (!Number.isNaN(amount)) amountNtd.fill(amount);
    return { amountNtd };
  },
});
