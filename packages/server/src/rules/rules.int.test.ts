import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KAOHSIUNG_DISTRICTS } from '@safetynet/core/districts';
import { calculate, ELIGIBLE, loadParameters, PROGRAMS, UNDETERMINED } from '@safetynet/rules';
import { caseOfHousehold } from '@safetynet/rules/engine/case-of';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { buildServer } from '../http/app.ts';
import { addAccount, signedIn } from '../http/test-clients.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { loadSyntheticCity } from '../synth/load.ts';
import { evaluateCity, storeCityEvaluation } from './evaluate-city.ts';
import { readRegistryPopulation } from './population-snapshot.ts';
import { simulate } from './simulate.ts';
import { latestSnapshot, loadSnapshot, makeSnapshot } from './snapshot-store.ts';

const PERIOD = '2024-06';
/** The synthetic city's school year ends on 2023-08-01: its schools show in June 2023. */
const SCHOOL_MONTH = '2023-06';
const parameters = loadParameters();
let database: Database;
before(async () => {
  database = await openTestDatabase();
  await loadSyntheticCity(database, { scale: 0.002, seed: 5 });
});
after(() => database.close());

const count = async (query: string) =>
  Number((await sql<{ n: string }>`${sql.raw(query)}`.execute(database.db)).rows[0]!.n);

test(`a snapshot holds every person alive at the month's end in a household, and loads back the same (${testEngine})`, async () => {
  const fromRegistry = await readRegistryPopulation(database, SCHOOL_MONTH);
  const alive = await count(`SELECT count(DISTINCT person_id) AS n FROM person_version
    WHERE death_date IS NULL OR death_date > '2023-06-30'`);
  const inNoHousehold = await count(`SELECT count(DISTINCT person_id) AS n FROM person_version v
    WHERE (death_date IS NULL OR death_date > '2023-06-30')
      AND NOT EXISTS (SELECT 1 FROM household_membership m WHERE m.person_id = v.person_id)`);
  // Everyone alive; a person in no household (the homeless) is a household of one.
  assert.equal(fromRegistry.persons.count, alive);
  assert.ok(inNoHousehold > 0);
  assert.equal(
    fromRegistry.households.count,
    (await count('SELECT count(*) AS n FROM household')) + inNoHousehold,
  );
  assert.ok(fromRegistry.persons.homeless.some((v) => v === 1));
  const info = await makeSnapshot(database, SCHOOL_MONTH);
  assert.deepEqual(await latestSnapshot(database, SCHOOL_MONTH), info);
  const loaded = await loadSnapshot(database, info);
  for (const column of [
    'birthDate',
    'household',
    'role',
    'earnedIncomeNtd',
    'disabilityLevel',
    'schoolLevel',
  ] as const)
    assert.deepEqual(loaded.persons[column], fromRegistry.persons[column], column);
  assert.deepEqual(loaded.persons.id, fromRegistry.persons.id);
  assert.deepEqual(loaded.households.district, fromRegistry.households.district);
  // evidence reached the columns: incomes, certificates, schools
  assert.ok(loaded.persons.earnedIncomeNtd.some((v) => v > 0));
  assert.ok(loaded.persons.disabilityLevel.some((v) => v > 0));
  assert.ok(loaded.persons.schoolLevel.some((v) => v > 0));
});

test(`the city path and the single-case path agree on every program (${testEngine})`, async () => {
  const info = await makeSnapshot(database, PERIOD);
  const population = await loadSnapshot(database, info);
  const { evaluation } = evaluateCity(population, parameters);
  // every 37th household, explained alone through calculate(): the same eligibility and amount
  for (let k = 0; k < population.households.count; k += 37) {
    const single = calculate({ period: PERIOD, ...caseOfHousehold(population, k) }, parameters);
    for (const result of single.results) {
      const city = evaluation.result(result.program);
      const index =
        result.entity === 'household'
          ? k
          : population.persons.id.indexOf(result.id, population.households.memberStart[k]!);
      const state = city.eligible[index];
      assert.equal(
        result.eligible,
        state === UNDETERMINED ? null : state === ELIGIBLE,
        `${result.program} ${result.id}`,
      );
      if (city.amountNtd && result.eligible) assert.equal(result.amountNtd, city.amountNtd[index]);
    }
  }
});

test(`a stored evaluation has a row for each eligible or undetermined entity, in one piece (${testEngine})`, async () => {
  const info = (await latestSnapshot(database, PERIOD))!;
  const result = evaluateCity(await loadSnapshot(database, info), parameters);
  const evaluationId = await storeCityEvaluation(database, {
    snapshotId: info.snapshotId,
    period: PERIOD,
    overrides: [],
    result,
  });
  const expected = result.totals.reduce((sum, t) => sum + t.eligible + t.undetermined, 0);
  assert.ok(expected > 0);
  assert.equal(
    await count(`SELECT count(*) AS n FROM program_result WHERE evaluation_id = '${evaluationId}'`),
    expected,
  );
  const amount = result.totals.reduce((sum, t) => sum + t.amountNtd, 0);
  assert.equal(
    await count(
      `SELECT coalesce(sum(amount_ntd), 0) AS n FROM program_total WHERE evaluation_id = '${evaluationId}'`,
    ),
    amount,
  );
  // a failure while writing leaves no run behind
  const runs = await count('SELECT count(*) AS n FROM program_evaluation');
  const broken = {
    ...result,
    totals: [
      { program: 'no-such-program', district: '99999999', eligible: 1, undetermined: 0, amountNtd: 1 },
    ],
  };
  await assert.rejects(
    storeCityEvaluation(database, {
      snapshotId: info.snapshotId,
      period: PERIOD,
      overrides: [],
      result: broken,
    }),
  );
  assert.equal(await count('SELECT count(*) AS n FROM program_evaluation'), runs);
});

