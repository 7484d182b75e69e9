import { applyRate } from '@safetynet/core/money';
import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { SPECIAL_CIRCUMSTANCE_FAMILY_GATE, specialCircumstanceChild } from './special-circumstance-common.ts';

/**
 * 特殊境遇家庭子女生活津貼 — special-circumstance child allowance (catalog: special-circumstance-child-allowance;
 * 000 肆二(十四)(1); 001 四(三)11(1)).
 *
 * D0050075 第7條第1項：「符合第四條第一項第一款至第三款、第五款或第六款規定，並有十五歲以下子女或孫子女者，
 * 得申請子女生活津貼。」
 * 第7條第2項：「子女生活津貼之核發標準，每一名子女或孫子女每月補助當年度最低工資之十分之一，每年申請一次。」
 * 000 肆二(十四)(1)：「子女生活津貼：未滿 15 歲子女，每月補助當年度最低工資之十分之一。」
 *
 * The law says 十五歲以下 (以下 includes 15), the 2018 plan 未滿15歲: the law is followed. Age is taken on
 * the first day of the month, so the month of the 16th birthday is paid unless it falls on the 1st.
 * 「當年度最低工資」: the minimum wage in force on the first day of the month. Not encoded: 第12-1條 (a
 * domestic-violence victim must hold custody under a protection order or prove sole care) is evidence the
 * office checks with the situation.
 */
export const specialCircumstanceChildAllowance = defineProgram({
  id: 'special-circumstance-child-allowance',
  nameZh: '特殊境遇家庭子女生活津貼',
  nameEn: 'Special-circumstance family child allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: SPECIAL_CIRCUMSTANCE_FAMILY_GATE,
  legalBasis: ['D0050075 第7條', 'D0050075 第4條第1項', '000 肆二(十四)(1)', '001 四(三)11(1)'],
  parameters: [
    'cross-cutting.minimum-wage',
    'children.special-circumstance.child-allowance-minimum-wage-fraction',
    'children.special-circumstance.child-allowance-max-age',
  ],
  formula(ctx) {
    specialCircumstanceChild(ctx, 'D0050075 第7條第1項', true);
    const maxAge = ctx.param('children.special-circumstance.child-allowance-max-age');
    ctx.compare(
      {
        code: 'aged-15-or-under',
        reference: 'D0050075 第7條第1項',
        zh: `年齡${maxAge}歲以下`,
        en: `aged ${maxAge} or under`,
      },
      ageAtPeriodStart(ctx),
      '<=',
      maxAge,
    );
    // 最低工資之十分之一, rounded half up (every minimum wage so far divides by 10 exactly).
    const fraction = ctx.param('children.special-circumstance.child-allowance-minimum-wage-fraction');
    const monthly = applyRate(ctx.param('cross-cutting.minimum-wage'), Math.round(fraction * 10_000), 10_000);
    return { amountNtd: ctx.newInt32Array(ctx.count).fill(monthly) };
  },
});
