import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { SPECIAL_CIRCUMSTANCE_FAMILY_GATE, specialCircumstanceChild } from './special-circumstance-common.ts';

/**
 * 特殊境遇家庭兒童托育津貼 — special-circumstance childcare allowance (catalog:
 * special-circumstance-childcare-allowance; 000 肆二(十四)(2); 001 四(三)11(2)).
 *
 * D0050075 第10條第1項：「符合第四條第一項第一款至第三款、第五款及第六款規定，並有未滿六歲之子女或孫子女者，
 * 應優先獲准進入公立托教機構；如子女或孫子女進入私立托教機構時，得申請兒童托育津貼每人每月新臺幣一千五百元。」
 *
 * 私立托教機構 is the `inPrivateChildcare` fact (a private childcare centre, home carer or preschool). Age is
 * taken on the first day of the month: the month of the 6th birthday is paid unless it falls on the 1st.
 * Not encoded: 第12-1條 (custody evidence of a domestic-violence victim), the office's evidence.
 */
export const specialCircumstanceChildcareAllowance = defineProgram({
  id: 'special-circumstance-childcare-allowance',
  nameZh: '特殊境遇家庭兒童托育津貼',
  nameEn: 'Special-circumstance family childcare allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: SPECIAL_CIRCUMSTANCE_FAMILY_GATE,
  legalBasis: ['D0050075 第10條', 'D0050075 第4條第1項', '000 肆二(十四)(2)', '001 四(三)11(2)'],
  parameters: [
    'children.special-circumstance.childcare-allowance-amount',
    'children.special-circumstance.childcare-allowance-age-limit',
  ],
  formula(ctx) {
    specialCircumstanceChild(ctx, 'D0050075 第10條第1項', true);
    const ageLimit = ctx.param('children.special-circumstance.childcare-allowance-age-limit');
    ctx.compare(
      {
        code: 'aged-under-6',
        reference: 'D0050075 第10條第1項',
        zh: `未滿${ageLimit}歲`,
        en: `aged under ${ageLimit}`,
      },
      ageAtPeriodStart(ctx),
      '<',
      ageLimit,
    );
    ctx.check(
      {
        code: 'in-private-childcare',
        reference: 'D0050075 第10條第1項',
        zh: '進入私立托教機構',
        en: 'in a private childcare setting or preschool',
      },
      ctx.persons.inPrivateChildcare,
    );
    const amount = ctx.param('children.special-circumstance.childcare-allowance-amount');
    return { amountNtd: ctx.newInt32Array(ctx.count).fill(amount) };
  },
});
