import { defineProgram } from '../../engine/program.ts';
import { completedMonths } from '../../variables/elapsed.ts';

/**
 * 馬上關懷急難救助 — 馬上關懷 ("care at once") emergency aid (catalog: immediate-care-aid; 000 參(十); 001 三(三)(2)).
 *
 * 000 參(十)：「針對三個月內家庭因遭逢負擔家計者發生死亡、失蹤、罹患重傷病、失業、其他原因無法工作或其他變故等急難
 * 事由致生活陷困者，核發 1 萬元至 3 萬元關懷救助金，同一事由經救助後仍陷困境，最多得再予一次之救助。」
 * 001 三(三)(2)：「協助負擔家庭主要生計者死亡、失蹤或罹患重傷病、失業或其他原因無法工作，致家庭生活陷入困境者，辦理
 * 急難紓困實施方案…」
 *
 * An event program: the amount for the applications (`immediate-care` events) dated in the period's month.
 * The amount within 10,000–30,000 is the visiting worker's assessment (the event's `assessedNtd`), held to
 * the range. 「三個月內」: from the day of the crisis until the day before the same day three months later
 * (民法 months, as completedMonths counts them). 「最多得再予一次」: the first grant and one more, so an
 * application is refused once two grants were made for the same cause. 「致生活陷困」 is the worker's
 * finding: an application recorded as an event is taken as assessed.
 */
export const immediateCareAid = defineProgram({
  id: 'immediate-care-aid',
  nameZh: '馬上關懷急難救助',
  nameEn: 'Immediate-care emergency aid (馬上關懷)',
  kind: 'cash',
  entity: 'household',
  period: 'event',
  legalBasis: ['000 參(十)', '001 三(三)(2)', 'D0050078 第21條'],
  parameters: [
    'social-assistance.immediate-care-aid.minimum',
    'social-assistance.immediate-care-aid.maximum',
    'social-assistance.immediate-care-aid.window-months',
    'social-assistance.immediate-care-aid.further-grants',
  ],
  formula(ctx) {
    const h = ctx.households;
    const count = h.count;
    const minimum = ctx.param('social-assistance.immediate-care-aid.minimum');
    const maximum = ctx.param('social-assistance.immediate-care-aid.maximum');
    const window = ctx.param('social-assistance.immediate-care-aid.window-months');
    const furtherGrants = ctx.param('social-assistance.immediate-care-aid.further-grants');

    const events = ctx.population.events['immediate-care'];
    const applied = ctx.newUint8Array(h.count);
    const inWindow = ctx.newUint8Array(h.count);
    const grantsLeft = ctx.newUint8Array(h.count);
    const monthsShown = ctx.newFloat64Array(h.count).fill(Number.NaN);
    const grantsShown = ctx.newFloat64Array(h.count).fill(Number.NaN);
    const amount = ctx.newInt32Array(h.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const k = events.owner[e]!;
      applied[k] = 1;
      // 「三個月內家庭因遭逢…急難事由」
      const occurred = events.occurredOn[e]!;
      const months = completedMonths(occurred, day);
      monthsShown[k] = months;
      if (occurred > day || months >= window) continue;
      inWindow[k] = 1;
      // 「同一事由經救助後仍陷困境，最多得再予一次之救助」
      grantsShown[k] = events.previousGrants[e]!;
      if (events.previousGrants[e]! > furtherGrants) continue;
      grantsLeft[k] = 1;
      // 「核發 1 萬元至 3 萬元關懷救助金」
      amount[k] = amount[k]! + Math.min(Math.max(events.assessedNtd[e]!, minimum), maximum);
    }
    ctx.check(
      {
        code: 'applied-this-month',
        reference: '000 參(十)',
        zh: '本月申請馬上關懷急難救助',
        en: '馬上關懷 aid was applied for this month',
      },
      applied,
    );
    // Only the first condition that fails is shown.
    for (let k = 0; k < count; k++) {
      if (!applied[k]) inWindow[k] = 1;
      if (!applied[k] || !inWindow[k]) grantsLeft[k] = 1;
    }
    ctx.check(
      {
        code: 'crisis-within-3-months',
        reference: '000 參(十)',
        zh: '急難事由發生於三個月內',
        en: 'the crisis occurred within the last three months',
      },
      inWindow,
      { value: monthsShown, threshold: window },
    );
    ctx.check(
      {
        code: 'at-most-one-further-grant',
        reference: '000 參(十)',
        zh: '同一事由至多再予救助一次（已獲救助未逾1次）',
        en: 'at most one further grant for the same cause (no more than 1 grant already made)',
      },
      grantsLeft,
      { value: grantsShown, threshold: furtherGrants },
    );
    return { amountNtd: amount };
  },
});
