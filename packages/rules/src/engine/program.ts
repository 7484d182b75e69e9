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
   * Records the program's checks with `ctx.check` (eligibility is all of them passing) and returns the
   * amount for cash programs (zeroed by the engine where a check failed).
   */
  formula(ctx: ProgramContext): { amountNtd?: Int32Array } | undefined;
}

export function defineProgram(definition: ProgramDefinition): ProgramDefinition {
  return definition;
}
