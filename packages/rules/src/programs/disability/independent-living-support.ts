import { defineProgram } from '../../engine/program.ts';
import { CERTIFICATE_GATE, holdsCertificate, notInInstitution, registeredInCity } from './common.ts';

/**
 * 身心障礙者自立生活支持 — independent-living support (catalog: independent-living-support; 000 肆三(二十九);
 * 001 四(二)7(2)). Monthly: who qualifies for peer support and a personal assistant.
 *
 * 000 肆三(二十九)：「透過同儕支持員及個人助理的協助，讓身心障礙者有更多社會活動參與的機會，進而促進其於社區中自立
 * 生活。」
 * D0050046 第50條：「…九、自立生活支持服務。…」
 *
 * 於社區中自立生活: not living in a residential institution. The sources set no age or level condition.
 */
export const independentLivingSupport = defineProgram({
  id: 'independent-living-support',
  nameZh: '身心障礙者自立生活支持',
  nameEn: 'Independent-living support for persons with disabilities',
  kind: 'service',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第50條第9款', '000 肆三(二十九)', '001 四(二)7(2)'],
  parameters: [],
  formula(ctx) {
    holdsCertificate(ctx, '000 肆三(二十九)');
    registeredInCity(ctx, 'D0050046 第50條');
    ctx.check(
      {
        code: 'lives-in-community',
        reference: '000 肆三(二十九)',
        zh: '居住於社區（未住宿於機構）',
        en: 'lives in the community (not in a residential institution)',
      },
      notInInstitution(ctx),
    );
    return undefined;
  },
});
