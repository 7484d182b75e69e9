import { defineProgram } from '../../engine/program.ts';
import { SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 失智老人安心手鍊 — ID bracelet for seniors with dementia (catalog: dementia-bracelet; 000 肆一(十四)1;
 * 001 四(一)5(1)). A status: who may be given a bracelet.
 *
 * 000 肆一(十四)1：「製作安心手鍊予失智老人配戴，防止走失。」
 * 001 四(一)5(1)：「112年1月至6月補助製作安心手鍊243條及自費製作手鍊80條。」
 *
 * Who gets it free and who pays is not in the sources; this says who qualifies for one. 失智老人 is a senior
 * (D0050037 第2條) with dementia; no residence condition is stated.
 */
export const dementiaBracelet = defineProgram({
  id: 'dementia-bracelet',
  nameZh: '失智老人安心手鍊',
  nameEn: 'ID bracelet for seniors with dementia',
  kind: 'in-kind',
  entity: 'person',
  period: 'status',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['D0050037 第2條', '000 肆一(十四)1', '001 四(一)5(1)'],
  parameters: ['seniors.senior-age'],
  formula(ctx) {
    seniorAge(ctx, '000 肆一(十四)1');
    ctx.check(
      {
        code: 'has-dementia',
        reference: '000 肆一(十四)1',
        zh: '失智症',
        en: 'has dementia',
      },
      ctx.persons.dementia,
    );
    return undefined;
  },
});
