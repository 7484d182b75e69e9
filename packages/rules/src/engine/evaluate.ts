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
  /** Per entity, 1 + the index of the first failed check (0: none failed) and of the first open one. */
  firstFailed: Uint8Array;
  firstOpen: Uint8Array;
  /** The checks' per-entity outcomes and values were let go (a city run: see EvaluationOptions). */
  compacted: boolean;
}

export interface EvaluationOptions {
  /**
   * Keep only each entity's first failed and first open check instead of every check's outcomes and
   * shown values: a city's month then fits in memory. Explaining an entity needs the full checks: evaluate
   * its household alone for that.
   */
  compact?: boolean;
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
    private readonly options: EvaluationOptions = {},
  ) {}

  /** Codes of the conditions an entity did not meet (all of them; only the first when compacted). */
  failedCodes(id: string, index: number): string[] {
    const result = this.result(id);
    if (result.undetermined) return ['parameter-unknown'];
    if (result.compacted) {
      const first = result.firstFailed[index]!;
      return first ? [result.checks[first - 1]!.code] : [];
    }
    return result.checks.filter((check) => check.passed[index] === 0).map((check) => check.code);
  }

  /** Codes of the conditions that could not be determined for an entity (only the first when compacted). */
  openCodes(id: string, index: number): string[] {
    const result = this.result(id);
    if (result.undetermined) return ['parameter-unknown'];
    if (result.compacted) {
      const first = result.firstOpen[index]!;
      return first ? [result.checks[first - 1]!.code] : [];
    }
    return result.checks.filter((check) => check.passed[index] === 2).map((check) => check.code);
  }

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
      const { eligible, firstFailed, firstOpen } = foldChecks(ctx.checks, count);
      const compacted = this.options.compact === true;
      if (compacted)
        for (const check of ctx.checks) {
          check.passed = EMPTY;
          check.value = undefined;
          if (typeof check.threshold !== 'number') check.threshold = undefined;
        }
      const amountNtd = output?.amountNtd;
      // 1 = ELIGIBLE, as a literal: this loop runs over a city for every cash program.
      if (amountNtd) for (let i = 0; i < count; i++) if (eligible[i] !== 1) amountNtd[i] = 0;
      return {
        program,
        entity: program.entity,
        eligible,
        amountNtd,
        checks: ctx.checks,
        parametersUsed: ctx.parametersUsed,
        undetermined: undefined,
        firstFailed,
        firstOpen,
        compacted,
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
      firstFailed: new Uint8Array(count),
      firstOpen: new Uint8Array(count),
      compacted: false,
    };
  }
}

const EMPTY = new Uint8Array(0);

/*
 * Three-valued AND of every check, over the whole population: one failed check → not eligible; else one
 * unknown → undetermined; else eligible. A city month folds hundreds of checks over millions of entities,
 * so it is done four entities at a time: each outcome byte (0 failed, 1 passed, 2 unknown) is recoded to
 * 0 / 3 / 1, where the AND of outcomes is the bitwise AND, and recoded back to eligibility at the end.
 * On the way it notes each entity's first failed and first open check (1 + its index; at most 255 checks).
 */
function foldChecks(
  checks: readonly RecordedCheck[],
  count: number,
): { eligible: Uint8Array; firstFailed: Uint8Array; firstOpen: Uint8Array } {
  const eligible = new Uint8Array(count);
  const firstFailed = new Uint8Array(count);
  const firstOpen = new Uint8Array(count);
  const words = count >>> 2;
  const folded = new Uint32Array(eligible.buffer, 0, words).fill(0x03030303);
  const failedWords = new Uint32Array(firstFailed.buffer, 0, words);
  const openWords = new Uint32Array(firstOpen.buffer, 0, words);
  for (let i = words * 4; i < count; i++) eligible[i] = 3;
  const ONES = 0x01010101;
  // Words where all four entities already failed change no more: only the live ones are folded.
  const live = new Int32Array(words);
  for (let w = 0; w < words; w++) live[w] = w;
  let liveCount = words;
  for (let k = 0; k < checks.length; k++) {
    const outcome = checks[k]!.passed;
    const mark = k + 1;
    const aligned = outcome.byteOffset % 4 === 0;
    if (aligned) {
      const x = new Uint32Array(outcome.buffer, outcome.byteOffset, words);
      let kept = 0;
      for (let n = 0; n < liveCount; n++) {
        const w = live[n]!;
        const v = x[w]!;
        const f = folded[w]!;
        // per byte: failed here and not before; open here and nothing failed or open before
        const failedNow = ~(v | (v >>> 1)) & (f | (f >>> 1)) & ONES;
        const openNow = (v >>> 1) & f & (f >>> 1) & ONES;
        if (failedNow) failedWords[w]! |= failedNow * mark;
        if (openNow) openWords[w]! |= openNow * mark;
        const next = f & (((v | (v >>> 1)) & ONES) | ((v & ONES) << 1));
        folded[w] = next;
        if (next !== 0) live[kept++] = w;
      }
      liveCount = kept;
    }
    for (let i = aligned ? words * 4 : 0; i < count; i++) {
      const v = outcome[i]!;
      const f = eligible[i]!;
      if (v === 0 && f !== 0) firstFailed[i] = mark;
      else if (v === 2 && f === 3) firstOpen[i] = mark;
      eligible[i] = f & (((v | (v >>> 1)) & 1) | ((v & 1) << 1));
    }
  }
  // Back to eligibility codes: 3 → 1 eligible, 1 → 2 undetermined, 0 → 0.
  for (let w = 0; w < words; w++) {
    const v = folded[w]!;
    folded[w] = ((v >>> 1) & ONES) | ((v & ~(v >>> 1) & ONES) << 1);
  }
  for (let i = words * 4; i < count; i++) {
    const v = eligible[i]!;
    eligible[i] = ((v >>> 1) & 1) | ((v & ~(v >>> 1) & 1) << 1);
  }
  return { eligible, firstFailed, firstOpen };
}
