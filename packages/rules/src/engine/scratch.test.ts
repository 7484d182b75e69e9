import assert from 'node:assert/strict';
import test from 'node:test';
import { scratch, scratchFloat64, scratchInt32, scratchUint8 } from './scratch.ts';

test('scratch arrays are zeroed, apart, aligned, and handed back as a stack', () => {
  const start = scratch.mark();
  const bytes = scratchUint8(1_000);
  const ints = scratchInt32(1_000);
  const floats = scratchFloat64(1_000);
  for (const array of [bytes, ints, floats]) {
    assert.ok(scratch.owns(array));
    assert.equal(array.byteOffset % 64, 0);
    assert.ok(array.every((value) => value === 0));
  }
  bytes.fill(7);
  ints.fill(-1);
  floats.fill(0.5);
  // Nothing shared between arrays taken at once.
  assert.ok(ints.every((value) => value === -1));
  assert.ok(floats.every((value) => value === 0.5));

  // A nested program takes above and gives back to its own mark; the outer arrays are untouched.
  const nested = scratch.mark();
  const inner = scratchUint8(500);
  inner.fill(9);
  scratch.release(nested);
  assert.ok(bytes.every((value) => value === 7));

  // Memory handed back comes again zeroed.
  scratch.release(start);
  const again = scratchInt32(2_000);
  assert.equal(again.byteOffset, bytes.byteOffset);
  assert.ok(again.every((value) => value === 0));
  scratch.release(start);
});

test('an array too large for the scratch memory is a new one', () => {
  const start = scratch.mark();
  const large = scratchFloat64(5_000_000);
  assert.equal(scratch.owns(large), false);
  assert.equal(large.length, 5_000_000);
  assert.equal(scratch.mark(), start);
});

test('arrays that do not fit in what is left of a buffer come from the next, and the stack unwinds across', () => {
  const start = scratch.mark();
  const arrays: Uint8Array[] = [];
  // 16 MB each: the fifth does not fit in the first 64 MB buffer.
  for (let n = 0; n < 6; n++) {
    const array = scratchUint8(16 * 1024 * 1024);
    array[0] = n + 1;
    arrays.push(array);
  }
  assert.notEqual(arrays[5]!.buffer, arrays[0]!.buffer);
  for (const [n, array] of arrays.entries()) assert.equal(array[0], n + 1);
  scratch.release(start);
  const after = scratchUint8(16 * 1024 * 1024);
  assert.equal(after.buffer, arrays[0]!.buffer);
  assert.equal(after[0], 0);
  scratch.release(start);
});
