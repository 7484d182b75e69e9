import { defineProgram } from '../../engine/program.ts';
import { CERTIFICATE_GATE, holdsCertificate, registeredInCity } from './common.ts';

/**
 * 博愛卡 — concession card for persons with disabilities (catalog: disability-concession-card;
 * 000 肆三(十一)2; 001 四(二)5(1)). Who holds it: the card's benefits are 100 free bus rides a month and
 * half-price metro for the holder and one companion.
 *
 * 000 肆三(十一)2：「捷運博愛暨博愛陪伴卡，搭乘本市捷運半價優惠及本市公車船、市區客運 100 段次免費…」
 * 001 四(二)5(1)：「提供本市身心障礙者持博愛卡搭乘本市市營公共車船及民營客運市區路段可享每個月100段次免費，另身心
 * 障礙者及必要陪伴者1人搭乘本市、外縣市捷運及本市輕軌享有半價優惠」
 * D0050046 第58條第1項：「身心障礙者搭乘國內大眾運輸工具，憑身心障礙證明，應予半價優待。」
 */
export const disabilityConcessionCard = defineProgram({
  id: 'disability-concession-card',
  nameZh: '博愛卡',
  nameEn: 'Concession card for persons with disabilities',
  kind: 'in-kind',
  entity: 'person',
  period: 'status',
  gate: CERTIFICATE_GATE,
  legalBasis: ['D0050046 第58條', '000 肆三(十一)2', '001 四(二)5(1)'],
  parameters: [],
  formula(ctx) {
    holdsCertificate(ctx, '001 四(二)5(1)');
    // 「本市身心障礙者」
    registeredInCity(ctx, '001 四(二)5(1)');
    return undefined;
  },
});
