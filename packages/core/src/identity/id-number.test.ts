import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkIdNumber,
  isValidIdNumber,
  maskIdNumber,
  normalizeIdNumber,
  withCheckDigit,
} from './id-number.ts';

test('national ID numbers: valid samples with their sex', () => {
  assert.deepEqual(checkIdNumber('A123456789'), {
    valid: true,
    idNumber: 'A123456789',
    kind: 'national_id',
    sex: 'M',
  });
  // E = Kaohsiung City: E1 2345678 + check digit computed by hand: 1*1+4*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2+8*1 = 157 → 3
  assert.equal(checkIdNumber('E123456783').valid, true);
  // 1*1+4*9+2*8+2*7+3*6+4*5+5*4+6*3+7*2+8*1 = 165 → 5
  const female = checkIdNumber('E223456785');
  assert.equal(female.valid && female.sex, 'F');
  // letters whose values are out of alphabetical order: I = 34 → 3*1+4*9+1*8+2*7+…+8*1 = 159 → 1
  assert.equal(withCheckDigit('I12345678'), 'I123456781');
  assert.equal(isValidIdNumber('I123456781'), true);
});

test('national ID numbers: invalid samples say why', () => {
  assert.deepEqual(checkIdNumber('A123456788'), { valid: false, reason: 'checksum' });
  assert.deepEqual(checkIdNumber('A323456789'), { valid: false, reason: 'format' }); // 3 is no sex digit
  assert.deepEqual(checkIdNumber('A12345678'), { valid: false, reason: 'format' });
  assert.deepEqual(checkIdNumber('1123456789'), { valid: false, reason: 'format' });
  assert.deepEqual(checkIdNumber(''), { valid: false, reason: 'format' });
});

test('new-format resident certificate numbers (8 male, 9 female)', () => {
  const male = withCheckDigit('A80000001');
  assert.equal(male, 'A800000014');
  const result = checkIdNumber(male);
  assert.equal(result.valid && result.kind, 'resident_new');
  assert.equal(result.valid && result.sex, 'M');
  const female = checkIdNumber(withCheckDigit('F91234567'));
  assert.equal(female.valid && female.sex, 'F');
  assert.equal(checkIdNumber('A800000015').valid, false);
});

test('old-format resident certificate numbers use the units digit of the second letter', () => {
  const sample = checkIdNumber('AA00000009'); // the sources' example
  assert.equal(sample.valid && sample.kind, 'resident_old');
  assert.equal(sample.valid && sample.sex, undefined);
  assert.equal(checkIdNumber('AA00000008').valid, false);
  // D → 13 → units digit 3: F D 1234567 → 1*1+5*9+3*8+1*7+2*6+3*5+4*4+5*3+6*2+7*1 = 154 → 6
  assert.equal(checkIdNumber('FD12345676').valid, true);
  assert.equal(checkIdNumber('FE12345676').valid, false); // E is not a resident-certificate letter
});

test('input is normalised: spaces, lower case and full-width characters', () => {
  assert.equal(normalizeIdNumber(' a123456789 '), 'A123456789');
  assert.equal(normalizeIdNumber('Ａ１２３４５６７８９'), 'A123456789');
  assert.equal(isValidIdNumber('ａ123456789'), true);
});

test('masking keeps the first three and last two characters', () => {
  assert.equal(maskIdNumber('A123456789'), 'A12*****89');
  assert.equal(maskIdNumber('AA00000009'), 'AA0*****09');
});
