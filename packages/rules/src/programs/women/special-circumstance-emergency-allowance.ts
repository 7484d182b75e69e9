import { defineProgram } from '../../engine/program.ts';
import { emergencyLivingAid } from './special-circumstance-common.ts';

/**
 * 特殊境遇家庭緊急生活扶助 — special-circumstance emergency aid (catalog: special-circumstance-emergency-allowance;
 * 000 肆四(三)1; 001 四(四)2).
 *
 * D0050075 第6條第1項：「符合第四條第一項規定申請緊急生活扶助者，按當年度低收入戶每人每月最低生活費用標準一倍
 * 核發，每人每次以補助三個月為原則，同一個案同一事由以補助一次為限。」
 * 第6條第2項：「申請緊急生活扶助，應於事實發生後六個月內…向戶籍所在地直轄市、縣（市）主管機關提出申請…」
 *
 * An event program: the amount for the applications (`special-circumstance-emergency` events) dated in the
 * period's month, each paying 1 × the minimum living cost × the counted members × the months granted (three
 * as a rule, fewer when the office grants fewer). "每人" is read as every counted member of the household
 * (全家人口, 第4-1條第3項), as district offices pay it. "同一事由以補助一次為限": each event is one grant for one
 * cause; a second application for the same cause is the office's to refuse, not visible in the facts.
 * Not encoded: 第5條第1項's difference rule when another law already pays living assistance.
 */
export const specialCircumstanceEmergencyAllowance = defineProgram({
  id: 'special-circumstance-emergency-allowance',
  nameZh: '特殊境遇家庭緊急生活扶助',
  nameEn: 'Special-circumstance family emergency aid',
  kind: 'cash',
  entity: 'household',
  period: 'event',
  legalBasis: ['D0050075 第6條', 'D0050075 第4條第1項', '000 肆四(三)1', '001 四(四)2'],
  parameters: [
    'social-assistance.minimum-living-cost',
    'women.special-circumstance.emergency-aid-multiple-of-minimum-living-cost',
    'women.special-circumstance.emergency-aid-months',
    'women.special-circumstance.emergency-aid-application-months',
  ],
  formula(ctx) {
    ctx.requireProgram(
      {
        code: 'special-circumstance-family',
        reference: 'D0050075 第6條第1項、第4條第1項',
        zh: '具特殊境遇家庭資格',
        en: 'the household is a special-circumstance family',
      },
      'special-circumstance-status',
      'household',
    );

    // D0050075 第6條: the emergency living aid for the applications dated in the month.
    return { amountNtd: emergencyLivingAid(ctx) };
  },
});
