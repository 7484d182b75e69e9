import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { LOW_INCOME_GATE } from './common.ts';

const AMOUNT = 'social-assistance.spring-festival-payment.amount-per-household';

/**
 * 低收入戶春節慰問金 — low-income Spring Festival payment (catalog: spring-festival-payment; 000 參(二)3).
 * Amount: the payment for the year (paid once, before the Spring Festival), for a household that is
 * low-income in the period.
 *
 * 000 參(二)3：「撥發低收入戶各項生活補助及春節慰問金。」
 *
 * The seeds give neither the amount nor its basis (per household or per member): per household, unknown.
 */
export const springFestivalPayment = defineProgram({
  id: 'spring-festival-payment',
  nameZh: '低收入戶春節慰問金',
  nameEn: 'Low-income Spring Festival payment',
  kind: 'cash',
  entity: 'household',
  period: 'year',
  gate: LOW_INCOME_GATE,
  legalBasis: ['000 參(二)3'],
  parameters: [AMOUNT],
  formula(ctx) {
    const h = ctx.households;
    ctx.requireProgram(
      {
        code: 'low-income-household',
        reference: '000 參(二)3',
        zh: '列冊低收入戶',
        en: 'a registered low-income household',
      },
      'low-income-status',
      'household',
    );
    const perHousehold = ctx.paramOrNaN(AMOUNT);
    const unknown = Number.isNaN(perHousehold);
    ctx.check(
      {
        code: 'amount-known',
        reference: '000 參(二)3',
        zh: '本年度慰問金金額已公告',
        en: 'the year’s amount is known',
      },
      ctx.newUint8Array(h.count).fill(unknown ? UNKNOWN : PASSED),
      { threshold: perHousehold },
    );
    return { amountNtd: ctx.newInt32Array(h.count).fill(unknown ? 0 : perHousehold) };
  },
});
