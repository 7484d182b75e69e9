import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, openTestServer, signedIn } from '../http/test-clients.ts';
import { approvedDecision, benefitWorld, household } from './benefit-fixtures.ts';
import { changeEntitlement, grantEntitlements } from './entitlements.ts';

/** The payment and entitlement routes: who runs, who sees which entitlements, what a run reports. */
let database: Database;
let app: FastifyInstance;
let ownId: string;
let otherId: string;

before(async () => {
  const opened = await openTestServer();
  database = opened.database;
  app = opened.app;
  const world = await benefitWorld(database, opened.protector);
  const own = await household(world, '64000080');
  const other = await household(world, '64000120');
  const d1 = await approvedDecision(database, world, {
    ...own,
    program: 'low-income-living-allowance',
    entity: 'household',
    entityId: own.householdId,
    monthlyAmountNtd: 12_000,
    period: '2024-05',
  });
  const d2 = await approvedDecision(database, world, {
    ...other,
    program: 'low-income-child-allowance',
    entity: 'person',
    entityId: other.child,
    monthlyAmountNtd: 3_000,
    period: '2024-05',
  });
  const granted = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, [d1, d2], world.trail));
  ownId = granted[0]!.entitlement_id;
  otherId = granted[1]!.entitlement_id;
  const { protector } = opened;
  await addAccount(database, protector, {
    username: 'officer',
    role: 'program-officer',
    programs: ['low-income-living-allowance'],
  });
  await addAccount(database, protector, {
    username: 'clerk',
    role: 'district-clerk',
    districts: ['64000080'],
  });
  await addAccount(database, protector, { username: 'citizen', role: 'citizen', personId: own.applicant });
  await database.db
    .transaction()
    .execute((trx) =>
      changeEntitlement(
        trx,
        ownId,
        { from: '2024-07', monthlyAmountNtd: 12_500, reason: '基本生活費調整' },
        world.trail,
      ),
    );
});
after(async () => {
  await app.close();
  await database.close();
});

test(`a program officer runs a month once; the run reports what it paid (${testEngine})`, async () => {
  const officer = await signedIn(app, 'officer');
  const first = await officer.post('/payment-runs', { period: '2024-06' });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual([first.body.created, first.body.alreadyPaid, first.body.totalNtd], [2, 0, 15_000]);
  const again = await officer.post('/payment-runs', { period: '2024-06' });
  assert.deepEqual([again.body.created, again.body.alreadyPaid, again.body.totalNtd], [0, 2, 15_000]);
  const run = await officer.get('/payment-runs/2024-06');
  assert.deepEqual([run.body.status, run.body.payments, run.body.amountNtd], ['completed', 2, 15_000]);
  // Every entitlement begun by the month walked through (what the staff screen's progress bar shows).
  assert.deepEqual(run.body.progress, { entitlementsTotal: 2, entitlementsDone: 2 });
  assert.equal((await officer.get('/payment-runs/2024-01')).status, 404);
  assert.equal((await officer.post('/payment-runs', { period: '2024-13' })).status, 400);
  const july = await officer.post('/payment-runs', { period: '2024-07' });
  assert.equal(july.body.totalNtd, 15_500, 'July pays the second version');
  const runs = await officer.get('/payment-runs');
  assert.deepEqual(
    runs.body.items.map((r: { period: string; status: string }) => [r.period, r.status]),
    [
      ['2024-07', 'completed'],
      ['2024-06', 'completed'],
    ],
  );
  const clerk = await signedIn(app, 'clerk');
  assert.equal((await clerk.post('/payment-runs', { period: '2024-08' })).status, 403);
  assert.equal((await clerk.get('/payment-runs')).status, 403);
});

test(`entitlements: each caller sees their own reach, with versions and payments (${testEngine})`, async () => {
  const ids = async (username: string) =>
    (await (await signedIn(app, username)).get('/entitlements')).body.items.map((e: { id: string }) => e.id);
  assert.deepEqual(await ids('officer'), [ownId]);
  assert.deepEqual(await ids('clerk'), [ownId]);
  assert.deepEqual(await ids('citizen'), [ownId]);
  const citizen = await signedIn(app, 'citizen');
  const detail = await citizen.get(`/entitlements/${ownId}`);
  assert.equal(detail.status, 200);
  assert.deepEqual(
    detail.body.versions.map((v: { version: number; monthlyAmountNtd: number }) => [
      v.version,
      v.monthlyAmountNtd,
    ]),
    [
      [1, 12_000],
      [2, 12_500],
    ],
  );
  assert.ok(detail.body.payments.length >= 1);
  assert.equal((await citizen.get(`/entitlements/${otherId}`)).status, 403);
  assert.equal((await citizen.get('/entitlements/00000000-0000-4000-8000-000000000000')).status, 404);
  const read = await database.db
    .selectFrom('audit_entry')
    .select('action')
    .where('record_type', '=', 'entitlement')
    .where('record_id', '=', ownId)
    .where('action', '=', 'read')
    .execute();
  assert.ok(read.length >= 1, 'reading an entitlement is audited');
});
