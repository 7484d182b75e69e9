import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckFold } from './fold.ts';
import { gatherDependency, type SubPopulation } from './sub-population.ts';

/** A small deterministic generator (tests must not depend on Math.random's sequence). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The fold by its definition: AND of outcomes (0 failed, 1 passed, 2 unknown), first failed and first open. */
function reference(checks: Uint8Array[], count: number) {
  const eligible = new Uint8Array(count);
  const firstFailed = new Uint8Array(count);
  const firstOpen = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let state = 1;
    checks.forEach((outcome, c) => {
      const v = outcome[i]!;
      if (v === 0 && state !== 0) {
        if (firstFailed[i] === 0) firstFailed[i] = c + 1;
        state = 0;
      } else if (v === 2 && state === 1) {
        if (firstOpen[i] === 0) firstOpen[i] = c + 1;
        state = 2;
      }
    });
    eligible[i] = state;
  }
  return { eligible, firstFailed, firstOpen };
}

function outcomes(next: () => number, count: number, passing: number): Uint8Array {
  const outcome = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const r = next();
    outcome[i] = r < passing ? 1 : r < passing + 0.05 ? 2 : 0;
  }
  return outcome;
}

test('the fold equals its definition, entity by entity (a case) and four at a time (a city)', () => {
  for (const count of [1, 4, 7, 63, 64, 1_001, 20_003]) {
    const next = random(count);
    const checks = [0.97, 0.6, 0.9, 0.3, 0.99].map((passing) => outcomes(next, count, passing));
    const fold = new CheckFold(count);
    for (const check of checks) fold.add(check);
    const inPlay = fold.entitiesInPlay;
    const expected = reference(checks, count);
    const got = fold.finish();
    assert.deepEqual([...got.eligible], [...expected.eligible], `eligible (${count})`);
    assert.deepEqual([...got.firstFailed], [...expected.firstFailed], `first failed (${count})`);
    assert.deepEqual([...got.firstOpen], [...expected.firstOpen], `first open (${count})`);
    // In play: not failed (a large fold leaves out its last count % 4 entities).
    const counted = count < 64 ? count : count - (count % 4);
    let notFailed = 0;
    for (let i = 0; i < counted; i++) if (expected.eligible[i] !== 0) notFailed++;
    assert.equal(inPlay, notFailed, `in play (${count})`);
  }
});

test('atMostInPlay answers as the count does, counting only when in doubt', () => {
  const count = 4_096;
  const next = random(7);
  const fold = new CheckFold(count);
  fold.add(outcomes(next, count, 0.9));
  fold.add(outcomes(next, count, 0.2));
  const inPlay = fold.entitiesInPlay;
  for (const limit of [0, inPlay - 1, inPlay, inPlay + 1, count])
    assert.equal(fold.atMostInPlay(limit), inPlay <= limit);
});

test('a narrowed fold’s arrays are given back and come again zeroed', () => {
  const count = 300_000;
  const first = new CheckFold(count);
  first.add(new Uint8Array(count).fill(1));
  first.add(new Uint8Array(count).fill(2)); // every entity open: the state is written everywhere
  const kept = first.keptForNarrowed();
  assert.ok(
    kept.firstOpen?.every((mark) => mark === 2),
    'open checks kept',
  );
  // The next fold of that size takes the state given back: it must start as new.
  const again = new CheckFold(count);
  again.add(new Uint8Array(count)); // every entity fails
  const { eligible, firstFailed, firstOpen } = again.finish();
  assert.ok(
    eligible.every((state) => state === 0),
    'not eligible: nothing left over',
  );
  assert.ok(firstFailed.every((mark) => mark === 1));
  assert.ok(firstOpen.every((mark) => mark === 0));
  assert.ok(
    kept.firstOpen?.every((mark) => mark === 2),
    'what the narrowed result keeps is not reused',
  );
});

test('a dependency read from a narrowed result’s part equals one read from its full arrays', () => {
  const count = 50;
  const part = Int32Array.from([2, 5, 6, 11, 30, 49]);
  const partEligible = Uint8Array.from([1, 2, 0, 1, 1, 2]);
  const partAmounts = Int32Array.from([100, 0, 0, 300, 400, 0]);
  const eligible = new Uint8Array(count);
  const amountNtd = new Int32Array(count);
  part.forEach((i, k) => {
    eligible[i] = partEligible[k]!;
    amountNtd[i] = partAmounts[k]!;
  });
  const full = { eligible, amountNtd };
  const narrowed = {
    eligible,
    amountNtd,
    part: { index: part, eligible: partEligible, amountNtd: partAmounts },
  };
  const sub = (index: number[]) =>
    ({ personIndex: Int32Array.from(index), householdIndex: new Int32Array(0) }) as unknown as SubPopulation;
  for (const index of [[0, 2, 3, 5, 6, 30, 49], [1, 4, 7], [], [49], [5, 2]]) {
    const fromPart = gatherDependency(sub(index), 'person', narrowed);
    const fromFull = gatherDependency(sub(index), 'person', full);
    assert.deepEqual([...fromPart.eligible], [...fromFull.eligible], `eligible at ${index}`);
    assert.deepEqual([...fromPart.amountNtd!], [...fromFull.amountNtd!], `amounts at ${index}`);
  }
  // A part out of order is read from the full arrays, not guessed.
  const shuffled = { ...narrowed, part: { ...narrowed.part, index: Int32Array.from([5, 2, 6, 11, 30, 49]) } };
  assert.deepEqual([...gatherDependency(sub([2, 5]), 'person', shuffled).eligible], [1, 2]);
});
