import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monthsBefore, monthsBetween } from './asset-account-statements.ts';

test('six months before a date, clamped to the end of a shorter month', () => {
  assert.equal(monthsBefore('2024-08-15', 6), '2024-02-15');
  assert.equal(monthsBefore('2024-08-31', 6), '2024-02-29');
  assert.equal(monthsBefore('2025-03-31', 6), '2024-09-30');
  assert.equal(monthsBefore('2024-01-10', 6), '2023-07-10');
});

test('whole months between two dates', () => {
  assert.equal(monthsBetween('2024-02-10', '2024-08-10'), 6);
  assert.equal(monthsBetween('2024-02-10', '2024-08-09'), 5);
  assert.equal(monthsBetween('2023-11-30', '2024-01-15'), 1);
  assert.equal(monthsBetween('2024-05-01', '2024-05-01'), 0);
});
