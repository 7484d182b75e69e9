import { fromDayNumber } from '@safetynet/core/calendar';
import { HOUSEHOLD_FACTS } from '../facts/household.ts';
import { PERSON_FACTS } from '../facts/person.ts';
import { type AnyColumn, type FactSpec, NO_DAY } from './fact-spec.ts';
import type { HouseholdFacts, PersonFacts } from './facts.ts';
import { type Population, ROLES } from './population.ts';

/** A column's value back as the fact a case would give (the inverse of the encoding in fact-spec.ts). */
function decode(spec: FactSpec, value: number): string | number | boolean | undefined {
  switch (spec.type.kind) {
    case 'date':
      return value === NO_DAY ? undefined : fromDayNumber(value);
    case 'boolean':
      return value === 1;
    case 'enum':
      return spec.type.values[value];
    default:
      return value;
  }
}

function factsOf(table: Record<string, FactSpec>, columns: Record<string, AnyColumn>, row: number) {
  const facts: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const value = decode(spec, columns[name]![row]!);
    if (value !== undefined) facts[name] = value;
  }
  return facts;
}

/**
 * One household of a population as a single case (the body of `POST /api/v1/calculate`, without period):
 * to explain a stored result, or to check that the city path and the case path agree.
 */
export function caseOfHousehold(
  population: Population,
  householdIndex: number,
): { persons: Record<string, PersonFacts>; households: Record<string, HouseholdFacts> } {
  const { persons: p, households: h } = population;
  const personColumns = p as unknown as Record<string, AnyColumn>;
  const persons: Record<string, PersonFacts> = {};
  const members: Record<string, string> = {};
  const start = h.memberStart[householdIndex]!;
  for (let i = start; i < start + h.memberCount[householdIndex]!; i++) {
    persons[p.id[i]!] = factsOf(PERSON_FACTS, personColumns, i) as PersonFacts;
    members[p.id[i]!] = ROLES[p.role[i]!]!;
  }
  const householdFacts = factsOf(HOUSEHOLD_FACTS, h as unknown as Record<string, AnyColumn>, householdIndex);
  return { persons, households: { [h.id[householdIndex]!]: { ...householdFacts, members } } };
}
