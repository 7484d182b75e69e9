import { applyRate } from '@safetynet/core/money';
import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import {
  householdImmovableProperty,
  householdIncome,
  householdIncomePerCapita,
  householdMovableProperty,
} from '../../variables/household-income.ts';
import { householdResidence } from '../../variables/household-residence.ts';

/**
 * 中低收入戶資格 — mid-low-income household status (catalog: mid-low-income-status; 000 參(三)).
 *
 * D0050078 第4-1條第1項：「本法所稱中低收入戶，指經申請戶籍所在地直轄市、縣（市）主管機關審核認定，符合下列
 * 規定者：一、家庭總收入平均分配全家人口，每人每月不超過最低生活費一點五倍，且不得超過前條第三項之所得基準。
 * 二、家庭財產未超過中央、直轄市主管機關公告之當年度一定金額。」
 * 第4-1條第2項：「前項最低生活費、申請應檢附之文件及審核認定程序等事項之規定，依前條第二項、第三項、第五項及
 * 第六項規定。」 (so the residence conditions of 第4條第6項 apply too)
 * 000 參(三)1：「設籍本市且實際居住本市市民，其家庭總收入、動產及不動產價值符合規定標準者，核予福利資格。」
 *
 * The law's definition does not exclude a low-income household, which meets every condition here too: this
 * status holds for both, so a program "for low-income or mid-low-income households" requires this one, and a
 * program that treats the two differently tests low-income-status as well.
 */
export const midLowIncomeStatus = defineProgram({
  id: 'mid-low-income-status',
  nameZh: '中低收入戶資格',
  nameEn: 'Mid-low-income household status',
  kind: 'status',
  entity: 'household',
  period: 'year',
  legalBasis: [
    'D0050078 第4-1條',
    'D0050078 第4條第3項',
    'D0050078 第4條第6項',
    'D0050078 第5條',
    'D0050078 第5-1條',
    'D0050078 第5-3條',
    '000 參(三)1',
  ],
  parameters: [
    'social-assistance.minimum-living-cost',
    'social-assistance.mid-low-income-multiple',
    'social-assistance.mid-low-income.income-standard',
    'cross-cutting.minimum-wage',
    'social-assistance.mid-low-income.movable-property-per-person',
    'social-assistance.mid-low-income.immovable-property-per-household',
  ],
  formula(ctx) {
    const h = ctx.households;
    const residence = householdResidence(ctx);
    // 000 參(三)1「設籍本市」
    ctx.check(
      {
        code: 'applicant-registered-in-city',
        reference: '000 參(三)1',
        zh: '申請人設籍本市',
        en: 'the applicant is registered in the city',
      },
      residence.applicantRegistered,
    );
    // 第4條第6項「其申請戶之戶內人口均應實際居住於戶籍所在地之直轄市、縣（市），且最近一年居住國內超過一百八十三日」
    ctx.check(
      {
        code: 'all-members-live-in-city',
        reference: 'D0050078 第4條第6項、第4-1條第2項',
        zh: '戶內人口均實際居住本市',
        en: 'every member actually lives in the city',
      },
      residence.allResident,
    );
    ctx.check(
      {
        code: 'all-members-in-taiwan-over-183-days',
        reference: 'D0050078 第4條第6項、第4-1條第2項',
        zh: '戶內人口最近一年居住國內均超過183日',
        en: 'every member lived in Taiwan more than 183 days in the last year',
      },
      residence.allInTaiwan,
    );

    // 「每人每月不超過最低生活費一點五倍」: the city announces the limit in whole NTD (113: 14,419 × 1.5 =
    // 21,628.5 → 21,629), so the limit is rounded half up; the test is exact on the total
    // (total ≤ limit × members), so a household 1 NTD over cannot pass on a rounded per-capita figure.
    const minimumLivingCost = ctx.param('social-assistance.minimum-living-cost');
    const multipleTenths = Math.round(ctx.param('social-assistance.mid-low-income-multiple') * 10);
    const limit = applyRate(minimumLivingCost, multipleTenths, 10);
    const income = householdIncome(ctx);
    // Only shown (a compact run drops it).
    const perCapita = ctx.explaining ? householdIncomePerCapita(ctx) : undefined;
    const withinMultiple = ctx.newUint8Array(h.count);
    for (let k = 0; k < h.count; k++) withinMultiple[k] = +(income[k]! <= limit * h.memberCount[k]!);
    ctx.check(
      {
        code: 'income-per-capita-at-most-1-5-minimum-living-cost',
        reference: 'D0050078 第4-1條第1項第1款',
        zh: '家庭總收入平均分配全家人口，每人每月不超過最低生活費一點五倍',
        en: 'household income per person per month is at most 1.5 times the minimum living cost',
      },
      withinMultiple,
      { value: perCapita, threshold: limit },
    );

    // 「且不得超過前條第三項之所得基準」(所得基準 = the national median disposable income per person). No figure
    // is known; but 第4條第3項 caps the minimum living cost at 70% of it, so the standard is at least
    // cost ÷ 0.7: a household at or under that passes for sure, one above it stays undetermined.
    const standard = ctx.paramOrNaN('social-assistance.mid-low-income.income-standard');
    const withinStandard = ctx.newUint8Array(h.count);
    for (let k = 0; k < h.count; k++) {
      const total = income[k]!;
      const n = h.memberCount[k]!;
      if (!Number.isNaN(standard)) withinStandard[k] = +(total <= standard * n);
      else withinStandard[k] = total * 7 <= minimumLivingCost * n * 10 ? PASSED : UNKNOWN;
    }
    ctx.check(
      {
        code: 'income-per-capita-at-most-income-standard',
        reference: 'D0050078 第4-1條第1項第1款、第4條第3項',
        zh: '家庭總收入平均分配全家人口，每人每月不超過所得基準',
        en: 'household income per person per month is at most the income standard (national median)',
      },
      withinStandard,
      { value: perCapita, threshold: standard },
    );

    // 第4-1條第1項第2款、第3項「家庭財產…包括動產及不動產，其金額應分別定之」: 動產 per counted person,
    // 不動產 per household (as the city announces them; tw-welfare-parameters.md §1.2).
    const movablePerPerson = ctx.paramOrNaN('social-assistance.mid-low-income.movable-property-per-person');
    const movableLimit = ctx.newFloat64Array(h.count);
    for (let k = 0; k < h.count; k++) movableLimit[k] = h.memberCount[k]! * movablePerPerson;
    ctx.compare(
      {
        code: 'movable-property-within-limit',
        reference: 'D0050078 第4-1條第1項第2款、第3項',
        zh: '家庭動產未超過公告限額（每人限額乘以人數）',
        en: 'household movable property within the announced limit (per-person limit × members)',
      },
      householdMovableProperty(ctx),
      '<=',
      movableLimit,
    );
    ctx.compare(
      {
        code: 'immovable-property-within-limit',
        reference: 'D0050078 第4-1條第1項第2款、第3項',
        zh: '家庭不動產未超過公告限額',
        en: 'household immovable property within the announced limit',
      },
      householdImmovableProperty(ctx),
      '<=',
      ctx.paramOrNaN('social-assistance.mid-low-income.immovable-property-per-household'),
    );
    return undefined;
  },
});
