import { lastDayOfMonth } from '@safetynet/core/calendar';
import { EVENT_TYPES, type EventFacts, type EventSpec, type EventTypeName } from '../facts/events.ts';
import { HOUSEHOLD_FACTS } from '../facts/household.ts';
import { PERSON_FACTS, type PersonFacts } from '../facts/person.ts';
import {
  type AnyColumn,
  checkFact,
  encodeFact,
  FactError,
  type FactProblem,
  type FactSpec,
} from './fact-spec.ts';
import {
  defaultEventColumns,
  defaultHouseholdColumns,
  defaultPersonColumns,
  type EventTables,
  type Population,
  ROLES,
} from './population.ts';

/**
 * A single case (the API's request body) validated and laid out in columns. The fact tables in facts/
 * drive the validation, the defaults and the columns.
 */
export { EVENT_TYPES, type EventFacts } from '../facts/events.ts';
export { HOUSEHOLD_FACTS } from '../facts/household.ts';
export { PERSON_FACTS, type PersonFactName, type PersonFacts } from '../facts/person.ts';
export { FactError, type FactProblem, type FactSpec } from './fact-spec.ts';

export interface HouseholdFacts {
  members: Record<string, string>;
  [fact: string]: unknown;
}

type FactTable = Record<string, FactSpec>;

/** Checks the facts of one entity against its table: unknown names, missing required, bad values. */
function checkFacts(
  table: FactTable,
  facts: Record<string, unknown>,
  prefix: string,
  periodEnd: string,
  ignore: readonly string[],
  problems: FactProblem[],
): void {
  for (const name of Object.keys(facts)) {
    if (!(name in table) && !ignore.includes(name))
      problems.push({ field: `${prefix}.${name}`, zh: '未知的欄位', en: 'unknown field' });
  }
  for (const [name, spec] of entriesOf(table)) {
    const value = facts[name] ?? spec.default;
    if (value === undefined) {
      if (spec.required) problems.push({ field: `${prefix}.${name}`, zh: '必填', en: 'is required' });
      continue;
    }
    // The field's name is made only for a problem (a case has hundreds of facts, nearly all fine).
    const problem = checkFact(spec, value, '', periodEnd);
    if (problem) problems.push({ ...problem, field: `${prefix}.${name}` });
  }
}

/** A fact table's entries, listed once per table (every case reads each table for each entity). */
const tableEntries = new WeakMap<FactTable, [string, FactSpec][]>();
function entriesOf(table: FactTable): [string, FactSpec][] {
  let entries = tableEntries.get(table);
  if (entries === undefined) {
    entries = Object.entries(table);
    tableEntries.set(table, entries);
  }
  return entries;
}

/** Writes one entity's facts into row `row` of the columns (values already checked). */
function fillRow(
  table: FactTable,
  columns: Record<string, AnyColumn>,
  row: number,
  facts: Record<string, unknown>,
): void {
  for (const [name, spec] of entriesOf(table)) {
    let value: unknown = facts[name] ?? spec.default;
    if (value === undefined && spec.defaultFact) value = facts[spec.defaultFact];
    columns[name]![row] = encodeFact(spec, value as string | number | boolean | undefined);
  }
}

