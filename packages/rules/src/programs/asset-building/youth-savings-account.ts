import { applyRate } from '@safetynet/core/money';
import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { childOfHousehold, joinedAssetAccount } from '../../variables/child-of-household.ts';
import { personInLowOrMidLowIncome } from '../../variables/low-or-mid-low-income.ts';
import { LOW_OR_MID_LOW_INCOME_GATE } from '../social-assistance/common.ts';

const RATE = 'asset-building.youth-savings-account.match-rate';
const UNIVERSITY = SCHOOL_LEVEL_FACTS.indexOf('university');

/**
 * 存薪當young青年自立計畫 — youth savings account (catalog: youth-savings-account; 001 三(二)1). Amount: the
 * city's match of the month's saving.
 *
 * 001 三(二)1：「「存薪當 young 青年自立計畫」鼓勵本市列冊低收入戶及中低收入戶就讀大三及大四子女累積資產，共80人
 * 參與。」
 *
 * 大三及大四 = university, grade 3 or 4; 子女 = a member with the role `child`. The match rate is unknown, so a
 * participant's amount stays undetermined; one who saved nothing this month is matched nothing.
 */
export const youthSavingsAccount = defineProgram({
  id: 'youth-savings-account',
  nameZh: '存薪當young青年自立計畫',
  nameEn: 'Youth savings account (存薪當young)',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: LOW_OR_MID_LOW_INCOME_GATE,
  legalBasis: ['001 三(二)1', 'D0050078 第15-1條'],
  parameters: [RATE],
  formula(ctx) {
    const p = ctx.persons;
    // 「本市列冊低收入戶及中低收入戶」
    ctx.check(
      {
        code: 'low-or-mid-low-income-household',
        reference: '001 三(二)1',
        zh: '屬本市列冊低收入戶或中低收入戶',
        en: 'in a registered low-income or mid-low-income household',
      },
      personInLowOrMidLowIncome(ctx),
    );
    ctx.check(
      {
        code: 'child-of-household',
        reference: '001 三(二)1',
        zh: '為戶內子女',
        en: 'a child of the household',
      },
      childOfHousehold(ctx),
    );
    // 「就讀大三及大四」
    const year34 = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const grade = p.schoolGrade[i]!;
      year34[i] = +(p.schoolLevel[i] === UNIVERSITY && (grade === 3 || grade === 4));
    }
    ctx.check(
      {
        code: 'university-third-or-fourth-year',
        reference: '001 三(二)1',
        zh: '就讀大學三年級或四年級',
        en: 'in the third or fourth year of university',
      },
      year34,
      { value: p.schoolGrade },
    );
    ctx.check(
      {
        code: 'account-joined',
        reference: '001 三(二)1',
        zh: '已加入存薪當young計畫',
        en: 'has joined the programme',
      },
      joinedAssetAccount(ctx),
    );
    const rate = ctx.paramOrNaN(RATE);
    const unknown = Number.isNaN(rate);
    const rateHundredths = unknown ? 0 : Math.round(rate * 100);
    const amountNtd = ctx.newInt32Array(p.count);
    const known = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const saving = p.assetAccountSavingNtd[i]!;
      // Nothing saved: nothing to match, whatever the rate.
      known[i] = saving === 0 || !unknown ? PASSED : UNKNOWN;
      if (!unknown) amountNtd[i] = applyRate(saving, rateHundredths, 100);
    }
    ctx.check(
      {
        code: 'match-rate-known',
        reference: '001 三(二)1',
        zh: '市府提撥率已知',
        en: 'the city’s match rate is known',
      },
      known,
      { threshold: rate },
    );
    return { amountNtd };
  },
});
