import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type SuppressibleCell, suppressSmallCells } from './open-data-suppression.ts';

const cells = (group: string, counts: Record<string, number>): SuppressibleCell[] =>
  Object.entries(counts).map(([key, recipients]) => ({ group, key: `${group}/${key}`, recipients }));

test('a cell of 2 recipients is suppressed, one of 3 is shown (threshold 3)', () => {
  const s = suppressSmallCells([...cells('g', { a: 2, b: 3, c: 10, d: 40 })]);
  assert.equal(s.cells.get('g/a'), 'small');
  // One small cell alone could be told from the total: the smallest shown one is suppressed with it.
  assert.equal(s.cells.get('g/b'), 'complementary');
  assert.equal(s.cells.has('g/c'), false);
  assert.equal(s.cells.has('g/d'), false);
  assert.equal(s.totals.size, 0);
});

test('nothing is suppressed in a group without small cells', () => {
  const s = suppressSmallCells(cells('g', { a: 3, b: 3, c: 100 }));
  assert.equal(s.cells.size, 0);
  assert.equal(s.totals.size, 0);
});

test('two small cells adding up to fewer than the threshold take a third one with them', () => {
  const s = suppressSmallCells(cells('g', { a: 1, b: 1, c: 7, d: 5 }));
  assert.deepEqual([...s.cells].sort(), [
    ['g/a', 'small'],
    ['g/b', 'small'],
    ['g/d', 'complementary'],
  ]);
});

test('two small cells adding up to the threshold are enough on their own', () => {
  const s = suppressSmallCells(cells('g', { a: 1, b: 2, c: 9 }));
  assert.deepEqual([...s.cells.keys()].sort(), ['g/a', 'g/b']);
  assert.equal(s.totals.size, 0);
});

test('a group that runs out of cells has its total suppressed too', () => {
  const s = suppressSmallCells([
    ...cells('one', { a: 2 }),
    ...cells('pair', { a: 1, b: 1 }),
    ...cells('ok', { a: 4 }),
  ]);
  assert.deepEqual([...s.totals].sort(), ['one', 'pair']);
  assert.equal(s.cells.get('one/a'), 'small');
});

test('groups are independent; ties are broken by key, so the same data gives the same answer', () => {
  const input = [...cells('x', { b: 5, a: 5, c: 2 }), ...cells('y', { a: 2, b: 8, c: 6 })];
  const s = suppressSmallCells(input);
  assert.equal(s.cells.get('x/a'), 'complementary');
  assert.equal(s.cells.has('x/b'), false);
  assert.equal(s.cells.get('y/c'), 'complementary');
  assert.deepEqual(suppressSmallCells([...input].reverse()), s);
});

test('after suppression, the total minus the shown cells never gives one cell or a small sum', () => {
  // Every group of up to five cells with 1–6 recipients each.
  const failures: string[] = [];
  const counts = [1, 2, 3, 4, 5, 6];
  const groups: number[][] = [[]];
  for (let size = 0; size < 5; size++) {
    for (const g of [...groups]) if (g.length === size) for (const c of counts) groups.push([...g, c]);
  }
  for (const [n, group] of groups.entries()) {
    if (group.length === 0) continue;
    const input = group.map((recipients, k) => ({ group: `g${n}`, key: `g${n}/${k}`, recipients }));
    const s = suppressSmallCells(input);
    const hidden = input.filter((c) => s.cells.has(c.key));
    if (input.some((c) => c.recipients < 3 && !s.cells.has(c.key)))
      failures.push(`${group}: small cell shown`);
    if (s.totals.has(`g${n}`)) continue;
    const hiddenSum = hidden.reduce((sum, c) => sum + c.recipients, 0);
    if (hidden.length === 1 || (hidden.length > 0 && hiddenSum < 3))
      failures.push(`${group}: back-computable`);
  }
  assert.deepEqual(failures, []);
});

test('a threshold must be a whole number of at least 1', () => {
  assert.throws(() => suppressSmallCells([], 0), RangeError);
});
