import { defineProgram } from '../../engine/program.ts';
import { CERTIFICATE_GATE, holdsCertificate, livesAtHome, registeredInCity } from './common.ts';

/**
 * 身心障礙者臨時暨短期照顧 — respite and short-term care (catalog: disability-respite-care; 000 肆三(十四);
 * 001 四(二)7(1)). Who qualifies for a stay or a home visit.
 *
 * 000 肆三(十四)：「提供身心障礙者家屬喘息服務，紓解家庭長期照顧壓力…委託民間團體培訓照顧服務員，提供機構式及
 * 到宅式照顧服務，紓解家庭照顧壓力。」
 * D0050046 第51條第1項：「直轄市、縣（市）主管機關應依需求評估結果辦理下列服務，以提高身心障礙者家庭生活品質：
 * 一、臨時及短期照顧。…」
 *
 * 家屬喘息: the person lives at home with family who care for them (another member of the household).
 */
export const disabilityRespiteCare = defineProgram({
  id: 'disability-respite-care',
  nameZh: '身心障礙者臨時暨短期照顧',
  nameEn: 'Respite and short-term care for persons with disabilities',
  kind: 'service',
  entity: 'person',
  period: 'event',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第51條第1項第1款', '000 肆三(十四)', '001 四(二)7(1)'],
  parameters: [],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    holdsCertificate(ctx, '000 肆三(十四)');
    registeredInCity(ctx, 'D0050046 第51條第1項');
    livesAtHome(ctx, '000 肆三(十四)', '居住家中（未經安置）', 'lives at home (not placed)');
    const withFamily = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) withFamily[i] = +(h.memberCount[p.household[i]!]! > 1);
    ctx.check(
      {
        code: 'lives-with-family-carer',
        reference: '000 肆三(十四)',
        zh: '與家屬同住，由家屬照顧',
        en: 'lives with family who care for them',
      },
      withFamily,
    );
    return undefined;
  },
});
