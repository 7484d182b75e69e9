import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { householdValueOfPerson } from '../../variables/per-person.ts';

/**
 * 坐月子到宅服務 — postpartum home care (catalog: postpartum-home-care; 000 肆四(五)2; 001 四(四)1(5)).
 * A service: who qualifies, in the month of the birth. The person is the mother.
 *
 * 001 四(四)1(5)：「培訓坐月子到宅服務員提供婦女產後身心照顧服務…一般家庭可自行選擇生育津貼現金補助或坐月子
 * 到宅服務(第一胎 120 小時，價值 3 萬元；第二胎 160 小時，價值 4 萬元；第三胎以上 240 小時，價值 6 萬元)。112 年起
 * 擴大照顧弱勢家庭，可以併領生育津貼及坐月子到宅服務，亦可選擇將坐月子到宅服務申請折抵現金補助。」
 * Offered in place of the birth allowance, so the newborn must qualify for it (birth-allowance); the choice
 * between the two (and, from 2023, both for low- and mid-low-income families) is the family's, not a
 * condition. The hours by birth order are the service's extent, not computed here.
 */
const APPLICANT = 0;
const SPOUSE = 1;

export const postpartumHomeCare = defineProgram({
  id: 'postpartum-home-care',
  nameZh: '坐月子到宅服務',
  nameEn: 'Postpartum home care',
  kind: 'service',
  entity: 'person',
  period: 'event',
  legalBasis: ['000 肆四(五)2', '001 四(四)1(5)', '高雄市生育津貼發給辦法'],
  parameters: [],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    const mother = ctx.newUint8Array(n);
    const { role, sex } = p;
    for (let i = 0; i < n; i++) {
      const r = role[i];
      mother[i] = +((r === APPLICANT || r === SPOUSE) && sex[i] === 1);
    }
    // The mother: a woman who is the household's applicant or spouse.
    ctx.check(
      {
        code: 'mother-in-household',
        reference: '001 四(四)1(5)',
        zh: '戶內之母親（申請人或配偶，女性）',
        en: 'the mother of the household (applicant or spouse, female)',
      },
      mother,
    );
    // A child of the household born this month who qualifies for the birth allowance (which checks the birth
    // month, the registration and the parents' year in the city): PASSED if one does, UNKNOWN if one may.
    const allowance = ctx.program('birth-allowance').eligible;
    const newborn = ctx.newUint8Array(ctx.households.count);
    const household = p.household;
    for (let i = 0; i < n; i++) {
      // Most persons get no birth allowance: their household is not read.
      const e = allowance[i];
      if (e === 0) continue;
      const h = household[i]!;
      if (e === 1) newborn[h] = PASSED;
      else if (e === 2 && newborn[h] !== PASSED) newborn[h] = UNKNOWN;
    }
    ctx.check(
      {
        code: 'newborn-qualifies-for-birth-allowance',
        reference: '001 四(四)1(5)',
        zh: '本月生產，新生兒符合生育津貼資格',
        en: 'gave birth this month to a child who qualifies for the birth allowance',
      },
      householdValueOfPerson(ctx, newborn),
    );
    return undefined;
  },
});
