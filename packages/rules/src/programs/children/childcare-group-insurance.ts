import { defineProgram } from '../../engine/program.ts';
import { CHILDCARE_SETTINGS } from '../../facts/person.ts';

/**
 * 托嬰中心幼童團體保險費補助 — group insurance premium of children at childcare centres (catalog:
 * childcare-group-insurance; 001 四(三)4(5)). Yearly: the premium paid for the year.
 *
 * 001 四(三)4(5)：「為加強托嬰中心收托兒童權益保障，補助送托托嬰中心之幼童團體保險費，111學年度第2學期補助
 * 3,598人、152萬1,156元。」
 * The seed states no cap or share, so the premium paid is subsidised in full (about 423 a child a semester
 * in the report). Community public childcare homes (社區公共托育家園) are not 托嬰中心 and are left out.
 * When the subsidy began is not stated (the 2018 plan does not mention it): no start date is applied.
 */
const CENTERS = [
  CHILDCARE_SETTINGS.indexOf('public-center'),
  CHILDCARE_SETTINGS.indexOf('quasi-public-center'),
  CHILDCARE_SETTINGS.indexOf('other-center'),
];

export const childcareGroupInsurance = defineProgram({
  id: 'childcare-group-insurance',
  nameZh: '托嬰中心幼童團體保險費補助',
  nameEn: 'Group insurance premium subsidy for children at childcare centres',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  legalBasis: ['001 四(三)4(5)'],
  parameters: [],
  formula(ctx) {
    const { persons: p } = ctx;
    const [a, b, c] = CENTERS;
    const atCentre = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const s = p.childcareSetting[i];
      atCentre[i] = +(s === a || s === b || s === c);
    }
    ctx.check(
      {
        code: 'at-childcare-centre',
        reference: '001 四(三)4(5)',
        zh: '送托托嬰中心',
        en: 'at a childcare centre',
      },
      atCentre,
    );
    ctx.compare(
      {
        code: 'group-insurance-premium-paid',
        reference: '001 四(三)4(5)',
        zh: '本年度有幼童團體保險費（元）',
        en: 'a group insurance premium was paid this year (NTD)',
      },
      p.childcareGroupInsurancePremiumNtd,
      '>',
      0,
    );
    return { amountNtd: new Int32Array(p.childcareGroupInsurancePremiumNtd) };
  },
});
