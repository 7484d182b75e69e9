import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskName } from './name-mask.ts';

test('a name keeps its first and last characters, the rest masked', () => {
  assert.equal(maskName('王小明'), '王○明');
  assert.equal(maskName('歐陽小明'), '歐○○明');
  assert.equal(maskName('王明'), '王○');
  assert.equal(maskName('明'), '○');
  assert.equal(maskName(' 林𠀋安 '), '林○安', 'characters outside the BMP count as one');
  assert.equal(maskName(''), '');
});
