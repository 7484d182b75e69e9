import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { householdValueOfPerson } from '../../variables/per-person.ts';
import { REGISTERED_CHILD_GATE } from './gates.ts';

/**
 * 弱勢家庭兒少餐食券 — meal vouchers for children of vulnerable families (catalog: vulnerable-child-meal-vouchers;
 * 000 肆二(一)1.13; 001 四(三)8(3)).
 *
 * 000 肆二(一)13：「結合民間資源共同辦理「弱勢兒少餐食計畫」，提供兒少高風險家庭及兒少保護個案等弱勢家庭兒少於
 * 寒暑假或急難時之餐食補充服務」
 * 001 四(三)8(3)：「經由社工員評估需求，提供本市弱勢家戶未成年子女寒暑假期間餐食兌換券」
 *
 * Who qualifies: a child under 18 (兒少; 未成年 since the 2023 age of majority) registered in the city, of a
 * household a social worker assessed as vulnerable (`highRiskFamily`). When vouchers are handed out (the
 * school holidays, an emergency) is the programme's schedule, not a condition of the person.
 */
export const vulnerableChildMealVouchers = defineProgram({
  id: 'vulnerable-child-meal-vouchers',
  nameZh: '弱勢家庭兒少餐食券',
  nameEn: 'Meal vouchers for children of vulnerable families',
  kind: 'in-kind',
  entity: 'person',
  period: 'event',
  gate: REGISTERED_CHILD_GATE,
  legalBasis: ['000 肆二(一)13', '001 四(三)8(3)', 'D0050001 第2條'],
  parameters: [],
  formula(ctx) {
    const p = ctx.persons;
    ctx.check(
      {
        code: 'registered-in-city',
        reference: '001 四(三)8(3)',
        zh: '設籍本市',
        en: 'registered in the city',
      },
      p.registeredInCity,
    );
    ctx.compare(
      {
        code: 'aged-under-18',
        reference: '001 四(三)8(3); D0050001 第2條',
        zh: '未滿18歲',
        en: 'aged under 18',
      },
      ageAtPeriodStart(ctx),
      '<',
      18,
    );
    const vulnerable = ctx.households.highRiskFamily;
    ctx.check(
      {
        code: 'vulnerable-family-assessed',
        reference: '000 肆二(一)13; 001 四(三)8(3)',
        zh: '經社工員評估之弱勢家庭（兒少高風險家庭、兒少保護個案等）',
        en: 'the family is assessed by a social worker as vulnerable (high-risk family, child-protection case…)',
      },
      householdValueOfPerson(ctx, vulnerable),
    );
    return undefined;
  },
});
