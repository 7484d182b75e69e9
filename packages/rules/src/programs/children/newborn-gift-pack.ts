import { defineProgram } from '../../engine/program.ts';
import { BORN_IN_PERIOD_GATE } from './gates.ts';

/**
 * 高雄寶貝育兒袋／新生兒禮包 — newborn gift pack (catalog: newborn-gift-pack; 000 肆二(五)2; 001 四(三)1).
 * In kind: who qualifies, in the month of the birth.
 *
 * 000 肆二(五)2：「製作高雄寶貝育兒袋，致贈本市新生兒家庭…民眾至戶政事務辦理出生登記或初設戶籍時即可立即領取。」
 * 001 四(三)1：「另為鼓勵生育自111年起發放『高雄寶貝新生兒禮包』」
 * The event is taken as the birth (the registration usually follows within days); a newborn first
 * registered later (初設戶籍) is outside this month's rule.
 */
export const newbornGiftPack = defineProgram({
  id: 'newborn-gift-pack',
  nameZh: '高雄寶貝育兒袋／新生兒禮包',
  nameEn: 'Kaohsiung newborn gift pack',
  kind: 'in-kind',
  entity: 'person',
  period: 'event',
  gate: BORN_IN_PERIOD_GATE,
  legalBasis: ['000 肆二(五)2', '001 四(三)1'],
  parameters: [],
  formula(ctx) {
    const { persons: p } = ctx;
    const born = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const b = p.birthDate[i]!;
      born[i] = +(b >= ctx.periodStartDay && b <= ctx.periodEndDay);
    }
    ctx.check(
      {
        code: 'born-in-period',
        reference: '000 肆二(五)2',
        zh: '新生兒於本月出生',
        en: 'the child was born in this month',
      },
      born,
    );
    ctx.check(
      {
        code: 'newborn-registered-in-city',
        reference: '000 肆二(五)2',
        zh: '於本市辦理出生登記或初設戶籍',
        en: 'the birth is registered in the city',
      },
      p.registeredInCity,
    );
    return undefined;
  },
});
