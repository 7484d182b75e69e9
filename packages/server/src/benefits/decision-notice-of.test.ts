import assert from 'node:assert/strict';
import { test } from 'node:test';
import { referencesOf } from './decision-notice-of.ts';

test('a rejection reason is cited by the legal reference the stored explanation gives its condition', () => {
  // As decisions store it: the calculate answer's results (an array).
  const explanation = [
    {
      program: 'senior-living-allowance',
      reasons: [{ code: 'age-65-or-over', reference: 'D0050079 第2條' }],
    },
    { program: 'low-income-status', reasons: [{ code: 'age-65-or-over', reference: 'other' }] },
  ];
  assert.equal(referencesOf(explanation, 'senior-living-allowance').get('age-65-or-over'), 'D0050079 第2條');
  assert.equal(referencesOf({ results: explanation }, 'low-income-status').get('age-65-or-over'), 'other');
  assert.equal(referencesOf(null, 'low-income-status').size, 0);
});
