import type { Comparison } from './context.ts';
import type { LiveWords } from './fold.ts';

/** UNKNOWN as in context.ts (which imports this file, so a literal here). */
const UNKNOWN = 2;

/** `value op threshold` per entity: PASSED, FAILED, or UNKNOWN where either side is NaN (an unknown). */
export function compareValues(
  value: ArrayLike<number>,
  op: Comparison,
  threshold: number | ArrayLike<number>,
  count: number,
  outcome: Uint8Array = new Uint8Array(count),
): Uint8Array {
  if (typeof threshold === 'number') {
    if (Number.isNaN(threshold)) return outcome.fill(UNKNOWN);
    compareScalar(value, op, threshold, outcome, 0, count);
  } else {
    compareColumns(value, op, threshold, outcome, 0, count);
  }
  return outcome;
}

/** `compareValues` for the entities of the live words (4 per word) and those after the last word. */
export function compareLive(
  value: ArrayLike<number>,
  op: Comparison,
  threshold: number | ArrayLike<number>,
  outcome: Uint8Array,
  live: LiveWords,
): Uint8Array {
  const { words, list, count } = live;
  const n = outcome.length;
  // Most words live: one plain loop over every entity costs less than a call per live word (the outcomes of
  // entities out of play are not read).
  if (count * 2 > words) return compareValues(value, op, threshold, n, outcome);
  if (typeof threshold === 'number') {
    if (Number.isNaN(threshold)) return outcome.fill(UNKNOWN);
    for (let k = 0; k < count; k++) {
      const from = list[k]! * 4;
      compareScalar(value, op, threshold, outcome, from, from + 4);
    }
    compareScalar(value, op, threshold, outcome, words * 4, n);
  } else {
    for (let k = 0; k < count; k++) {
      const from = list[k]! * 4;
      compareColumns(value, op, threshold, outcome, from, from + 4);
    }
    compareColumns(value, op, threshold, outcome, words * 4, n);
  }
  return outcome;
}

/*
 * One plain loop per operator: these run for every check over a whole city, so the comparison is chosen
 * once, and outcomes are written as their codes (0 failed, 1 passed, 2 unknown where a value is NaN)
 * without a branch: `+(v >= t)` is the comparison as 0 or 1, `+Number.isNaN(v)` is 1 for NaN alone (NaN fails
 * every comparison, so its code is 2). Outcomes over a city follow no pattern the processor could
 * predict; written as branches, the loops measured three to four times slower.
 */
function compareScalar(
  value: ArrayLike<number>,
  op: Comparison,
  t: number,
  out: Uint8Array,
  from: number,
  n: number,
) {
  switch (op) {
    case '>=':
      for (let i = from; i < n; i++) {
        const v = value[i]!;
        out[i] = +(v >= t) | (+Number.isNaN(v) << 1);
      }
      return;
    case '<=':
      for (let i = from; i < n; i++) {
        const v = value[i]!;
        out[i] = +(v <= t) | (+Number.isNaN(v) << 1);
      }
      return;
    case '>':
      for (let i = from; i < n; i++) {
        const v = value[i]!;
        out[i] = +(v > t) | (+Number.isNaN(v) << 1);
      }
      return;
    case '<':
      for (let i = from; i < n; i++) {
        const v = value[i]!;
        out[i] = +(v < t) | (+Number.isNaN(v) << 1);
      }
      return;
    default:
      for (let i = from; i < n; i++) {
        const v = value[i]!;
        out[i] = +(v === t) | (+Number.isNaN(v) << 1);
      }
  }
}

/**
 * As compareScalar, against a threshold per entity (unknown where either is NaN). Few checks compare two
 * columns, so one loop serves every operator (the operator's test is the same at every entity).
 */
function compareColumns(
  value: ArrayLike<number>,
  op: Comparison,
  threshold: ArrayLike<number>,
  out: Uint8Array,
  from: number,
  n: number,
) {
  for (let i = from; i < n; i++) {
    const v = value[i]!;
    const t = threshold[i]!;
    const holds =
      op === '>=' ? v >= t : op === '<=' ? v <= t : op === '>' ? v > t : op === '<' ? v < t : v === t;
    out[i] = +holds | ((+Number.isNaN(v) | +Number.isNaN(t)) << 1);
  }
}
