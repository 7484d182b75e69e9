import { defineProgram } from '../../engine/program.ts';
import {
  CERTIFICATE_GATE,
  dependentInDailyLiving,
  holdsCertificate,
  livesAtHome,
  registeredInCity,
} from './common.ts';

/**
 * 身心障礙者居家服務 — home care for persons with disabilities (catalog: disability-home-care; 000 肆三(十六)).
 * Monthly: who qualifies for the month's service.
 *
 * 000 肆三(十六)：「培訓照顧服務員提供個案家務及日常生活照顧服務及身體照顧服務，使因身心受損致日常生活功能需他人協助
 * 之居家身心障礙者獲得妥適照顧。」
 * D0050046 第50條：「直轄市、縣（市）主管機關應依需求評估結果辦理下列服務…一、居家照顧。…」
 */
export const disabilityHomeCare = defineProgram({
  id: 'disability-home-care',
  nameZh: '身心障礙者居家服務',
  nameEn: 'Home care for persons with disabilities',
  kind: 'service',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第50條第1款', '000 肆三(十六)'],
  parameters: [],
  formula(ctx) {
    holdsCertificate(ctx, '000 肆三(十六)');
    registeredInCity(ctx, 'D0050046 第50條');
    // 「因身心受損致日常生活功能需他人協助」
    dependentInDailyLiving(ctx, '000 肆三(十六)');
    // 「居家身心障礙者」
    livesAtHome(ctx, '000 肆三(十六)', '居住家中（未經安置）', 'lives at home (not placed)');
    return undefined;
  },
});
