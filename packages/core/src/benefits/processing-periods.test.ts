import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addPeriod, dueDateOf, processingPeriodOf } from './processing-periods.ts';

test('processing periods: statutory where given, else two months (行政程序法第51條)', () => {
  assert.equal(processingPeriodOf('senior-living-allowance').months, 1);
  assert.match(processingPeriodOf('low-income-status').legalBasis, /行政程序法第51條/);
  assert.equal(dueDateOf(['low-income-status'], '2024-03-15'), '2024-05-15');
  assert.equal(dueDateOf(['low-income-status', 'disability-living-allowance'], '2024-03-15'), '2024-04-15');
});

test('a month on from the 31st ends on the next month’s last day', () => {
  assert.equal(addPeriod('2024-01-31', { months: 1, legalBasis: '' }), '2024-02-29');
  assert.equal(addPeriod('2023-12-31', { months: 2, legalBasis: '' }), '2024-02-29');
  assert.equal(addPeriod('2024-02-20', { days: 15, legalBasis: '' }), '2024-03-06');
});
