import { EVENT_TYPES } from '../facts/events.ts';
import type { DependencyResult, Entity, ProgramContext } from './context.ts';
import type { PartResults } from './narrowed-result.ts';
import type { EventTables, Population } from './population.ts';

/**
 * Some households of a population, as a population of their own (what a program is evaluated over once its
 * first conditions leave only a few in play). Households are evaluated independently of each other (the
 * one-by-one property test), so an entity's result over a sub-population is its result over the whole.
 */
export interface SubPopulation {
  population: Population;
  /** Index in the whole population of each person and household of the sub-population. */
  personIndex: Int32Array;
  householdIndex: Int32Array;
}

type Column = Int32Array | Uint8Array | Float64Array;

/** The households at the ascending indices `households`, with their members and their events. */
export function subPopulation(whole: Population, households: Int32Array): SubPopulation {
  const { memberStart, memberCount } = whole.households;
  let personCount = 0;
  for (let k = 0; k < households.length; k++) personCount += memberCount[households[k]!]!;
  const personIndex = new Int32Array(personCount);
  const household = new Int32Array(personCount);
  const start = new Int32Array(households.length);
  const members = new Int32Array(households.length);
  let next = 0;
  for (let k = 0; k < households.length; k++) {
    const h = households[k]!;
    start[k] = next;
    members[k] = memberCount[h]!;
    for (let m = memberStart[h]!, end = m + memberCount[h]!; m < end; m++) {
      household[next] = k;
      personIndex[next++] = m;
    }
  }
  // Ids are not read by the rules; the person's household and the household's members are renumbered.
  const ps = lazyColumns(whole.persons, personIndex, { count: personCount, id: [], household });
  const hs = lazyColumns(whole.households, households, {
    count: households.length,
    id: [],
    memberStart: start,
    memberCount: members,
  });
  return {
    population: {
      period: whole.period,
      persons: ps,
      households: hs,
      events: lazyEvents(whole, personIndex, households),
    },
    personIndex,
    householdIndex: households,
  };
}

/**
 * Columns gathered when first read: a program reads a few of the hundred facts, and gathering scattered
 * rows of every column costs more than the program. The getters are on one prototype (the objects keep one
 * shape, so a formula's reads of a column stay fast).
 */
class LazyColumns {
  private readonly gathered: (Column | undefined)[] = [];
  constructor(
    private readonly source: Record<string, Column>,
    private readonly index: Int32Array,
    /** The columns gathered when read. */
    readonly names: readonly string[],
  ) {}

  gather(ordinal: number): Column {
    const all = this.source[COLUMN_NAMES[ordinal]!]!;
    const some = new (all.constructor as Int32ArrayConstructor)(this.index.length) as Column;
    // One loop per array type: a loop reading three kinds of typed arrays is several times slower.
    if (all instanceof Int32Array) gatherInt32(all, some as Int32Array, this.index);
    else if (all instanceof Float64Array) gatherFloat64(all, some as Float64Array, this.index);
    else gatherUint8(all, some as Uint8Array, this.index);
    this.gathered[ordinal] = some;
    return some;
  }
}

const COLUMN_NAMES: string[] = [];

function lazyColumns<T>(whole: T, index: Int32Array, own: Record<string, unknown>): T {
  const source = whole as unknown as Record<string, Column>;
  // A part of a part reads the columns of the part it is made of.
  const names = whole instanceof LazyColumns ? whole.names : Object.keys(source).filter((n) => !(n in own));
  const columns = new LazyColumns(source, index, names) as unknown as Record<string, unknown>;
  for (const name of names) {
    if (Object.hasOwn(LazyColumns.prototype, name)) continue;
    const ordinal = COLUMN_NAMES.push(name) - 1;
    Object.defineProperty(LazyColumns.prototype, name, {
      get(this: { gathered: (Column | undefined)[]; gather(ordinal: number): Column }) {
        return this.gathered[ordinal] ?? this.gather(ordinal);
      },
    });
  }
  for (const name of Object.keys(own)) columns[name] = own[name];
  return columns as T;
}

