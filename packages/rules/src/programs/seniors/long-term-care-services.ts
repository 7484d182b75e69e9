import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodEnd } from '../../variables/age.ts';
import { ADL_MODERATE, livesInCity, registeredInCity } from './common.ts';

/**
 * 長期照顧服務（居家服務、日照、送餐、交通接送） — long-term care services (catalog: long-term-care-services;
 * 000 肆一(十五)). Monthly: who qualifies for at least one of the services in the month.
 *
 * 000 肆一(十五)：「分區委託民間機構辦理招募、訓練、督導照顧服務員，針對設籍及實際居住本市，65歲以上因身心受損，
 * 致日常生活需他人協助之居家老人，提供家務、日常生活及身體等照顧服務。」 … 「針對低、中低收入老人經評估符合失能且
 * 有餐食需求者，提供餐飲服務」 … 「為協助本市 65 歲以上（原住民 55 歲以上或 50 歲以上失智症患者或身心障礙者）中、
 * 重度失能者，因就醫、復健等需要之交通接送服務」
 * D0050037 第17條、第18條 (home and community services).
 *
 * Home care and day care are for seniors needing help in daily living; meals narrow that to low- and
 * mid-low-income households; transport widens it to younger indigenous persons (55+) and persons with
 * dementia or a disability (50+) who are moderately or severely impaired. Qualifying for any one is
 * qualifying here, so the meals' means test is not a condition.
 */
export const longTermCareServices = defineProgram({
  id: 'long-term-care-services',
  nameZh: '長期照顧服務（居家服務、日照、送餐、交通接送）',
  nameEn: 'Long-term care services (home care, day care, meals, transport)',
  kind: 'service',
  entity: 'person',
  period: 'month',
  legalBasis: ['D0050037 第17條', 'D0050037 第18條', '000 肆一(十五)'],
  parameters: [
    'seniors.senior-age',
    'seniors.long-term-care.transport-indigenous-age',
    'seniors.long-term-care.transport-dementia-or-disability-age',
  ],
  formula(ctx) {
    const p = ctx.persons;
    // 「設籍及實際居住本市」
    registeredInCity(ctx, '000 肆一(十五)');
    livesInCity(ctx, '000 肆一(十五)');
    // 「因身心受損，致日常生活需他人協助」
    const needsHelp = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++)
      needsHelp[i] = +(p.adlImpairment[i]! > 0 || p.dailyLivingDependent[i] === 1);
    ctx.check(
      {
        code: 'needs-help-in-daily-living',
        reference: '000 肆一(十五)',
        zh: '因身心受損致日常生活需他人協助（經評估失能）',
        en: 'needs others’ help in daily living because of an impairment (assessed)',
      },
      needsHelp,
    );
    // 「65歲以上」, or for transport 「原住民 55 歲以上或 50 歲以上失智症患者或身心障礙者」 that are 「中、重度失能」.
    const seniorAge = ctx.param('seniors.senior-age');
    const indigenousAge = ctx.param('seniors.long-term-care.transport-indigenous-age');
    const dementiaOrDisabilityAge = ctx.param('seniors.long-term-care.transport-dementia-or-disability-age');
    const age = ageAtPeriodEnd(ctx);
    const moderate = ADL_MODERATE;
    const ageOk = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const a = age[i]!;
      const transport =
        p.adlImpairment[i]! >= moderate &&
        ((p.indigenous[i] === 1 && a >= indigenousAge) ||
          ((p.dementia[i] === 1 || p.disabilityLevel[i]! > 0) && a >= dementiaOrDisabilityAge));
      ageOk[i] = +(a >= seniorAge || transport);
    }
    ctx.check(
      {
        code: 'age-65-or-over-or-transport-exception',
        reference: '000 肆一(十五)',
        zh: `於本月內年滿${seniorAge}歲；或中、重度失能之原住民年滿${indigenousAge}歲、失智症患者或身心障礙者年滿${dementiaOrDisabilityAge}歲（交通接送）`,
        en: `aged ${seniorAge} or over by the end of the month; or, for transport, moderately or severely impaired and indigenous aged ${indigenousAge}+ or with dementia or a disability aged ${dementiaOrDisabilityAge}+`,
      },
      ageOk,
      { value: age, threshold: seniorAge },
    );
    return undefined;
  },
});
