import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { SINGLE_PARENT_GATE, singleParentFamily } from './single-parent-common.ts';
import { CHILD_ROLE, LINEAL_RELATIVE_ROLE } from './special-circumstance-common.ts';

const NOT_IN_SCHOOL = SCHOOL_LEVEL_FACTS.indexOf('none');

/**
 * 弱勢單親家庭子女生活補助 — vulnerable single-parent family child allowance (catalog: single-parent-child-allowance;
 * 000 肆二(十二)1; 001 四(三)10).
 *
 * 000 肆二(十二)1：「(1) 監護未滿15歲子女僅1人者，每月補助2,384元；2人以上者，每人每月補助2,073元。(2) 監護
 * 15歲以上未滿18歲子女仍就學中者，每人每月補助2,073元。」
 *
 * 監護 is read as the applicant's children and grandchildren in the household (roles child and
 * lineal_relative). The tier counts the children under 15 only, as the text does: one child under 15 gets
 * the higher amount even with an older sibling of 15–17 in school. Ages on the first day of the month.
 */
export const singleParentChildAllowance = defineProgram({
  id: 'single-parent-child-allowance',
  nameZh: '弱勢單親家庭子女生活補助',
  nameEn: 'Vulnerable single-parent family child allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: SINGLE_PARENT_GATE,
  legalBasis: ['000 肆二(十二)1', '001 四(三)10'],
  parameters: [
    'children.single-parent.amount-only-child',
    'children.single-parent.amount-each-child',
    'children.single-parent.income-multiple-of-minimum-living-cost',
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const age = ageAtPeriodStart(ctx);
    singleParentFamily(ctx);
    const underFifteen = ctx.newInt32Array(ctx.households.count);
    const qualifies = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const r = p.role[i]!;
      if (r !== CHILD_ROLE && r !== LINEAL_RELATIVE_ROLE) continue;
      const a = age[i]!;
      if (a < 15) {
        qualifies[i] = 1;
        const k = p.household[i]!;
        underFifteen[k] = underFifteen[k]! + 1;
      } else if (a < 18 && p.schoolLevel[i] !== NOT_IN_SCHOOL) qualifies[i] = 1;
    }
    ctx.check(
      {
        code: 'child-under-15-or-under-18-in-school',
        reference: '000 肆二(十二)1',
        zh: '為申請人監護之未滿15歲子女，或15歲以上未滿18歲仍就學中之子女',
        en: 'a child of the applicant under 15, or aged 15–17 and still in school',
      },
      qualifies,
    );
    const only = ctx.param('children.single-parent.amount-only-child');
    const each = ctx.param('children.single-parent.amount-each-child');
    const amount = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++)
      amount[i] = age[i]! < 15 && underFifteen[p.household[i]!] === 1 ? only : each;
    return { amountNtd: amount };
  },
});
