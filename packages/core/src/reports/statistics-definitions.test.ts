import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn } from '../calendar.ts';
import { AGE_BANDS, ageBandOf, monthsBetween, statisticsPeriodProblem } from './statistics-definitions.ts';

test('age bands cover every age once, in order, without gaps', () => {
  for (let age = 0; age <= 120; age++) {
    const holding = AGE_BANDS.filter((b) => age >= b.from && (b.to === null || age <= b.to));
    assert.equal(holding.length, 1, `age ${age}`);
    assert.equal(ageBandOf(age), holding[0]);
  }
  assert.deepEqual(
    AGE_BANDS.map((b) => b.id),
    ['0-5', '6-11', '12-17', '18-24', '25-44', '45-64', '65-74', '75+'],
  );
  assert.throws(() => ageBandOf(-1), RangeError);
  assert.throws(() => ageBandOf(6.5), RangeError);
});

test('on the birthday one moves up a band; the day before not yet', () => {
  assert.equal(ageBandOf(ageOn('1959-06-30', '2024-06-30')).id, '65-74');
  assert.equal(ageBandOf(ageOn('1959-07-01', '2024-06-30')).id, '45-64');
  assert.equal(ageBandOf(ageOn('2000-02-29', '2018-02-28')).id, '12-17');
  assert.equal(ageBandOf(ageOn('2000-02-29', '2018-03-01')).id, '18-24');
});

test('a period: months in order, from before to, at most 60 months', () => {
  assert.deepEqual(monthsBetween('2023-11', '2024-02'), ['2023-11', '2023-12', '2024-01', '2024-02']);
  assert.equal(statisticsPeriodProblem('2020-01', '2024-12'), undefined);
  assert.equal(statisticsPeriodProblem('2020-01', '2025-01')?.field, 'to');
  assert.equal(statisticsPeriodProblem('2024-02', '2024-01')?.field, 'to');
  assert.equal(statisticsPeriodProblem('2024-13', '2024-01')?.field, 'from');
  assert.equal(statisticsPeriodProblem('2024-01', '24-01')?.field, 'to');
});
