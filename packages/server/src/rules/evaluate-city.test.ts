import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOUSEHOLD_FACTS } from '@safetynet/rules/engine/facts';
import {
  defaultHouseholdColumns,
  defaultPersonColumns,
  noEvents,
  type Population,
} from '@safetynet/rules/engine/population';
import { programTotals } from './evaluate-city.ts';

const DISTRICTS = HOUSEHOLD_FACTS.district.type.values;

/** 37 households of three persons, in districts 0 (unknown) to 4 by turns: counts not a multiple of 8. */
function population(): Population {
  const householdCount = 37;
  const households = defaultHouseholdColumns(householdCount);
  const persons = defaultPersonColumns(householdCount * 3);
  for (let k = 0; k < householdCount; k++) {
    households.district[k] = k % 5;
    households.memberStart[k] = 3 * k;
    households.memberCount[k] = 3;
    for (let m = 0; m < 3; m++) persons.household[3 * k + m] = k;
  }
  return { period: '2024-06', persons, households, events: noEvents() };
}

/** The totals by their definition, entity by entity. */
function expected(states: number[], amounts: number[], districtOf: (i: number) => number) {
  const totals = new Map<string | null, { eligible: number; undetermined: number; amountNtd: number }>();
  states.forEach((state, i) => {
    if (state === 0) return;
    const code = districtOf(i) === 0 ? null : DISTRICTS[districtOf(i)]!;
    const total = totals.get(code) ?? { eligible: 0, undetermined: 0, amountNtd: 0 };
    if (state === 1) {
      total.eligible += 1;
      total.amountNtd += amounts[i]!;
    } else total.undetermined += 1;
    totals.set(code, total);
  });
  return [...totals].map(([district, t]) => ({ program: 'p', district, ...t }));
}

const sorted = <T extends { district: string | null }>(rows: T[]) =>
  [...rows].sort((a, b) => String(a.district).localeCompare(String(b.district)));

test('persons are counted in their household’s district: eligible with amounts, and undetermined', () => {
  const city = population();
  const count = city.persons.count;
  // Runs of zeros (skipped eight at a time) and mixed stretches, up to the last entities.
  const states = Array.from({ length: count }, (_, i) =>
    i < 40 ? 0 : i % 3 === 0 ? 1 : i % 7 === 0 ? 2 : 0,
  );
  const amounts = states.map((state, i) => (state === 1 ? 100 + i : 0));
  const totals = programTotals(
    'p',
    { entity: 'person', eligible: Uint8Array.from(states), amountNtd: Int32Array.from(amounts) },
    city,
  );
  assert.deepEqual(sorted(totals), sorted(expected(states, amounts, (i) => Math.floor(i / 3) % 5)));
  assert.ok(
    totals.some((t) => t.district === null),
    'households without a district count apart',
  );
});

test('a result narrowed to a part counts the part alone; an undetermined one counts every entity', () => {
  const city = population();
  const index = Int32Array.from({ length: 12 }, (_, k) => 3 * k + 2);
  const partStates = [1, 2, 0, 1, 1, 0, 2, 1, 0, 0, 1, 1];
  const partAmounts = partStates.map((state, k) => (state === 1 ? 10 * (k + 1) : 0));
  const totals = programTotals(
    'p',
    {
      entity: 'person',
      eligible: new Uint8Array(city.persons.count),
      amountNtd: undefined,
      part: { index, eligible: Uint8Array.from(partStates), amountNtd: Int32Array.from(partAmounts) },
    },
    city,
  );
  assert.deepEqual(sorted(totals), sorted(expected(partStates, partAmounts, (k) => k % 5)));

  const undetermined = programTotals(
    'p',
    { entity: 'household', eligible: new Uint8Array(37), amountNtd: undefined, undetermined: true },
    city,
  );
  assert.equal(
    undetermined.reduce((sum, t) => sum + t.undetermined, 0),
    37,
  );
  assert.deepEqual(
    undetermined.map((t) => t.eligible + t.amountNtd),
    undetermined.map(() => 0),
  );
});
