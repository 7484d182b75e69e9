import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { SINGLE_PARENT_GATE, singleParentFamily } from './single-parent-common.ts';
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
  gate: SINGLE_PARENT_GATE,
  legalBasis: ['000 肆二(十二)2'],
  parameters: [
    'children.single-parent.education-subsidy-cap',
    'children.single-parent.income-multiple-of-minimum-living-cost',
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const n = p.count;
    singleParentFamily(ctx);
    const role = p.role;
    const child = CHILD_ROLE;
    const childRole = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) childRole[i] = +(role[i] === child);
    ctx.check(
      {
        code: 'child-of-applicant',
        reference: '000 肆二(十二)2',
        zh: '為申請人之子女',
        en: 'a child of the applicant',
      },
      childRole,
    );
    ctx.compare(
      { code: 'aged-under-25', reference: '000 肆二(十二)2', zh: '未滿25歲', en: 'aged under 25' },
      ageAtPeriodStart(ctx),
      '<',
      25,
    );
    const schoolLevel = p.schoolLevel;
    const dayProgram = p.dayProgram;
    const universityDay = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) universityDay[i] = +(schoolLevel[i] === UNIVERSITY && dayProgram[i] === 1);
    ctx.check(
      {
        code: 'university-day-programme',
        reference: '000 肆二(十二)2',
        zh: '就讀大學或與大學同等學歷日間部',
        en: 'at university (or equivalent) in a day programme',
      },
      universityDay,
    );
    const cap = ctx.param('children.single-parent.education-subsidy-cap');
    const fees = p.tuitionFeesNtd;
    const amountNtd = ctx.newInt32Array(n);
    for (let i = 0; i < n; i++) amountNtd[i] = Math.min(fees[i]!, cap);
    return { amountNtd };
  },
});
