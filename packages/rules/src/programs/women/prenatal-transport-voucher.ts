import { defineProgram } from '../../engine/program.ts';
import { PREGNANT_GATE } from '../children/gates.ts';

/**
 * 孕婦產檢交通乘車券 — prenatal check-up transport vouchers (catalog: prenatal-transport-voucher;
 * 001 四(四)1(6)). In kind: who qualifies, for the pregnancy as known in the period's month.
 *
 * 001 四(四)1(6)：「開辦『孕婦產檢交通乘車券』，凡設籍本市之孕婦或與設籍本市市民結婚之新住民孕婦皆可領取產檢
 * 交通乘車券」
 * Married to a registered citizen: the spouse is the household's applicant or spouse (the other one of the
 * pair) and is registered in the city. The seed gives no start date or number of vouchers.
 */
const APPLICANT = 0;
const SPOUSE = 1;

export const prenatalTransportVoucher = defineProgram({
  id: 'prenatal-transport-voucher',
  nameZh: '孕婦產檢交通乘車券',
  nameEn: 'Prenatal check-up transport vouchers',
  kind: 'in-kind',
  entity: 'person',
  period: 'event',
  gate: PREGNANT_GATE,
  legalBasis: ['001 四(四)1(6)'],
  parameters: [],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    ctx.check({ code: 'pregnant', reference: '001 四(四)1(6)', zh: '懷孕中', en: 'pregnant' }, p.pregnant);
    // Registered applicants and spouses per household, to find a registered spouse of a new immigrant.
    const registeredPartners = ctx.newInt32Array(ctx.households.count);
    for (let i = 0; i < n; i++) {
      const role = p.role[i];
      if ((role === APPLICANT || role === SPOUSE) && p.registeredInCity[i])
        registeredPartners[p.household[i]!] = registeredPartners[p.household[i]!]! + 1;
    }
    const qualifies = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const role = p.role[i];
      const partner = role === APPLICANT || role === SPOUSE;
      // The other partner is registered: the household's registered partners, less herself if registered.
      const spouseRegistered = partner && registeredPartners[p.household[i]!]! - p.registeredInCity[i]! > 0;
      qualifies[i] = +(p.registeredInCity[i] === 1 || (p.newImmigrant[i] === 1 && spouseRegistered));
    }
    ctx.check(
      {
        code: 'registered-or-new-immigrant-married-to-registered-citizen',
        reference: '001 四(四)1(6)',
        zh: '設籍本市，或與設籍本市市民結婚之新住民',
        en: 'registered in the city, or a new immigrant married to a citizen registered in the city',
      },
      qualifies,
    );
    return undefined;
  },
});
