import { firstDayOfMonth, lastDayOfMonth, toDayNumber } from '@safetynet/core/calendar';
import type { ParameterValue } from '../parameters/parameter.ts';
import type { ParameterSet } from '../parameters/parameter-set.ts';
import { compareLive, compareValues } from './compare.ts';
import { CheckFold } from './fold.ts';
import type { HouseholdColumns, PersonColumns, Population } from './population.ts';
import { scratchFloat64, scratchInt32, scratchUint8 } from './scratch.ts';

export type Entity = 'person' | 'household';
export type Comparison = '>=' | '<=' | '>' | '<' | '==';

export interface CheckSpec {
  /** Stable reason code, e.g. `age-65-or-over`. */
  code: string;
  /** Where the condition comes from, e.g. `D0050045 第2條第1項第1款`. */
  reference: string;
  /** The condition as a person reads it when it holds, e.g. 年滿65歲 / aged 65 or over. */
  zh: string;
  en: string;
}

/** Outcome of a check per entity (three-valued, so an unknown parameter leaves only the cases it decides open). */
export const FAILED = 0;
export const PASSED = 1;
export const UNKNOWN = 2;

/** A condition evaluated for every entity of the population. */
export interface RecordedCheck extends CheckSpec {
  entity: Entity;
  /** FAILED, PASSED or UNKNOWN per entity. */
  passed: Uint8Array;
  value: ArrayLike<number> | undefined;
  threshold: number | ArrayLike<number> | undefined;
  /** When the check is another program's result: that program's id. */
  dependsOn: string | undefined;
}

export interface DependencyResult {
  eligible: Uint8Array;
  amountNtd: Int32Array | undefined;
}

export interface ContextOptions {
  /** Let go of each check's per-entity outcomes and shown values once folded (see EvaluationOptions). */
  compact?: boolean;
  /**
   * Stop the formula (throw `NarrowEnough`) after the first check that leaves at most this many entities
   * with no failed check: the rest is cheaper over those entities' households alone.
   */
  narrowAt?: number;
  /** ...but not within the first this many checks (those that made the population). */
  narrowAfter?: number;
  /**
   * The outcomes of the first check, known already (a gate's check over its part, see ProgramGate): a first
   * comparison or required program is not computed again, its outcomes are these.
   */
  knownFirstOutcome?: Uint8Array;
  /**
   * Shared variables computed so far by the evaluation, over the whole population or a part of it. A
   * variable's parameters count as used by the first program to compute it (as when every program ran
   * over the whole population), not by each part computing it again.
   */
  variablesComputed?: Set<string>;
}

/** Thrown by a check when the entities still in play are few enough (see ContextOptions). */
export class NarrowEnough extends Error {
  override name = 'NarrowEnough';
}

/**
 * What a program's formula sees: the population's columns, the parameters in force in the period, shared
 * variables, and `check` to record each named condition.
 */
export class ProgramContext {
  readonly checks: RecordedCheck[] = [];
  readonly parametersUsed = new Map<string, ParameterValue>();
  /** First and last day of the period, as ISO dates and day numbers. */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly periodStartDay: number;
  readonly periodEndDay: number;
  /** The checks folded as they are recorded: eligibility and each entity's first failed and open check. */
  readonly fold: CheckFold;
  /** Inside the computation of a variable some earlier program computed: its parameters are not noted. */
  private recomputing = 0;
  /** Inside the computation of a shared variable: its arrays outlive the program (no scratch memory). */
  private computingVariable = 0;

  constructor(
    readonly entity: Entity,
    readonly population: Population,
    private readonly parameterSet: ParameterSet,
    private readonly variables: Map<string, unknown>,
    private readonly resolveProgram: (id: string) => DependencyResult,
    private readonly options: ContextOptions = {},
  ) {
    this.fold = new CheckFold(this.count);
    const days = periodDays(population.period);
    this.periodStart = days.start;
    this.periodEnd = days.end;
    this.periodStartDay = days.startDay;
    this.periodEndDay = days.endDay;
  }

