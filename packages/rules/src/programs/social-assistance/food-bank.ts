import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import {
  householdWelfareTier,
  TIER_LOW_INCOME,
  TIER_MID_LOW_INCOME,
  TIER_UNKNOWN,
} from '../../variables/household-welfare-tier.ts';

/**
 * 實物銀行 — food bank (catalog: food-bank; 000 參(十三); 001 三(十)). In kind: who qualifies for goods and food
 * vouchers in the month.
 *
 * 000 參(十三)：「擴大照顧經濟弱勢家庭，減輕陷困家庭經濟壓力 — 委託民間慈善團體辦理實物銀行，設置總行及分行並結合社福
 * 團體於各區設置物資發放站，透過物資與食物券的提供，嘉惠更多弱勢家庭。」
 * 001 三(十)：「運用各界善心資源，提供弱勢家庭短期生活物資、食物兌換券等…」
 *
 * An event program: the households with an application or referral (`food-bank-application` events) dated
 * in the period's month. 「經濟弱勢家庭」/「陷困家庭」 is read as a low-income or mid-low-income household, or
 * one a social worker or the district office assessed as in economic hardship (the event says so); the seed
 * sets no other test.
 */
export const foodBank = defineProgram({
  id: 'food-bank',
  nameZh: '實物銀行',
  nameEn: 'Food bank',
  kind: 'in-kind',
  entity: 'household',
  period: 'event',
  legalBasis: ['000 參(十三)', '001 三(十)', 'D0050078 第4條', 'D0050078 第4-1條'],
  parameters: [],
  formula(ctx) {
    const h = ctx.households;
    const count = h.count;
    const tier = householdWelfareTier(ctx);
    const events = ctx.population.events['food-bank-application'];
    const applied = ctx.newUint8Array(h.count);
    const assessed = ctx.newUint8Array(h.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const k = events.owner[e]!;
      applied[k] = 1;
      if (events.assessedInHardship[e]) assessed[k] = 1;
    }
    ctx.check(
      {
        code: 'applied-this-month',
        reference: '000 參(十三)',
        zh: '本月申請或經轉介實物銀行物資',
        en: 'applied or was referred to the food bank this month',
      },
      applied,
    );
    // 「經濟弱勢家庭」「陷困家庭」; without an application only `applied-this-month` fails.
    const disadvantaged = ctx.newUint8Array(h.count);
    for (let k = 0; k < count; k++) {
      const t = tier[k];
      disadvantaged[k] =
        !applied[k] || assessed[k] || t === TIER_LOW_INCOME || t === TIER_MID_LOW_INCOME
          ? PASSED
          : t === TIER_UNKNOWN
            ? UNKNOWN
            : FAILED;
    }
    ctx.check(
      {
        code: 'economically-disadvantaged',
        reference: '000 參(十三)；001 三(十)',
        zh: '低收入戶、中低收入戶，或經評估經濟陷困之家庭',
        en: 'a low-income or mid-low-income household, or one assessed as in economic hardship',
      },
      disadvantaged,
    );
    return undefined;
  },
});
