import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { singleParentFamily } from './single-parent-common.ts';
import { CHILD_ROLE } from './special-circumstance-common.ts';

const UNIVERSITY = SCHOOL_LEVEL_FACTS.indexOf('university');

/**
 * 弱勢單親家庭子女教育補助 — vulnerable single-parent family education subsidy (catalog:
 * single-parent-education-subsidy; 000 肆二(十二)2).
 *
 * 000 肆二(十二)2：「弱勢單親家庭子女教育補助：未滿25歲就讀大學或與大學同等學歷日間部者，每人每學年最高補助
 * 1萬4,000元。」
 *
 * A yearly program: the school year's tuition and fees (`tuitionFeesNtd`) up to the cap. 大學或與大學同等學歷
 * is the `university` school level (junior colleges and graduate schools are not); 日間部 is `dayProgram`.
 */
export const singleParentEducationSubsidy = defineProgram({
  id: 'single-parent-education-subsidy',
  nameZh: '弱勢單親家庭子女教育補助',
  nameEn: 'Vulnerable single-parent family education subsidy',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  legalBasis: ['000 肆二(十二)2'],
  parameters: [
    'children.single-parent.education-subsidy-cap',
    'children.single-parent.income-multiple-of-minimum-living-cost',
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
  ],
  formula(ctx) {
    const p = ctx.persons;
    singleParentFamily(ctx);
    ctx.check(
      {
        code: 'child-of-applicant',
        reference: '000 肆二(十二)2',
        zh: '為申請人之子女',
        en: 'a child of the applicant',
      },
      Uint8Array.from(p.role, (r) => +(r === CHILD_ROLE)),
    );
    ctx.compare(
      { code: 'aged-under-25', reference: '000 肆二(十二)2', zh: '未滿25歲', en: 'aged under 25' },
      ageAtPeriodStart(ctx),
      '<',
      25,
    );
    ctx.check(
      {
        code: 'university-day-programme',
        reference: '000 肆二(十二)2',
        zh: '就讀大學或與大學同等學歷日間部',
        en: 'at university (or equivalent) in a day programme',
      },
      Uint8Array.from(p.schoolLevel, (level, i) => +(level === UNIVERSITY && p.dayProgram[i] === 1)),
    );
    const cap = ctx.param('children.single-parent.education-subsidy-cap');
    return { amountNtd: Int32Array.from(p.tuitionFeesNtd, (fees) => Math.min(fees, cap)) };
  },
});
