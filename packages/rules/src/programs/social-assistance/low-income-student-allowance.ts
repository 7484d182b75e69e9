import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { childOfHousehold } from '../../variables/child-of-household.ts';

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
  legalBasis: ['D0050078 第10條', 'D0050078 第11條', '001 三(一)1'],
  parameters: [AMOUNT],
  formula(ctx) {
    const p = ctx.persons;
    ctx.requireProgram(
      {
        code: 'low-income-household',
        reference: 'D0050078 第10條第1項',
        zh: '屬列冊低收入戶',
        en: 'in a registered low-income household',
      },
      'low-income-status',
      'household',
    );
    ctx.check(
      {
        code: 'child-of-household',
        reference: '001 三(一)1',
        zh: '為戶內子女',
        en: 'a child of the household',
      },
      childOfHousehold(ctx).slice(),
    );
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
    const perStudent = ctx.paramOrNaN(AMOUNT);
    const unknown = Number.isNaN(perStudent);
    ctx.check(
      {
        code: 'monthly-amount-known',
        reference: 'D0050078 第11條',
        zh: '本期每人每月補助金額已公告',
        en: 'the monthly amount in force is known',
      },
      new Uint8Array(p.count).fill(unknown ? UNKNOWN : PASSED),
      { threshold: perStudent },
    );
    return { amountNtd: new Int32Array(p.count).fill(unknown ? 0 : perStudent) };
  },
});
