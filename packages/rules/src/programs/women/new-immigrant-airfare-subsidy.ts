import { defineProgram } from '../../engine/program.ts';
import { newImmigrantInHardship } from './new-immigrant-common.ts';

/**
 * 新住民返鄉往返機票費補助 — round-trip airfare home for new immigrants in hardship (catalog:
 * new-immigrant-airfare-subsidy; 001 四(四)4(5)).
 *
 * 001 四(四)4(5)：「設籍前新住民遭逢特殊境遇之家庭扶助計畫，112年1月至6月補助…新住民返鄉往返機票費補助2人、
 * 3萬2,657元。」
 *
 * The applicant of a household in the plan's conditions (see new-immigrant-common.ts) claiming a round-trip
 * ticket (`home-visit-airfare` event) dated in the month is paid the ticket cost up to the plan's cap. The cap
 * is not in the sources (`unknown`), and every amount needs it, so the program stays undetermined for all
 * (naming the parameter) until it is known; the recorded checks still say who is refused.
 */
export const newImmigrantAirfareSubsidy = defineProgram({
  id: 'new-immigrant-airfare-subsidy',
  nameZh: '新住民返鄉往返機票費補助',
  nameEn: 'Round-trip airfare subsidy for new immigrants',
  kind: 'cash',
  entity: 'person',
  period: 'event',
  legalBasis: ['001 四(四)4(5)', '000 肆四(四)4'],
  parameters: [
    'women.new-immigrant-hardship.airfare-cap',
    'women.new-immigrant-hardship.income-multiple-of-minimum-living-cost',
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const n = p.count;
    newImmigrantInHardship(ctx);
    const role = p.role;
    const isApplicant = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) isApplicant[i] = +(role[i] === 0);
    ctx.check(
      {
        code: 'is-the-applicant',
        reference: '001 四(四)4(5)',
        zh: '為申請人（新住民本人）',
        en: 'the applicant (the new immigrant)',
      },
      isApplicant,
    );
    const claims = ctx.population.events['home-visit-airfare'];
    const ticket = ctx.newFloat64Array(p.count);
    for (let e = 0; e < claims.count; e++) {
      const day = claims.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const i = claims.owner[e]!;
      ticket[i] = ticket[i]! + claims.ticketCostNtd[e]!;
    }
    ctx.compare(
      {
        code: 'airfare-claimed-this-month',
        reference: '001 四(四)4(5)',
        zh: '本月申請返鄉往返機票費',
        en: 'a round-trip airfare claimed this month',
      },
      ticket,
      '>',
      0,
    );
    const cap = ctx.param('women.new-immigrant-hardship.airfare-cap');
    const amountNtd = ctx.newInt32Array(n);
    for (let i = 0; i < n; i++) amountNtd[i] = Math.min(ticket[i]!, cap);
    return { amountNtd };
  },
});
