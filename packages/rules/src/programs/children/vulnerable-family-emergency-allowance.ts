import { defineProgram } from '../../engine/program.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { packedDate } from '../../variables/elapsed.ts';
import { householdValueOfPerson } from '../../variables/per-person.ts';
import { childOrGrandchildOfApplicant } from './special-circumstance-common.ts';

/** Months since year 0 of a day number (y × 12 + m − 1), for "this month and the next five". */
function monthIndex(day: number): number {
  const packed = packedDate(day);
  return Math.floor(packed / 10_000) * 12 + (Math.floor(packed / 100) % 100) - 1;
}

/**
 * 弱勢家庭兒童及少年緊急生活扶助 — vulnerable-family emergency child allowance (catalog:
 * vulnerable-family-emergency-allowance; 000 肆二(十一); 001 四(三)9(1)).
 *
 * 000 肆二(十一)：「協助遭變故或功能不全之弱勢家庭紓緩經濟壓力…對符合資格者除予每案每月3,000元經濟協助外，由社工
 * 人員提供案家關懷訪視輔導…」
 * 001 四(三)9(1)：「補助18歲以下子女每人每月緊急生活補助3,000元，扶助期間以6個月為原則」
 *
 * The crisis and the social worker's assessment are a `family-crisis` event of the household, dated in the
 * first month of aid; it pays for that month and the following ones up to `months` (six as a rule). Each
 * child of the household (the applicant's children and grandchildren) under 18 is paid: 「18歲以下子女」 is read
 * as 兒童及少年 (under 18), like the other programs of D0050180. Ages on the first day of the month.
 */
export const vulnerableFamilyEmergencyAllowance = defineProgram({
  id: 'vulnerable-family-emergency-allowance',
  nameZh: '弱勢家庭兒童及少年緊急生活扶助',
  nameEn: 'Vulnerable-family emergency child allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: ['000 肆二(十一)', '001 四(三)9(1)', 'D0050001 第2條'],
  parameters: [
    'children.vulnerable-family-emergency.amount-per-child',
    'children.vulnerable-family-emergency.max-months',
  ],
  formula(ctx) {
    const p = ctx.persons;
    const events = ctx.population.events['family-crisis'];
    const maxMonths = ctx.param('children.vulnerable-family-emergency.max-months');
    const thisMonth = monthIndex(ctx.periodStartDay);
    const inAid = ctx.newUint8Array(ctx.households.count);
    for (let e = 0; e < events.count; e++) {
      const first = monthIndex(events.date[e]!);
      if (thisMonth >= first && thisMonth < first + Math.min(events.months[e]!, maxMonths))
        inAid[events.owner[e]!] = 1;
    }
    ctx.check(
      {
        code: 'family-crisis-aid-this-month',
        reference: '000 肆二(十一); 001 四(三)9(1)',
        zh: '家庭遭變故經評估扶助中（以6個月為原則）',
        en: 'the family is in a crisis assessed for aid, within its months of aid (six as a rule)',
      },
      householdValueOfPerson(ctx, inAid),
    );
    ctx.check(
      {
        code: 'child-of-applicant',
        reference: '001 四(三)9(1)',
        zh: '為申請人之子女或孫子女',
        en: 'a child or grandchild of the applicant',
      },
      childOrGrandchildOfApplicant(ctx),
    );
    ctx.compare(
      {
        code: 'aged-under-18',
        reference: '001 四(三)9(1); D0050001 第2條',
        zh: '未滿18歲',
        en: 'aged under 18',
      },
      ageAtPeriodStart(ctx),
      '<',
      18,
    );
    const amount = ctx.param('children.vulnerable-family-emergency.amount-per-child');
    return { amountNtd: ctx.newInt32Array(p.count).fill(amount) };
  },
});
