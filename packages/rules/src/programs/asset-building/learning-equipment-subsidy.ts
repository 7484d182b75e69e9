import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { SCHOOL_LEVEL_FACTS } from '../../facts/person.ts';
import { LOW_INCOME_GATE, requireLowIncomeChild } from '../social-assistance/common.ts';

const HOURS = 'asset-building.learning-equipment-subsidy.service-hours';
const SENIOR_HIGH = SCHOOL_LEVEL_FACTS.indexOf('senior_high');

/**
 * 學習設備補助 — learning equipment subsidy (catalog: learning-equipment-subsidy; 000 參(一)4(2)). In kind: who
 * may receive learning equipment in the year.
 *
 * 000 參(一)4(2)：「學習設備補助：提供低收入戶就讀高中職以上在學子女學習設備補助，並規定以社區服務方式換取學習設備
 * 補助，以落實自助助人精神。」
 *
 * The service hours required are unknown: no service at all fails, some service leaves it undetermined.
 */
export const learningEquipmentSubsidy = defineProgram({
  id: 'learning-equipment-subsidy',
  nameZh: '學習設備補助',
  nameEn: 'Learning equipment subsidy',
  kind: 'in-kind',
  entity: 'person',
  period: 'year',
  gate: LOW_INCOME_GATE,
  legalBasis: ['000 參(一)4(2)', 'D0050078 第16條'],
  parameters: [HOURS],
  formula(ctx) {
    const p = ctx.persons;
    requireLowIncomeChild(ctx, '000 參(一)4(2)');
    // 「就讀高中職以上在學子女」
    ctx.compare(
      {
        code: 'in-senior-high-or-above',
        reference: '000 參(一)4(2)',
        zh: '就讀高中職以上',
        en: 'in senior high (vocational) school or above',
      },
      p.schoolLevel,
      '>=',
      SENIOR_HIGH,
    );
    // 「以社區服務方式換取」
    const required = ctx.paramOrNaN(HOURS);
    const served = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const hours = p.volunteerHoursThisYear[i]!;
      served[i] =
        hours === 0 ? FAILED : Number.isNaN(required) ? UNKNOWN : hours >= required ? PASSED : FAILED;
    }
    ctx.check(
      {
        code: 'community-service-done',
        reference: '000 參(一)4(2)',
        zh: '已完成規定之社區服務時數',
        en: 'has done the required community service hours',
      },
      served,
      { value: p.volunteerHoursThisYear, threshold: required },
    );
    return undefined;
  },
});
