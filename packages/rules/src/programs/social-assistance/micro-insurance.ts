import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { DISABILITY_LEVELS } from '../../facts/person.ts';
import { personInLowOrMidLowIncome } from '../../variables/low-or-mid-low-income.ts';

const MILD = DISABILITY_LEVELS.indexOf('mild');
const MODERATE = DISABILITY_LEVELS.indexOf('moderate');

/**
 * 微型保險 — micro-insurance (catalog: micro-insurance; 001 三(八)). In kind: the city enrols the person in a
 * micro-insurance policy for the year, paid with private donations; who qualifies.
 *
 * 001 三(八)：「針對低(中低)收入戶、領身心障礙者生活補助(輕、中度)及單親補助等弱勢族群結合民間資源投保微型保險，
 * 避免因意外事故對家庭經濟造成衝擊」
 *
 * Any one of the three groups named qualifies (「等」 leaves room for others the city adds; only the named ones
 * are encoded). 單親補助 recipients are the persons recognised as single parents of a vulnerable single-parent
 * family (the `singleParent` fact). The insurer's own age and acceptance rules (「依保險公司實際審核結果」) are
 * not modelled.
 */
export const microInsurance = defineProgram({
  id: 'micro-insurance',
  nameZh: '微型保險',
  nameEn: 'Micro-insurance',
  kind: 'in-kind',
  entity: 'person',
  period: 'year',
  // Its selective check is its first, and what follows is light: narrowing to a part costs more than it saves.
  narrows: false,
  legalBasis: ['001 三(八)'],
  parameters: [],
  formula(ctx) {
    const p = ctx.persons;
    const lowOrMidLow = personInLowOrMidLowIncome(ctx);
    const disabilityAllowance = ctx.program('disability-living-allowance').eligible;
    const count = p.count;
    const group = ctx.newUint8Array(count);
    const { disabilityLevel, singleParent } = p;
    for (let i = 0; i < count; i++) {
      // 「低(中低)收入戶」
      const a = lowOrMidLow[i]!;
      // 「領身心障礙者生活補助(輕、中度)」
      const level = disabilityLevel[i]!;
      const b = level === MILD || level === MODERATE ? disabilityAllowance[i]! : FAILED;
      // 「單親補助」
      const c = singleParent[i] ? PASSED : FAILED;
      group[i] =
        a === PASSED || b === PASSED || c === PASSED
          ? PASSED
          : a === FAILED && b === FAILED && c === FAILED
            ? FAILED
            : UNKNOWN;
    }
    ctx.check(
      {
        code: 'vulnerable-group',
        reference: '001 三(八)',
        zh: '屬低收入戶或中低收入戶、領有身心障礙者生活補助（輕度、中度）或領有單親補助',
        en: 'in a low or mid-low-income household, receiving the disability living allowance (mild or moderate), or a single-parent allowance',
      },
      group,
    );
    return undefined;
  },
});