  get persons(): PersonColumns {
    return this.population.persons;
  }

  get households(): HouseholdColumns {
    return this.population.households;
  }

  /** Number of entities of this program's kind. */
  get count(): number {
    return this.entity === 'person' ? this.population.persons.count : this.population.households.count;
  }

  /**
   * A parameter's value in force on the first day of the period. Throws when it is unknown, which leaves
   * the whole program undetermined (see evaluate): use it for values every case needs.
   */
  param(id: string): number {
    const value = this.parameterSet.valueOn(id, this.periodStart);
    if (this.recomputing === 0) this.parametersUsed.set(id, this.parameterSet.entryOn(id, this.periodStart)!);
    return value;
  }

  /** Like `param`, but NaN when unknown: checks against it are UNKNOWN only for the cases it decides. */
  paramOrNaN(id: string): number {
    const entry = this.parameterSet.entryOn(id, this.periodStart);
    if (entry && this.recomputing === 0) this.parametersUsed.set(id, entry);
    return entry && entry.value !== 'unknown' ? entry.value : Number.NaN;
  }

  /** A shared variable (age, household income…), computed once per evaluation. */
  variable<T>(name: string, compute: () => T): T {
    if (!this.variables.has(name)) {
      const computed = this.options.variablesComputed;
      const again = computed?.has(name) === true;
      if (again) this.recomputing++;
      this.computingVariable++;
      try {
        this.variables.set(name, compute());
      } finally {
        if (again) this.recomputing--;
        this.computingVariable--;
      }
      computed?.add(name);
    }
    return this.variables.get(name) as T;
  }

  /*
   * A formula's working arrays, zeroed. In a compact run they are scratch memory, handed back when the
   * program ends (see scratch.ts): keep none past the formula (the engine copies a returned amount out); a
   * shared variable's arrays are made new. Elsewhere, new typed arrays.
   */
  newUint8Array(count: number): Uint8Array {
    return this.usesScratch() ? scratchUint8(count) : new Uint8Array(count);
  }

  newInt32Array(count: number): Int32Array {
    return this.usesScratch() ? scratchInt32(count) : new Int32Array(count);
  }

  newFloat64Array(count: number): Float64Array {
    return this.usesScratch() ? scratchFloat64(count) : new Float64Array(count);
  }

  /**
   * Whether the checks' shown values and thresholds are kept (a full run, to explain each case). A compact
   * run drops them as each check is folded: a formula may then skip computing what is only shown.
   */
  get explaining(): boolean {
    return this.options.compact !== true;
  }

  /**
   * In a compact run, per entity: 0 where a check recorded so far has failed (nothing computed for it later
   * can change its result, which is not eligible), not 0 where it is still in play; undefined in a full run
   * (every check is evaluated for every entity, to explain it) and before the first check. A formula may
   * skip the entities at 0 in its own per-entity loops, never in a shared variable's.
   */
  inPlay(): Uint8Array | undefined {
    return this.options.compact === true && this.checks.length > 0 ? this.fold.settled().eligible : undefined;
  }

  private usesScratch(): boolean {
    return this.options.compact === true && this.computingVariable === 0;
  }

  /** Another program's result for the same population (e.g. a status a cash program depends on). */
  program(id: string): DependencyResult {
    return this.resolveProgram(id);
  }

  /**
   * Records `value op threshold` for every entity; returns the outcomes. In a compact run after the first
   * check, only the entities of the fold's live words are compared (the rest stay FAILED: a check has
   * failed them already, so their outcome changes nothing); the returned outcomes are then not the whole.
   */
  compare(
    spec: CheckSpec,
    value: ArrayLike<number>,
    op: Comparison,
    threshold: number | ArrayLike<number>,
  ): Uint8Array {
    const known = this.knownFirst();
    if (known) {
      this.record(recorded(spec, this.entity, known, value, threshold, undefined));
      return known;
    }
    const outcome = this.newUint8Array(this.count);
    // After the first check (see `liveWords`).
    const live = this.options.compact === true ? this.fold.liveWords() : undefined;
    const passed = live
      ? compareLive(value, op, threshold, outcome, live)
      : compareValues(value, op, threshold, this.count, outcome);
    this.record(recorded(spec, this.entity, passed, value, threshold, undefined));
    return passed;
  }