function gatherInt32(all: Int32Array, some: Int32Array, index: Int32Array): void {
  for (let k = 0; k < index.length; k++) some[k] = all[index[k]!]!;
}

function gatherFloat64(all: Float64Array, some: Float64Array, index: Int32Array): void {
  for (let k = 0; k < index.length; k++) some[k] = all[index[k]!]!;
}

function gatherUint8(all: Uint8Array, some: Uint8Array, index: Int32Array): void {
  for (let k = 0; k < index.length; k++) some[k] = all[index[k]!]!;
}

/**
 * The events of the sub-population's persons and households, each type gathered when first read (few
 * programs read events).
 */
function lazyEvents(whole: Population, personIndex: Int32Array, householdIndex: Int32Array): EventTables {
  let personOf: Int32Array | undefined;
  let householdOf: Int32Array | undefined;
  const events = {} as EventTables;
  for (const type of Object.keys(EVENT_TYPES) as (keyof EventTables)[]) {
    Object.defineProperty(events, type, {
      enumerable: true,
      get() {
        // No events of the type (a snapshot has none): nothing to renumber, no index over the whole.
        if (whole.events[type].count === 0) {
          Object.defineProperty(events, type, { value: whole.events[type], enumerable: true });
          return whole.events[type];
        }
        const byPerson = EVENT_TYPES[type].entity === 'person';
        if (byPerson) personOf ??= newIndexOf(personIndex, whole.persons.count);
        else householdOf ??= newIndexOf(householdIndex, whole.households.count);
        const table = gatherEvents(whole.events[type], byPerson ? personOf! : householdOf!);
        Object.defineProperty(events, type, { value: table, enumerable: true });
        return table;
      },
      configurable: true,
    });
  }
  return events;
}

/** For each entity of the whole population, its index in the sub-population (−1 when not in it). */
function newIndexOf(index: Int32Array, wholeCount: number): Int32Array {
  const newIndex = new Int32Array(wholeCount).fill(-1);
  for (let k = 0; k < index.length; k++) newIndex[index[k]!] = k;
  return newIndex;
}

/** The events whose owner is in the sub-population, in their order, owners renumbered. */
function gatherEvents<T extends { count: number; owner: Int32Array }>(table: T, newIndex: Int32Array): T {
  const keptList: number[] = [];
  for (let e = 0; e < table.count; e++) if (newIndex[table.owner[e]!]! >= 0) keptList.push(e);
  const kept = Int32Array.from(keptList);
  const source = table as unknown as Record<string, Column>;
  const gathered: Record<string, unknown> = { count: kept.length };
  for (const name of Object.keys(table)) {
    if (name === 'count') continue;
    const all = source[name]!;
    const some = new (all.constructor as Int32ArrayConstructor)(kept.length) as Column;
    if (all instanceof Int32Array) gatherInt32(all, some as Int32Array, kept);
    else if (all instanceof Float64Array) gatherFloat64(all, some as Float64Array, kept);
    else gatherUint8(all, some as Uint8Array, kept);
    gathered[name] = some;
  }
  const owner = gathered.owner as Int32Array;
  for (let k = 0; k < kept.length; k++) owner[k] = newIndex[owner[k]!]!;
  return gathered as unknown as T;
}

/** A whole-population program result seen from the sub-population. */
export function gatherDependency(
  sub: SubPopulation,
  entity: Entity,
  result: DependencyResult & { part?: PartResults | undefined },
): DependencyResult {
  const index = entity === 'person' ? sub.personIndex : sub.householdIndex;
  // A narrowed result is read from its part: its full-length arrays (megabytes per program) are not made.
  const fromPart = result.part && gatherFromPart(index, result.part);
  if (fromPart) return fromPart;
  const eligible = new Uint8Array(index.length);
  gatherUint8(result.eligible, eligible, index);
  let amountNtd: Int32Array | undefined;
  if (result.amountNtd) {
    amountNtd = new Int32Array(index.length);
    gatherInt32(result.amountNtd, amountNtd, index);
  }
  return { eligible, amountNtd };
}

