import { defineProgram } from '../../engine/program.ts';
import { ableToWork } from '../../variables/household-income.ts';
import { personInLowOrMidLowIncome } from '../../variables/low-or-mid-low-income.ts';
import { LOW_OR_MID_LOW_INCOME_GATE } from './common.ts';

/**
 * 以工代賑 — work relief (catalog: work-relief; 000 參(七); 001 三(二)3(3)). A service: who may be placed in a
 * work-relief job in the month.
 *
 * 000 參(七)：「扶助本市列冊低收入戶或中低收入戶市民，具有工作能力者參加以工代賑。」
 * 001 三(二)3(3)：「辦理「以工代賑方案」，提供工作機會協助低收入戶及中低收入戶家庭自立」
 * D0050078 第15條第1項：「直轄市、縣（市）主管機關應依需求提供或轉介低收入戶及中低收入戶中有工作能力者相關就業
 * 服務、職業訓練或以工代賑。」
 * 具有工作能力 is D0050078 第5-3條 (16 to 64, none of the listed reasons).
 */
export const workRelief = defineProgram({
  id: 'work-relief',
  nameZh: '以工代賑',
  nameEn: 'Work relief',
  kind: 'service',
  entity: 'person',
  period: 'month',
  gate: LOW_OR_MID_LOW_INCOME_GATE,
  legalBasis: ['D0050078 第15條', 'D0050078 第5-3條', '000 參(七)', '001 三(二)3(3)'],
  parameters: [],
  formula(ctx) {
    const p = ctx.persons;
    // 「本市列冊低收入戶或中低收入戶」
    ctx.check(
      {
        code: 'low-or-mid-low-income-household',
        reference: '000 參(七)',
        zh: '屬本市列冊低收入戶或中低收入戶',
        en: 'in a registered low-income or mid-low-income household',
      },
      personInLowOrMidLowIncome(ctx),
    );
    // 「市民」
    ctx.check(
      {
        code: 'registered-in-city',
        reference: '000 參(七)',
        zh: '設籍本市',
        en: 'registered in the city',
      },
      p.registeredInCity,
    );
    // 「具有工作能力者」
    ctx.check(
      {
        code: 'able-to-work',
        reference: 'D0050078 第5-3條第1項',
        zh: '有工作能力（16歲以上未滿65歲，且無不能工作之事由）',
        en: 'able to work (16 to 64, with no reason unable to work)',
      },
      ableToWork(ctx),
    );
    return undefined;
  },
});
