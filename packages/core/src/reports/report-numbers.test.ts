import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount, formatRocPeriod, formatYiWan } from './report-numbers.ts';

test('億 and 萬 on the edges the reports meet', () => {
  assert.equal(formatYiWan(0), '0');
  assert.equal(formatYiWan(9_999), '9,999');
  assert.equal(formatYiWan(10_000), '1萬');
  assert.equal(formatYiWan(15_000), '1萬5,000');
  assert.equal(formatYiWan(99_999_999), '9,999萬9,999');
  assert.equal(formatYiWan(100_000_000), '1億');
  assert.equal(formatYiWan(100_010_000), '1億1萬');
  assert.equal(formatYiWan(100_000_005), '1億5');
  assert.equal(formatYiWan(-20_000), '-2萬');
  assert.equal(formatYiWan(123_456_789_012n), '1,234億5,678萬9,012');
  assert.throws(() => formatYiWan(1.5), RangeError);
});

test('the seed’s own figures come out as printed', () => {
  assert.equal(formatYiWan(1_733_847_174), '17億3,384萬7,174');
  assert.equal(formatYiWan(495_371_788), '4億9,537萬1,788');
  assert.equal(formatYiWan(175_200_000), '1億7,520萬');
  assert.equal(formatYiWan(600_000), '60萬');
  assert.equal(formatYiWan(329_577), '32萬9,577');
  assert.equal(formatCount(252_647), '252,647');
  assert.equal(formatCount(999), '999');
  assert.equal(formatCount(1_701_321), '1,701,321');
});

test('periods in the ROC calendar', () => {
  assert.equal(formatRocPeriod('2023-01', '2023-06'), '112年1月至6月');
  assert.equal(formatRocPeriod('2022-10', '2023-03'), '111年10月至112年3月');
  assert.equal(formatRocPeriod('2023-05', '2023-05'), '112年5月');
  assert.equal(formatRocPeriod('1912-01', '1912-12'), '1年1月至12月');
  assert.throws(() => formatRocPeriod('2023-06', '2023-01'), RangeError);
});
