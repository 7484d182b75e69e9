import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultHalfYear, halfYearOf, lastCompleteHalfYearEnd, periodProblem } from './report-period.ts';

test('a period is whole months, in order, at most twelve', () => {
  assert.equal(periodProblem('2023-01', '2023-06'), undefined);
  assert.equal(periodProblem('2023-05', '2023-05'), undefined);
  assert.equal(periodProblem('2022-07', '2023-06'), undefined);
  assert.equal(periodProblem('2023-2', '2023-06')?.field, 'from');
  assert.equal(periodProblem('2023-01', '2023-13')?.field, 'to');
  assert.equal(periodProblem('', '2023-06')?.field, 'from');
  const reversed = periodProblem('2023-06', '2023-01');
  assert.equal(reversed?.field, 'to');
  assert.match(reversed?.zh ?? '', /早於/);
  const long = periodProblem('2022-06', '2023-06');
  assert.equal(long?.field, 'to');
  assert.match(long?.en ?? '', /at most 12 months/);
});

test('half years, and the one shown by default', () => {
  assert.deepEqual(halfYearOf('2023-06'), { from: '2023-01', to: '2023-06' });
  assert.deepEqual(halfYearOf('2023-07'), { from: '2023-07', to: '2023-12' });
  assert.equal(lastCompleteHalfYearEnd('2026-11-24'), '2026-06');
  assert.equal(lastCompleteHalfYearEnd('2026-07-01'), '2026-06');
  assert.equal(lastCompleteHalfYearEnd('2026-06-30'), '2025-12');
  // The latest complete half year with payments; payments in the current half year do not make it complete.
  assert.deepEqual(defaultHalfYear('2026-11-24', '2023-06'), { from: '2023-01', to: '2023-06' });
  assert.deepEqual(defaultHalfYear('2026-11-24', '2025-08'), { from: '2025-07', to: '2025-12' });
  assert.deepEqual(defaultHalfYear('2026-11-24', undefined), { from: '2026-01', to: '2026-06' });
  assert.deepEqual(defaultHalfYear('2026-11-24', '2026-09'), { from: '2026-01', to: '2026-06' });
});
