import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareLive, compareValues } from './compare.ts';
import type { Comparison } from './context.ts';
import type { LiveWords } from './fold.ts';

const OPERATORS: Comparison[] = ['>=', '<=', '>', '<', '=='];

/** The comparison by its definition: 2 where either side is NaN, else 1 when it holds, 0 when not. */
function expected(v: number, op: Comparison, t: number): number {
  if (Number.isNaN(v) || Number.isNaN(t)) return 2;
  const holds =
    op === '>=' ? v >= t : op === '<=' ? v <= t : op === '>' ? v > t : op === '<' ? v < t : v === t;
  return holds ? 1 : 0;
}

// Values around the threshold 5, with NaN (unknown), infinities and fractions, in each column type.
const SAMPLE = [4, 5, 6, Number.NaN, 4.5, 5.5, -Infinity, Infinity, 0, -5, 5, Number.NaN];

test('each operator gives 1, 0, or 2 for an unknown value, against a scalar and per entity', () => {
  const columns = [
    Float64Array.from(SAMPLE),
    Int32Array.from(SAMPLE.map((v) => (Number.isFinite(v) ? Math.trunc(v) : 0))),
    Uint8Array.from(SAMPLE.map((v) => (Number.isFinite(v) && v >= 0 ? Math.trunc(v) : 0))),
  ];
  const thresholds = Float64Array.from(SAMPLE.map((_, i) => (i % 4 === 3 ? Number.NaN : 5)));
  for (const value of columns) {
    for (const op of OPERATORS) {
      const scalar = compareValues(value, op, 5, value.length);
      const perEntity = compareValues(value, op, thresholds, value.length);
      for (let i = 0; i < value.length; i++) {
        assert.equal(scalar[i], expected(value[i]!, op, 5), `${value.constructor.name} ${op} 5 at ${i}`);
        assert.equal(perEntity[i], expected(value[i]!, op, thresholds[i]!), `${op} per entity at ${i}`);
      }
    }
  }
});

test('an unknown threshold leaves every entity undetermined', () => {
  assert.deepEqual([...compareValues(Float64Array.of(1, 2, 3), '>=', Number.NaN, 3)], [2, 2, 2]);
});

test('over live words, the entities in play get their outcome whether few or most words are live', () => {
  const count = 4 * 40 + 3;
  const value = Float64Array.from({ length: count }, (_, i) => (i % 7 === 0 ? Number.NaN : i % 11));
  const full = compareValues(value, '>', 4, count);
  // Few words live (a call per word), then most (one loop over every entity).
  for (const liveWords of [[1, 7, 30], Array.from({ length: 35 }, (_, w) => w + 2)]) {
    const live: LiveWords = { words: 40, list: Int32Array.from(liveWords), count: liveWords.length };
    const outcome = compareLive(value, '>', 4, new Uint8Array(count), live);
    const inPlay = [...liveWords.flatMap((w) => [4 * w, 4 * w + 1, 4 * w + 2, 4 * w + 3]), 160, 161, 162];
    for (const i of inPlay)
      assert.equal(outcome[i], full[i], `entity ${i} with ${liveWords.length} live words`);
  }
});
