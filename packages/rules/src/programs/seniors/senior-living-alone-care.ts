import { defineProgram } from '../../engine/program.ts';
import { livesInCity, SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 獨居老人關懷訪視 — visits and calls to seniors living alone (catalog: senior-living-alone-care;
 * 000 肆一(十二)1; 001 四(一)5(2)①). Monthly: who is to be contacted in the month.
 *
 * 000 肆一(十二)1：「結合本市慈善團體、各社區照顧關懷據點、區公所分區服務，為獨居老人提供電話問安、訪視關懷等服務。」
 * 001 四(一)5(2)①：「受理獨居老人通報並定期辦理清查，經評估符合列冊且有意願接受關懷者，由長青社區關懷服務隊及社區
 * 照顧關懷據點提供每月至少3次關懷服務」
 * D0050037 第17條第5款、第6款: 「關懷訪視服務」「電話問安服務」.
 *
 * `livingAlone` is the register (列冊, with the senior's consent); the three contacts a month are the
 * service standard, not a condition.
 */
export const seniorLivingAloneCare = defineProgram({
  id: 'senior-living-alone-care',
  nameZh: '獨居老人關懷訪視',
  nameEn: 'Visits and calls to seniors living alone',
  kind: 'service',
  entity: 'person',
  period: 'month',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['D0050037 第17條', '000 肆一(十二)1', '001 四(一)5(2)①'],
  parameters: ['seniors.senior-age'],
  formula(ctx) {
    seniorAge(ctx, '000 肆一(十二)1');
    // 「經評估符合列冊且有意願接受關懷者」
    ctx.check(
      {
        code: 'living-alone',
        reference: '001 四(一)5(2)①',
        zh: '獨居老人，經評估列冊且願意接受關懷',
        en: 'a senior living alone, on the register and willing to be contacted',
      },
      ctx.persons.livingAlone,
    );
    livesInCity(ctx, '000 肆一(十二)1');
    return undefined;
  },
});
