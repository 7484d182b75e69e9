import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadParameters } from './load.ts';
import { ParameterNotInForceError, ParameterUnknownError } from './parameter.ts';
import { ParameterSet } from './parameter-set.ts';
import { ParameterFileError, parseParameterFile } from './parse.ts';

const parameters = loadParameters();

test('the value in force on a date is one call, with its source', () => {
  assert.equal(parameters.valueOn('social-assistance.minimum-living-cost', '2023-06-30'), 14_419);
  assert.equal(parameters.valueOn('social-assistance.minimum-living-cost', '2024-12-31'), 14_419);
  assert.equal(parameters.valueOn('social-assistance.minimum-living-cost', '2025-01-01'), 16_040);
  const entry = parameters.entryOn('social-assistance.minimum-living-cost', '2023-06-30');
  assert.deepEqual(entry?.source.kind, 'seed');
  assert.equal(entry?.source.confidence, 'A');
  assert.equal(parameters.valueOn('cross-cutting.minimum-wage', '2023-12-31'), 26_400);
  assert.equal(parameters.valueOn('cross-cutting.minimum-wage', '2024-01-01'), 27_470);
});

test('before the first value nothing is in force', () => {
  assert.throws(
    () => parameters.valueOn('cross-cutting.minimum-wage', '2017-12-31'),
    ParameterNotInForceError,
  );
});

test('every parameter file has a source and a confidence mark for every value', () => {
  assert.ok(parameters.ids().length >= 3);
  for (const id of parameters.ids()) {
    for (const value of parameters.get(id).values) {
      assert.ok(value.source.reference.length > 0, `${id} ${value.from}`);
      assert.match(value.source.confidence, /^[ABC]$/);
    }
  }
});

const file = (values: string) => `description: { zh: 測試, en: Test }\nunit: NTD\nvalues:\n${values}`;

test('an unknown value stays unknown: asking for it says so, with its note', () => {
  const p = parseParameterFile(
    'test.p',
    file(
      '  2018-01-01: { value: 100, law: "X 第1條", confidence: A }\n  2020-01-01: { value: unknown, reference: "§13", confidence: C, note: "not announced" }\n',
    ),
  );
  const set = new ParameterSet([p]);
  assert.equal(set.valueOn('test.p', '2019-12-31'), 100);
  assert.throws(
    () => set.valueOn('test.p', '2020-01-01'),
    (e: unknown) => {
      assert.ok(e instanceof ParameterUnknownError);
      assert.match(e.message, /not announced/);
      return true;
    },
  );
});

test('a bad file lists every problem', () => {
  assert.throws(
    () =>
      parseParameterFile(
        'test.bad',
        file(
          '  2018-13-01: { value: 1, law: "x", confidence: A }\n  2019-01-01: { value: "12", confidence: D }\n  2020-01-01: { value: unknown, law: "x", confidence: C }\n',
        ),
      ),
    (e: unknown) => {
      assert.ok(e instanceof ParameterFileError);
      assert.equal(e.problems.length, 5, e.problems.join('\n'));
      return true;
    },
  );
});

test('what-if overrides: a factor from a date, the original set unchanged', () => {
  const plus5 = parameters.withOverrides([
    { id: 'social-assistance.minimum-living-cost', factorPercent: 5, from: '2023-01-01' },
  ]);
  assert.equal(plus5.valueOn('social-assistance.minimum-living-cost', '2023-06-30'), 15_140); // 15,139.95
  assert.equal(plus5.valueOn('social-assistance.minimum-living-cost', '2025-06-30'), 16_842);
  assert.equal(plus5.valueOn('social-assistance.minimum-living-cost', '2022-06-30'), 14_419);
  assert.equal(
    plus5.entryOn('social-assistance.minimum-living-cost', '2023-06-30')?.source.reference,
    'what-if',
  );
  assert.equal(parameters.valueOn('social-assistance.minimum-living-cost', '2023-06-30'), 14_419);
  const midYear = parameters.withOverrides([
    { id: 'cross-cutting.minimum-wage', value: 30_000, from: '2023-07-01' },
  ]);
  assert.equal(midYear.valueOn('cross-cutting.minimum-wage', '2023-06-30'), 26_400);
  assert.equal(midYear.valueOn('cross-cutting.minimum-wage', '2023-07-01'), 30_000);
  assert.equal(midYear.valueOn('cross-cutting.minimum-wage', '2026-07-01'), 30_000);
});
