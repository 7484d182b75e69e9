import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodEnd } from '../../variables/age.ts';
import { amountOrUnknown, lowOrMidLowIncome } from './common.ts';

/**
 * 中低收入老人居家設施改善補助 — home-improvement subsidy for low- and mid-low-income seniors (catalog:
 * senior-home-improvement-subsidy; 000 肆一(八)3). Per event: the household's applications
 * (`senior-home-improvement` events) dated in the period's month.
 *
 * 000 肆一(八)3：「補助低、中低收入老人改善居家住宅設施設備。」
 * D0050037 第17條第9款 lists 「住家環境改善服務」 among the home services for seniors.
 *
 * The subsidy is the cost up to a cap the sources do not give (an unknown parameter), so an application
 * that meets the conditions is undetermined until it is collected.
 */
export const seniorHomeImprovementSubsidy = defineProgram({
  id: 'senior-home-improvement-subsidy',
  nameZh: '中低收入老人居家設施改善補助',
  nameEn: 'Home-improvement subsidy for low- and mid-low-income seniors',
  kind: 'cash',
  entity: 'household',
  period: 'event',
  legalBasis: ['D0050037 第17條', '000 肆一(八)3'],
  parameters: ['seniors.senior-age', 'seniors.home-improvement-subsidy.cap'],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    const events = ctx.population.events['senior-home-improvement'];
    const cost = ctx.newFloat64Array(h.count);
    const applied = ctx.newUint8Array(h.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const k = events.owner[e]!;
      applied[k] = 1;
      cost[k] = cost[k]! + events.costNtd[e]!;
    }
    ctx.check(
      {
        code: 'applied-this-month',
        reference: '000 肆一(八)3',
        zh: '本月申請居家住宅設施設備改善',
        en: 'applied this month to improve the home facilities',
      },
      applied,
      { value: cost },
    );
    // 「低、中低收入老人」: a low- or mid-low-income household with a member aged 65 or over.
    ctx.check(
      {
        code: 'low-or-mid-low-income-household',
        reference: '000 肆一(八)3',
        zh: '低收入戶或中低收入戶',
        en: 'a low-income or mid-low-income household',
      },
      lowOrMidLowIncome(ctx),
    );
    const seniorAgeLimit = ctx.param('seniors.senior-age');
    const age = ageAtPeriodEnd(ctx);
    const hasSenior = ctx.newUint8Array(h.count);
    for (let i = 0; i < p.count; i++) if (age[i]! >= seniorAgeLimit) hasSenior[p.household[i]!] = 1;
    ctx.check(
      {
        code: 'household-has-senior',
        reference: '000 肆一(八)3; D0050037 第2條',
        zh: `戶內有年滿${seniorAgeLimit}歲之老人`,
        en: `a household member is aged ${seniorAgeLimit} or over`,
      },
      hasSenior,
    );
    const { amount: cap, known } = amountOrUnknown(
      ctx,
      'seniors.home-improvement-subsidy.cap',
      '000 肆一(八)3',
    );
    const amount = ctx.newInt32Array(h.count);
    if (known) for (let k = 0; k < h.count; k++) amount[k] = Math.min(cost[k]!, cap);
    return { amountNtd: amount };
  },
});
