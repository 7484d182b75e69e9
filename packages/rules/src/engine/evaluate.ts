import {
  ParameterNotInForceError,
  ParameterUnknownError,
  type ParameterValue,
} from '../parameters/parameter.ts';
import type { ParameterSet } from '../parameters/parameter-set.ts';
import {
  type DependencyResult,
  type Entity,
  NarrowEnough,
  ProgramContext,
  type RecordedCheck,
} from './context.ts';
import { type GateState, gateOutcome } from './gate.ts';
import { narrowed, type PartResults } from './narrowed-result.ts';
import type { Population } from './population.ts';
import type { ProgramDefinition } from './program.ts';
import { scratch } from './scratch.ts';
import {
  gatherDependency,
  householdsInPlay,
  type SubPopulation,
  SubPopulationVariables,
  subPopulation,
} from './sub-population.ts';

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
  /** When narrowed to some households: their entities' results (every other entity is not eligible). */
  part: PartResults | undefined;
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
  private readonly variablesComputed = new Set<string>();
  /** Each gate's leading checks over the whole population and the part they leave (see `gated`). */
  private readonly gates = new Map<string, GateState | undefined>();
  /** Dependencies gathered for each sub-population (see `dependencyIn`). */
  private readonly gatheredDependencies = new WeakMap<SubPopulation, Map<string, EntityResult>>();

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
    if (program.gate && this.options.compact) {
      const result = this.gated(program);
      if (result) return result;
    }
    return this.over(program, this.population, this.variables, (id) => this.result(id), 0, undefined);
  }

  /**
   * A compact run of a program with a gate: the gate's checks over the whole population once (the first
   * program declaring it runs its formula up to them), then each program of the gate over the households
   * they leave in play alone. Undefined when the gate cannot be used (a parameter unknown in its checks):
   * the program then runs as one without.
   */
  private gated(program: ProgramDefinition): ProgramResult | undefined {
    const { id, checks } = program.gate!;
    const key = `${program.entity} ${id}`;
    let parametersBefore: Map<string, ParameterValue> | undefined;
    if (!this.gates.has(key)) {
      const probe = this.probeGate(program, checks);
      this.gates.set(key, probe.gate);
      if (probe.ended) return probe.ended;
      // The probe is the start of this program's run: the parameters it noted are this program's.
      parametersBefore = probe.gate?.parametersUsed;
    }
    const gate = this.gates.get(key);
    if (!gate) return undefined;
    const { sub, variables, settled, leading } = gate;
    const resolve = (dependencyId: string): EntityResult =>
      this.dependencyIn(sub, dependencyId, (id) => this.result(id));
    // A parameter unknown over the part leaves the program undetermined over the whole, as in `over`.
    const some = this.over(
      program,
      sub.population,
      variables,
      resolve,
      checks,
      parametersBefore,
      checks === 1 ? gateOutcome(gate, program.entity) : undefined,
    );
    if (some.undetermined) {
      const count = countOf(this.population, program.entity);
      return this.undeterminedResult(program, count, some.checks, some.parametersUsed, some.undetermined);
    }
    const index = program.entity === 'person' ? sub.personIndex : sub.householdIndex;
    // The gate's fold is shared by its programs: kept whole.
    const kept = {
      count: settled.eligible.length,
      firstFailedCopy: () => settled.firstFailed.slice(),
      firstOpen: settled.firstOpen,
    };
    return narrowed(some, leading, kept, index);
  }

  /**
   * The first `checks` checks of the program over the whole population, and the part they leave; or the
   * program's result, as `over` would give it, when its formula ends before (a parameter unknown).
   */
  private probeGate(
    program: ProgramDefinition,
    checks: number,
  ): { gate: GateState | undefined; ended?: ProgramResult } {
    const count = countOf(this.population, program.entity);
    const scratchMark = scratch.mark();
    // Narrowing at every entity after `checks − 1` checks: stops right after the gate's last check.
    const ctx = new ProgramContext(
      program.entity,
      this.population,
      this.parameters,
      this.variables,
      (id) => this.result(id),
      {
        compact: true,
        variablesComputed: this.variablesComputed,
        narrowAt: count,
        narrowAfter: checks - 1,
      },
    );
    try {
      return { gate: undefined, ended: this.finished(program, ctx, program.formula(ctx)) };
    } catch (error) {
      if (error instanceof ParameterUnknownError || error instanceof ParameterNotInForceError) {
        const { checks: recorded, parametersUsed } = ctx;
        const why = unknownParameter(error.parameterId);
        return {
          gate: undefined,
          ended: this.undeterminedResult(program, count, recorded, parametersUsed, why),
        };
      }
      if (!(error instanceof NarrowEnough)) throw error;
    } finally {
      ctx.fold.release();
      // The formula's working arrays are dropped with it (a result's amount was copied out).
      scratch.release(scratchMark);
    }
    const { sub, variables } = newSubPopulation(this.population, this.variables, householdsInPlay(ctx));
    const { checks: leading, parametersUsed } = ctx;
    return { gate: { sub, variables, settled: ctx.fold.settled(), leading, parametersUsed } };
  }

  /**
   * The program over `population`. A compact run stops the formula once its checks leave few entities in
   * play (after more than `checksBefore` checks: those made this population) and evaluates it again over
   * those entities' households alone, which may narrow again.
   */
  private over(
    program: ProgramDefinition,
    population: Population,
    variables: Map<string, unknown>,
    resolve: (id: string) => EntityResult,
    checksBefore: number,
    parametersBefore: Map<string, ParameterValue> | undefined,
    knownFirstOutcome?: Uint8Array,
  ): ProgramResult {
    const compact = this.options.compact === true;
    const count = countOf(population, program.entity);
    const scratchMark = scratch.mark();
    const ctx = new ProgramContext(program.entity, population, this.parameters, variables, resolve, {
      compact,
      variablesComputed: this.variablesComputed,
      narrowAt: compact && program.narrows !== false ? Math.floor(count / NARROW_RATIO) : undefined,
      narrowAfter: checksBefore,
      knownFirstOutcome,
    });
    // The parameters noted before (some in variables computed then), as one run would have noted them.
    if (parametersBefore) for (const [id, value] of parametersBefore) ctx.parametersUsed.set(id, value);
    let some: ProgramResult;
    try {
      try {
        return this.finished(program, ctx, program.formula(ctx));
      } catch (error) {
        if (!(error instanceof NarrowEnough)) throw error;
      }
      // The formula stopped: its working arrays go back before the part is evaluated.
      scratch.release(scratchMark);
      const households = householdsInPlay(ctx);
      const checks = ctx.checks.length;
      // No household left out: the same population again, narrowing only after more checks.
      if (households.length === population.households.count)
        return this.over(program, population, variables, resolve, checks, ctx.parametersUsed);
      const { sub, variables: subVariables } = newSubPopulation(population, variables, households);
      const gathered = (id: string): EntityResult => this.dependencyIn(sub, id, resolve);
      some = this.over(program, sub.population, subVariables, gathered, checks, ctx.parametersUsed);
      if (!some.undetermined) {
        const index = program.entity === 'person' ? sub.personIndex : sub.householdIndex;
        return narrowed(some, ctx.checks, ctx.fold.keptForNarrowed(), index);
      }
    } catch (error) {
      if (error instanceof ParameterUnknownError || error instanceof ParameterNotInForceError) {
        return this.undeterminedResult(
          program,
          count,
          ctx.checks,
          ctx.parametersUsed,
          unknownParameter(error.parameterId),
        );
      }
      throw error;
    } finally {
      ctx.fold.release();
      scratch.release(scratchMark);
    }
    // Undetermined over the part, so over the whole.
    return this.undeterminedResult(program, count, some.checks, some.parametersUsed, some.undetermined);
  }

  /**
   * Another program's result over a sub-population, gathered once per part: programs gated alike read the
   * same statuses (read only, as every result a formula is given).
   */
  private dependencyIn(
    sub: SubPopulation,
    id: string,
    resolve: (id: string) => DependencyResult & { entity: Entity },
  ): EntityResult {
    let gathered = this.gatheredDependencies.get(sub);
    if (gathered === undefined) {
      gathered = new Map();
      this.gatheredDependencies.set(sub, gathered);
    }
    let result = gathered.get(id);
    if (result === undefined) {
      const dependency = resolve(id);
      result = { ...gatherDependency(sub, dependency.entity, dependency), entity: dependency.entity };
      gathered.set(id, result);
    }
    return result;
  }

  /** The result of a formula that ran to its end: its checks folded, amounts kept where eligible. */
  private finished(
    program: ProgramDefinition,
    ctx: ProgramContext,
    output: { amountNtd?: Int32Array } | undefined,
  ): ProgramResult {
    const { eligible, firstFailed, firstOpen } = ctx.fold.finish();
    // An amount in scratch memory is copied out: the memory goes to the next program.
    const returned = output?.amountNtd;
    const amountNtd = returned && scratch.owns(returned) ? returned.slice() : returned;
    if (amountNtd) zeroWhereNotEligible(amountNtd, eligible);
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
      compacted: this.options.compact === true,
      part: undefined,
    };
  }

  private undeterminedResult(
    program: ProgramDefinition,
    count: number,
    checks: RecordedCheck[],
    parametersUsed: Map<string, ParameterValue>,
    undetermined: NonNullable<ProgramResult['undetermined']>,
  ): ProgramResult {
    return {
      program,
      entity: program.entity,
      eligible: new Uint8Array(count).fill(UNDETERMINED),
      amountNtd: undefined,
      checks,
      parametersUsed,
      undetermined,
      firstFailed: new Uint8Array(count),
      firstOpen: new Uint8Array(count),
      compacted: this.options.compact === true,
      part: undefined,
    };
  }
}

