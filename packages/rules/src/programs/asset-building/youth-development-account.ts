import { applyRate } from '@safetynet/core/money';
import { PASSED } from '../../engine/context.ts';
import { NO_DAY } from '../../engine/fact-spec.ts';
import { defineProgram } from '../../engine/program.ts';
import { childOfHousehold } from '../../variables/child-of-household.ts';
import { packedDate } from '../../variables/elapsed.ts';
import { personInLowOrMidLowIncome } from '../../variables/low-or-mid-low-income.ts';
import { LOW_OR_MID_LOW_INCOME_GATE } from '../social-assistance/common.ts';

const P = 'asset-building.youth-development-account';

/**
 * 幸福DNA青年發展帳戶 — youth development account (catalog: youth-development-account; 000 參(一)1(1)).
 * Amount: the city's match of the month's saving (paid as a total when the three years end: 「期滿後」).
 *
 * 000 參(一)1(1)：「「幸福DNA·讓愛蔓延青年發展帳戶」：鼓勵高一中低收入戶第二代子女累積資產，並搭配學習脫貧策略，
 * 參加者每年需接受教育、輔導等相關課程計30小時、社區志願服務36小時，且每月固定儲蓄1,000至3,000元，期滿後，即可獲得
 * 市府每月定額提撥1,000至3,000元（提撥率第一年1:0.6、第二年1:0.8、第三年1:1）之總金額。」
 *
 * Readings: 中低收入戶 here covers low-income households too (the catalog: mid/low-income); 第二代子女 = a
 * member with the role `child`; entry in the first year of senior high (高一) is checked at enrolment and not
 * again. The programme year counts calendar months from the month of `assetAccountSince` (that month is
 * month 1); the three match rates make it three years. The yearly hours can only be judged when a programme
 * year closes, so they are checked in its 12th month and hold in the others.
 */
export const youthDevelopmentAccount = defineProgram({
  id: 'youth-development-account',
  nameZh: '幸福DNA青年發展帳戶',
  nameEn: 'Youth development account',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: LOW_OR_MID_LOW_INCOME_GATE,
  legalBasis: ['000 參(一)1(1)', 'D0050078 第15-1條'],
  parameters: [
    `${P}.min-monthly-saving`,
    `${P}.max-monthly-saving`,
    `${P}.match-rate-year-1`,
    `${P}.match-rate-year-2`,
    `${P}.match-rate-year-3`,
    `${P}.course-hours-per-year`,
    `${P}.service-hours-per-year`,
  ],
  formula(ctx) {
    const p = ctx.persons;
    // 「中低收入戶第二代子女」
    ctx.check(
      {
        code: 'low-or-mid-low-income-household',
        reference: '000 參(一)1(1)',
        zh: '屬列冊低收入戶或中低收入戶',
        en: 'in a registered low-income or mid-low-income household',
      },
      personInLowOrMidLowIncome(ctx),
    );
    ctx.check(
      {
        code: 'child-of-household',
        reference: '000 參(一)1(1)',
        zh: '為戶內第二代子女',
        en: 'a child (second generation) of the household',
      },
      childOfHousehold(ctx),
    );

    // Month of participation: 0 in the month of joining, 35 in the last month of the third year.
    const packedStart = packedDate(ctx.periodStartDay);
    const periodMonths = Math.floor(packedStart / 10_000) * 12 + (Math.floor(packedStart / 100) % 100);
    const month = ctx.newInt32Array(p.count).fill(-1);
    for (let i = 0; i < p.count; i++) {
      const since = p.assetAccountSince[i]!;
      if (since === NO_DAY) continue;
      const s = packedDate(since);
      month[i] = periodMonths - (Math.floor(s / 10_000) * 12 + (Math.floor(s / 100) % 100));
    }
    const inTerm = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) inTerm[i] = +(month[i]! >= 0 && month[i]! < 36);
    ctx.check(
      {
        code: 'in-the-three-account-years',
        reference: '000 參(一)1(1)',
        zh: '已加入帳戶方案且在三年期間內（第幾個月，自0起算）',
        en: 'joined the account and within its three years (month of participation, from 0)',
      },
      inTerm,
      { value: month },
    );

    // 「每月固定儲蓄1,000至3,000元」
    const minSaving = ctx.param(`${P}.min-monthly-saving`);
    const maxSaving = ctx.param(`${P}.max-monthly-saving`);
    const savingInRange = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const v = p.assetAccountSavingNtd[i]!;
      savingInRange[i] = +(v >= minSaving && v <= maxSaving);
    }
    ctx.check(
      {
        code: 'monthly-saving-1000-to-3000',
        reference: '000 參(一)1(1)',
        zh: '本月自存1,000至3,000元',
        en: 'saved 1,000 to 3,000 this month',
      },
      savingInRange,
      { value: p.assetAccountSavingNtd },
    );

    // 「每年需接受教育、輔導等相關課程計30小時、社區志願服務36小時」: judged in a programme year's 12th month.
    const courseHours = ctx.param(`${P}.course-hours-per-year`);
    const serviceHours = ctx.param(`${P}.service-hours-per-year`);
    const courses = ctx.newUint8Array(p.count).fill(PASSED);
    const service = ctx.newUint8Array(p.count).fill(PASSED);
    for (let i = 0; i < p.count; i++) {
      if (month[i]! % 12 !== 11) continue;
      courses[i] = +(p.courseHoursThisYear[i]! >= courseHours);
      service[i] = +(p.volunteerHoursThisYear[i]! >= serviceHours);
    }
    ctx.check(
      {
        code: 'yearly-course-hours-completed',
        reference: '000 參(一)1(1)',
        zh: '年度課程滿30小時（於方案年度最後一個月認定）',
        en: '30 course hours in the programme year (judged in its last month)',
      },
      courses,
      { value: p.courseHoursThisYear, threshold: courseHours },
    );
    ctx.check(
      {
        code: 'yearly-service-hours-completed',
        reference: '000 參(一)1(1)',
        zh: '年度社區志願服務滿36小時（於方案年度最後一個月認定）',
        en: '36 volunteer service hours in the programme year (judged in its last month)',
      },
      service,
      { value: p.volunteerHoursThisYear, threshold: serviceHours },
    );

    // 「提撥率第一年1:0.6、第二年1:0.8、第三年1:1」 in tenths; the match rounded half up.
    const rates = [1, 2, 3].map((y) => Math.round(ctx.param(`${P}.match-rate-year-${y}`) * 10));
    const amountNtd = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const m = month[i]!;
      if (m < 0 || m >= 36) continue;
      amountNtd[i] = applyRate(p.assetAccountSavingNtd[i]!, rates[Math.floor(m / 12)]!, 10);
    }
    return { amountNtd };
  },
});
