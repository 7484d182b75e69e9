import { defineProgram } from '../../engine/program.ts';
import { LOW_INCOME_GATE } from './common.ts';

/**
 * 低收入戶住院膳食費補助 — hospital meal subsidy for low-income persons (catalog: low-income-hospital-meal-subsidy;
 * 000 陸一(五)).
 *
 * 000 陸一(五)：「低收入戶全民健康保險住院膳食費補助 — 維護低收入戶健康及就醫權益。低收入戶住院膳食費補助。」
 *
 * An event program: the amount for the hospital stays (`hospital-stay` events) dated in the period's month,
 * the self-paid meal costs of each. The seed names no daily rate or cap, so the self-paid meal costs are
 * paid in full; a per-day limit, if the city's rule has one, is not in the references.
 */
export const lowIncomeHospitalMealSubsidy = defineProgram({
  id: 'low-income-hospital-meal-subsidy',
  nameZh: '低收入戶住院膳食費補助',
  nameEn: 'Hospital meal subsidy for low-income persons',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  gate: LOW_INCOME_GATE,
  legalBasis: ['000 陸一(五)', 'D0050078 第4條'],
  parameters: [],
  formula(ctx) {
    const p = ctx.persons;
    const n = p.count;
    // 「低收入戶…」: the person's household is low-income.
    ctx.requireProgram(
      {
        code: 'low-income-household',
        reference: '000 陸一(五)',
        zh: '低收入戶之家庭成員',
        en: 'a member of a low-income household',
      },
      'low-income-status',
      'household',
    );

    // 「住院膳食費補助」: the meal costs of the stays dated in the month.
    const stays = ctx.population.events['hospital-stay'];
    const claimed = ctx.newUint8Array(n);
    const amount = ctx.newInt32Array(n);
    for (let e = 0; e < stays.count; e++) {
      const day = stays.date[e]!;
      const meals = stays.mealCostNtd[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay || meals <= 0) continue;
      const i = stays.owner[e]!;
      claimed[i] = 1;
      amount[i] = amount[i]! + meals;
    }
    ctx.check(
      {
        code: 'hospital-meals-claimed-this-month',
        reference: '000 陸一(五)',
        zh: '本月申請住院膳食費補助（自行負擔膳食費）',
        en: 'self-paid hospital meal costs were claimed this month',
      },
      claimed,
    );
    return { amountNtd: amount };
  },
});
