import { defineProgram } from '../../engine/program.ts';
import { PLACEMENT_FACTS, WORK_INABILITY_REASONS } from '../../facts/person.ts';
import { equals } from './common.ts';

const CAREGIVER = WORK_INABILITY_REASONS.indexOf('caregiver');
const NOT_PLACED = PLACEMENT_FACTS.indexOf('none');

/**
 * 身心障礙照顧者津貼 — allowance for a family member caring at home for a person with disabilities (catalog:
 * disability-caregiver-allowance; 000 肆三(二十四); 001 四(二)2(3)). The person is the carer; monthly.
 *
 * 000 肆三(二十四)：「針對未安置機構及未使用居家服務之失能身心障礙者，因家屬必須留置家中照顧身心障礙者致無法外出
 * 工作而給予照顧津貼每月3,000元，以減輕家庭照顧及經濟壓力。」
 * 001 四(二)2(3)：「身心障礙照顧者津貼，每月核發3,000元」
 *
 * 家屬 is read as another member of the household given. The sources set no income test, no registration
 * condition and no limit of one carer per cared-for person; none is applied.
 */
export const disabilityCaregiverAllowance = defineProgram({
  id: 'disability-caregiver-allowance',
  nameZh: '身心障礙照顧者津貼',
  nameEn: 'Disability family-carer allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['D0050046 第70條', '000 肆三(二十四)', '001 四(二)2(3)'],
  parameters: ['disability.caregiver-allowance.amount'],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    // 「未安置機構及未使用居家服務之失能身心障礙者」: a certificate holder assessed as dependent in daily living,
    // not placed anywhere and not receiving home care. Counted per household, then each carer is checked for
    // someone other than themselves to care for.
    const cared = ctx.newUint8Array(p.count);
    const hasCared = ctx.newUint8Array(p.count);
    const { disabilityLevel, dailyLivingDependent, placement, usesHomeCare } = p;
    const { memberStart, memberCount } = h;
    // Household by household (its members are consecutive persons): one pass over the persons.
    for (let k = 0; k < h.count; k++) {
      const first = memberStart[k]!;
      const end = first + memberCount[k]!;
      let inHousehold = 0;
      for (let i = first; i < end; i++) {
        const c = +(
          disabilityLevel[i]! > 0 &&
          dailyLivingDependent[i] === 1 &&
          placement[i] === NOT_PLACED &&
          usesHomeCare[i] === 0
        );
        cared[i] = c;
        inHousehold += c;
      }
      if (inHousehold > 0) for (let i = first; i < end; i++) hasCared[i] = +(inHousehold - cared[i]! > 0);
    }
    ctx.check(
      {
        code: 'family-member-with-disability-cared-for-at-home',
        reference: '000 肆三(二十四)',
        zh: '家中有未安置機構且未使用居家服務之失能身心障礙者',
        en: 'a household member with a disability, dependent in daily living, not in an institution and without home care',
      },
      hasCared,
    );
    // 「因家屬必須留置家中照顧身心障礙者致無法外出工作」
    ctx.check(
      {
        code: 'cannot-work-because-caring',
        reference: '000 肆三(二十四)',
        zh: '因留置家中照顧致無法外出工作',
        en: 'cannot go out to work because of caring at home',
      },
      equals(p.workInability, CAREGIVER),
    );
    ctx.check(
      { code: 'not-employed', reference: '000 肆三(二十四)', zh: '未就業', en: 'not employed' },
      equals(p.employed, 0),
    );
    const amount = ctx.newInt32Array(p.count).fill(ctx.param('disability.caregiver-allowance.amount'));
    return { amountNtd: amount };
  },
});