test(`what-if: a higher minimum living cost never takes a status away, and raises some (${testEngine})`, async () => {
  const info = (await latestSnapshot(database, PERIOD))!;
  const population = await loadSnapshot(database, info);
  const result = simulate(
    population,
    info,
    parameters,
    [{ id: 'social-assistance.minimum-living-cost', factorPercent: 50 }],
    ['low-income-status', ...(PROGRAMS.has('mid-low-income-status') ? ['mid-low-income-status'] : [])],
  );
  const lowIncome = result.programs.find((p) => p.program === 'low-income-status')!;
  assert.ok(lowIncome.delta.recipients + lowIncome.delta.undetermined > 0, JSON.stringify(lowIncome.delta));
  for (const district of lowIncome.districts)
    assert.ok(
      district.scenario.recipients + district.scenario.undetermined >=
        district.baseline.recipients + district.baseline.undetermined,
    );
});

test(`POST /api/v1/simulate answers with deltas, and names a bad override (${testEngine})`, async () => {
  const keys = resolveIdKeys(process.env, database);
  const protector = new IdProtector(keys);
  const app = await buildServer({ database, protector });
  await addAccount(database, protector, { username: 'statistician', role: 'statistician' });
  const statistician = await signedIn(app, 'statistician');
  try {
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/simulate',
      headers: { cookie: statistician.cookie, 'x-csrf-token': statistician.csrfToken },
      payload: {
        period: PERIOD,
        overrides: [{ id: 'social-assistance.minimum-living-cost', factorPercent: 5 }],
        programs: ['low-income-status'],
      },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.programs[0].program, 'low-income-status');
    assert.ok(body.programs[0].districts.length > 0);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/simulate',
      headers: { cookie: statistician.cookie, 'x-csrf-token': statistician.csrfToken },
      payload: { period: PERIOD, overrides: [{ id: 'no.such.parameter', value: 1 }] },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors?.[0]?.field ?? bad.json().field, 'body.overrides.0.id', bad.body);
  } finally {
    await app.close();
  }
});

test(`the synthetic city's evidence puts about as many households under the lines as its registers hold (${testEngine})`, async () => {
  const info = (await latestSnapshot(database, PERIOD))!;
  const { evaluation } = evaluateCity(await loadSnapshot(database, info), parameters);
  const eligible = (id: string) =>
    evaluation.result(id).eligible.filter((state) => state === ELIGIBLE).length;
  const registered = (status: string) =>
    count(`SELECT count(*) AS n FROM status_register WHERE status = '${status}'
      AND valid_from <= '2024-06-30' AND (valid_to IS NULL OR valid_to > '2024-06-30')`);
  const lowIncome = await registered('low_income');
  const midLowOrLow = lowIncome + (await registered('mid_low_income'));
  assert.ok(lowIncome > 10);
  // The rules find the registered households plus a few that have not applied; mid-low-income status also
  // holds for low-income households (D0050078 第4-1條 does not exclude them).
  const ratio = (found: number, onRegister: number) => found / onRegister;
  assert.ok(
    ratio(eligible('low-income-status'), lowIncome) >= 0.8,
    `low-income ${eligible('low-income-status')} / ${lowIncome}`,
  );
  assert.ok(
    ratio(eligible('low-income-status'), lowIncome) <= 1.6,
    `low-income ${eligible('low-income-status')} / ${lowIncome}`,
  );
  const midLow = eligible('mid-low-income-status');
  assert.ok(
    ratio(midLow, midLowOrLow) >= 0.8 && ratio(midLow, midLowOrLow) <= 1.6,
    `mid-low ${midLow} / ${midLowOrLow}`,
  );
});

test(`GET /api/v1/households/{id}/programs explains a stored household's programs, as the city run decides them (${testEngine})`, async () => {
  const keys = resolveIdKeys(process.env, database);
  const protector = new IdProtector(keys);
  const app = await buildServer({ database, protector });
  await addAccount(database, protector, {
    username: 'city-clerk',
    role: 'district-clerk',
    districts: KAOHSIUNG_DISTRICTS.map((d) => d.code),
  });
  const clerk = await signedIn(app, 'city-clerk');
  try {
    const info = (await latestSnapshot(database, PERIOD))!;
    const population = await loadSnapshot(database, info);
    const { evaluation } = evaluateCity(population, parameters);
    const lowIncome = evaluation.result('low-income-status').eligible;
    const k = lowIncome.indexOf(ELIGIBLE);
    assert.ok(k >= 0);
    const householdId = population.households.id[k]!;
    const ok = await app.inject({
      url: `/api/v1/households/${householdId}/programs?period=${PERIOD}`,
      headers: { cookie: clerk.cookie },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.snapshotId, info.snapshotId);
    assert.ok(householdId in body.case.households);
    const status = body.results.find(
      (r: { program: string; id: string }) => r.program === 'low-income-status' && r.id === householdId,
    );
    assert.equal(status.eligible, true);
    assert.ok(status.reasons.length > 3);
    assert.equal(new Set(body.results.map((r: { program: string }) => r.program)).size, PROGRAMS.size);
    const missing = await app.inject({
      url: `/api/v1/households/00000000-0000-4000-8000-000000000000/programs?period=${PERIOD}`,
      headers: { cookie: clerk.cookie },
    });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().detail, /找不到戶/);
    const badMonth = await app.inject({
      url: `/api/v1/households/${householdId}/programs?period=2024-13`,
      headers: { cookie: clerk.cookie },
    });
    assert.equal(badMonth.statusCode, 400);
  } finally {
    await app.close();
  }
});
