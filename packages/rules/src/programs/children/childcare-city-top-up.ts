import { toDayNumber } from '@safetynet/core/calendar';
import { defineProgram } from '../../engine/program.ts';
import { CHILDCARE_SETTINGS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { householdValueOfPerson } from '../../variables/per-person.ts';
import { childRegisteredInCity } from './childcare-common.ts';

/**
 * 高雄準公共托育加碼補助 — Kaohsiung top-up for quasi-public childcare (catalog: childcare-city-top-up;
 * 001 四(三)5(2)). The monthly amount for the period's month.
 *
 * 001 四(三)5(2)：「自111年10月起加碼準公共托育補助，未滿3歲兒童設籍並於本市送托準公共托育服務，且父或母一方
 * 設籍本市即可領取加碼托育補助，送準公共托嬰中心每名每月加碼補助2,000元，送準公共居家托育人員(保母)每名每月
 * 加碼補助1,200元，另自112年2月起調升日間托育每名每月加碼補助1,600元、全日托育每名每月加碼補助1,840元」
 * The 2023-02 raise names no setting: daytime / full-day care are home carers' categories (centres give
 * daytime care and keep 2,000), so it is read as the home carers' top-up (see the parameters).
 */
const APPLICANT = 0;
const SPOUSE = 1;
const QUASI_CENTER = CHILDCARE_SETTINGS.indexOf('quasi-public-center');
const QUASI_HOME = CHILDCARE_SETTINGS.indexOf('quasi-public-home-carer');
/** 「自111年10月起」 */
const FIRST_DAY = toDayNumber('2022-10-01');
const P = 'children.childcare-city-top-up.';

export const childcareCityTopUp = defineProgram({
  id: 'childcare-city-top-up',
  nameZh: '高雄準公共托育加碼補助',
  nameEn: 'Kaohsiung top-up for quasi-public childcare',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['001 四(三)5(2)'],
  parameters: [
    `${P}quasi-public-center`,
    `${P}quasi-public-home-carer-daytime`,
    `${P}quasi-public-home-carer-full-day`,
    `${P}age-limit-years`,
  ],
  formula(ctx) {
    const { persons: p } = ctx;
    const n = p.count;
    const inForce = ctx.periodStartDay >= FIRST_DAY;
    ctx.check(
      {
        code: 'top-up-in-force',
        reference: '001 四(三)5(2)',
        zh: '加碼補助已實施（2022年10月起）',
        en: 'the top-up is in force (from October 2022)',
      },
      ctx.newUint8Array(n).fill(inForce ? 1 : 0),
    );
    const amountNtd = ctx.newInt32Array(n);
    // Nothing is in force before October 2022: the other checks would read parameters that do not exist.
    if (!inForce) return { amountNtd };

    const age = ageAtPeriodStart(ctx);
    const ageLimit = ctx.param(`${P}age-limit-years`);
    const underLimit = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) underLimit[i] = +(p.birthDate[i]! <= ctx.periodEndDay && age[i]! < ageLimit);
    ctx.check(
      {
        code: 'under-3',
        reference: '001 四(三)5(2)',
        zh: '本月初未滿3歲之兒童',
        en: 'a child under 3 on the first day of the month',
      },
      underLimit,
      { value: age, threshold: ageLimit },
    );
    childRegisteredInCity(ctx, '001 四(三)5(2)');
    // 「父或母一方設籍本市」: the household's applicant or spouse.
    const parentRegistered = ctx.newUint8Array(ctx.households.count);
    for (let i = 0; i < n; i++) {
      const role = p.role[i];
      if ((role === APPLICANT || role === SPOUSE) && p.registeredInCity[i])
        parentRegistered[p.household[i]!] = 1;
    }
    ctx.check(
      {
        code: 'a-parent-registered-in-city',
        reference: '001 四(三)5(2)',
        zh: '父或母一方設籍本市',
        en: 'the father or mother is registered in the city',
      },
      householdValueOfPerson(ctx, parentRegistered),
    );
    const setting = p.childcareSetting;
    const quasiPublic = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) quasiPublic[i] = +(setting[i] === QUASI_CENTER || setting[i] === QUASI_HOME);
    ctx.check(
      {
        code: 'in-quasi-public-childcare',
        reference: '001 四(三)5(2)',
        zh: '於本市送托準公共托嬰中心或準公共居家托育人員',
        en: 'in a quasi-public childcare centre or with a quasi-public home carer in the city',
      },
      quasiPublic,
    );

    const center = ctx.param(`${P}quasi-public-center`);
    const daytime = ctx.param(`${P}quasi-public-home-carer-daytime`);
    const fullDay = ctx.param(`${P}quasi-public-home-carer-full-day`);
    for (let i = 0; i < n; i++)
      amountNtd[i] = setting[i] === QUASI_CENTER ? center : p.childcareFullDay[i] ? fullDay : daytime;
    return { amountNtd };
  },
});