/** Validates a case and lays it out in columns (persons grouped by household, in the order given). */
export function buildPopulation(
  period: string,
  persons: Record<string, PersonFacts>,
  households: Record<string, HouseholdFacts>,
  events: EventFacts[] = [],
): Population {
  const problems: FactProblem[] = [];
  const periodEnd = lastDayOfMonth(period);
  const order: { personId: string; householdIndex: number; role: number }[] = [];
  const householdIds = Object.keys(households);
  const seen = new Set<string>();
  householdIds.forEach((householdId, householdIndex) => {
    const household = (households[householdId] ?? {}) as HouseholdFacts;
    if (typeof household.members !== 'object' || household.members === null)
      problems.push({ field: `households.${householdId}.members`, zh: '必填', en: 'is required' });
    checkFacts(HOUSEHOLD_FACTS, household, `households.${householdId}`, periodEnd, ['members'], problems);
    for (const [personId, role] of Object.entries((household.members ?? {}) as Record<string, string>)) {
      const field = `households.${householdId}.members.${personId}`;
      if (!(personId in persons))
        problems.push({ field, zh: '此人未列於 persons', en: 'this person is not in persons' });
      else if (seen.has(personId))
        problems.push({ field, zh: '同一人不可屬於兩戶', en: 'a person belongs to one household only' });
      const roleIndex = ROLES.indexOf(role as (typeof ROLES)[number]);
      if (roleIndex < 0)
        problems.push({
          field,
          zh: `角色須為 ${ROLES.join('、')}`,
          en: `role must be one of: ${ROLES.join(', ')}`,
        });
      seen.add(personId);
      order.push({ personId, householdIndex, role: Math.max(roleIndex, 0) });
    }
  });
  for (const personId of Object.keys(persons)) {
    if (!seen.has(personId))
      problems.push({
        field: `persons.${personId}`,
        zh: '此人不屬於任何一戶',
        en: 'this person is in no household',
      });
    checkFacts(PERSON_FACTS, persons[personId] ?? {}, `persons.${personId}`, periodEnd, [], problems);
  }
  checkEvents(events, persons, households, periodEnd, problems);
  if (problems.length) throw new FactError(problems);

  const p = defaultPersonColumns(order.length);
  order.forEach((o, i) => {
    p.id[i] = o.personId;
    p.household[i] = o.householdIndex;
    p.role[i] = o.role;
    fillRow(PERSON_FACTS, p as unknown as Record<string, AnyColumn>, i, persons[o.personId] ?? {});
  });
  const h = defaultHouseholdColumns(householdIds.length);
  householdIds.forEach((householdId, k) => {
    h.id[k] = householdId;
    fillRow(HOUSEHOLD_FACTS, h as unknown as Record<string, AnyColumn>, k, households[householdId]!);
  });
  for (let i = p.count - 1; i >= 0; i--) {
    const k = p.household[i]!;
    h.memberStart[k] = i;
    h.memberCount[k] = h.memberCount[k]! + 1;
  }
  const personIndex = new Map(p.id.map((id, i) => [id, i]));
  const householdIndex = new Map(householdIds.map((id, k) => [id, k]));
  return { period, persons: p, households: h, events: eventColumns(events, personIndex, householdIndex) };
}

function checkEvents(
  events: EventFacts[],
  persons: Record<string, PersonFacts>,
  households: Record<string, HouseholdFacts>,
  periodEnd: string,
  problems: FactProblem[],
): void {
  if (!Array.isArray(events)) {
    problems.push({ field: 'events', zh: '須為陣列', en: 'must be an array' });
    return;
  }
  events.forEach((event, n) => {
    const prefix = `events.${n}`;
    const spec = (EVENT_TYPES as Record<string, EventSpec>)[event?.type];
    if (!spec) {
      problems.push({
        field: `${prefix}.type`,
        zh: `須為下列之一：${Object.keys(EVENT_TYPES).join('、')}`,
        en: `must be one of: ${Object.keys(EVENT_TYPES).join(', ')}`,
      });
      return;
    }
    const ownerField = spec.entity;
    const owner = event[ownerField];
    const known = spec.entity === 'person' ? persons : households;
    if (typeof owner !== 'string' || !(owner in known))
      problems.push({
        field: `${prefix}.${ownerField}`,
        zh: spec.entity === 'person' ? '須為 persons 中之一人' : '須為 households 中之一戶',
        en: spec.entity === 'person' ? 'must name one of persons' : 'must name one of households',
      });
    const dateSpec: FactSpec = {
      type: { kind: 'date' },
      required: true,
      zh: '日期',
      en: 'Date',
      example: '',
    };
    checkFacts({ date: dateSpec, ...spec.fields }, event, prefix, periodEnd, ['type', ownerField], problems);
  });
}

function eventColumns(
  events: EventFacts[],
  personIndex: Map<string, number>,
  householdIndex: Map<string, number>,
): EventTables {
  const tables: Record<string, unknown> = {};
  for (const [type, spec] of Object.entries(EVENT_TYPES) as [EventTypeName, EventSpec][]) {
    const ofType = events.filter((e) => e.type === type);
    const columns = defaultEventColumns(type, ofType.length);
    ofType.forEach((event, i) => {
      const owner = spec.entity === 'person' ? personIndex : householdIndex;
      columns.owner[i] = owner.get(event[spec.entity] as string)!;
      columns.date[i] = encodeFact({ type: { kind: 'date' }, zh: '', en: '', example: '' }, event.date);
      fillRow(spec.fields, columns as unknown as Record<string, AnyColumn>, i, event);
    });
    tables[type] = columns;
  }
  return tables as EventTables;
}
