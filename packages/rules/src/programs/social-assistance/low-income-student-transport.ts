import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { LOW_INCOME_GATE, requireLowIncomeChild } from './common.ts';

const P = 'social-assistance.low-income-student-transport';
const SENIOR_HIGH = SCHOOL_LEVEL_FACTS.indexOf('senior_high');

/**
 * 低收入戶學生乘車船補助（仁愛卡） — low-income student transport card (catalog: low-income-student-transport;
 * 000 參(四); 001 三(一)2). In kind: 60 free rides a month on public buses and ferries, then the student fare
 * (free-rides-per-month); who qualifies in the month.
 *
 * 000 參(四)：「補助低收入戶 25 歲以下子女就讀高中（職）以上日間部在學學生，享有每月六十段次以內免費搭乘與超過部分
 * 以學生票價搭乘公共車船之優惠。」
 * 001 三(一)2：「低收入戶內就學學生仁愛卡…」
 */
export const lowIncomeStudentTransport = defineProgram({
  id: 'low-income-student-transport',
  nameZh: '低收入戶學生乘車船補助（仁愛卡）',
  nameEn: 'Low-income student transport card',
  kind: 'in-kind',
  entity: 'person',
  period: 'month',
  gate: LOW_INCOME_GATE,
  legalBasis: ['000 參(四)', '001 三(一)2'],
  parameters: [`${P}.max-age`, `${P}.free-rides-per-month`],
  formula(ctx) {
    const p = ctx.persons;
    ctx.param(`${P}.free-rides-per-month`); // the benefit itself, recorded for the explanation
    // 「補助低收入戶…子女」
    requireLowIncomeChild(ctx, '000 參(四)');
    // 「25 歲以下」: aged 25 or under on the first day of the month.
    const maxAge = ctx.param(`${P}.max-age`);
    ctx.compare(
      { code: 'age-25-or-under', reference: '000 參(四)', zh: '25歲以下', en: 'aged 25 or under' },
      ageAtPeriodStart(ctx),
      '<=',
      maxAge,
    );
    // 「就讀高中（職）以上日間部在學學生」
    ctx.compare(
      {
        code: 'in-senior-high-or-above',
        reference: '000 參(四)',
        zh: '就讀高中（職）以上',
        en: 'in senior high (vocational) school or above',
      },
      p.schoolLevel,
      '>=',
      SENIOR_HIGH,
    );
    ctx.check(
      {
        code: 'day-program',
        reference: '000 參(四)',
        zh: '就讀日間部',
        en: 'in a day programme',
      },
      p.dayProgram,
    );
    return undefined;
  },
});
