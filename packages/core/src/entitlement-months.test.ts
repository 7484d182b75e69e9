import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type EntitlementSpan,
  monthsBetween,
  nextVersion,
  previousMonth,
  versionFor,
  versionInForce,
  withinYearlyCap,
} from './entitlement-months.ts';

const v1: EntitlementSpan = { version: 1, firstMonth: '2024-03', lastMonth: null, monthlyAmountNtd: 5000 };

test('month arithmetic across years', () => {
  assert.equal(monthsBetween('2023-11', '2024-02'), 4);
  assert.equal(monthsBetween('2024-02', '2023-11'), 0);
  assert.equal(previousMonth('2024-01'), '2023-12');
});

test('the version in force: none before the start, the latest begun, none after the end', () => {
  const v2 = { version: 2, firstMonth: '2024-06', lastMonth: null, monthlyAmountNtd: 6000 };
  const v3 = { version: 3, firstMonth: '2024-09', lastMonth: '2024-09', monthlyAmountNtd: 6000 };
  const all = [v3, v1, v2];
  assert.equal(versionInForce(all, '2024-02'), undefined);
  assert.equal(versionInForce(all, '2024-05'), v1);
  assert.equal(versionInForce(all, '2024-06'), v2);
  assert.equal(versionInForce(all, '2024-09'), v3);
  assert.equal(versionInForce(all, '2024-10'), undefined);
  assert.equal(versionFor(all, '2024-10'), v3);
});

test('a later version that starts earlier overrides from its own start', () => {
  const v2 = { version: 2, firstMonth: '2024-08', lastMonth: null, monthlyAmountNtd: 7000 };
  const v3 = { version: 3, firstMonth: '2024-05', lastMonth: null, monthlyAmountNtd: 4000 };
  assert.equal(versionInForce([v1, v2, v3], '2024-09')?.monthlyAmountNtd, 4000);
  assert.equal(versionInForce([v1, v2, v3], '2024-04')?.monthlyAmountNtd, 5000);
});

test('an amount of zero pays nothing', () => {
  assert.equal(versionInForce([{ ...v1, monthlyAmountNtd: 0 }], '2024-04'), undefined);
});

test('next version: keeps what is not changed, refuses impossible changes', () => {
  assert.deepEqual(nextVersion([v1], { from: '2024-07', monthlyAmountNtd: 5500 }), {
    version: 2,
    firstMonth: '2024-07',
    lastMonth: null,
    monthlyAmountNtd: 5500,
  });
  assert.deepEqual(nextVersion([v1], { from: '2024-06', lastMonth: '2024-06' }), {
    version: 2,
    firstMonth: '2024-06',
    lastMonth: '2024-06',
    monthlyAmountNtd: 5000,
  });
  assert.ok('en' in nextVersion([v1], { from: '2024-01', monthlyAmountNtd: 1 }));
  assert.ok('en' in nextVersion([v1], { from: '2024-06', lastMonth: '2024-05' }));
  assert.ok('en' in nextVersion([v1], { from: '2024-06' }));
  assert.ok('en' in nextVersion([v1], { from: '2024-06', monthlyAmountNtd: -1 }));
  assert.ok('en' in nextVersion([], { from: '2024-06', monthlyAmountNtd: 1 }));
});

test('yearly cap: up to the cap is allowed, beyond it is not', () => {
  assert.equal(withinYearlyCap(100_000, 50_000, 150_000), true);
  assert.equal(withinYearlyCap(100_000, 50_001, 150_000), false);
});
