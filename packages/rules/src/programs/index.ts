import type { ProgramDefinition } from '../engine/program.ts';
import { lowIncomeStatus } from './social-assistance/low-income-status.ts';

/** Every encoded program, by catalog id. */
export const PROGRAMS: ReadonlyMap<string, ProgramDefinition> = new Map(
  [lowIncomeStatus].map((program) => [program.id, program]),
);
