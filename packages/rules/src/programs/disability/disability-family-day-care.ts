import { defineProgram } from '../../engine/program.ts';
import {
  CERTIFICATE_GATE,
  dependentInDailyLiving,
  holdsCertificate,
  livesAtHome,
  registeredInCity,
} from './common.ts';

/**
 * 身心障礙者家庭托顧 — family day care for persons with disabilities (catalog: disability-family-day-care;
 * 000 肆三(二十八); 001 四(二)4(2)). Monthly: who qualifies for the month's day care.
 *
 * 000 肆三(二十八)：「協助家屬於白天將身心障礙者送到家庭托顧服務員家中接受身體、日常生活及安全性照顧，讓身心障礙
 * 者能在熟悉的社區裡接受服務，亦讓家屬能安心工作無後顧之憂。」
 * D0050046 第50條：「…七、家庭托顧。…」
 *
 * 接受身體、日常生活照顧 is read as the needs assessment's dependence in daily living; 家屬…送到 as living at
 * home (not placed).
 */
export const disabilityFamilyDayCare = defineProgram({
  id: 'disability-family-day-care',
  nameZh: '身心障礙者家庭托顧',
  nameEn: 'Family day care for persons with disabilities',
  kind: 'service',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第50條第7款', '000 肆三(二十八)', '001 四(二)4(2)'],
  parameters: [],
  formula(ctx) {
    holdsCertificate(ctx, '000 肆三(二十八)');
    registeredInCity(ctx, 'D0050046 第50條');
    dependentInDailyLiving(ctx, '000 肆三(二十八)');
    livesAtHome(
      ctx,
      '000 肆三(二十八)',
      '居住家中，由家屬白天送托',
      'lives at home, brought by family for the day',
    );
    return undefined;
  },
});
