import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatMonth, formatNtd, formatUntil } from './format.ts';

test('dates in the ROC calendar; an instant is the day it falls on in Taiwan', () => {
  assert.equal(formatDate('2024-06-30', 'zh-TW'), '民國113年6月30日');
  assert.equal(formatDate('2024-06-30T15:59:59.000Z', 'zh-TW'), '民國113年6月30日');
  assert.equal(formatDate('2024-06-30T16:00:00.000Z', 'zh-TW'), '民國113年7月1日');
  assert.equal(formatDate('2024-06-30', 'en'), '30 Jun 2024');
  assert.equal(formatDate(null, 'zh-TW'), '—');
  assert.equal(formatMonth('2023-06', 'zh-TW'), '民國112年6月');
});

test('an end stored exclusive is shown as the day before', () => {
  assert.equal(formatUntil('2024-07-01', 'zh-TW'), '民國113年6月30日');
  assert.equal(formatUntil('2024-03-01', 'en'), '29 Feb 2024');
  assert.equal(formatUntil(null, 'zh-TW'), '—');
});

test('NTD amounts: thousands separated, whole', () => {
  assert.equal(formatNtd(12345, 'zh-TW'), '12,345 元');
  assert.equal(formatNtd('7000', 'en'), 'NT$7,000');
  assert.equal(formatNtd(null, 'zh-TW'), '—');
});
