import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CopyTextWriter } from './copy-text.ts';

const text = (rows: Parameters<CopyTextWriter['row']>[0][]) => {
  const writer = new CopyTextWriter(4); // tiny, so that it has to grow
  for (const row of rows) writer.row(row);
  return Buffer.from(writer.take()).toString('utf8');
};

test('COPY text: NULL, booleans, numbers, bytea in hex, one line per row', () => {
  assert.equal(
    text([
      [null, true, false, 12, -3.5, Buffer.from([0, 255, 16])],
      ['x', ''],
    ]),
    '\\N\tt\tf\t12\t-3.5\t\\\\x00ff10\nx\t\n',
  );
});

test('COPY text: backslash, tab, newline and carriage return are escaped', () => {
  assert.equal(text([['a\\b\tc\nd\re']]), 'a\\\\b\\tc\\nd\\re\n');
});

test('COPY text: UTF-8 as TextEncoder writes it, astral characters and lone surrogates too', () => {
  const cells = ['王小明', 'é', '😀x', '\ud800', 'a\udc00b'];
  assert.deepEqual(
    Buffer.from(text([cells])),
    Buffer.from(new TextEncoder().encode(`${cells.join('\t')}\n`)),
  );
});

test('COPY text: take() hands over the rows written and starts afresh', () => {
  const writer = new CopyTextWriter();
  writer.row(['one']);
  assert.equal(Buffer.from(writer.take()).toString(), 'one\n');
  writer.row(['two']);
  assert.equal(Buffer.from(writer.take()).toString(), 'two\n');
});
