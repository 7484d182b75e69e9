import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CalculateResponse, calculate, loadParameters } from '@safetynet/rules';
import { calculationJson } from './calculation-json.ts';
import { FOUR_PERSON_HOUSEHOLD } from './rules-schemas.ts';

test('calculationJson writes what JSON.stringify would, every program of the example household', () => {
  const parameters = loadParameters();
  const { programs: _, ...everyProgram } = FOUR_PERSON_HOUSEHOLD;
  const response = calculate(everyProgram, parameters);
  assert.deepEqual(JSON.parse(calculationJson(response)), JSON.parse(JSON.stringify(response)));
  assert.equal(
    calculationJson(calculate(everyProgram, parameters)),
    calculationJson(response),
    'the same with the texts written before',
  );
});

test('calculationJson: text to escape, numbers that are not finite, an unknown parameter', () => {
  const odd: CalculateResponse = {
    results: [
      {
        program: 'p',
        entity: 'person',
        id: 'a "quoted"\n\\ id',
        eligible: null,
        amountNtd: null,
        requested: false,
        reasons: [
          {
            code: 'c',
            passed: null,
            reference: 'r\\1',
            message: { zh: '不符：「x」"y"', en: 'tab\there' },
            threshold: Number.NaN,
            value: 1.5,
            because: { program: 'q', entity: 'household', id: 'h"1' },
          },
          {
            code: 'd',
            passed: true,
            reference: 'r',
            message: { zh: 'z', en: 'e' },
            threshold: 0,
            value: Number.POSITIVE_INFINITY,
            because: undefined,
          },
        ],
      },
    ],
    parameters: [
      { id: 'x', value: 'unknown', effectiveFrom: '2024-01-01', source: 's "1"', confidence: 'C' },
      { id: 'y', value: -0.25, effectiveFrom: '2024-01-01', source: 's', confidence: 'A' },
    ],
  };
  assert.deepEqual(JSON.parse(calculationJson(odd)), JSON.parse(JSON.stringify(odd)));
});

test('calculationJson writes numbers as JSON.stringify does: digits, signs, powers of ten, fractions', () => {
  const numbers = [
    0, -0, 1, 9, 10, 99, 100, 101, 999_999, 1_000_000, 14_419, -5, -10, 2_147_483_647, -2_147_483_647,
    2_147_483_648, 1e21, 0.1, -0.5, 123.456,
  ];
  const response: CalculateResponse = {
    results: [
      {
        program: 'p',
        entity: 'household',
        id: 'h',
        eligible: true,
        amountNtd: 7_000,
        reasons: numbers.map((n, k) => ({
          code: `c${k}`,
          passed: k % 2 === 0,
          reference: 'r',
          message: { zh: 'z', en: 'e' },
          threshold: n,
          value: -n,
          because: undefined,
        })),
        requested: true,
      },
    ],
    parameters: [],
  };
  assert.equal(calculationJson(response), JSON.stringify(response));
});
