import {
  ParameterNotInForceError,
  ParameterUnknownError,
  type ParameterValue,
} from '../parameters/parameter.ts';
import type { ParameterSet } from '../parameters/parameter-set.ts';
import { type DependencyResult, type Entity, ProgramContext, type RecordedCheck } from './context.ts';
import type { Population } from './population.ts';
import type { ProgramDefinition } from './program.ts';

/** Eligibility per entity: 1 eligible, 0 not, 2 cannot be determined (a parameter in force is unknown). */
export const NOT_ELIGIBLE = 0;
export const ELIGIBLE = 1;
export const UNDETERMINED = 2;

export interface ProgramResult {
  program: ProgramDefinition;
  entity: Entity;
  eligible: Uint8Array;
  amountNtd: Int32Array | undefined;
  checks: RecordedCheck[];
  parametersUsed: Map<string, ParameterValue>;
  /** Why nothing could be determined, when a parameter was unknown or not in force. */
  undetermined: { parameterId: string; zh: string; en: string } | undefined;
}

/**
 * One evaluation of programs over one population and period. Programs are evaluated on demand, each once,
 * so a program that depends on another (a cash benefit on a status) reuses its result.
 */
export class Evaluation {
  private readonly results = new Map<string, ProgramResult>();
  private readonly variables = new Map<string, unknown>();
  private readonly inProgress = new Set<string>();

  constructor(
    readonly population: Population,
    readonly parameters: ParameterSet,
    private readonly programs: ReadonlyMap<string, ProgramDefinition>,
  ) {}

  result(id: string): ProgramResult {
    const done = this.results.get(id);
    if (done) return done;
    const program = this.programs.get(id);
    if (!program) throw new Error(`no such program: ${id}`);
    if (this.inProgress.has(id)) throw new Error(`programs depend on each other in a cycle: ${id}`);
    this.inProgress.add(id);
    try {
      const result = this.run(program);
      this.results.set(id, result);
      return result;
    } finally {
      this.inProgress.delete(id);
    }
  }

  private run(program: ProgramDefinition): ProgramResult {
    const ctx = new ProgramContext(
      program.entity,
      this.population,
      this.parameters,
      this.variables,
      (id): DependencyResult => this.result(id),
    );
    const count = ctx.count;
    try {
      const output = program.formula(ctx);
      // Three-valued AND: one failed check → not eligible; else one unknown → undetermined; else eligible.
      const eligible = new Uint8Array(count).fill(ELIGIBLE);
      // FAILED (0) wins; UNKNOWN (2) only lowers ELIGIBLE (1). Outcomes and eligibility share their codes
      // (0, 1, 2), so this is a minimum where 1 and 2 swap: plain numbers, no imported bindings in the loop.
      for (const check of ctx.checks) {
        const outcome = check.passed;
        for (let i = 0; i < count; i++) {
          const o = outcome[i]!;
          if (o === 0) eligible[i] = 0;
          else if (o === 2 && eligible[i] === 1) eligible[i] = 2;
        }
      }
      const amountNtd = output?.amountNtd;
      if (amountNtd) for (let i = 0; i < count; i++) if (eligible[i] !== ELIGIBLE) amountNtd[i] = 0;
      return {
        program,
        entity: program.entity,
        eligible,
        amountNtd,
        checks: ctx.checks,
        parametersUsed: ctx.parametersUsed,
        undetermined: undefined,
      };
    } catch (error) {
      if (error instanceof ParameterUnknownError || error instanceof ParameterNotInForceError) {
        return this.undeterminedResult(program, count, ctx, {
          parameterId: error.parameterId,
          zh: `參數 ${error.parameterId} 於本期間之數值未知，無法判定`,
          en: `cannot be determined: the value of ${error.parameterId} in force in this period is unknown`,
        });
      }
      throw error;
    }
  }

  private undeterminedResult(
    program: ProgramDefinition,
    count: number,
    ctx: ProgramContext,
    undetermined: NonNullable<ProgramResult['undetermined']>,
  ): ProgramResult {
    return {
      program,
      entity: program.entity,
      eligible: new Uint8Array(count).fill(UNDETERMINED),
      amountNtd: undefined,
      checks: ctx.checks,
      parametersUsed: ctx.parametersUsed,
      undetermined,
    };
  }
}