/**
 * A compact run stops a program's formula once its checks leave at most one entity in this many in play
 * (the rest is then evaluated over those entities' households alone). Measured at scale 1: 4 and 16 cost
 * about as much as 8; 2 more (the parts are then nearly the whole).
 */
const NARROW_RATIO = 8;

/** A program's result as a dependency sees it: per entity of its kind. */
type EntityResult = DependencyResult & { entity: Entity };

function unknownParameter(parameterId: string): NonNullable<ProgramResult['undetermined']> {
  return {
    parameterId,
    zh: `參數 ${parameterId} 於本期間之數值未知，無法判定`,
    en: `cannot be determined: the value of ${parameterId} in force in this period is unknown`,
  };
}

function newSubPopulation(
  population: Population,
  variables: Map<string, unknown>,
  households: Int32Array,
): { sub: SubPopulation; variables: Map<string, unknown> } {
  const sub = subPopulation(population, households);
  return { sub, variables: new SubPopulationVariables(variables, population, sub) };
}

function countOf(population: Population, entity: Entity): number {
  return entity === 'person' ? population.persons.count : population.households.count;
}

const NO_WORDS = new Uint32Array(0);

/** Amounts kept only where eligible (1, as a literal: this runs over a city for every cash program). */
function zeroWhereNotEligible(amountNtd: Int32Array, eligible: Uint8Array): void {
  // A case of a few households: entity by entity (a word view costs more than it saves).
  const words = eligible.length >= 64 ? eligible.length >>> 2 : 0;
  const states = words > 0 ? new Uint32Array(eligible.buffer, eligible.byteOffset, words) : NO_WORDS;
  // Runs of words where no entity is eligible are cleared at once.
  let runStart = -1;
  for (let w = 0; w < words; w++) {
    const v = states[w]!;
    if (v === 0) {
      if (runStart < 0) runStart = w;
      continue;
    }
    if (runStart >= 0) amountNtd.fill(0, runStart * 4, w * 4);
    runStart = -1;
    if (v !== 0x01010101) for (let i = w * 4; i < w * 4 + 4; i++) if (eligible[i] !== 1) amountNtd[i] = 0;
  }
  if (runStart >= 0) amountNtd.fill(0, runStart * 4, words * 4);
  for (let i = words * 4; i < eligible.length; i++) if (eligible[i] !== 1) amountNtd[i] = 0;
}
