import { EVENT_TYPES } from '../facts/events.ts';
import type { DependencyResult, Entity } from './context.ts';
import {
  defaultHouseholdColumns,
  defaultPersonColumns,
  type EventTables,
  type HouseholdColumns,
  type PersonColumns,
  type Population,
} from './population.ts';

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
  const hs = defaultHouseholdColumns(households.length);
  const ps = defaultPersonColumns(personCount);
  let next = 0;
  for (let k = 0; k < households.length; k++) {
    const h = households[k]!;
    hs.memberStart[k] = next;
    hs.memberCount[k] = memberCount[h]!;
    for (let m = memberStart[h]!, end = m + memberCount[h]!; m < end; m++) {
      ps.household[next] = k;
      personIndex[next++] = m;
    }
  }
  // Into the default columns (the same object shapes as the whole population's): the person's household
  // and the household's members were set above; ids are not read by the rules.
  gatherColumns(whole.persons, ps, personIndex, ['count', 'id', 'household']);
  gatherColumns(whole.households, hs, households, ['count', 'id', 'memberStart', 'memberCount']);
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

function gatherColumns(
  from: PersonColumns | HouseholdColumns,
  to: PersonColumns | HouseholdColumns,
  index: Int32Array,
  skip: readonly string[],
): void {
  const source = from as unknown as Record<string, Column>;
  const target = to as unknown as Record<string, Column>;
  for (const name of Object.keys(target)) {
    if (skip.includes(name)) continue;
    const all = source[name]!;
    const some = target[name]!;
    // One loop per array type: a loop reading three kinds of typed arrays is several times slower.
    if (all instanceof Int32Array) gatherInt32(all, some as Int32Array, index);
    else if (all instanceof Float64Array) gatherFloat64(all, some as Float64Array, index);
    else gatherUint8(all, some as Uint8Array, index);
  }
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

/** Whether two ascending index lists are the same. */
export function sameIndices(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
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
  result: DependencyResult,
): DependencyResult {
  const index = entity === 'person' ? sub.personIndex : sub.householdIndex;
  const eligible = new Uint8Array(index.length);
  gatherUint8(result.eligible, eligible, index);
  let amountNtd: Int32Array | undefined;
  if (result.amountNtd) {
    amountNtd = new Int32Array(index.length);
    gatherInt32(result.amountNtd, amountNtd, index);
  }
  return { eligible, amountNtd };
}
