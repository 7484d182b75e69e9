import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';

/**
 * 少年自立生活適應協助 — independent-living support for youths (catalog: youth-independent-living-support;
 * 000 肆二(一)4; 001 四(三)8(2)).
 *
 * 000 肆二(一)4：「1.對本市籍年滿 16 歲以上之少年，經社工員評估不適安置服務且不宜返家，而具獨立在外生活能力者，
 * 結合民間機構提供各項經濟協助及輔導服務。2.對就學之少年提供學費補助，並依實際情形，酌予生活費及租屋費用補助。
 * 3.對未就學未就業者，提供生活補助及租屋費用補助，並輔導儘速就學或就業。」
 * 001 四(三)8(2)：「協助國中畢業或年滿15歲以上，結束安置或經評估不宜返家，及社區中因原生家庭失功能而需獨立自立
 * 生活之少年…」
 *
 * Who qualifies: a youth registered in the city, at or over the minimum age (16 in 2018, 15 by 2023) and
 * under 18 (少年, D0050001 第2條), assessed by a social worker as needing to live independently
 * (`independentLivingAssessed`). The amounts are set case by case (「依實際情形，酌予」) and no figure is in
 * the sources, so the program decides eligibility and gives no amount. Not encoded: 2023's alternative of
 * having finished junior high school before 15.
 */
export const youthIndependentLivingSupport = defineProgram({
  id: 'youth-independent-living-support',
  nameZh: '少年自立生活適應協助',
  nameEn: 'Independent-living support for youths',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  // Its checks are columns and comparisons (no per-person loops): they cost less over the city than a part.
  narrows: false,
  legalBasis: ['000 肆二(一)4', '001 四(三)8(2)', 'D0050001 第2條'],
  parameters: ['children.youth-independent-living.minimum-age'],
  formula(ctx) {
    const p = ctx.persons;
    const age = ageAtPeriodStart(ctx);
    ctx.check(
      {
        code: 'registered-in-city',
        reference: '000 肆二(一)4',
        zh: '設籍本市',
        en: 'registered in the city',
      },
      p.registeredInCity,
    );
    const minimumAge = ctx.param('children.youth-independent-living.minimum-age');
    ctx.compare(
      {
        code: 'at-least-minimum-age',
        reference: '000 肆二(一)4; 001 四(三)8(2)',
        zh: `年滿${minimumAge}歲`,
        en: `aged ${minimumAge} or over`,
      },
      age,
      '>=',
      minimumAge,
    );
    ctx.compare(
      {
        code: 'aged-under-18',
        reference: 'D0050001 第2條',
        zh: '未滿18歲（少年）',
        en: 'aged under 18 (a youth)',
      },
      age,
      '<',
      18,
    );
    ctx.check(
      {
        code: 'assessed-for-independent-living',
        reference: '000 肆二(一)4; 001 四(三)8(2)',
        zh: '經社工員評估不適安置且不宜返家，需獨立自立生活',
        en: 'assessed by a social worker as needing to live independently (neither placement nor home)',
      },
      p.independentLivingAssessed,
    );
    return undefined;
  },
});
