import type { ProgramContext } from '../../engine/context.ts';
import {
  householdSpecialCircumstance,
  situationAllowsChildBenefits,
} from '../../variables/special-circumstance.ts';

/** Roles of the applicant's children and grandchildren (子女或孫子女): `child`, `lineal_relative`. */
export const CHILD_ROLE = 3;
export const LINEAL_RELATIVE_ROLE = 2;

/**
 * 1 for a person whose role is `child` or `lineal_relative` (the applicant's child or grandchild); one
 * read-only array per evaluation: pass it to a check as is, copy it before changing it.
 */
export function childOrGrandchildOfApplicant(ctx: ProgramContext): Uint8Array {
  return ctx.variable('child-or-grandchild-of-applicant', () => {
    const role = ctx.persons.role;
    const n = role.length;
    const out = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const r = role[i];
      out[i] = +(r === CHILD_ROLE || r === LINEAL_RELATIVE_ROLE);
    }
    return out;
  });
}

/** Person programs whose first check is the household's special-circumstance status (see ProgramGate). */
export const SPECIAL_CIRCUMSTANCE_FAMILY_GATE = { id: 'special-circumstance-family', checks: 1 };

/**
 * The checks every special-circumstance benefit for a child records: the household is a special-circumstance
 * family (special-circumstance-status), the person is the applicant's child or grandchild, and — for the
 * child allowance and the childcare allowance (D0050075 第7條第1項、第10條第1項) — the situation is one of
 * 第4條第1項第1–3、5、6款.
 */
export function specialCircumstanceChild(
  ctx: ProgramContext,
  reference: string,
  onlyArticles1To3And5And6: boolean,
): void {
  const p = ctx.persons;
  ctx.requireProgram(
    {
      code: 'special-circumstance-family',
      reference,
      zh: '家庭具特殊境遇家庭資格',
      en: 'the household is a special-circumstance family',
    },
    'special-circumstance-status',
    'household',
  );
  if (onlyArticles1To3And5And6) {
    // One read-only array per evaluation, shared by the programs that record this check.
    const allowed = ctx.variable('special-circumstance-allows-child-benefits-per-person', () => {
      const situation = householdSpecialCircumstance(ctx);
      const allowsOf = ctx.newUint8Array(256);
      for (let s = 0; s < 256; s++) allowsOf[s] = +situationAllowsChildBenefits(s);
      const household = p.household;
      const n = household.length;
      const out = ctx.newUint8Array(n);
      for (let i = 0; i < n; i++) out[i] = allowsOf[situation[household[i]!]!]!;
      return out;
    });
    ctx.check(
      {
        code: 'situation-of-article-4-items-1-3-5-6',
        reference,
        zh: '符合特殊境遇家庭扶助條例第4條第1項第1款至第3款、第5款或第6款',
        en: 'the family’s situation is one of D0050075 art. 4(1) items 1–3, 5 or 6',
      },
      allowed,
    );
  }
  ctx.check(
    {
      code: 'child-or-grandchild-of-applicant',
      reference,
      zh: '為申請人之子女或孫子女',
      en: 'a child or grandchild of the applicant',
    },
    childOrGrandchildOfApplicant(ctx),
  );
}
