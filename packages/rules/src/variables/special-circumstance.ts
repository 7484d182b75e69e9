import type { ProgramContext } from '../engine/context.ts';
import { SPECIAL_CIRCUMSTANCES } from '../facts/person.ts';

/** Index of each situation of D0050075 第4條第1項 in the `specialCircumstance` column (款 n = index n). */
export const SC_NONE = 0;
export const SC_SPOUSE_DIED_OR_MISSING = SPECIAL_CIRCUMSTANCES.indexOf('spouse-died-or-missing');
export const SC_UNMARRIED_PREGNANCY = SPECIAL_CIRCUMSTANCES.indexOf('unmarried-pregnancy');
export const SC_SOLE_CARER = SPECIAL_CIRCUMSTANCES.indexOf('sole-carer-of-children');
export const SC_SUDDEN_HARDSHIP = SPECIAL_CIRCUMSTANCES.indexOf('sudden-hardship');

/**
 * The special-circumstance situation of each household: its applicant's (role `applicant`); `none` where the
 * household has no applicant. Every special-circumstance program reads it.
 */
export function householdSpecialCircumstance(ctx: ProgramContext): Uint8Array {
  return ctx.variable('household-special-circumstance', () => {
    const p = ctx.persons;
    const situation = ctx.newUint8Array(ctx.households.count);
    for (let i = 0; i < p.count; i++)
      if (p.role[i] === 0) situation[p.household[i]!] = p.specialCircumstance[i]!;
    return situation;
  });
}

/** 1 for a household whose applicant is in one of the situations (not `none`); one read-only array. */
export function householdInSpecialCircumstance(ctx: ProgramContext): Uint8Array {
  return ctx.variable('household-in-special-circumstance', () => {
    const situation = householdSpecialCircumstance(ctx);
    const n = situation.length;
    const inOne = ctx.newUint8Array(n);
    for (let k = 0; k < n; k++) inOne[k] = +(situation[k] !== SC_NONE);
    return inOne;
  });
}

/**
 * D0050075 第7條第1項、第10條第1項、第12-1條: the child allowance and the childcare allowance are for
 * 「第四條第一項第一款至第三款、第五款或第六款」 only (not 第4款 unmarried pregnancy, not 第7款 sudden hardship).
 */
export function situationAllowsChildBenefits(situation: number): boolean {
  return situation !== SC_NONE && situation !== SC_UNMARRIED_PREGNANCY && situation !== SC_SUDDEN_HARDSHIP;
}
