import type { ProgramContext } from '../../engine/context.ts';
import { completedMonths } from '../../variables/elapsed.ts';

/**
 * 緊急生活扶助 on the standards of D0050075 第6條, per household, for the applications
 * (`special-circumstance-emergency` events) dated in the period's month. Records `applied-this-month` and
 * `applied-within-6-months` on the calling program and returns the amount.
 *
 * D0050075 第6條第1項：「…按當年度低收入戶每人每月最低生活費用標準一倍核發，每人每次以補助三個月為原則…」
 * 第6條第2項：「申請緊急生活扶助，應於事實發生後六個月內…提出申請」
 * Each application pays the multiple × the minimum living cost × the counted members × the months granted
 * (at most the parameter's months).
 */
export function emergencyLivingAid(ctx: ProgramContext): Int32Array {
  const h = ctx.households;
  const events = ctx.population.events['special-circumstance-emergency'];
  const monthlyPerPerson =
    ctx.param('women.special-circumstance.emergency-aid-multiple-of-minimum-living-cost') *
    ctx.param('social-assistance.minimum-living-cost');
  const maxMonths = ctx.param('women.special-circumstance.emergency-aid-months');
  const window = ctx.param('women.special-circumstance.emergency-aid-application-months');
  const applied = ctx.newUint8Array(h.count);
  const inTime = ctx.newUint8Array(h.count);
  const amount = ctx.newInt32Array(h.count);
  const monthsShown = ctx.newFloat64Array(h.count).fill(Number.NaN);
  for (let e = 0; e < events.count; e++) {
    const day = events.date[e]!;
    if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
    const k = events.owner[e]!;
    applied[k] = 1;
    const since = completedMonths(events.occurredOn[e]!, day);
    monthsShown[k] = since;
    // 「事實發生後六個月內」: from the day it arose until the day before the same day six months later.
    if (day < events.occurredOn[e]! || since >= window) continue;
    inTime[k] = 1;
    // 「每人每月最低生活費用標準一倍」 × the counted members, 「每人每次以補助三個月為原則」.
    const months = Math.min(events.months[e]!, maxMonths);
    amount[k] = amount[k]! + Math.round(monthlyPerPerson * h.memberCount[k]!) * months;
  }
  // Without an application this month only `applied-this-month` fails.
  for (let k = 0; k < h.count; k++) if (!applied[k]) inTime[k] = 1;
  ctx.check(
    {
      code: 'applied-this-month',
      reference: 'D0050075 第6條第2項',
      zh: '本月申請緊急生活扶助',
      en: 'emergency aid was applied for this month',
    },
    applied,
  );
  ctx.check(
    {
      code: 'applied-within-6-months',
      reference: 'D0050075 第6條第2項',
      zh: '於事實發生後六個月內申請',
      en: 'applied within six months after the situation arose',
    },
    inTime,
    { value: monthsShown, threshold: window },
  );
  return amount;
}