/**
 * The part's results at the ascending `index` (0 for an entity outside the part: it failed a leading check),
 * by walking both ascending lists; undefined when either is not ascending.
 */
function gatherFromPart(index: Int32Array, part: PartResults): DependencyResult | undefined {
  const eligible = new Uint8Array(index.length);
  const partAmounts = part.amountNtd;
  const amountNtd = partAmounts ? new Int32Array(index.length) : undefined;
  const from = part.index;
  // The part's index too must ascend (persons numbered household by household): else read the full arrays.
  for (let k = 1; k < from.length; k++) if (from[k]! <= from[k - 1]!) return undefined;
  const states = part.eligible;
  let k = 0;
  let last = -1;
  for (let i = 0; i < index.length; i++) {
    const wanted = index[i]!;
    if (wanted < last) return undefined;
    last = wanted;
    while (k < from.length && from[k]! < wanted) k++;
    if (k < from.length && from[k] === wanted) {
      eligible[i] = states[k]!;
      if (amountNtd) amountNtd[i] = partAmounts![k]!;
    }
  }
  return { eligible, amountNtd };
}

/**
 * A sub-population's shared variables: one computed over the whole population already (a column per
 * person or household, or an object of such columns) is gathered, not computed again.
 */
export class SubPopulationVariables extends Map<string, unknown> {
  constructor(
    private readonly whole: Map<string, unknown>,
    private readonly wholePopulation: Population,
    private readonly sub: SubPopulation,
  ) {
    super();
  }

  override has(name: string): boolean {
    if (super.has(name)) return true;
    if (!this.whole.has(name)) return false;
    const gathered = this.gathered(this.whole.get(name));
    if (gathered === undefined) return false;
    this.set(name, gathered);
    return true;
  }

  private gathered(value: unknown): unknown {
    const column = this.gatheredColumn(value);
    if (column !== undefined || value === null || typeof value !== 'object') return column;
    if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    const columns: Record<string, Column> = {};
    for (const [key, member] of Object.entries(value)) {
      const some = this.gatheredColumn(member);
      if (some === undefined) return undefined;
      columns[key] = some;
    }
    return columns;
  }

  /** A column of the whole population's persons or households, for the sub-population's. */
  private gatheredColumn(value: unknown): Column | undefined {
    if (!(value instanceof Int32Array || value instanceof Float64Array || value instanceof Uint8Array))
      return undefined;
    const { persons, households } = this.wholePopulation;
    // Equal counts would not tell persons from households.
    if (persons.count === households.count) return undefined;
    const index =
      value.length === persons.count
        ? this.sub.personIndex
        : value.length === households.count
          ? this.sub.householdIndex
          : undefined;
    if (index === undefined) return undefined;
    const some = new (value.constructor as Int32ArrayConstructor)(index.length) as Column;
    if (value instanceof Int32Array) gatherInt32(value, some as Int32Array, index);
    else if (value instanceof Float64Array) gatherFloat64(value, some as Float64Array, index);
    else gatherUint8(value, some as Uint8Array, index);
    return some;
  }
}

/** Households with an entity no check of `probe` has failed. */
export function householdsInPlay(probe: ProgramContext): Int32Array {
  if (probe.entity === 'household') return probe.fold.liveEntities();
  // Persons are usually numbered household by household: their households are then read off in order.
  return (
    probe.fold.ownersInPlay(probe.persons.household) ?? markedHouseholds(probe, probe.fold.liveEntities())
  );
}

function markedHouseholds(probe: ProgramContext, live: Int32Array): Int32Array {
  const household = probe.persons.household;
  const marked = new Uint8Array(probe.households.count);
  for (let k = 0; k < live.length; k++) marked[household[live[k]!]!] = 1;
  let n = 0;
  for (let h = 0; h < marked.length; h++) if (marked[h]) n++;
  const households = new Int32Array(n);
  n = 0;
  for (let h = 0; h < marked.length; h++) if (marked[h]) households[n++] = h;
  return households;
}
