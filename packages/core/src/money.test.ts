import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyRate, divideNtd, formatNtd } from './money.ts';

test('rates round half up by default, or down, or up', () => {
  assert.equal(applyRate(30_001, 80, 100), 24_001); // 24,000.8
  assert.equal(applyRate(30_001, 80, 100, 'down'), 24_000);
  assert.equal(applyRate(10, 1, 4), 3); // 2.5 → 3
  assert.equal(applyRate(10, 1, 4, 'down'), 2);
  assert.equal(applyRate(9, 1, 4, 'up'), 3); // 2.25 → 3
  assert.equal(applyRate(8, 1, 4, 'up'), 2); // exact stays exact
  assert.equal(applyRate(26_400, 1, 10), 2_640); // 1/10 of the 2023 minimum wage
});

test('dividing shares and refusing floats or negatives', () => {
  assert.equal(divideNtd(57_676, 4), 14_419);
  assert.equal(divideNtd(100, 3), 33);
  assert.equal(divideNtd(100, 3, 'up'), 34);
  assert.throws(() => applyRate(10.5, 1, 2), RangeError);
  assert.throws(() => applyRate(-1, 1, 2), RangeError);
  assert.throws(() => applyRate(1, 1, 0), RangeError);
});

test('formatting with thousands separators', () => {
  assert.equal(formatNtd(1_733_847_174), '1,733,847,174');
  assert.equal(formatNtd(0), '0');
});
