import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchOfDeposit, rateInHundredths } from './asset-match.ts';

const base = { windowOwnBeforeNtd: 0, windowMatchedBeforeNtd: 0, yearMatchedBeforeNtd: 0 };

test('a deposit is matched by the rate (1:0.6 of 2,000 is 1,200)', () => {
  const outcome = matchOfDeposit({ ...base, amountNtd: 2_000, rate: rateInHundredths(0.6) });
  assert.deepEqual(outcome, { matchNtd: 1_200, uncappedNtd: 1_200, limitedByCap: false });
});

test("matches of a window's deposits add up to the match of their total, rounded once", () => {
  const rate = rateInHundredths(0.6);
  const first = matchOfDeposit({ ...base, amountNtd: 1_001, rate });
  assert.equal(first.matchNtd, 601); // 600.6 half up
  const second = matchOfDeposit({
    ...base,
    amountNtd: 1_001,
    windowOwnBeforeNtd: 1_001,
    windowMatchedBeforeNtd: first.matchNtd,
    rate,
  });
  assert.equal(first.matchNtd + second.matchNtd, 1_201); // 2,002 × 0.6 = 1,201.2
});

test('the yearly cap limits the match exactly at the cap, then nothing more', () => {
  const rate = rateInHundredths(1);
  const limited = matchOfDeposit({
    ...base,
    amountNtd: 5_000,
    windowOwnBeforeNtd: 12_000,
    windowMatchedBeforeNtd: 12_000,
    yearMatchedBeforeNtd: 12_000,
    rate,
    yearlyCapNtd: 15_000,
  });
  assert.deepEqual(limited, { matchNtd: 3_000, uncappedNtd: 5_000, limitedByCap: true });
  const after = matchOfDeposit({
    ...base,
    amountNtd: 1_000,
    windowOwnBeforeNtd: 17_000,
    windowMatchedBeforeNtd: 15_000,
    yearMatchedBeforeNtd: 15_000,
    rate,
    yearlyCapNtd: 15_000,
  });
  assert.deepEqual(after, { matchNtd: 0, uncappedNtd: 3_000, limitedByCap: true });
  const exact = matchOfDeposit({ ...base, amountNtd: 15_000, rate, yearlyCapNtd: 15_000 });
  assert.deepEqual(exact, { matchNtd: 15_000, uncappedNtd: 15_000, limitedByCap: false });
});

test('amounts must be whole non-negative NTD', () => {
  assert.throws(() => matchOfDeposit({ ...base, amountNtd: 10.5, rate: rateInHundredths(1) }), RangeError);
  assert.throws(() => matchOfDeposit({ ...base, amountNtd: -1, rate: rateInHundredths(1) }), RangeError);
});
