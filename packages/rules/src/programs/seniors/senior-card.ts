import { defineProgram } from '../../engine/program.ts';
import { registeredInCity, SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 敬老卡 — senior concession card (catalog: senior-card; 000 肆一(四); 001 四(一)6(4)). A status: who may
 * hold the card in the period.
 *
 * 000 肆一(四)：「凡設籍本市年滿 65 歲以上之老人可申辦敬老卡，持卡人享有半價搭乘捷運，及免費搭乘公共車船之優惠，
 * 第一次製卡費由市府補助。」
 * D0050037 第25條第1項：「老人搭乘國內公、民營水、陸、空大眾運輸工具…應予以半價優待。」
 *
 * What the card gives (free buses and ferries, half-price metro, the first card free) is not a condition.
 */
export const seniorCard = defineProgram({
  id: 'senior-card',
  nameZh: '敬老卡',
  nameEn: 'Senior concession card',
  kind: 'in-kind',
  entity: 'person',
  period: 'status',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['D0050037 第25條', '000 肆一(四)', '001 四(一)6(4)'],
  parameters: ['seniors.senior-age'],
  formula(ctx) {
    // 「凡設籍本市年滿 65 歲以上之老人」
    seniorAge(ctx, '000 肆一(四)');
    registeredInCity(ctx, '000 肆一(四)');
    return undefined;
  },
});
