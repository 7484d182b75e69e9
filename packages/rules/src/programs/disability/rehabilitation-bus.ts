import { defineProgram } from '../../engine/program.ts';
import { CERTIFICATE_GATE, holdsCertificate, registeredInCity } from './common.ts';

/**
 * 復康巴士及通用計程車 — rehabilitation bus and accessible taxi rides (catalog: rehabilitation-bus;
 * 000 肆三(十一)1; 001 四(二)5(2)). Who may book rides; low-income riders pay a third of the taxi fare
 * (the fare is the operator's, not computed here).
 *
 * 000 肆三(十一)：「建置身心障礙者無障礙交通網絡，提供高雄市身心障礙者及行動不便者，就醫、復健、外出等之交通接送
 * 服務…1.補助交通局辦理身心障礙者復康巴士交通服務。2.…低收入戶身心障礙者搭乘復康巴士以 1/3 計程車資收費。」
 * 001 四(二)5(2)：「配合交通局共同推動復康巴士及通用計程車…另有221輛通用計程車…提供…車資補助。」
 *
 * 「行動不便者」 without a certificate are served by the transport bureau's own rules, not in the sources;
 * here a certificate is required.
 */
export const rehabilitationBus = defineProgram({
  id: 'rehabilitation-bus',
  nameZh: '復康巴士及通用計程車',
  nameEn: 'Rehabilitation bus and accessible taxi rides',
  kind: 'in-kind',
  entity: 'person',
  period: 'event',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第53條', '000 肆三(十一)1', '001 四(二)5(2)'],
  parameters: [],
  formula(ctx) {
    holdsCertificate(ctx, '000 肆三(十一)');
    // 「高雄市身心障礙者」
    registeredInCity(ctx, '000 肆三(十一)');
    return undefined;
  },
});
