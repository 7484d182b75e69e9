import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { LOW_INCOME_GATE } from './common.ts';

const AMOUNT = 'social-assistance.low-income-living-allowance.amount-class-1-per-person';

/**
 * 低收入戶家庭生活補助 — low-income family living allowance (catalog: low-income-living-allowance;
 * 000 參(二)1; 001 三(一)1). Amount: the month's allowance for the household.
 *
 * 000 參(二)1：「設籍本市且實際居住本市市民，其家庭總收入、動產及不動產價值符合規定標準者，每月發給生活補助。」
 * D0050078 第10條第1項：「低收入戶得向戶籍所在地直轄市、縣（市）主管機關申請生活扶助。」
 * 第11條第2項：「前項現金給付，中央、直轄市主管機關並得依收入差別訂定等級」 — Kaohsiung pays by class (款別),
 * the `lowIncomeClass` fact; the city's page lists 「一款生活補助…每人每月」.
 *
 * What the references do not give, left open rather than guessed: the amounts (every value `unknown`), and
 * whether households of the other classes receive a family living allowance (001 counts 「戶(人)次」, per
 * household or per person). 第12條's increase of up to 40% for members aged 65+, pregnant or disabled is
 * discretionary (「得」) with a central standard not in the references: not included.
 */
export const lowIncomeLivingAllowance = defineProgram({
  id: 'low-income-living-allowance',
  nameZh: '低收入戶家庭生活補助',
  nameEn: 'Low-income family living allowance',
  kind: 'cash',
  entity: 'household',
  period: 'month',
  gate: LOW_INCOME_GATE,
  legalBasis: ['D0050078 第10條', 'D0050078 第11條', 'D0050078 第12條', '000 參(二)1', '001 三(一)1'],
  parameters: [AMOUNT],
  formula(ctx) {
    const h = ctx.households;
    ctx.requireProgram(
      {
        code: 'low-income-household',
        reference: 'D0050078 第10條第1項',
        zh: '列冊低收入戶',
        en: 'a registered low-income household',
      },
      'low-income-status',
      'household',
    );
    // 「一款生活補助…每人每月」: class 1 receives it; another class or no class given leaves it open.
    const classOne = ctx.newUint8Array(h.count);
    for (let k = 0; k < h.count; k++) classOne[k] = h.lowIncomeClass[k] === 1 ? PASSED : UNKNOWN;
    ctx.check(
      {
        code: 'first-class-household',
        reference: 'D0050078 第11條第2項',
        zh: '低收入戶第一款',
        en: 'a class 1 low-income household',
      },
      classOne,
      { value: h.lowIncomeClass },
    );
    const perPerson = ctx.paramOrNaN(AMOUNT);
    const amountNtd = ctx.newInt32Array(h.count);
    const known = ctx.newUint8Array(h.count).fill(Number.isNaN(perPerson) ? UNKNOWN : PASSED);
    if (!Number.isNaN(perPerson))
      for (let k = 0; k < h.count; k++) amountNtd[k] = perPerson * h.memberCount[k]!;
    ctx.check(
      {
        code: 'monthly-amount-known',
        reference: 'D0050078 第11條第3項',
        zh: '本期每人每月補助金額已公告',
        en: 'the monthly amount per person in force is known',
      },
      known,
      { threshold: perPerson },
    );
    return { amountNtd };
  },
});
