import type { Entity, ProgramContext } from './context.ts';

/**
 * A program of the catalog (shared program-catalog.md) as code: one definition, evaluated over a whole
 * population as columns and explained for a single case from the same checks.
 */
export type ProgramKind = 'status' | 'cash' | 'in-kind' | 'service';
export type ProgramPeriod = 'month' | 'year' | 'event' | 'status';

export interface ProgramDefinition {
  /** The catalog id, e.g. `senior-living-allowance`. */
  id: string;
  nameZh: string;
  nameEn: string;
  kind: ProgramKind;
  entity: Entity;
  period: ProgramPeriod;
  /** Law articles and seed clauses, e.g. `D0050045 第2條`, `000 肆一(十)`. */
  legalBasis: string[];
  /** Parameter ids the formula reads. */
  parameters: string[];
  /**
   * The formula's first `checks` checks, named: every program declaring the same gate (for the same kind of
   * entity) has the same outcomes for them. A city run computes each gate once and evaluates its programs
   * only over the households it leaves in play (see evaluate.ts); a single case runs every check as written.
   */
  gate?: ProgramGate;
  /**
   * false: a compact run evaluates the program over the population it is given instead of stopping where
   * its checks leave few entities in play and evaluating it again over their households. For a program whose
   * selective check is its last and costly (computed again over the part, it would cost twice); its formula
   * should then skip the entities no check has left in play (`ctx.inPlay()`).
   */
  narrows?: false;
  /**
   * Records the program's checks with `ctx.check` (eligibility is all of them passing) and returns the
   * amount for cash programs (zeroed by the engine where a check failed).
   */
  formula(ctx: ProgramContext): { amountNtd?: Int32Array } | undefined;
}

export interface ProgramGate {
  /** e.g. `disability-certificate`: shared by the programs whose leading checks are the same. */
  id: string;
  checks: number;
}

export function defineProgram(definition: ProgramDefinition): ProgramDefinition {
  return definition;
}
