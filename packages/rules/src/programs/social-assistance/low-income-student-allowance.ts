import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { flatMonthlyAmount, LOW_INCOME_GATE, requireLowIncomeChild } from './common.ts';

const AMOUNT = 'social-assistance.low-income-student-allowance.amount-per-student';
const SENIOR_HIGH = SCHOOL_LEVEL_FACTS.indexOf('senior_high');

/**
 * 低收入戶就學生活扶助 — low-income student allowance (catalog: low-income-student-allowance; 001 三(一)1).
 * Amount: the month's allowance for the student.
 *
 * 001 三(一)1：「…就讀高中以上子女就學生活扶助22,563人次…」 D0050078 第10條、第11條 (生活扶助 of low-income
 * households, by class).
 *
 * 子女 = a member with the role `child`; 就讀高中以上 = school level senior high (or the first years of a
 * junior college) and above. No age limit is stated. The amount is unknown for every year.
 */
export const lowIncomeStudentAllowance = defineProgram({
  id: 'low-income-student-allowance',
  nameZh: '低收入戶就學生活扶助',
  nameEn: 'Low-income student allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: LOW_INCOME_GATE,
  legalBasis: ['D0050078 第10條', 'D0050078 第11條', '001 三(一)1'],
  parameters: [AMOUNT],
  formula(ctx) {
    const p = ctx.persons;
    requireLowIncomeChild(ctx, 'D0050078 第10條第1項', '001 三(一)1');
    // 「就讀高中以上子女」
    ctx.compare(
      {
        code: 'in-senior-high-or-above',
        reference: '001 三(一)1',
        zh: '就讀高中以上',
        en: 'in senior high school or above',
      },
      p.schoolLevel,
      '>=',
      SENIOR_HIGH,
    );
    // D0050078 第11條: the monthly amount the city sets by class.
    return { amountNtd: flatMonthlyAmount(ctx, AMOUNT) };
  },
});
