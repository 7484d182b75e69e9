import type { IsoMonth } from '@safetynet/core/calendar';
import { EVENT_TYPES } from '../facts/events.ts';
import { HOUSEHOLD_FACTS } from '../facts/household.ts';
import { PERSON_FACTS } from '../facts/person.ts';
import { type ColumnsOf, defaultColumns } from './fact-spec.ts';

/**
 * A population in columns: one typed array per fact (see facts/), persons grouped by household (a
 * household's members are persons memberStart … memberStart + memberCount − 1). The whole city and a
 * single household are the same structure: a single case is a population of one.
 *
 * Column encodings: dates are day numbers since 1970-01-01 (NO_DAY when not given), booleans 0/1, NTD
 * whole numbers in a Float64Array, enums the index into the fact's values (so `none` is 0 where a fact
 * lists it first).
 */
export const ROLES = ['applicant', 'spouse', 'lineal_relative', 'child', 'other'] as const;
export type Role = (typeof ROLES)[number];

export {
  DISABILITY_LEVELS,
  type DisabilityLevelFact,
  WORK_INABILITY_REASONS,
  type WorkInabilityReason,
} from '../facts/person.ts';

export type PersonColumns = {
  count: number;
  id: string[];
  /** Index of the person's household. */
  household: Int32Array;
  /** Index into ROLES. */
  role: Uint8Array;
} & ColumnsOf<typeof PERSON_FACTS>;

export type HouseholdColumns = {
  count: number;
  id: string[];
  memberStart: Int32Array;
  memberCount: Int32Array;
} & ColumnsOf<typeof HOUSEHOLD_FACTS>;

type EventTypes = typeof EVENT_TYPES;

/** The events of one type: who (a person or household index), when (a day number), and its fields. */
export type EventColumns<K extends keyof EventTypes> = {
  count: number;
  /** Index of the person or household the event concerns. */
  owner: Int32Array;
  date: Int32Array;
} & ColumnsOf<EventTypes[K]['fields']>;

export type EventTables = { [K in keyof EventTypes]: EventColumns<K> };

export interface Population {
  period: IsoMonth;
  persons: PersonColumns;
  households: HouseholdColumns;
  events: EventTables;
}

/** Person columns for `count` persons holding every fact's default (the stored population fills them). */
export function defaultPersonColumns(count: number): PersonColumns {
  return {
    count,
    id: new Array<string>(count),
    household: new Int32Array(count),
    role: new Uint8Array(count),
    ...defaultColumns(PERSON_FACTS, count),
  };
}

export function defaultHouseholdColumns(count: number): HouseholdColumns {
  return {
    count,
    id: new Array<string>(count),
    memberStart: new Int32Array(count),
    memberCount: new Int32Array(count),
    ...defaultColumns(HOUSEHOLD_FACTS, count),
  };
}

/** Tables of no events, one per type, shared: a case names few event types, and an empty table cannot change. */
const emptyEventTables = new Map<string, unknown>();

export function defaultEventColumns<K extends keyof EventTypes>(type: K, count: number): EventColumns<K> {
  if (count === 0) {
    let empty = emptyEventTables.get(type);
    if (empty === undefined) {
      empty = Object.freeze(newEventColumns(type, 0));
      emptyEventTables.set(type, empty);
    }
    return empty as EventColumns<K>;
  }
  return newEventColumns(type, count);
}

function newEventColumns<K extends keyof EventTypes>(type: K, count: number): EventColumns<K> {
  return {
    count,
    owner: new Int32Array(count),
    date: new Int32Array(count),
    ...defaultColumns(EVENT_TYPES[type].fields, count),
  } as EventColumns<K>;
}

/** No events of any type. */
export function noEvents(): EventTables {
  return Object.fromEntries(
    Object.keys(EVENT_TYPES).map((type) => [type, defaultEventColumns(type as keyof EventTypes, 0)]),
  ) as EventTables;
}
