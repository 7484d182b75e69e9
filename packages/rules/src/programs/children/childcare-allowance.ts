import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { CHILDCARE_SETTINGS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import {
  householdWelfareTier,
  TIER_GENERAL,
  TIER_LOW_INCOME,
  TIER_MID_LOW_INCOME,
} from '../../variables/household-welfare-tier.ts';
import { householdValueOfPerson } from '../../variables/per-person.ts';
import { childRegisteredInCity, meansTestByTierOrTaxRate } from './childcare-common.ts';

/**
 * 育兒津貼（未滿2歲） — allowance for a child under 2 (catalog: childcare-allowance; 000 肆二(六); 001 四(三)2).
 *
 * The monthly amount for the period's month. The rule changed three times, each a dated parameter:
 * - 2018 (000 肆二(六)1): a parent out of work caring for the child; 5,000 low-income, 4,000 mid-low-income,
 *   2,500 when the parents' tax rate is under 20%;
 * - 2018-08: no longer limited to non-working parents (reference §4.1, unconfirmed); amounts raised from
 *   2020-08 in steps that are not known (unknown parameters, so those months are undetermined);
 * - 2022-08: 5,000 / 6,000 / 7,000 by birth order; 2023-01: no means test (不排富).
 * The low-income 5,000 includes the low-income child allowance (「含低收入戶兒童生活補助費」): the amount here is
 * that total as the seed states it, not net of the child allowance.
 */
const APPLICANT = 0;
const SPOUSE = 1;
const PUBLIC_CENTER = CHILDCARE_SETTINGS.indexOf('public-center');
const PUBLIC_HOME = CHILDCARE_SETTINGS.indexOf('public-community-home');
const QUASI_CENTER = CHILDCARE_SETTINGS.indexOf('quasi-public-center');
const QUASI_HOME = CHILDCARE_SETTINGS.indexOf('quasi-public-home-carer');

export const childcareAllowance = defineProgram({
  id: 'childcare-allowance',
  nameZh: '育兒津貼（未滿2歲）',
  nameEn: 'Childcare allowance for children under 2',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['000 肆二(六)1', '001 四(三)2'],
  parameters: [
    'children.childcare-allowance.amount-low-income',
    'children.childcare-allowance.amount-mid-low-income',
    'children.childcare-allowance.amount-first-child',
    'children.childcare-allowance.amount-second-child',
    'children.childcare-allowance.amount-third-or-later-child',
    'children.childcare-allowance.tax-rate-limit-pct',
    'children.childcare-allowance.means-tested',
    'children.childcare-allowance.parent-not-employed-required',
  ],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    const age = ageAtPeriodStart(ctx);

    // 「育有未滿2歲兒童」: born by the end of the month and not yet 2 on its first day (the month of the second
    // birthday is the last one paid; the birth month is the first).
    const under2 = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) under2[i] = +(p.birthDate[i]! <= ctx.periodEndDay && age[i]! < 2);
    ctx.check(
      {
        code: 'under-2',
        reference: '000 肆二(六)1',
        zh: '本月初未滿2歲之兒童',
        en: 'a child not yet 2 on the first day of the month',
      },
      under2,
      { value: age, threshold: 2 },
    );

    childRegisteredInCity(ctx, '000 肆二(六)1');

    // Reference §4.1: the allowance is for children not in public or quasi-public childcare (those receive
    // the childcare fee subsidy instead).
    const setting = p.childcareSetting;
    const notPublic = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const s = setting[i];
      notPublic[i] = +(s !== PUBLIC_CENTER && s !== PUBLIC_HOME && s !== QUASI_CENTER && s !== QUASI_HOME);
    }
    ctx.check(
      {
        code: 'not-in-public-or-quasi-public-childcare',
        reference: 'tw-welfare-parameters.md §4.1',
        zh: '未送托公共或準公共托育服務',
        en: 'not in public or quasi-public childcare',
      },
      notPublic,
    );

    // 000 肆二(六)：「父母一方因自行照顧未滿 2 歲以下子女致未能就業」 (until 2018-07). The parents are the
    // household's applicant and spouse.
    if (ctx.param('children.childcare-allowance.parent-not-employed-required') === 1) {
      const parentAtHome = ctx.newUint8Array(ctx.households.count);
      for (let i = 0; i < n; i++) {
        const role = p.role[i];
        if ((role === APPLICANT || role === SPOUSE) && !p.employed[i]) parentAtHome[p.household[i]!] = 1;
      }
      ctx.check(
        {
          code: 'a-parent-not-employed',
          reference: '000 肆二(六)',
          zh: '父母一方因自行照顧子女而未就業',
          en: 'a parent is out of work caring for the child',
        },
        householdValueOfPerson(ctx, parentAtHome),
      );
    }

    // 「低收入戶每名兒童每月補助5,000元…，中低收入戶每名兒童每月補助4,000元，兒童之父母(或監護人)經稅捐稽徵
    // 機關核定之最近一年之綜合所得總額合計未達申報標準或綜合所得稅稅率未達20%者，每名兒童每月補助2,500元」
    const tierOf = householdWelfareTier(ctx);
    if (ctx.param('children.childcare-allowance.means-tested') === 1) {
      const limit = ctx.param('children.childcare-allowance.tax-rate-limit-pct');
      meansTestByTierOrTaxRate(ctx, '000 肆二(六)1', limit, true);
    }

    const low = ctx.paramOrNaN('children.childcare-allowance.amount-low-income');
    const midLow = ctx.paramOrNaN('children.childcare-allowance.amount-mid-low-income');
    const first = ctx.paramOrNaN('children.childcare-allowance.amount-first-child');
    const second = ctx.paramOrNaN('children.childcare-allowance.amount-second-child');
    const third = ctx.paramOrNaN('children.childcare-allowance.amount-third-or-later-child');
    const amountNtd = ctx.newInt32Array(n);
    const known = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const tier = tierOf[p.household[i]!];
      const order = p.birthOrder[i]!;
      const general = order <= 1 ? first : order === 2 ? second : third;
      // A household of a better-paid tier gets its tier's amount; the tiers never paid less than the
      // general amount.
      const amount =
        tier === TIER_GENERAL
          ? general
          : tier === TIER_LOW_INCOME
            ? Math.max(low, general)
            : tier === TIER_MID_LOW_INCOME
              ? Math.max(midLow, general)
              : Number.NaN;
      if (Number.isNaN(amount)) known[i] = UNKNOWN;
      else {
        known[i] = PASSED;
        amountNtd[i] = amount;
      }
    }
    ctx.check(
      {
        code: 'amount-known',
        reference: 'tw-welfare-parameters.md §4.1',
        zh: '本月依家庭身分及出生別之補助金額已知',
        en: 'the month’s amount for the household’s status and the birth order is known',
      },
      known,
    );
    return { amountNtd };
  },
});
