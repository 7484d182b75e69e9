import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadParameters } from '@safetynet/rules';
import { sql } from 'kysely';
import type { ApiError } from '../api-error.ts';
import { auditChainKey } from '../audit/audit-verify.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { createThrowawayDatabase } from '../db/throwaway-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { approvedDecision, type BenefitWorld, benefitWorld, household } from './benefit-fixtures.ts';
import {
  changeEntitlement,
  currentEntitlements,
  entitlementVersions,
  grantEntitlements,
} from './entitlements.ts';
import { GRANT_CAP_PARAMETERS, payGrant, runMonthlyPayments } from './payment-run.ts';

let database: Database;
let protector: IdProtector;
let world: BenefitWorld;

before(async () => {
  database = await openTestDatabase();
  protector = new IdProtector(generateIdKeys('test'));
  world = await benefitWorld(database, protector);
});
after(() => database.close());

const monthly = (period: string) => monthlyOn(database, period);

test(`entitlements from approved cash decisions; changes are new versions; runs pay once (${testEngine})`, async () => {
  const h = await household(world);
  const living = await approvedDecision(database, world, {
    ...h,
    program: 'low-income-living-allowance',
    entity: 'household',
    entityId: h.householdId,
    monthlyAmountNtd: 12_000,
    period: '2024-03',
  });
  const child = await approvedDecision(database, world, {
    ...h,
    program: 'low-income-child-allowance',
    entity: 'person',
    entityId: h.child,
    monthlyAmountNtd: 3_000,
    period: '2024-03',
  });
  const rejected = await approvedDecision(database, world, {
    ...h,
    program: 'senior-living-allowance',
    entity: 'person',
    entityId: h.applicant,
    monthlyAmountNtd: 4_000,
    period: '2024-03',
    outcome: 'rejected',
  });
  const status = await approvedDecision(database, world, {
    ...h,
    program: 'low-income-status',
    entity: 'household',
    entityId: h.householdId,
    monthlyAmountNtd: null,
    period: '2024-03',
  });
  // The decision hook's shape (camelCase, with the application's facts) and stored rows alike.
  const hooked = {
    decisionId: child.decision_id,
    applicationId: child.application_id,
    programId: child.program_id,
    outcome: 'approved' as const,
    entity: 'person' as const,
    entityId: h.child,
    monthlyAmountNtd: 3_000,
    period: '2024-03',
    applicantPersonId: h.applicant,
    districtCode: h.district,
  };
  const decisions = [living, hooked, rejected, status];
  const granted = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, decisions, world.trail));
  assert.equal(granted.length, 2, 'only approved cash decisions with an amount');
  const again = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, decisions, world.trail));
  assert.equal(again.length, 0, 'granting again grants nothing twice');
  const household_ = granted.find((e) => e.program_id === 'low-income-living-allowance')!;
  assert.equal(household_.payee_person_id, h.applicant);
  assert.equal(household_.first_month, '2024-03');
  assert.equal(household_.last_month, null);
  assert.equal(household_.district_code, '64000080');
  const person = granted.find((e) => e.program_id === 'low-income-child-allowance')!;
  assert.equal(person.payee_person_id, h.child);

  // A raise from May: version 2; April keeps version 1's amount.
  const v2 = await database.db
    .transaction()
    .execute((trx) =>
      changeEntitlement(
        trx,
        household_.entitlement_id,
        { from: '2024-05', monthlyAmountNtd: 13_000, reason: '家庭人口增加' },
        world.trail,
      ),
    );
  assert.equal(v2.version, 2);
  const versions = await entitlementVersions(database.db, household_.entitlement_id);
  assert.deepEqual(
    versions.map((v) => [v.version, v.monthly_amount_ntd, v.first_month]),
    [
      [1, 12_000, '2024-03'],
      [2, 13_000, '2024-05'],
    ],
    'the first version is kept as it was',
  );
  await assert.rejects(
    database.db
      .transaction()
      .execute((trx) =>
        changeEntitlement(
          trx,
          household_.entitlement_id,
          { from: '2024-01', monthlyAmountNtd: 1, reason: 'x' },
          world.trail,
        ),
      ),
    (error: ApiError) => error.status === 400,
  );
  const current = await currentEntitlements(database.db, { entityId: h.householdId });
  assert.deepEqual(
    current.map((e) => e.version),
    [2],
  );

  const april = await runMonthlyPayments(database, '2024-04', world.trail, { chunkSize: 1, lanes: 16 });
  assert.deepEqual([april.created, april.totalNtd, april.status], [2, 15_000, 'completed']);
  const may = await runMonthlyPayments(database, '2024-05', world.trail);
  assert.equal(may.totalNtd, 16_000, 'May pays version 2');
  const mayAgain = await runMonthlyPayments(database, '2024-05', world.trail);
  assert.deepEqual([mayAgain.created, mayAgain.alreadyPaid, mayAgain.totalNtd], [0, 2, 16_000]);
  assert.deepEqual(await monthly('2024-05'), { n: 2, total: 16_000 });
  const paidV2 = await database.db
    .selectFrom('payment')
    .select('entitlement_version')
    .where('entitlement_id', '=', household_.entitlement_id)
    .where('period', '=', '2024-05')
    .executeTakeFirstOrThrow();
  assert.equal(paidV2.entitlement_version, 2);

  // Ending after June: July pays only the child allowance.
  await database.db
    .transaction()
    .execute((trx) =>
      changeEntitlement(
        trx,
        household_.entitlement_id,
        { from: '2024-06', lastMonth: '2024-06', reason: '遷出' },
        world.trail,
      ),
    );
  assert.equal((await runMonthlyPayments(database, '2024-06', world.trail)).totalNtd, 16_000);
  assert.equal((await runMonthlyPayments(database, '2024-07', world.trail)).totalNtd, 3_000);
  const run = await database.db
    .selectFrom('payment_run')
    .selectAll()
    .where('period', '=', '2024-07')
    .executeTakeFirstOrThrow();
  assert.deepEqual([run.status, run.payments, Number(run.amount_ntd)], ['completed', 1, 3_000]);
});

