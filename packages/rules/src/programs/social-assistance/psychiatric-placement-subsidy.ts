import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { PLACEMENT_FACTS } from '../../facts/person.ts';

const PSYCHIATRIC = PLACEMENT_FACTS.indexOf('psychiatric_institution');

/**
 * 精神病患收容安置 — placement of psychiatric patients (catalog: psychiatric-placement-subsidy; 000 參(八);
 * 001 三(五)). A service: whose care fees in a psychiatric nursing institution the city pays, in the month.
 *
 * 000 參(八)：「安置低收入戶且缺乏家庭資源者，或安置為遊民且身份不明之罹患精神疾病者。委託公私立精神醫療養護院所
 * 收容照顧，補助其養護費用。」
 * 001 三(五)：「慢性精神障礙者收容安養…補助840人次」
 *
 * 「身份不明」 (identity unknown) is not a fact: every homeless person is taken to meet that branch, which the
 * district office confirms.
 */
export const psychiatricPlacementSubsidy = defineProgram({
  id: 'psychiatric-placement-subsidy',
  nameZh: '精神病患收容安置',
  nameEn: 'Psychiatric placement subsidy',
  kind: 'service',
  entity: 'person',
  period: 'month',
  legalBasis: ['000 參(八)', '001 三(五)'],
  parameters: [],
  formula(ctx) {
    const p = ctx.persons;
    // 「罹患精神疾病者」
    ctx.check(
      {
        code: 'mental-illness',
        reference: '000 參(八)',
        zh: '罹患精神疾病',
        en: 'has a mental illness',
      },
      p.mentalIllness,
    );
    // 「委託公私立精神醫療養護院所收容照顧」
    const placed = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) placed[i] = +(p.placement[i] === PSYCHIATRIC);
    ctx.check(
      {
        code: 'placed-in-psychiatric-institution',
        reference: '000 參(八)',
        zh: '收容於精神醫療養護院所',
        en: 'placed in a psychiatric care institution',
      },
      placed,
    );
    // 「低收入戶且缺乏家庭資源者，或…遊民且身份不明」 (three-valued: the low-income status may be open)
    const lowIncome = ctx.program('low-income-status').eligible;
    const ground = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      if (p.homeless[i]) ground[i] = PASSED;
      else if (!p.lacksFamilySupport[i]) ground[i] = FAILED;
      else {
        const status = lowIncome[p.household[i]!]!;
        ground[i] = status === PASSED ? PASSED : status === FAILED ? FAILED : UNKNOWN;
      }
    }
    ctx.check(
      {
        code: 'low-income-without-family-or-homeless',
        reference: '000 參(八)',
        zh: '屬低收入戶且缺乏家庭資源，或為身份不明之遊民',
        en: 'in a low-income household with no family support, or a homeless person of unknown identity',
      },
      ground,
    );
    return undefined;
  },
});