  /**
   * Records a condition computed by the formula (when a plain comparison would round wrongly, e.g. an
   * exact per-capita test), with the value and threshold to show in explanations. The outcomes are only
   * read: a 0/1 fact column or a shared variable may be recorded as is, without a copy.
   */
  check(
    spec: CheckSpec,
    passed: Uint8Array,
    shown: { value?: ArrayLike<number>; threshold?: number | ArrayLike<number> } = {},
  ): Uint8Array {
    this.record(recorded(spec, this.entity, passed, shown.value, shown.threshold, undefined));
    return passed;
  }

  /**
   * Records that another program's eligibility is a condition. For a person program depending on a
   * household program, each person takes their household's result.
   */
  requireProgram(spec: CheckSpec, id: string, entityOfDependency: Entity): Uint8Array {
    const known = this.knownFirst();
    if (known) {
      this.record(recorded(spec, this.entity, known, undefined, undefined, id));
      return known;
    }
    // Eligibility (0 no, 1 yes, 2 undetermined) is encoded like a check outcome, so it carries over as is.
    const dependency = this.resolveProgram(id).eligible;
    let passed: Uint8Array;
    // Outcomes are only read (folded, explained): the dependency's own array is recorded as is.
    if (entityOfDependency === this.entity) passed = dependency;
    else if (this.entity === 'person') {
      const household = this.persons.household;
      passed = this.newUint8Array(household.length);
      for (let i = 0; i < household.length; i++) passed[i] = dependency[household[i]!]!;
    } else
      throw new Error('a household program cannot require a person program; aggregate it in the formula');
    this.record(recorded(spec, this.entity, passed, undefined, undefined, id));
    return passed;
  }

  private knownFirst(): Uint8Array | undefined {
    return this.checks.length === 0 ? this.options.knownFirstOutcome : undefined;
  }

  private record(check: RecordedCheck): void {
    this.checks.push(check);
    this.fold.add(check.passed);
    if (this.options.compact) {
      check.passed = EMPTY;
      check.value = undefined;
      if (typeof check.threshold !== 'number') check.threshold = undefined;
    }
    const narrowAt = this.options.narrowAt;
    if (
      narrowAt !== undefined &&
      this.fold.atMostInPlay(narrowAt) &&
      this.checks.length > (this.options.narrowAfter ?? 0)
    )
      throw new NarrowEnough();
  }
}

const EMPTY = new Uint8Array(0);

interface PeriodDays {
  start: string;
  end: string;
  startDay: number;
  endDay: number;
}

/** A month's first and last day, worked out once per month (every program of a case asks). */
const periodDaysOf = new Map<string, PeriodDays>();
function periodDays(period: string): PeriodDays {
  let days = periodDaysOf.get(period);
  if (days === undefined) {
    const start = firstDayOfMonth(period);
    const end = lastDayOfMonth(period);
    days = { start, end, startDay: toDayNumber(start), endDay: toDayNumber(end) };
    if (periodDaysOf.size > 2_000) periodDaysOf.clear();
    periodDaysOf.set(period, days);
  }
  return days;
}

/**
 * A recorded check, always built in the same shape (a spread of each program's own literal would give
 * hundreds of shapes, and every read of a check a slow lookup).
 */
function recorded(
  spec: CheckSpec,
  entity: Entity,
  passed: Uint8Array,
  value: ArrayLike<number> | undefined,
  threshold: number | ArrayLike<number> | undefined,
  dependsOn: string | undefined,
): RecordedCheck {
  return {
    code: spec.code,
    reference: spec.reference,
    zh: spec.zh,
    en: spec.en,
    entity,
    passed,
    value,
    threshold,
    dependsOn,
  };
}
