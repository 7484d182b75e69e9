import { applyRate } from '@safetynet/core/money';
import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import {
  householdWelfareTier,
  TIER_LOW_INCOME,
  TIER_MID_LOW_INCOME,
  TIER_UNKNOWN,
} from '../../variables/household-welfare-tier.ts';

/**
 * 經濟弱勢市民醫療補助 — medical subsidy for economically disadvantaged residents (catalog: medical-subsidy;
 * 000 參(五); 001 三(九)).
 *
 * 000 參(五)：「依『高雄市經濟弱勢市民醫療補助辦法』規定辦理：1.本市列冊之低收入戶，醫療費用全額補助，但每人每年
 * 以 15 萬元為限。2.本市列冊之中低收入戶，醫療費用超過 3 萬元部分，補助百分之八十，但每人每年以 15 萬元為限。」
 *
 * A yearly program evaluated month by month: the amount is what the claims (`medical-expense` events)
 * dated in the period's month pay, within what is left of the year's cap after the subsidy already paid
 * this year before the month (`medicalSubsidyPaidThisYearNtd`). So the year's total is the sum of the
 * months' amounts and never exceeds the cap.
 *
 * Ambiguity: the seed does not say over what the 30,000 counts. It is read per claim (one application for
 * the self-paid costs of an illness or injury), as the 辦法 is applied case by case; the 80% is rounded
 * half up per claim.
 */
export const medicalSubsidy = defineProgram({
  id: 'medical-subsidy',
  nameZh: '經濟弱勢市民醫療補助',
  nameEn: 'Medical subsidy for economically disadvantaged residents',
  kind: 'cash',
  entity: 'person',
  period: 'year',
  legalBasis: ['000 參(五)', '001 三(九)', 'D0050078 第4條', 'D0050078 第4-1條'],
  parameters: [
    'social-assistance.medical-subsidy.annual-cap-low-income',
    'social-assistance.medical-subsidy.annual-cap-mid-low-income',
    'social-assistance.medical-subsidy.mid-low-income-deductible',
    'social-assistance.medical-subsidy.mid-low-income-rate-pct',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const n = p.count;
    const household = p.household;
    const tier = householdWelfareTier(ctx);

    // 「本市列冊之低收入戶…」「本市列冊之中低收入戶…」: the person's household holds either status.
    const listed = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = tier[household[i]!]!;
      listed[i] =
        t === TIER_LOW_INCOME || t === TIER_MID_LOW_INCOME ? PASSED : t === TIER_UNKNOWN ? UNKNOWN : FAILED;
    }
    ctx.check(
      {
        code: 'low-or-mid-low-income',
        reference: '000 參(五)1、2',
        zh: '本市列冊之低收入戶或中低收入戶',
        en: 'a member of a low-income or mid-low-income household on the city’s register',
      },
      listed,
    );

    const capLow = ctx.param('social-assistance.medical-subsidy.annual-cap-low-income');
    const capMidLow = ctx.param('social-assistance.medical-subsidy.annual-cap-mid-low-income');
    const deductible = ctx.param('social-assistance.medical-subsidy.mid-low-income-deductible');
    const ratePct = ctx.param('social-assistance.medical-subsidy.mid-low-income-rate-pct');

    // 「醫療費用全額補助」 / 「醫療費用超過 3 萬元部分，補助百分之八十」, per claim dated in the month.
    const events = ctx.population.events['medical-expense'];
    const claimed = ctx.newUint8Array(n);
    const overDeductible = ctx.newUint8Array(n);
    const claimedCosts = ctx.newFloat64Array(n);
    const subsidy = ctx.newFloat64Array(n);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const i = events.owner[e]!;
      const cost = events.selfPaidNtd[e]!;
      claimed[i] = 1;
      claimedCosts[i] = claimedCosts[i]! + cost;
      const t = tier[household[i]!];
      if (t === TIER_LOW_INCOME) {
        subsidy[i] = subsidy[i]! + cost;
        if (cost > 0) overDeductible[i] = 1;
      } else if (cost > deductible) {
        subsidy[i] = subsidy[i]! + applyRate(cost - deductible, ratePct, 100);
        overDeductible[i] = 1;
      }
    }
    ctx.check(
      {
        code: 'claimed-this-month',
        reference: '000 參(五)',
        zh: '本月申請醫療費用補助',
        en: 'medical costs were claimed this month',
      },
      claimed,
    );
    // Without a claim only `claimed-this-month` fails.
    for (let i = 0; i < n; i++) if (!claimed[i]) overDeductible[i] = 1;
    ctx.check(
      {
        code: 'self-paid-costs-subsidisable',
        reference: '000 參(五)1、2',
        zh: '自行負擔醫療費用（中低收入戶為超過3萬元部分）可予補助',
        en: 'self-paid medical costs are subsidisable (for mid-low-income persons, the part over 30,000)',
      },
      overDeductible,
      { value: claimedCosts, threshold: deductible },
    );

    // 「但每人每年以 15 萬元為限」: what is left of the cap after this year's earlier payments.
    const paid = p.medicalSubsidyPaidThisYearNtd;
    const cap = ctx.newFloat64Array(n);
    const amount = ctx.newInt32Array(n);
    for (let i = 0; i < n; i++) {
      const t = tier[household[i]!];
      cap[i] = t === TIER_MID_LOW_INCOME ? capMidLow : capLow;
      const left = cap[i]! - paid[i]!;
      amount[i] = left > 0 ? Math.min(subsidy[i]!, left) : 0;
    }
    ctx.compare(
      {
        code: 'annual-cap-not-reached',
        reference: '000 參(五)1、2',
        zh: '本年度已領醫療補助未達每人每年上限',
        en: 'the medical subsidy paid this year is below the yearly cap per person',
      },
      paid,
      '<',
      cap,
    );
    return { amountNtd: amount };
  },
});