test(`grants: once per key, refused at the yearly cap (${testEngine})`, async () => {
  const h = await household(world);
  const parameters = loadParameters();
  const capId = GRANT_CAP_PARAMETERS['medical-subsidy']!;
  const cap = parameters.valueOn(capId, '2024-01-01');
  assert.equal(cap, 150_000);
  const grant = (grantKey: string, amountNtd: number, period = '2024-02') =>
    database.db.transaction().execute((trx) =>
      payGrant(
        trx,
        {
          program: 'medical-subsidy',
          grantKey,
          payeePersonId: h.applicant,
          entity: 'person',
          entityId: h.applicant,
          districtCode: h.district,
          amountNtd,
          period,
          yearlyCapNtd: cap,
        },
        world.trail,
      ),
    );
  const first = await grant(`bill-1-${h.applicant}`, 60_000);
  assert.equal(first.created, true);
  const repeat = await grant(`bill-1-${h.applicant}`, 60_000);
  assert.deepEqual([repeat.created, repeat.payment.payment_id], [false, first.payment.payment_id]);
  await grant(`bill-2-${h.applicant}`, 60_000, '2024-06');
  await assert.rejects(grant(`bill-3-${h.applicant}`, 30_001, '2024-09'), (error: ApiError) => {
    assert.equal(error.status, 409);
    assert.match(error.zh, /上限/);
    assert.match(error.en, /cap/);
    return true;
  });
  assert.equal((await grant(`bill-3-${h.applicant}`, 30_000, '2024-09')).created, true, 'up to the cap');
  assert.equal((await grant(`bill-4-${h.applicant}`, 50_000, '2025-01')).created, true, 'a new year');
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM payment
    WHERE kind = 'grant' AND payee_person_id = ${h.applicant}`.execute(database.db);
  assert.equal(rows[0]!.n, 4);
});

test('a run killed midway and run again pays every entitlement exactly once', async (t) => {
  const serverUrl = process.env.SAFETYNET_TEST_DATABASE_URL;
  if (!serverUrl) {
    t.skip('PostgreSQL only: the embedded database lives in one process, so there is no second one to kill');
    return;
  }
  const throwaway = await createThrowawayDatabase(serverUrl, 'sn_kill');
  const killDb = await openDatabase({ databaseUrl: throwaway.url });
  try {
    await migrateToLatest(killDb.db);
    const killWorld = await benefitWorld(killDb, protector);
    const h = await household(killWorld);
    const decision = await approvedDecision(killDb, killWorld, {
      ...h,
      program: 'low-income-child-allowance',
      entity: 'person',
      entityId: h.child,
      monthlyAmountNtd: 2_500,
      period: '2024-01',
    });
    const count = 3000;
    await sql`INSERT INTO entitlement (entitlement_id, version, decision_id, program_id, entity, entity_id,
        payee_person_id, district_code, monthly_amount_ntd, first_month, reason)
      SELECT gen_random_uuid(), 1, ${decision.decision_id}::uuid, 'low-income-child-allowance', 'person',
        ${h.child}::uuid, ${h.child}::uuid, '64000080', 1000 + g, '2024-01', 'kill test'
      FROM generate_series(1, ${count}) g`.execute(killDb.db);
    const expectedTotal = Array.from({ length: count }, (_, k) => 1001 + k).reduce((a, b) => a + b, 0);
    const script = fileURLToPath(new URL('./payment-run-child.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, throwaway.url, '2024-02', '10', auditChainKey(protector).toString('hex')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let seen = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      seen = (await monthlyOn(killDb, '2024-02')).n;
      if (seen >= 200) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const afterKill = (await monthlyOn(killDb, '2024-02')).n;
    assert.ok(
      afterKill >= 200 && afterKill < count,
      `killed midway: ${afterKill} of ${count} paid (${stderr})`,
    );
    const running = await killDb.db
      .selectFrom('payment_run')
      .select('status')
      .where('period', '=', '2024-02')
      .executeTakeFirstOrThrow();
    assert.equal(running.status, 'running');

    const rerun = await runMonthlyPayments(killDb, '2024-02', killWorld.trail, { chunkSize: 500 });
    assert.equal(rerun.created, count - afterKill, 'the rerun pays only what was missing');
    assert.equal(rerun.alreadyPaid, afterKill);
    const paid = await monthlyOn(killDb, '2024-02');
    assert.deepEqual(paid, { n: count, total: expectedTotal });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
        SELECT entitlement_id FROM payment WHERE period = '2024-02' GROUP BY entitlement_id HAVING count(*) > 1) d`.execute(
      killDb.db,
    );
    assert.equal(rows[0]!.n, 0, 'no entitlement paid twice');
    const run = await killDb.db
      .selectFrom('payment_run')
      .selectAll()
      .where('period', '=', '2024-02')
      .executeTakeFirstOrThrow();
    assert.deepEqual([run.status, run.payments, Number(run.amount_ntd)], ['completed', count, expectedTotal]);
  } finally {
    await killDb.close();
    await throwaway.drop();
  }
});

const monthlyOn = (db: Database, period: string) =>
  sql<{ n: number; total: string }>`SELECT count(*)::int AS n, coalesce(sum(amount_ntd), 0)::text AS total
    FROM payment WHERE kind = 'monthly' AND period = ${period}`
    .execute(db.db)
    .then((r) => ({ n: r.rows[0]!.n, total: Number(r.rows[0]!.total) }));
