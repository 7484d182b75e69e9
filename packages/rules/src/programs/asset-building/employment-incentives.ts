import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { personInLowOrMidLowIncome } from '../../variables/low-or-mid-low-income.ts';
import { LOW_OR_MID_LOW_INCOME_GATE } from '../social-assistance/common.ts';

const P = 'asset-building.employment-incentives';
/** Index of the claim kinds (facts/events.ts employment-incentive-claim). */
const JOB_FOUND = 0;
const BUSINESS_STARTED = 1;

/**
 * 就業脫貧獎勵 — employment incentives (catalog: employment-incentives; 000 參(一)5; 001 三(二)3). Amount: the
 * bonus, start-up allowance and licence-exam tutoring subsidy for the claims dated in the month.
 *
 * 000 參(一)5：「就業脫貧策略：結合市府勞工局訓練就業中心及勞動部勞動力發展署高屏澎東分署辦理，提供就業媒合、職業
 * 訓練、創業輔導與就業促進活動等服務，另提供就業收入減列計算、就業獎勵津貼、創業生活津貼及就業考照補習費補助等
 * 福利，以保障列冊中低收入戶資格，並進一步激勵低收入戶積極就業自立。」
 * 001 三(二)3：「辦理就業脫貧方案…」 for low-income and mid-low-income households.
 *
 * 就業收入減列計算 (D0050078 第15條第3項: added work income left out of the means test for up to 3 years) is a
 * rule of the means test, not a payment: not part of this amount. The three amounts are unknown: a claim's
 * amount stays undetermined.
 */
export const employmentIncentives = defineProgram({
  id: 'employment-incentives',
  nameZh: '就業脫貧獎勵',
  nameEn: 'Employment incentives',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  gate: LOW_OR_MID_LOW_INCOME_GATE,
  legalBasis: ['000 參(一)5', '001 三(二)3', 'D0050078 第15條'],
  parameters: [`${P}.employment-bonus`, `${P}.start-up-living-allowance`, `${P}.licence-tutoring-cap`],
  formula(ctx) {
    const p = ctx.persons;
    // 「列冊中低收入戶…低收入戶」
    ctx.check(
      {
        code: 'low-or-mid-low-income-household',
        reference: '000 參(一)5',
        zh: '屬列冊低收入戶或中低收入戶',
        en: 'in a registered low-income or mid-low-income household',
      },
      personInLowOrMidLowIncome(ctx),
    );
    const bonus = ctx.paramOrNaN(`${P}.employment-bonus`);
    const startUp = ctx.paramOrNaN(`${P}.start-up-living-allowance`);
    const tutoringCap = ctx.paramOrNaN(`${P}.licence-tutoring-cap`);
    const claims = ctx.population.events['employment-incentive-claim'];
    const count = ctx.newInt32Array(p.count);
    const amount = ctx.newFloat64Array(p.count);
    const open = ctx.newUint8Array(p.count).fill(PASSED);
    for (let e = 0; e < claims.count; e++) {
      const day = claims.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const i = claims.owner[e]!;
      count[i] = count[i]! + 1;
      const kind = claims.kind[e]!;
      // 「就業獎勵津貼、創業生活津貼及就業考照補習費補助」 (the tutoring fees up to the cap)
      const value =
        kind === JOB_FOUND
          ? bonus
          : kind === BUSINESS_STARTED
            ? startUp
            : Math.min(claims.costNtd[e]!, tutoringCap);
      if (Number.isNaN(value)) open[i] = UNKNOWN;
      else amount[i] = amount[i]! + value;
    }
    ctx.compare(
      {
        code: 'claim-this-month',
        reference: '000 參(一)5',
        zh: '本月有就業、創業或考照補習之申請（件數）',
        en: 'a job, business start or licence-exam tutoring claimed this month (claims)',
      },
      count,
      '>',
      0,
    );
    ctx.check(
      {
        code: 'amounts-known',
        reference: '000 參(一)5',
        zh: '各項獎勵金額已知',
        en: 'the amounts of the incentives claimed are known',
      },
      open,
    );
    const amountNtd = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++) amountNtd[i] = amount[i]!;
    return { amountNtd };
  },
});
