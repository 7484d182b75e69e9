import { defineProgram } from '../../engine/program.ts';
import { PLACEMENT_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';

const FOSTER = PLACEMENT_FACTS.indexOf('foster_family');
const KINSHIP = PLACEMENT_FACTS.indexOf('kinship');
const CHILD_INSTITUTION = PLACEMENT_FACTS.indexOf('child_institution');

/**
 * 受保護安置兒童及少年健保費補助 — NHI premium of children in protective placement (catalog:
 * placed-child-nhi-premium; 000 陸一(三); 001 四(三)7(3)).
 *
 * 000 陸一(三)：「補助設籍本市且收容安置於寄養或機構之兒童及少年，其監護人無力負擔之健保費。」
 * 001 四(三)7(3)：「補助寄養、委託收容於安置機構之兒童及少年，其監護人無力負擔之健保費」
 *
 * The month's self-paid premium (`nhiPremiumNtd`) is paid in full. 寄養 is a foster or kinship foster family,
 * 機構 a children's institution; 兒童及少年 = under 18 (D0050001 第2條), age on the first day of the month.
 */
export const placedChildNhiPremium = defineProgram({
  id: 'placed-child-nhi-premium',
  nameZh: '受保護安置兒童及少年健保費補助',
  nameEn: 'NHI premium subsidy for children in protective placement',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['000 陸一(三)', '001 四(三)7(3)', 'D0050001 第2條'],
  parameters: [],
  formula(ctx) {
    const p = ctx.persons;
    ctx.check(
      { code: 'registered-in-city', reference: '000 陸一(三)', zh: '設籍本市', en: 'registered in the city' },
      p.registeredInCity,
    );
    const placement = p.placement;
    const n = p.count;
    const placed = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = placement[i];
      placed[i] = +(t === FOSTER || t === KINSHIP || t === CHILD_INSTITUTION);
    }
    ctx.check(
      {
        code: 'placed-in-foster-care-or-institution',
        reference: '000 陸一(三)',
        zh: '收容安置於寄養家庭或兒少安置機構',
        en: 'placed in a foster family or a children’s institution',
      },
      placed,
    );
    ctx.compare(
      {
        code: 'aged-under-18',
        reference: '000 陸一(三); D0050001 第2條',
        zh: '未滿18歲',
        en: 'aged under 18',
      },
      ageAtPeriodStart(ctx),
      '<',
      18,
    );
    ctx.check(
      {
        code: 'guardian-unable-to-pay',
        reference: '000 陸一(三)',
        zh: '監護人無力負擔健保費',
        en: 'the guardian cannot pay the premium',
      },
      p.guardianUnableToPayPremium,
    );
    return { amountNtd: new Int32Array(p.nhiPremiumNtd) };
  },
});
