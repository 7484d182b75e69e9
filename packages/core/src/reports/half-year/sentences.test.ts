import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figuresOf as f, inputOf } from './half-year-fixtures.ts';
import { program } from './report-structure.ts';
import {
  amount,
  counted,
  monthlyAverage,
  monthSpan,
  PERSON_TIMES,
  PERSONS,
  paidSentence,
  percentOf,
  roundedAverage,
} from './sentences.ts';

test('counts and amounts as the report prints them', () => {
  assert.equal(counted(252_647, '人次'), '252,647人次');
  assert.equal(counted(0, '人'), '0人');
  assert.equal(counted(1, '戶(人)次'), '1戶(人)次');
  assert.equal(amount(1_733_847_174), '17億3,384萬7,174元');
  assert.equal(amount(15_000), '1萬5,000元');
  assert.equal(amount(1), '1元');
});

test('a paid sentence: the figures it names, the unit and the amount joined as the seed joins it', () => {
  const ref = program('senior-living-allowance', '中低收入老人生活津貼');
  const sentence = paidSentence(ref, '中低收入老人生活津貼', [PERSON_TIMES]);
  assert.equal(
    sentence.sentence(inputOf({ [ref.id]: f(45_000, 252_647, 1_733_847_174) })),
    '中低收入老人生活津貼，112年1月至6月補助252,647人次、17億3,384萬7,174元。',
  );
  // One payment of one NTD is still a measured figure.
  assert.equal(
    sentence.sentence(inputOf({ [ref.id]: f(1, 1, 1) })),
    '中低收入老人生活津貼，112年1月至6月補助1人次、1元。',
  );
  const persons = paidSentence(ref, '生育津貼', [PERSONS], { amountJoin: null });
  assert.equal(
    persons.sentence(inputOf({ [ref.id]: f(7_066, 9_000, 175_200_000) })),
    '生育津貼，112年1月至6月補助7,066人。',
  );
  const joined = paidSentence(ref, '救助本市遭受急難之民眾', [PERSON_TIMES], {
    verb: '救助',
    amountJoin: '、補助',
  });
  assert.equal(
    joined.sentence(inputOf({ [ref.id]: f(1_000, 1_846, 12_149_200) })),
    '救助本市遭受急難之民眾，112年1月至6月救助1,846人次、補助1,214萬9,200元。',
  );
});

test('a program without payments in the period says so and prints no number but the period', () => {
  const ref = program('senior-living-allowance', '中低收入老人生活津貼');
  const text = paidSentence(ref, '中低收入老人生活津貼', [PERSON_TIMES]).sentence(inputOf({}));
  assert.equal(text, '中低收入老人生活津貼，本期無核付紀錄（112年1月至6月）。');
});

test('shares in percent: two decimals, half up, integer arithmetic', () => {
  assert.equal(percentOf(510_792, 2_735_763), '18.67%');
  assert.equal(percentOf(146_410, 2_735_763), '5.35%');
  assert.equal(percentOf(1, 3), '33.33%');
  assert.equal(percentOf(2, 3), '66.67%');
  assert.equal(percentOf(1, 8), '12.50%');
  // 1/16 = 6.25%; 1/1600 = 0.0625% rounds half up to 0.06%; 1/800 = 0.125% to 0.13%.
  assert.equal(percentOf(1, 1_600), '0.06%');
  assert.equal(percentOf(1, 800), '0.13%');
  assert.equal(percentOf(0, 5), '0.00%');
  assert.equal(percentOf(5, 5), '100.00%');
  assert.throws(() => percentOf(1, 0), RangeError);
});

test('averages round half up; the average spans the months from the first to the last with payments', () => {
  assert.equal(roundedAverage(5, 2), 3);
  assert.equal(roundedAverage(4, 3), 1);
  assert.equal(roundedAverage(0, 6), 0);
  assert.throws(() => roundedAverage(1, 0), RangeError);
  assert.equal(monthSpan('2023-01', '2023-06'), 6);
  assert.equal(monthSpan('2022-10', '2023-03'), 6);
  const months = {
    x: [
      { month: '2023-01', persons: 370 },
      { month: '2023-02', persons: 374 },
      { month: '2023-05', persons: 372 },
    ],
  };
  // January to May: 370 + 374 + 0 + 0 + 372 over five months.
  assert.deepEqual(monthlyAverage(inputOf({}, months), 'x'), {
    period: '112年1月至5月',
    months: 5,
    persons: 223,
  });
  assert.deepEqual(monthlyAverage(inputOf({}, { x: [{ month: '2023-03', persons: 9 }] }), 'x'), {
    period: '112年3月',
    months: 1,
    persons: 9,
  });
  assert.throws(() => monthlyAverage(inputOf({}), 'x'), RangeError);
});
