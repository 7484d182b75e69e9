import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addMonths,
  ageOn,
  formatRocDate,
  formatRocDateSlash,
  formatRocMonth,
  fromDayNumber,
  isIsoDate,
  lastDayOfMonth,
  parseRocDate,
  rocYear,
  taipeiDay,
  toDayNumber,
} from './calendar.ts';

test('age: one year older on the birthday, not the day before', () => {
  assert.equal(ageOn('1958-07-01', '2023-06-30'), 64);
  assert.equal(ageOn('1958-07-01', '2023-07-01'), 65);
  assert.equal(ageOn('2023-06-30', '2023-06-30'), 0);
});

test('age: born on 29 February, older from 1 March in a common year and on 29 February in a leap year', () => {
  assert.equal(ageOn('2000-02-29', '2001-02-28'), 0);
  assert.equal(ageOn('2000-02-29', '2001-03-01'), 1);
  assert.equal(ageOn('2000-02-29', '2004-02-28'), 3);
  assert.equal(ageOn('2000-02-29', '2004-02-29'), 4);
});

test('months: last days, leap Februaries, and month arithmetic across years', () => {
  assert.equal(lastDayOfMonth('2023-02'), '2023-02-28');
  assert.equal(lastDayOfMonth('2024-02'), '2024-02-29');
  assert.equal(lastDayOfMonth('1900-02'), '1900-02-28');
  assert.equal(lastDayOfMonth('2000-02'), '2000-02-29');
  assert.equal(lastDayOfMonth('2023-06'), '2023-06-30');
  assert.equal(addMonths('2023-11', 3), '2024-02');
  assert.equal(addMonths('2023-01', -1), '2022-12');
  assert.throws(() => lastDayOfMonth('2023-13'), RangeError);
});

test('day numbers round-trip and validate', () => {
  assert.equal(toDayNumber('1970-01-01'), 0);
  assert.equal(fromDayNumber(toDayNumber('2024-02-29') + 1), '2024-03-01');
  assert.equal(isIsoDate('2023-02-29'), false);
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2024-2-9'), false);
});

test('ROC (民國) years: formatting and parsing', () => {
  assert.equal(rocYear('2023-06-30'), 112);
  assert.equal(rocYear(1912), 1);
  assert.equal(formatRocDate('2023-06-30'), '112年6月30日');
  assert.equal(formatRocDateSlash('2018-01-05'), '107/01/05');
  assert.equal(parseRocDate('112/06/30'), '2023-06-30');
  assert.equal(parseRocDate('1120630'), '2023-06-30');
  assert.equal(parseRocDate('民國112年6月30日'), '2023-06-30');
  assert.equal(parseRocDate('99.1.5'), '2010-01-05');
  assert.equal(parseRocDate('112/02/29'), undefined, '2023 is a common year');
  assert.equal(parseRocDate('2023-06-30'), undefined);
});

test('ROC dates and months read as the ROC calendar of Intl (zh-TW-u-ca-roc) writes them', () => {
  const long = new Intl.DateTimeFormat('zh-TW-u-ca-roc', { dateStyle: 'long', timeZone: 'UTC' });
  const monthly = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  for (const date of ['1912-01-01', '2011-12-31', '2024-02-29', '2024-06-30', '2026-11-05']) {
    const at = new Date(`${date}T00:00:00Z`);
    assert.equal(`民國${formatRocDate(date)}`, long.format(at), date);
    assert.equal(`民國${formatRocMonth(date.slice(0, 7))}`, monthly.format(at), date);
  }
  assert.equal(formatRocMonth('2024-07'), '113年7月');
  assert.throws(() => formatRocMonth('2024-13'), RangeError);
});

test('the day in Taiwan (UTC+8): 16:00 UTC is already the next day there', () => {
  assert.equal(taipeiDay(new Date('2024-06-30T15:59:59Z')), '2024-06-30');
  assert.equal(taipeiDay(new Date('2024-06-30T16:00:00Z')), '2024-07-01');
  assert.equal(taipeiDay('2024-12-31T23:30:00.000Z'), '2025-01-01');
});
