import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_DAY } from './fact-spec.ts';
import { buildPopulation, FactError, type PersonFacts } from './facts.ts';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FactError) return error.problems.map((p) => p.field);
    throw error;
  }
  return [];
};

test('facts become columns with their defaults; an optional date takes its default fact', () => {
  const population = buildPopulation(
    '2024-06',
    { a: { birthDate: '1950-01-02', sex: 'M' }, b: { birthDate: '2010-05-05', schoolLevel: 'junior_high' } },
    { h: { members: { a: 'applicant', b: 'child' }, district: '64000020' } },
    [{ type: 'disaster', household: 'h', date: '2024-06-03', deaths: 1 }],
  );
  const p = population.persons;
  assert.deepEqual([...p.sex], [0, 1]);
  assert.equal(p.registeredSince[0], p.birthDate[0]);
  assert.equal(p.placedSince[0], NO_DAY);
  assert.equal(p.schoolLevel[1], 3);
  assert.equal(p.daysInTaiwanLastYear[0], 365);
  assert.equal(population.households.district[0], 2);
  assert.equal(population.events.disaster.count, 1);
  assert.equal(population.events.disaster.owner[0], 0);
  assert.equal(population.events.disaster.deaths[0], 1);
});

test('bad facts and events are reported by field, all at once', () => {
  const fields = fieldsOf(() =>
    buildPopulation(
      '2024-06',
      { a: { birthDate: '2024-07-01', earnedIncomeNtd: -1, taxRatePct: 7, shoeSize: 42 } as PersonFacts },
      { h: { members: { a: 'applicant' }, district: 'Taipei' } },
      [
        { type: 'meteor', household: 'h', date: '2024-06-01' },
        { type: 'disaster', household: 'x', date: '2024-07-01', deaths: -1 },
      ],
    ),
  );
  assert.deepEqual(fields.sort(), [
    'events.0.type',
    'events.1.date',
    'events.1.deaths',
    'events.1.household',
    'households.h.district',
    'persons.a.birthDate',
    'persons.a.earnedIncomeNtd',
    'persons.a.shoeSize',
    'persons.a.taxRatePct',
  ]);
});
