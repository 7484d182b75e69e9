import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn, fromDayNumber, toDayNumber } from '@safetynet/core/calendar';
import type { ProgramContext } from '../engine/context.ts';
import { ageAtPeriodEnd, ageAtPeriodStart, ageOnDay } from './age.ts';
import { packedDate } from './elapsed.ts';

test('the integer age agrees with the calendar on every kind of day, leap days included', () => {
  let state = 7;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const samples: [string, string][] = [
    ['2000-02-29', '2023-02-28'],
    ['2000-02-29', '2023-03-01'],
    ['2000-02-29', '2024-02-29'],
    ['1958-07-01', '2023-06-30'],
    ['1958-07-01', '2023-07-01'],
    ['1900-01-01', '1999-12-31'],
  ];
  for (let n = 0; n < 2000; n++) {
    const birth = Math.floor(next() * 60_000) - 25_000;
    samples.push([fromDayNumber(birth), fromDayNumber(birth + Math.floor(next() * 40_000))]);
  }
  for (const [birth, on] of samples) {
    assert.equal(ageOnDay(toDayNumber(birth), toDayNumber(on)), ageOn(birth, on), `${birth} on ${on}`);
    assert.equal(String(packedDate(toDayNumber(on))), on.replaceAll('-', '').replace(/^0+/, ''));
  }
});

test('ages over a population (looked up per birth day) equal the ages one by one', () => {
  const count = 10_000;
  const birthDate = new Int32Array(count);
  let seed = 7;
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    birthDate[i] = toDayNumber('1905-01-01') + (seed % 45_000);
  }
  const periodStartDay = toDayNumber('2024-02-01');
  const periodEndDay = toDayNumber('2024-02-29');
  const ctx = {
    persons: { birthDate },
    periodStartDay,
    periodEndDay,
    variable: (_: string, f: () => unknown) => f(),
    newInt32Array: (length: number) => new Int32Array(length),
  };
  const atStart = ageAtPeriodStart(ctx as unknown as ProgramContext);
  const atEnd = ageAtPeriodEnd(ctx as unknown as ProgramContext);
  for (let i = 0; i < count; i++) {
    assert.equal(atStart[i], ageOnDay(birthDate[i]!, periodStartDay));
    assert.equal(atEnd[i], ageOnDay(birthDate[i]!, periodEndDay));
  }
});
