import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn } from '../calendar.ts';
import { KAOHSIUNG_DISTRICTS } from '../districts.ts';
import { checkIdNumber } from '../identity/id-number.ts';
import { generateCity, type SyntheticChunk } from './generate.ts';
import { TARGETS } from './model.ts';

function collect(scale: number, seed: number): SyntheticChunk[] {
  return [...generateCity({ scale, seed })];
}

test('the same seed gives the same city; another seed another', () => {
  const a = collect(0.001, 7);
  const b = collect(0.001, 7);
  const c = collect(0.001, 8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a[0]!.person.slice(0, 50), c[0]!.person.slice(0, 50));
});

const scale = 0.02;
const chunks = collect(scale, 1);
const all = <T extends keyof SyntheticChunk>(table: T) => chunks.flatMap((chunk) => chunk[table]);
const persons = all('person');
const households = all('household');
const versions = all('person_version');
const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance * expected,
    `${what}: ${actual} is not within ${tolerance * 100}% of ${expected}`,
  );

test('calibration: persons, households, ages, disability and statuses near the seeds at scale 0.02', () => {
  const ageById = new Map(versions.map((v) => [v[0] as string, ageOn(v[6] as string, '2023-06-30')]));
  const ages = [...ageById.values()];
  near(persons.length, TARGETS.persons * scale, 0.01, 'persons');
  near(households.length, TARGETS.households * scale, 0.03, 'households');
  near(ages.filter((a) => a >= 65).length / ages.length, TARGETS.share65Plus, 0.03, 'share 65+');
  near(ages.filter((a) => a <= 14).length / ages.length, TARGETS.share0To14, 0.06, 'share 0–14');
  near(ages.filter((a) => a < 1).length, TARGETS.under1 * scale, 0.25, 'under 1');
  near(ages.filter((a) => a < 2).length, TARGETS.under2 * scale, 0.2, 'under 2');
  const holders = new Set(
    all('disability_certificate')
      .filter((c) => (c[2] as string) <= '2023-06-30' && (c[3] as string) > '2023-06-30')
      .map((c) => c[1] as string),
  );
  near(holders.size / persons.length, TARGETS.shareDisability, 0.05, 'disability certificate holders');
  const statuses = all('status_register');
  const count = (status: string) => statuses.filter((s) => s[1] === status).length;
  near(count('low_income'), TARGETS.lowIncomeHouseholds * scale, 0.15, 'low-income households');
  near(count('mid_low_income'), TARGETS.midLowIncomeHouseholds * scale, 0.15, 'mid-low-income households');
  near(
    count('senior_living_alone'),
    TARGETS.seniorsLivingAloneOnRegister * scale,
    0.15,
    'seniors living alone',
  );
  assert.ok(count('homeless') > 0);
});

test('districts get their share of the population', () => {
  const byDistrict = new Map<string, number>();
  const current = new Map(versions.map((v) => [v[0] as string, v[7] as string]));
  for (const code of current.values()) byDistrict.set(code, (byDistrict.get(code) ?? 0) + 1);
  for (const district of [KAOHSIUNG_DISTRICTS[4]!, KAOHSIUNG_DISTRICTS[11]!, KAOHSIUNG_DISTRICTS[7]!]) {
    near(
      byDistrict.get(district.code) ?? 0,
      district.registeredPopulation * 0.9993 * scale,
      0.01,
      district.nameZh,
    );
  }
});

test('every ID number is valid and unique; every household has exactly one applicant', () => {
  const ids = persons.map((p) => p[2] as string);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.every((id) => checkIdNumber(id).valid));
  const kinds = new Set(persons.map((p) => p[1]));
  assert.deepEqual([...kinds].sort(), ['national_id', 'resident_new', 'resident_old']);
  const applicants = new Map<string, number>();
  for (const m of all('household_membership')) {
    if (m[6] === 'applicant' && m[4] === null)
      applicants.set(m[1] as string, (applicants.get(m[1] as string) ?? 0) + 1);
  }
  assert.equal(applicants.size, households.length);
  assert.ok([...applicants.values()].every((n) => n === 1));
});

test('status households have incomes under their thresholds (per capita, 2023)', () => {
  const income = new Map<string, number>();
  for (const row of all('income_evidence'))
    income.set(row[1] as string, (income.get(row[1] as string) ?? 0) + (row[6] as number));
  const members = new Map<string, string[]>();
  for (const m of all('household_membership')) {
    if (m[4] !== null) continue;
    members.set(m[1] as string, [...(members.get(m[1] as string) ?? []), m[2] as string]);
  }
  for (const status of all('status_register').filter((s) => s[1] === 'low_income')) {
    const people = members.get(status[2] as string)!;
    const total = people.reduce((sum, id) => sum + (income.get(id) ?? 0), 0);
    assert.ok(total <= 14_419 * people.length, `household ${status[2]} total ${total}`);
  }
});

test('low-income classes and insurance enrolment: class 1 near the seed share; seniors have an NHI record', () => {
  const classes = all('status_register')
    .filter((s) => s[1] === 'low_income')
    .map((s) => s[7]);
  // Seed 001 三(一)1: ≈ 6,570 of ≈ 15,091 low-income households a month get the class-1 family allowance.
  near(classes.filter((c) => c === '1').length / classes.length, 6_570 / 15_091, 0.15, 'class 1 share');
  const nhi = new Set(
    all('insurance_enrolment')
      .filter((r) => r[5] === 'nhi')
      .map((r) => r[1] as string),
  );
  const seniors = versions.filter((v) => ageOn(v[6] as string, '2023-06-30') >= 65).map((v) => v[0]);
  // All but the homeless (in no household, so without household evidence).
  const recorded = seniors.filter((id) => nhi.has(id as string)).length;
  assert.ok(seniors.length > 0 && recorded >= seniors.length * 0.99, `${recorded} of ${seniors.length}`);
  const cash = all('insurance_enrolment').filter((r) => r[5] !== 'nhi');
  assert.ok(cash.length > 0 && cash.every((r) => (r[6] as number) > 0));
});
