import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asOf } from './as-of.ts';
import type { Database } from './database.ts';
import { openTestDatabase, testEngine } from './test-database.ts';

/** The dated-row rule (migrations/0001_registry.ts) on one person's records, asked about several dates. */
const personId = '00000000-0000-4000-8000-000000000001';
const householdA = '00000000-0000-4000-8000-0000000000a1';
const membershipId = '00000000-0000-4000-8000-0000000000b1';
const certificateId = '00000000-0000-4000-8000-0000000000c1';
const t = (iso: string) => new Date(`${iso}T00:00:00Z`);

let database: Database;
before(async () => {
  database = await openTestDatabase();
  const { db } = database;
  await db
    .insertInto('person')
    .values({
      person_id: personId,
      id_number_kind: 'national_id',
      id_number_cipher: Buffer.from([1]),
      id_number_index: Buffer.from([1]),
    })
    .execute();
  const person = {
    person_id: personId,
    source: 'test',
    sex: 'F' as const,
    birth_date: '1980-02-29',
    registered_district_code: '64000080',
    city_registration_date: '1980-03-10',
    residence_district_code: '64000080',
    death_date: null,
    valid_to: null,
  };
  await db
    .insertInto('person_version')
    .values([
      { ...person, valid_from: '1980-02-29', name_zh: '王小美', recorded_at: t('1980-03-10') },
      // moved to 鳳山區 on 2022-05-01, recorded a week later
      {
        ...person,
        valid_from: '2022-05-01',
        name_zh: '王小美',
        registered_district_code: '64000120',
        recorded_at: t('2022-05-08'),
      },
    ])
    .execute();
  await db.insertInto('household').values({ household_id: householdA }).execute();
  const membership = {
    membership_id: membershipId,
    household_id: householdA,
    person_id: personId,
    role: 'applicant' as const,
    source: 'test',
  };
  await db
    .insertInto('household_membership')
    .values([
      { ...membership, valid_from: '2010-01-01', valid_to: null, recorded_at: t('2010-01-05') },
      // ended: the same segment again, now with its end (left on 2023-03-01), recorded later
      { ...membership, valid_from: '2010-01-01', valid_to: '2023-03-01', recorded_at: t('2023-03-02') },
    ])
    .execute();
  const certificate = {
    evidence_id: certificateId,
    person_id: personId,
    icf_category: 7,
    source: 'test',
    valid_from: '2021-01-01',
    valid_to: '2026-01-01',
  };
  await db
    .insertInto('disability_certificate')
    .values([
      { ...certificate, level: 'mild', recorded_at: t('2021-01-02') },
      // a correction of the level, recorded in 2023: it was moderate all along
      { ...certificate, level: 'moderate', recorded_at: t('2023-06-01') },
    ])
    .execute();
});
after(() => database.close());

const districtOn = async (on: string) =>
  (await asOf(database.db, 'person_version', on).select('registered_district_code').execute()).map(
    (r) => r.registered_district_code,
  );

test(`a later segment supersedes the earlier one from its first day (${testEngine})`, async () => {
  assert.deepEqual(await districtOn('2022-04-30'), ['64000080']);
  assert.deepEqual(await districtOn('2022-05-01'), ['64000120']);
  assert.deepEqual(await districtOn('1980-02-28'), [], 'nothing before the first segment');
});

test(`an ended record is gone from its end date, and still there the day before (${testEngine})`, async () => {
  const members = (on: string) =>
    asOf(database.db, 'household_membership', on, { narrow: (q) => q.where('household_id', '=', householdA) })
      .select('person_id')
      .execute();
  assert.equal((await members('2023-02-28')).length, 1);
  assert.equal((await members('2023-03-01')).length, 0);
  assert.equal((await members('2030-01-01')).length, 0, 'the earlier open version does not come back');
});

test(`a correction wins for every date, but not for what we knew before it (${testEngine})`, async () => {
  const level = async (on: string, knownAt?: Date) =>
    (
      await asOf(database.db, 'disability_certificate', on, knownAt ? { knownAt } : {})
        .select('level')
        .execute()
    ).map((r) => r.level);
  assert.deepEqual(await level('2022-01-01'), ['moderate']);
  assert.deepEqual(await level('2022-01-01', t('2022-12-31')), ['mild'], 'as known at the end of 2022');
  assert.deepEqual(await level('2025-12-31'), ['moderate']);
  assert.deepEqual(await level('2026-01-01'), [], 'expired');
});

test(`what we knew: a move recorded a week late is unknown before it was recorded (${testEngine})`, async () => {
  const district = await asOf(database.db, 'person_version', '2022-05-03', { knownAt: t('2022-05-03') })
    .select('registered_district_code')
    .execute();
  assert.deepEqual(
    district.map((r) => r.registered_district_code),
    ['64000080'],
  );
});
