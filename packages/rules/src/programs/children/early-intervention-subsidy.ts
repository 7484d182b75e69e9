import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';

/**
 * 發展遲緩兒童早期療育費用補助 — early-intervention fee subsidy (catalog: early-intervention-subsidy;
 * 000 肆二(十八)5; 001 四(三)17(5)). The monthly amount for the sessions dated in the period's month.
 *
 * The seeds name the subsidy without its amounts. D0050001 第23條第1項第8款 and 第2項 leave the rule to the
 * 直轄市; Kaohsiung's was not found, so the central rule for 縣(市) is used (confidence C in the parameters):
 * D0050180 第10條第1項第4款：「全民健康保險未涵蓋之發展遲緩兒童評估費及療育訓練費：未滿六歲或已滿六歲，未達到
 * 就學年齡，或經評鑑可暫緩入學者，每人每次最高補助新臺幣五百元，每月最多八次為限。」
 */
const ELEMENTARY = SCHOOL_LEVEL_FACTS.indexOf('elementary');
const P = 'children.early-intervention-subsidy.';

export const earlyInterventionSubsidy = defineProgram({
  id: 'early-intervention-subsidy',
  nameZh: '發展遲緩兒童早期療育費用補助',
  nameEn: 'Early-intervention fee subsidy for children with developmental delay',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: [
    'D0050001 第23條',
    'D0050001 第31條',
    'D0050180 第10條第1項第4款',
    '000 肆二(十八)5',
    '001 四(三)17(5)',
  ],
  parameters: [`${P}per-session-cap`, `${P}sessions-per-month`],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    ctx.check(
      {
        code: 'developmental-delay',
        reference: 'D0050001 第31條',
        zh: '經評估為發展遲緩兒童',
        en: 'a child assessed with developmental delay',
      },
      p.developmentalDelay,
    );
    // 「未滿六歲或已滿六歲，未達到就學年齡，或經評鑑可暫緩入學者」: under 6, or not yet in elementary school
    // (school levels before it: none, preschool). SCHOOL_LEVEL_FACTS lists the levels in order.
    const age = ageAtPeriodStart(ctx);
    const young = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++)
      young[i] = +(p.birthDate[i]! <= ctx.periodEndDay && (age[i]! < 6 || p.schoolLevel[i]! < ELEMENTARY));
    ctx.check(
      {
        code: 'under-6-or-not-yet-in-school',
        reference: 'D0050180 第10條第1項第4款',
        zh: '未滿6歲，或已滿6歲尚未進入國民小學就讀',
        en: 'under 6, or 6 or older and not yet in elementary school',
      },
      young,
      { value: age, threshold: 6 },
    );
    ctx.check(
      {
        code: 'registered-in-city',
        reference: '000 肆二(十八)5',
        zh: '設籍本市',
        en: 'registered in the city',
      },
      p.registeredInCity,
    );

    // 「每人每次最高補助新臺幣五百元，每月最多八次為限」: each session's fee up to the cap, for at most eight
    // sessions a month — the eight best-paid ones when there were more.
    const cap = ctx.param(`${P}per-session-cap`);
    const most = ctx.param(`${P}sessions-per-month`);
    const sessions = ctx.population.events['early-intervention-session'];
    let inMonth = 0;
    const picked = ctx.newInt32Array(sessions.count);
    for (let e = 0; e < sessions.count; e++) {
      const d = sessions.date[e]!;
      if (d >= ctx.periodStartDay && d <= ctx.periodEndDay) picked[inMonth++] = e;
    }
    const order = picked.subarray(0, inMonth);
    const capped = (e: number) => Math.min(sessions.feeNtd[e]!, cap);
    order.sort((a, b) => sessions.owner[a]! - sessions.owner[b]! || capped(b) - capped(a));
    const count = ctx.newInt32Array(n);
    const amountNtd = ctx.newInt32Array(n);
    for (let k = 0; k < order.length; k++) {
      const e = order[k]!;
      const i = sessions.owner[e]!;
      if (count[i]! < most) amountNtd[i] = amountNtd[i]! + capped(e);
      count[i] = count[i]! + 1;
    }
    ctx.compare(
      {
        code: 'sessions-this-month',
        reference: 'D0050180 第10條第1項第4款',
        zh: '本月有全民健康保險未給付之評估或療育訓練（次數）',
        en: 'had assessment or therapy sessions not covered by NHI this month (count)',
      },
      count,
      '>',
      0,
    );
    return { amountNtd };
  },
});
