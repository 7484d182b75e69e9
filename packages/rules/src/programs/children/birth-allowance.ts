import { NO_DAY } from '../../engine/fact-spec.ts';
import { defineProgram } from '../../engine/program.ts';
import { completedMonths } from '../../variables/elapsed.ts';
import { BORN_IN_PERIOD_GATE } from './gates.ts';

/**
 * 生育津貼 — Kaohsiung birth allowance (catalog: birth-allowance; 000 肆二(五)1; 001 四(三)1).
 *
 * The person is the newborn; the event is the birth, so the allowance is due in the month of the birth
 * date. The amounts are read for the first day of that month, which is the amount for the birth date: every
 * change (2018-01-01, 2019-01-01, 2020-01-01, 2023-04-01, 2025-07-01) falls on the first of a month.
 * Applying within six months of the birth is procedure, not a condition of the month computed here.
 */
const APPLICANT = 0;
const SPOUSE = 1;

export const birthAllowance = defineProgram({
  id: 'birth-allowance',
  nameZh: '生育津貼',
  nameEn: 'Birth allowance',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  gate: BORN_IN_PERIOD_GATE,
  legalBasis: ['高雄市生育津貼發給辦法', '000 肆二(五)1', '001 四(三)1'],
  parameters: [
    'children.birth-allowance.amount-first-child',
    'children.birth-allowance.amount-second-child',
    'children.birth-allowance.amount-third-or-later-child',
    'children.birth-allowance.parent-registration-months',
  ],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;

    const bornInPeriod = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const b = p.birthDate[i]!;
      bornInPeriod[i] = +(b >= ctx.periodStartDay && b <= ctx.periodEndDay);
    }
    ctx.check(
      {
        code: 'born-in-period',
        reference: '000 肆二(五)1',
        zh: '新生兒於本月出生',
        en: 'the child was born in this month',
      },
      bornInPeriod,
    );

    // 「於本市辦理出生登記或初設戶籍之新生兒」
    ctx.check(
      {
        code: 'newborn-registered-in-city',
        reference: '高雄市生育津貼發給辦法',
        zh: '新生兒於本市辦理出生登記或初設戶籍',
        en: 'the newborn is registered in the city',
      },
      p.registeredInCity,
    );

    // 「新生兒出生當日，其父或母已設籍並實際居住本市滿一年。…設籍時間之計算，以新生兒父或母最後遷入本市
    // 之日起算至新生兒出生之日止。」「其父或母於申請時仍設籍本市」
    // The parents are the household's applicant and spouse (the newborn's household as given); the longest
    // registration of the two counts, as either parent may apply.
    const parentSince = ctx.newInt32Array(ctx.households.count).fill(NO_DAY);
    for (let i = 0; i < n; i++) {
      const role = p.role[i];
      if ((role !== APPLICANT && role !== SPOUSE) || !p.registeredInCity[i] || !p.residesInCity[i]) continue;
      const h = p.household[i]!;
      const since = p.registeredSince[i]!;
      if (parentSince[h] === NO_DAY || since < parentSince[h]!) parentSince[h] = since;
    }
    const requiredMonths = ctx.param('children.birth-allowance.parent-registration-months');
    const monthsRegistered = ctx.newFloat64Array(n);
    for (let i = 0; i < n; i++) {
      const since = parentSince[p.household[i]!]!;
      monthsRegistered[i] = since === NO_DAY ? -1 : completedMonths(since, p.birthDate[i]!);
    }
    ctx.compare(
      {
        code: 'parent-registered-and-living-in-city-long-enough',
        reference: '高雄市生育津貼發給辦法',
        zh: '新生兒出生當日，父或母已設籍並實際居住本市滿規定期間（月）',
        en: 'on the birth date the father or mother had been registered and living in the city for the required months',
      },
      monthsRegistered,
      '>=',
      requiredMonths,
    );

    // 「第一名新生兒每名 10,000 元、第二名新生兒每名 20,000 元，第三名以上新生兒每名 30,000 元（107 年出生者
    // 保障領取 46,000 元…）」(000); 「112年4月1日起，每名新生兒補助3萬元（112年3月31日前出生之第一、二名
    // 新生兒維持2萬元）」(001). 「收養之子女，不予計入」: birthOrder is the order among the parents' own children.
    const first = ctx.param('children.birth-allowance.amount-first-child');
    const second = ctx.param('children.birth-allowance.amount-second-child');
    const third = ctx.param('children.birth-allowance.amount-third-or-later-child');
    const amountNtd = ctx.newInt32Array(n);
    for (let i = 0; i < n; i++) {
      const order = p.birthOrder[i]!;
      amountNtd[i] = order <= 1 ? first : order === 2 ? second : third;
    }
    return { amountNtd };
  },
});
