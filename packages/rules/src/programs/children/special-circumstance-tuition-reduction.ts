import { applyRate } from '@safetynet/core/money';
import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { SPECIAL_CIRCUMSTANCE_FAMILY_GATE, specialCircumstanceChild } from './special-circumstance-common.ts';

const SENIOR_HIGH = SCHOOL_LEVEL_FACTS.indexOf('senior_high');

/**
 * 特殊境遇家庭子女學雜費減免 — special-circumstance tuition reduction (catalog:
 * special-circumstance-tuition-reduction; 000 肆二(十四)(4); 001 四(三)11(3)).
 *
 * D0050075 第8條第1項：「符合第四條規定，且其子女或孫子女就讀國內公立或立案之私立高級中等以上學校，得申請教育
 * 補助。但其他法令有性質相同之補助規定者，不得重複領取：一、就讀高中高職減免學雜費百分之六十。二、就讀大專院校
 * 減免學雜費百分之六十。」
 *
 * A yearly program: the amount is 60% of the school year's tuition and fees (`tuitionFeesNtd`), rounded half
 * up. 高級中等以上 is read as senior high, junior college, university and graduate school (the schoolLevel
 * values from senior_high on). Every situation of 第4條 qualifies (not only 第1–3、5、6款). Not encoded: the
 * bar on a second subsidy of the same kind under another law, which the school checks at registration.
 */
export const specialCircumstanceTuitionReduction = defineProgram({
  id: 'special-circumstance-tuition-reduction',
  nameZh: '特殊境遇家庭子女學雜費減免',
  nameEn: 'Special-circumstance family tuition reduction',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  gate: SPECIAL_CIRCUMSTANCE_FAMILY_GATE,
  legalBasis: ['D0050075 第8條', 'D0050075 第4條第1項', '000 肆二(十四)(4)', '001 四(三)11(3)'],
  parameters: ['children.special-circumstance.tuition-reduction-percent'],
  formula(ctx) {
    const p = ctx.persons;
    const n = p.count;
    specialCircumstanceChild(ctx, 'D0050075 第8條第1項', false);
    const schoolLevel = p.schoolLevel;
    const seniorHigh = SENIOR_HIGH;
    const atLeastSeniorHigh = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) atLeastSeniorHigh[i] = +(schoolLevel[i]! >= seniorHigh);
    ctx.check(
      {
        code: 'in-senior-high-school-or-above',
        reference: 'D0050075 第8條第1項',
        zh: '就讀高級中等以上學校',
        en: 'studying at senior high school or above',
      },
      atLeastSeniorHigh,
    );
    const percent = ctx.param('children.special-circumstance.tuition-reduction-percent');
    const fees = p.tuitionFeesNtd;
    const rate = applyRate;
    const amountNtd = ctx.newInt32Array(n);
    for (let i = 0; i < n; i++) amountNtd[i] = rate(fees[i]!, percent, 100);
    return { amountNtd };
  },
});
