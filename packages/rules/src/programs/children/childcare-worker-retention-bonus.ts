import { NO_DAY } from '../../engine/fact-spec.ts';
import { defineProgram } from '../../engine/program.ts';
import { completedYears } from '../../variables/elapsed.ts';

/**
 * 準公共托嬰中心專業人員久任津貼 — retention bonus for professionals at quasi-public childcare centres
 * (catalog: childcare-worker-retention-bonus; 001 四(三)4(3)). Yearly: the bonus for the year.
 *
 * 001 四(三)4(3)：「111年起獎勵本市準公共托嬰中心專業人員久任津貼…托育人員任職年資滿1年、3年、5年以上，可依
 * 年資申請1萬8,000元、2萬4,000元到3萬元久任獎金」
 * Years of service are the whole years completed on the last day of the period (the month the year's bonus
 * is computed), from the date the person began at a quasi-public centre.
 */
const FIRST_YEAR = '2022-01-01';
const P = 'children.childcare-worker-retention-bonus.';

export const childcareWorkerRetentionBonus = defineProgram({
  id: 'childcare-worker-retention-bonus',
  nameZh: '準公共托嬰中心專業人員久任津貼',
  nameEn: 'Retention bonus for professionals at quasi-public childcare centres',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  legalBasis: ['001 四(三)4(3)'],
  parameters: [`${P}amount-1-years`, `${P}amount-3-years`, `${P}amount-5-years`],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    // 「111年起」
    const inForce = ctx.periodStart >= FIRST_YEAR;
    ctx.check(
      {
        code: 'bonus-in-force',
        reference: '001 四(三)4(3)',
        zh: '久任津貼已實施（2022年起）',
        en: 'the bonus is in force (from 2022)',
      },
      ctx.newUint8Array(n).fill(inForce ? 1 : 0),
    );
    const since = p.quasiPublicChildcareWorkerSince;
    const professional = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) professional[i] = +(since[i] !== NO_DAY);
    ctx.check(
      {
        code: 'quasi-public-centre-professional',
        reference: '001 四(三)4(3)',
        zh: '任職本市準公共托嬰中心之專業人員',
        en: 'a professional at a quasi-public childcare centre in the city',
      },
      professional,
    );
    const years = ctx.newFloat64Array(n);
    for (let i = 0; i < n; i++)
      years[i] = since[i] === NO_DAY ? 0 : completedYears(since[i]!, ctx.periodEndDay);
    ctx.compare(
      {
        code: 'service-at-least-1-year',
        reference: '001 四(三)4(3)',
        zh: '任職年資滿1年（年）',
        en: 'at least one year of service (years)',
      },
      years,
      '>=',
      1,
    );
    const amountNtd = ctx.newInt32Array(n);
    if (!inForce) return { amountNtd };
    const one = ctx.param(`${P}amount-1-years`);
    const three = ctx.param(`${P}amount-3-years`);
    const five = ctx.param(`${P}amount-5-years`);
    for (let i = 0; i < n; i++) {
      const y = years[i]!;
      amountNtd[i] = y >= 5 ? five : y >= 3 ? three : y >= 1 ? one : 0;
    }
    return { amountNtd };
  },
});
