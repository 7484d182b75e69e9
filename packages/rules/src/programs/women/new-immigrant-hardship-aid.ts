import { defineProgram } from '../../engine/program.ts';
import { newImmigrantInHardship } from './new-immigrant-common.ts';
import { emergencyLivingAid } from './special-circumstance-common.ts';

/**
 * 設籍前新住民特殊境遇家庭扶助 — hardship aid for new immigrants not yet registered (catalog:
 * new-immigrant-hardship-aid; 000 肆四(四)4; 001 四(四)4(5)).
 *
 * 000 肆四(四)4：「辦理「設籍前新住民遭逢特殊境遇之家庭扶助計畫」，以協助未設籍新住民遭逢特殊境遇時提供緊急生活
 * 扶助、子女生活津貼、兒童托育津貼及傷病醫療等補助。」
 * 001 四(四)4(5)：「…補助子女生活津貼130人次、34萬3,200元；緊急生活扶助4人次、5萬7,676元…」 — 2,640 a child-month
 * (1/10 of the 2023 minimum wage) and 14,419 a person-month (1 × the minimum living cost): the plan pays on the
 * standards of D0050075 第6條、第7條.
 *
 * This program is the emergency living aid, the household's event: a `special-circumstance-emergency`
 * application dated in the month pays 1 × the minimum living cost × the counted members × the months granted
 * (three as a rule), applied within six months of the situation (D0050075 第6條, whose parameters it reads).
 * The plan's child allowance, childcare and medical items are not encoded here.
 */
export const newImmigrantHardshipAid = defineProgram({
  id: 'new-immigrant-hardship-aid',
  nameZh: '設籍前新住民特殊境遇家庭扶助',
  nameEn: 'Hardship aid for new immigrants not yet registered',
  kind: 'cash',
  entity: 'household',
  period: 'event',
  legalBasis: ['000 肆四(四)4', '001 四(四)4(5)', 'D0050075 第6條'],
  parameters: [
    'women.new-immigrant-hardship.income-multiple-of-minimum-living-cost',
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
    'women.special-circumstance.emergency-aid-multiple-of-minimum-living-cost',
    'women.special-circumstance.emergency-aid-months',
    'women.special-circumstance.emergency-aid-application-months',
  ],
  formula(ctx) {
    newImmigrantInHardship(ctx);
    // D0050075 第6條: the emergency living aid for the applications dated in the month.
    return { amountNtd: emergencyLivingAid(ctx) };
  },
});
