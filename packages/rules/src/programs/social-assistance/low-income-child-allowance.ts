import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { flatMonthlyAmount, LOW_INCOME_GATE, requireLowIncomeChild } from './common.ts';

const AMOUNT = 'social-assistance.low-income-child-allowance.amount-per-child';
const SENIOR_HIGH = SCHOOL_LEVEL_FACTS.indexOf('senior_high');

/**
 * 低收入戶子女生活扶助 — low-income child allowance (catalog: low-income-child-allowance; 001 三(一)1).
 * Amount: the month's allowance for the child.
 *
 * 001 三(一)1：「112年1月至6月辦理低收入戶家庭生活補助39,417戶(人)次；子女生活扶助30,960人次；就讀高中以上子女
 * 就學生活扶助22,563人次…」 D0050078 第10條、第11條 (生活扶助 of low-income households, by class).
 *
 * Readings where the sources are silent: 子女 = a member with the role `child`; a child is under 18 on the first
 * day of the month (兒童及少年, D0050001 第2條); a child in senior high school or above receives the student
 * allowance (就學生活扶助) instead, as 001 counts the two separately. The amount, which the city sets by class,
 * is unknown for every year.
 */
export const lowIncomeChildAllowance = defineProgram({
  id: 'low-income-child-allowance',
  nameZh: '低收入戶子女生活扶助',
  nameEn: 'Low-income child allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: LOW_INCOME_GATE,
  legalBasis: ['D0050078 第10條', 'D0050078 第11條', 'D0050001 第2條', '001 三(一)1'],
  parameters: [AMOUNT],
  formula(ctx) {
    const p = ctx.persons;
    requireLowIncomeChild(ctx, 'D0050078 第10條第1項', '001 三(一)1');
    // D0050001 第2條：「本法所稱兒童及少年，指未滿十八歲之人」
    const age = ageAtPeriodStart(ctx);
    ctx.compare(
      { code: 'under-18', reference: 'D0050001 第2條', zh: '未滿18歲', en: 'under 18' },
      age,
      '<',
      18,
    );
    ctx.compare(
      {
        code: 'not-in-senior-high-or-above',
        reference: '001 三(一)1',
        zh: '未就讀高中以上（就讀者改領就學生活扶助）',
        en: 'not in senior high school or above (those receive the student allowance)',
      },
      p.schoolLevel,
      '<',
      SENIOR_HIGH,
    );
    // D0050078 第11條: the monthly amount the city sets by class.
    return { amountNtd: flatMonthlyAmount(ctx, AMOUNT) };
  },
});
