import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { CHILDCARE_SETTINGS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { householdWelfareTier } from '../../variables/household-welfare-tier.ts';
import { householdValueOfPerson } from '../../variables/per-person.ts';
import { childRegisteredInCity, meansTestByTierOrTaxRate } from './childcare-common.ts';

/**
 * 托育費用補助（含準公共） — childcare fee subsidy (catalog: childcare-fee-subsidy; 000 肆二(八)3; 001 四(三)5(2)).
 *
 * The monthly amount for the period's month, by setting, household status and birth order:
 * - 2018 (000 肆二(八)3): 就業家庭部分托育費用補助 for employed parents whose child is with a registered carer
 *   or licensed centre; 4,000–5,000 low-income, 3,000–4,000 mid-low-income, 2,000–3,000 under the 20% tax
 *   rate, 「依…托育人員資格」 — which qualification gives which end is not stated, so the amounts are unknown;
 * - from 2018-08 the 準公共 scheme: only public and contracted (quasi-public) settings; amounts unknown until
 *   2022-08, then public 5,500 / 7,500 / 9,500 and quasi-public 8,500 / 10,500 / 12,500 (2024: 7,000 /
 *   9,000 / 11,000 and 13,000 / 15,000 / 17,000), + 1,000 for a second child, + 2,000 for a third or later.
 */
const APPLICANT = 0;
const SPOUSE = 1;
const NONE = CHILDCARE_SETTINGS.indexOf('none');
const PUBLIC_CENTER = CHILDCARE_SETTINGS.indexOf('public-center');
const PUBLIC_HOME = CHILDCARE_SETTINGS.indexOf('public-community-home');
const QUASI_CENTER = CHILDCARE_SETTINGS.indexOf('quasi-public-center');
const QUASI_HOME = CHILDCARE_SETTINGS.indexOf('quasi-public-home-carer');

const P = 'children.childcare-fee-subsidy.';

export const childcareFeeSubsidy = defineProgram({
  id: 'childcare-fee-subsidy',
  nameZh: '托育費用補助（含準公共）',
  nameEn: 'Childcare fee subsidy (public and quasi-public childcare)',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['000 肆二(八)3', '001 四(三)5(2)', 'D0050180 第6條'],
  parameters: [
    `${P}public-general`,
    `${P}public-mid-low-income`,
    `${P}public-low-income`,
    `${P}quasi-public-general`,
    `${P}quasi-public-mid-low-income`,
    `${P}quasi-public-low-income`,
    `${P}second-child-extra`,
    `${P}third-or-later-child-extra`,
    `${P}age-limit-years`,
    `${P}tax-rate-limit-pct`,
    `${P}means-tested`,
    `${P}working-family-required`,
  ],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    const age = ageAtPeriodStart(ctx);

    // 001 四(三)5(2)「未滿2歲暨2至3歲兒童托育公共化及準公共服務費用」(under 2 until the 2–3 extension).
    const ageLimit = ctx.param(`${P}age-limit-years`);
    const underLimit = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) underLimit[i] = +(p.birthDate[i]! <= ctx.periodEndDay && age[i]! < ageLimit);
    ctx.check(
      {
        code: 'under-age-limit',
        reference: '001 四(三)5(2)',
        zh: '兒童本月初未滿規定年齡',
        en: 'the child is under the age limit on the first day of the month',
      },
      underLimit,
      { value: age, threshold: ageLimit },
    );

    childRegisteredInCity(ctx, '001 四(三)5(2)');

    // 001 四(三)5(2)「將幼兒交由準公共保母或托嬰中心照顧」 (and public centres and homes); before the 準公共
    // scheme (2018-08), any registered carer or licensed centre (000 肆二(八)3).
    const workingFamily = ctx.param(`${P}working-family-required`) === 1;
    const setting = p.childcareSetting;
    const inSetting = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const s = setting[i]!;
      inSetting[i] = workingFamily
        ? +(s !== NONE)
        : +(s === PUBLIC_CENTER || s === PUBLIC_HOME || s === QUASI_CENTER || s === QUASI_HOME);
    }
    ctx.check(
      {
        code: 'in-subsidised-childcare',
        reference: '001 四(三)5(2)',
        zh: '送托公共或準公共托育（2018年8月前：登記之居家托育人員或立案托嬰中心）',
        en: 'in public or quasi-public childcare (before 2018-08: with a registered carer or licensed centre)',
      },
      inSetting,
    );

    // 000 肆二(八)3「就業家庭部分托育費用補助」: every parent (the household's applicant and spouse) employed.
    if (workingFamily) {
      const allEmployed = ctx.newUint8Array(ctx.households.count).fill(1);
      for (let i = 0; i < n; i++) {
        const role = p.role[i];
        if ((role === APPLICANT || role === SPOUSE) && !p.employed[i]) allEmployed[p.household[i]!] = 0;
      }
      ctx.check(
        {
          code: 'parents-employed',
          reference: '000 肆二(八)3',
          zh: '父母均就業（就業家庭）',
          en: 'the parents are employed',
        },
        householdValueOfPerson(ctx, allEmployed),
      );
    }

    // 000 肆二(八)3「低收入戶…中低收入戶…兒童之父母(或監護人)經稅捐稽徵機關核定之最近一年之綜合所得總額合計
    // 未達申報標準或綜合所得稅稅率未達20%者」. When it is unknown whether the test still applies, those under
    // the rate qualify either way and only the others are undetermined.
    const tierOf = householdWelfareTier(ctx);
    const meansTested = ctx.paramOrNaN(`${P}means-tested`);
    if (meansTested !== 0) {
      const limit = ctx.param(`${P}tax-rate-limit-pct`);
      meansTestByTierOrTaxRate(ctx, '000 肆二(八)3', limit, meansTested === 1);
    }

    // 001 四(三)5(2)「每月補助5,500元至1萬2,500元不等之托育費用，第2名子女每月再加發1,000元，第3名以上子女
    // 每月再加發2,000元」
    const publicAmount = [
      ctx.paramOrNaN(`${P}public-general`),
      ctx.paramOrNaN(`${P}public-mid-low-income`),
      ctx.paramOrNaN(`${P}public-low-income`),
    ];
    const quasiAmount = [
      ctx.paramOrNaN(`${P}quasi-public-general`),
      ctx.paramOrNaN(`${P}quasi-public-mid-low-income`),
      ctx.paramOrNaN(`${P}quasi-public-low-income`),
    ];
    const second = ctx.paramOrNaN(`${P}second-child-extra`);
    const third = ctx.paramOrNaN(`${P}third-or-later-child-extra`);
    const amountNtd = ctx.newInt32Array(n);
    const known = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const tier = tierOf[p.household[i]!]!;
      const s = setting[i]!;
      const order = p.birthOrder[i]!;
      // TIER_UNKNOWN (3) indexes past the arrays: undefined → NaN below.
      const base =
        (s === PUBLIC_CENTER || s === PUBLIC_HOME ? publicAmount : quasiAmount)[tier] ?? Number.NaN;
      const amount = base + (order <= 1 ? 0 : order === 2 ? second : third);
      if (Number.isNaN(amount)) known[i] = UNKNOWN;
      else {
        known[i] = PASSED;
        amountNtd[i] = amount;
      }
    }
    ctx.check(
      {
        code: 'amount-known',
        reference: 'tw-welfare-parameters.md §4.2',
        zh: '本月依托育類型、家庭身分及出生別之補助金額已知',
        en: 'the month’s amount for the setting, the household’s status and the birth order is known',
      },
      known,
    );
    return { amountNtd };
  },
});
