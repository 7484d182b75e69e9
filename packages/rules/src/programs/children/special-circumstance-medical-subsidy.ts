import { applyRate } from '@safetynet/core/money';
import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import {
  CHILD_ROLE,
  LINEAL_RELATIVE_ROLE,
  SPECIAL_CIRCUMSTANCE_FAMILY_GATE,
} from './special-circumstance-common.ts';

/** 「未滿六歲之子女或孫子女」 and 「六歲以上未滿十八歲之子女或孫子女」 (D0050075 第9條). */
const YOUNG_CHILD_AGE = 6;
const CHILD_AGE = 18;

/**
 * 特殊境遇家庭傷病醫療補助 — special-circumstance medical subsidy (catalog: special-circumstance-medical-subsidy;
 * 000 肆二(十四)(3)).
 *
 * D0050075 第9條第1項：「符合第四條規定，而有下列情形之一，得申請傷病醫療補助：一、本人及六歲以上未滿十八歲之
 * 子女或孫子女參加全民健保，最近三個月內自行負擔醫療費用超過新臺幣三萬元，無力負擔且未獲其他補助或保險給付者。
 * 二、未滿六歲之子女或孫子女，參加全民健保，無力負擔自行負擔之費用者。」
 * 第9條第2項：「一、本人及六歲以上未滿十八歲之子女或孫子女：自行負擔醫療費用超過新臺幣三萬元之部分，最高補助
 * 百分之七十，每人每年最高補助新臺幣十二萬元。二、未滿六歲之子女或孫子女：…應自行負擔之費用，每人每年最高補助
 * 新臺幣十二萬元。」
 *
 * A yearly program: the amount for the claim in the year — the self-paid costs (`selfPaidMedicalCostsNtd`,
 * net of other aid and insurance) at 70% above 30,000, or in full for a child under 6, limited to what the
 * yearly cap leaves after the subsidy already paid this year
 * (`specialCircumstanceMedicalPaidThisYearNtd`). 最高補助百分之七十 is paid at 70%; 70% of an odd amount is
 * rounded half up. Age is taken on the first day of the period.
 */
export const specialCircumstanceMedicalSubsidy = defineProgram({
  id: 'special-circumstance-medical-subsidy',
  nameZh: '特殊境遇家庭傷病醫療補助',
  nameEn: 'Special-circumstance family medical subsidy',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  gate: SPECIAL_CIRCUMSTANCE_FAMILY_GATE,
  legalBasis: ['D0050075 第9條', 'D0050075 第4條第1項', '000 肆二(十四)(3)'],
  parameters: [
    'children.special-circumstance.medical-cost-threshold',
    'children.special-circumstance.medical-rate-percent',
    'children.special-circumstance.medical-yearly-cap',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const age = ageAtPeriodStart(ctx);
    ctx.requireProgram(
      {
        code: 'special-circumstance-family',
        reference: 'D0050075 第9條第1項',
        zh: '家庭具特殊境遇家庭資格',
        en: 'the household is a special-circumstance family',
      },
      'special-circumstance-status',
      'household',
    );
    const threshold = ctx.param('children.special-circumstance.medical-cost-threshold');
    const rate = ctx.param('children.special-circumstance.medical-rate-percent');
    const cap = ctx.param('children.special-circumstance.medical-yearly-cap');

    const covered = ctx.newUint8Array(p.count);
    const overThreshold = ctx.newUint8Array(p.count);
    const thresholdShown = ctx.newFloat64Array(p.count);
    const underCap = ctx.newUint8Array(p.count);
    const amount = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const role = p.role[i]!;
      const a = age[i]!;
      const young = a < YOUNG_CHILD_AGE && (role === CHILD_ROLE || role === LINEAL_RELATIVE_ROLE);
      covered[i] = +(role === 0 || ((role === CHILD_ROLE || role === LINEAL_RELATIVE_ROLE) && a < CHILD_AGE));
      const costs = p.selfPaidMedicalCostsNtd[i]!;
      const limit = young ? 0 : threshold;
      thresholdShown[i] = limit;
      overThreshold[i] = +(costs > limit);
      const remaining = cap - p.specialCircumstanceMedicalPaidThisYearNtd[i]!;
      underCap[i] = +(remaining > 0);
      const due = young ? costs : costs > threshold ? applyRate(costs - threshold, rate, 100) : 0;
      amount[i] = Math.max(0, Math.min(due, remaining));
    }
    ctx.check(
      {
        code: 'applicant-or-child-under-18',
        reference: 'D0050075 第9條第1項',
        zh: '為申請人本人或其未滿18歲之子女、孫子女',
        en: 'the applicant, or a child or grandchild of the applicant under 18',
      },
      covered,
    );
    ctx.check(
      {
        code: 'self-paid-costs-over-threshold',
        reference: 'D0050075 第9條第1項',
        zh: '最近三個月內自行負擔醫療費用超過3萬元（未滿6歲之子女或孫子女：有自行負擔費用）',
        en: 'self-paid medical costs in the last three months over 30,000 (a child under 6: any self-paid cost)',
      },
      overThreshold,
      { value: p.selfPaidMedicalCostsNtd, threshold: thresholdShown },
    );
    ctx.check(
      {
        code: 'yearly-cap-not-reached',
        reference: 'D0050075 第9條第2項',
        zh: '本年度已領補助未達每人每年上限12萬元',
        en: 'the subsidy paid this year is below the yearly cap of 120,000',
      },
      underCap,
      { value: p.specialCircumstanceMedicalPaidThisYearNtd, threshold: cap },
    );
    return { amountNtd: amount };
  },
});
