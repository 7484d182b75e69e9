import { defineProgram } from '../../engine/program.ts';
import {
  householdImmovableProperty,
  householdIncome,
  householdIncomePerCapita,
  householdMovableProperty,
} from '../../variables/household-income.ts';
import { householdResidence } from '../../variables/household-residence.ts';

/**
 * 低收入戶資格 — low-income household status (catalog: low-income-status; 000 參(二); 001 三(一)).
 *
 * D0050078 第4條第1項：「本法所稱低收入戶，指經申請戶籍所在地直轄市、縣（市）主管機關審核認定，符合家庭總收入
 * 平均分配全家人口，每人每月在最低生活費以下，且家庭財產未超過中央、直轄市主管機關公告之當年度一定金額者。」
 * 第4條第6項：「依第一項規定申請時，其申請戶之戶內人口均應實際居住於戶籍所在地之直轄市、縣（市），且最近一年
 * 居住國內超過一百八十三日…」
 * 000 參(二)1：「設籍本市且實際居住本市市民，其家庭總收入、動產及不動產價值符合規定標準者，每月發給生活補助。」
 */
export const lowIncomeStatus = defineProgram({
  id: 'low-income-status',
  nameZh: '低收入戶資格',
  nameEn: 'Low-income household status',
  kind: 'status',
  entity: 'household',
  period: 'year',
  legalBasis: ['D0050078 第4條', 'D0050078 第5條', 'D0050078 第5-1條', 'D0050078 第5-3條', '000 參(二)'],
  parameters: [
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
    'social-assistance.low-income.movable-property-per-person',
    'social-assistance.low-income.immovable-property-per-household',
  ],
  formula(ctx) {
    const h = ctx.households;
    // Shared with mid-low-income-status, read-only.
    const { applicantRegistered, allResident, allInTaiwan } = householdResidence(ctx);
    ctx.check(
      {
        code: 'applicant-registered-in-city',
        reference: '000 參(二)1',
        zh: '申請人設籍本市',
        en: 'the applicant is registered in the city',
      },
      applicantRegistered,
    );
    ctx.check(
      {
        code: 'all-members-live-in-city',
        reference: 'D0050078 第4條第6項',
        zh: '戶內人口均實際居住本市',
        en: 'every member actually lives in the city',
      },
      allResident,
    );
    ctx.check(
      {
        code: 'all-members-in-taiwan-over-183-days',
        reference: 'D0050078 第4條第6項',
        zh: '戶內人口最近一年居住國內均超過183日',
        en: 'every member lived in Taiwan more than 183 days in the last year',
      },
      allInTaiwan,
    );

    // Exact test: total ≤ cost × members (a rounded per-capita figure could pass a household 1 NTD over).
    const minimumLivingCost = ctx.param('social-assistance.minimum-living-cost');
    const income = householdIncome(ctx);
    const memberCount = h.memberCount;
    const hn = h.count;
    const withinMinimum = ctx.newUint8Array(hn);
    for (let k = 0; k < hn; k++) withinMinimum[k] = +(income[k]! <= minimumLivingCost * memberCount[k]!);
    ctx.check(
      {
        code: 'income-per-capita-at-most-minimum-living-cost',
        reference: 'D0050078 第4條第1項',
        zh: '家庭總收入平均分配全家人口，每人每月在最低生活費以下',
        en: 'household income per person per month is at most the minimum living cost',
      },
      withinMinimum,
      { value: ctx.explaining ? householdIncomePerCapita(ctx) : undefined, threshold: minimumLivingCost },
    );

    const movableLimitPerPerson = ctx.paramOrNaN('social-assistance.low-income.movable-property-per-person');
    const movableLimit = ctx.newFloat64Array(hn);
    for (let k = 0; k < hn; k++) movableLimit[k] = memberCount[k]! * movableLimitPerPerson;
    ctx.compare(
      {
        code: 'movable-property-within-limit',
        reference: 'D0050078 第4條第1項、第4項',
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
        reference: 'D0050078 第4條第1項、第4項',
        zh: '家庭不動產未超過公告限額',
        en: 'household immovable property within the announced limit',
      },
      householdImmovableProperty(ctx),
      '<=',
      ctx.paramOrNaN('social-assistance.low-income.immovable-property-per-household'),
    );
    return undefined;
  },
});
