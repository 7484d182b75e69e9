import { defineProgram } from '../../engine/program.ts';
import { completedMonths } from '../../variables/elapsed.ts';
import { newImmigrantInHardship } from './new-immigrant-common.ts';

/**
 * 設籍前新住民特殊境遇家庭扶助 — hardship aid for new immigrants not yet registered (catalog:
 * new-immigrant-hardship-aid; 000 肆四(四)4; 001 四(四)4(5)).
 *
 * 000 肆四(四)4：「辦理「設籍前新住民遭逢特殊境遇之家庭扶助計畫」，以協助未設籍新住民遭逢特殊境遇時提供緊急生活
 * 扶助、子女生活津貼、兒童托育津貼及傷病醫療等補助。」
 * 001 四(四)4(5)：「…補助子女生活津貼130人次、34萬3,200元；緊急生活扶助4人次、5萬7,676元…」 — 2,640 a child-month
 * (1/10 of the 2023 minimum wage) and 14,419 a person-month (1 × the minimum living cost): the plan pays on the
 * standards of D0050075 第6條、第7條.
 *
 * This program is the emergency living aid, the household's event: a `special-circumstance-emergency`
 * application dated in the month pays 1 × the minimum living cost × the counted members × the months granted
 * (three as a rule), applied within six months of the situation (D0050075 第6條, whose parameters it reads).
 * The plan's child allowance, childcare and medical items are not encoded here.
 */
export const newImmigrantHardshipAid = defineProgram({
  id: 'new-immigrant-hardship-aid',
  nameZh: '設籍前新住民特殊境遇家庭扶助',
  nameEn: 'Hardship aid for new immigrants not yet registered',
  kind: 'cash',
  entity: 'household',
  period: 'event',
  legalBasis: ['000 肆四(四)4', '001 四(四)4(5)', 'D0050075 第6條'],
  parameters: [
    'women.new-immigrant-hardship.income-multiple-of-minimum-living-cost',
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
    'women.special-circumstance.emergency-aid-multiple-of-minimum-living-cost',
    'women.special-circumstance.emergency-aid-months',
    'women.special-circumstance.emergency-aid-application-months',
  ],
  formula(ctx) {
    const h = ctx.households;
    newImmigrantInHardship(ctx);
    const events = ctx.population.events['special-circumstance-emergency'];
    const monthlyPerPerson =
      ctx.param('women.special-circumstance.emergency-aid-multiple-of-minimum-living-cost') *
      ctx.param('social-assistance.minimum-living-cost');
    const maxMonths = ctx.param('women.special-circumstance.emergency-aid-months');
    const window = ctx.param('women.special-circumstance.emergency-aid-application-months');
    const applied = new Uint8Array(h.count);
    const inTime = new Uint8Array(h.count);
    const amount = new Int32Array(h.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const k = events.owner[e]!;
      applied[k] = 1;
      if (day < events.occurredOn[e]! || completedMonths(events.occurredOn[e]!, day) >= window) continue;
      inTime[k] = 1;
      amount[k] =
        amount[k]! +
        Math.round(monthlyPerPerson * h.memberCount[k]!) * Math.min(events.months[e]!, maxMonths);
    }
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
    );
    return { amountNtd: amount };
  },
});
