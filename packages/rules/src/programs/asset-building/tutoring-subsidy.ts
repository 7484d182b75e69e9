import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { LOW_INCOME_GATE, requireLowIncomeChild } from '../social-assistance/common.ts';

const CAP = 'asset-building.tutoring-subsidy.cap-per-year';
const JUNIOR_HIGH = SCHOOL_LEVEL_FACTS.indexOf('junior_high');
const SENIOR_HIGH = SCHOOL_LEVEL_FACTS.indexOf('senior_high');
const JUNIOR_COLLEGE = SCHOOL_LEVEL_FACTS.indexOf('junior_college');

/**
 * 升學補習費補助 — entrance-exam tutoring subsidy (catalog: tutoring-subsidy; 000 參(一)4(1)). Amount: the
 * subsidy for the year, the tutoring fees paid up to the yearly cap.
 *
 * 000 參(一)4(1)：「升學補習費：補助低收入戶子女就讀國中三年級、高中三年級或五專五年級因升學需要參與補習教育者。」
 *
 * The cap is unknown (every value `unknown`): a qualifying student's amount stays undetermined.
 */
export const tutoringSubsidy = defineProgram({
  id: 'tutoring-subsidy',
  nameZh: '升學補習費補助',
  nameEn: 'Entrance-exam tutoring subsidy',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  gate: LOW_INCOME_GATE,
  legalBasis: ['000 參(一)4(1)', 'D0050078 第16條'],
  parameters: [CAP],
  formula(ctx) {
    const p = ctx.persons;
    requireLowIncomeChild(ctx, '000 參(一)4(1)');
    // 「就讀國中三年級、高中三年級或五專五年級」
    const finalYear = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const level = p.schoolLevel[i]!;
      const grade = p.schoolGrade[i]!;
      finalYear[i] = +(
        ((level === JUNIOR_HIGH || level === SENIOR_HIGH) && grade === 3) ||
        (level === JUNIOR_COLLEGE && grade === 5)
      );
    }
    ctx.check(
      {
        code: 'in-final-year-before-entrance-exam',
        reference: '000 參(一)4(1)',
        zh: '就讀國中三年級、高中三年級或五專五年級',
        en: 'in the 9th or 12th grade, or the 5th year of a junior college',
      },
      finalYear,
      { value: p.schoolGrade },
    );
    // 「因升學需要參與補習教育者」
    ctx.compare(
      {
        code: 'attends-exam-tutoring',
        reference: '000 參(一)4(1)',
        zh: '因升學需要參與補習教育（補習費用）',
        en: 'attends tutoring for the entrance examination (fees paid)',
      },
      p.examTutoringFeesNtd,
      '>',
      0,
    );
    const cap = ctx.paramOrNaN(CAP);
    const unknown = Number.isNaN(cap);
    const amountNtd = ctx.newInt32Array(p.count);
    if (!unknown) for (let i = 0; i < p.count; i++) amountNtd[i] = Math.min(p.examTutoringFeesNtd[i]!, cap);
    ctx.check(
      {
        code: 'yearly-cap-known',
        reference: '000 參(一)4(1)',
        zh: '每年補助上限已知',
        en: 'the yearly cap is known',
      },
      ctx.newUint8Array(p.count).fill(unknown ? UNKNOWN : PASSED),
      { threshold: cap },
    );
    return { amountNtd };
  },
});
