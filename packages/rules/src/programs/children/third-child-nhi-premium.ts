import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';

/**
 * 第三名以上新生兒健保費自付額補助 — NHI premium of a third or later child under 1 (catalog:
 * third-child-nhi-premium; 000 肆二(五)1, 陸一(四)). The monthly amount for the period's month.
 *
 * 000 陸一(四)：「依據『高雄市生育津貼發給辦法』規定，補助生育第三名以上新生兒滿1歲以前之健保費自付額，每人
 * 每月最高659元。」 000 肆二(五)1 states it for 107年出生者 with the 46,000 guarantee; the 辦法 for births from
 * 2020 does not mention it, so the cap is unknown from 2020 (the months of those years are undetermined).
 */
const P = 'children.third-child-nhi-premium.';

export const thirdChildNhiPremium = defineProgram({
  id: 'third-child-nhi-premium',
  nameZh: '第三名以上新生兒健保費自付額補助',
  nameEn: 'NHI premium subsidy for a third or later child under 1',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['高雄市生育津貼發給辦法', '000 肆二(五)1', '000 陸一(四)'],
  parameters: [`${P}cap`],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    ctx.compare(
      {
        code: 'third-or-later-child',
        reference: '000 陸一(四)',
        zh: '第三名以上子女',
        en: 'a third or later child',
      },
      p.birthOrder,
      '>=',
      3,
    );
    // 「滿1歲以前」: the months that begin before the first birthday (the birth month included).
    const age = ageAtPeriodStart(ctx);
    const under1 = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) under1[i] = +(p.birthDate[i]! <= ctx.periodEndDay && age[i]! < 1);
    ctx.check(
      {
        code: 'under-1',
        reference: '000 陸一(四)',
        zh: '本月初未滿1歲',
        en: 'under 1 on the first day of the month',
      },
      under1,
      { value: age, threshold: 1 },
    );
    ctx.check(
      {
        code: 'registered-in-city',
        reference: '高雄市生育津貼發給辦法',
        zh: '設籍本市',
        en: 'registered in the city',
      },
      p.registeredInCity,
    );
    ctx.compare(
      {
        code: 'pays-nhi-premium',
        reference: '000 陸一(四)',
        zh: '有健保費自付額',
        en: 'has a self-paid NHI premium',
      },
      p.nhiPremiumNtd,
      '>',
      0,
    );
    // 「每人每月最高659元」: the premium, up to the cap.
    const cap = ctx.paramOrNaN(`${P}cap`);
    const amountNtd = ctx.newInt32Array(n);
    const known = ctx.newUint8Array(n).fill(Number.isNaN(cap) ? 2 : 1);
    ctx.check(
      { code: 'cap-known', reference: '000 陸一(四)', zh: '補助上限已知', en: 'the cap is known' },
      known,
    );
    if (!Number.isNaN(cap)) for (let i = 0; i < n; i++) amountNtd[i] = Math.min(p.nhiPremiumNtd[i]!, cap);
    return { amountNtd };
  },
});
