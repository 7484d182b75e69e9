import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHeader, validateRow } from './validate.ts';

const header = ['id_number', 'name', 'sex', 'birth_date', 'registered_district', 'death_date'];

test('a good person line is normalised: ID upper-cased, ROC date, district name to code', () => {
  const { record, problems } = validateRow(
    'persons',
    header,
    ['e123456783', ' 王小明 ', 'M', '69/01/05', '苓雅', ''],
    2,
  );
  assert.deepEqual(problems, []);
  assert.equal(record?.id_number, 'E123456783');
  assert.equal(record?.name, '王小明');
  assert.equal(record?.birth_date, '1980-01-05');
  assert.equal(record?.registered_district, '64000080');
  assert.equal(record?.death_date, null);
});

test('every bad cell of a line is reported with its column, in both languages', () => {
  const { record, problems } = validateRow(
    'persons',
    header,
    ['E123456784', '', 'X', '2023-02-29', '台北', ''],
    7,
  );
  assert.equal(record, undefined);
  assert.deepEqual(
    problems.map((p) => [p.line, p.column]),
    [
      [7, 'id_number'],
      [7, 'name'],
      [7, 'sex'],
      [7, 'birth_date'],
      [7, 'registered_district'],
    ],
  );
  assert.ok(problems.every((p) => p.zh && p.en));
  assert.match(problems[0]!.en, /check digit/);
});

test('rules across cells: dates in order, statuses on the right entity, amounts not negative', () => {
  const death = validateRow('persons', header, ['E123456783', '王', 'M', '1980-01-01', '', '1979-12-31'], 2);
  assert.equal(death.problems[0]?.column, 'death_date');
  const incomeHeader = ['id_number', 'income_type', 'monthly_amount_ntd', 'valid_from', 'valid_to'];
  const reversed = validateRow(
    'income',
    incomeHeader,
    ['E123456783', 'earned', '30000', '2023-06-01', '2023-06-01'],
    3,
  );
  assert.equal(reversed.problems[0]?.column, 'valid_to');
  const negative = validateRow('income', incomeHeader, ['E123456783', 'earned', '-1', '2023-06-01', ''], 4);
  assert.equal(negative.problems[0]?.column, 'monthly_amount_ntd');
  const statusHeader = ['status', 'household_ref', 'id_number', 'category', 'valid_from'];
  const wrong = validateRow('statuses', statusHeader, ['low_income', '', 'E123456783', '', '2023-01-01'], 5);
  assert.equal(wrong.problems[0]?.column, 'household_ref');
  const ragged = validateRow('statuses', statusHeader, ['low_income'], 6);
  assert.equal(ragged.problems[0]?.column, '*');
});

test('headers: missing required and unknown columns', () => {
  assert.deepEqual(
    checkHeader('memberships', ['household_ref', 'role', 'valid_from', 'colour']).map((p) => p.column),
    ['id_number', 'colour'],
  );
  assert.deepEqual(checkHeader('households', ['household_ref', 'district', 'valid_from']), []);
});
