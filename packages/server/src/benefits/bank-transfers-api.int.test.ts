import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, openTestServer, signedIn } from '../http/test-clients.ts';
import { setPayeeAccount } from './bank-file.ts';
import { approvedDecision, benefitWorld, household } from './benefit-fixtures.ts';
import { grantEntitlements } from './entitlements.ts';

/** The bank file and returns routes, end to end: file, returns, retry, cancel, refusals. */
let database: Database;
let app: FastifyInstance;

before(async () => {
  const opened = await openTestServer();
  database = opened.database;
  app = opened.app;
  const world = await benefitWorld(database, opened.protector);
  const h = await household(world);
  const decision = await approvedDecision(database, world, {
    ...h,
    program: 'low-income-living-allowance',
    entity: 'household',
    entityId: h.householdId,
    monthlyAmountNtd: 12_000,
    period: '2024-05',
  });
  const [entitlement] = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, [decision], world.trail));
  await database.db
    .transaction()
    .execute((trx) =>
      setPayeeAccount(
        trx,
        opened.protector,
        entitlement!.payee_person_id,
        { bankCode: '004', branchCode: '0012', account: '123456789' },
        world.trail,
      ),
    );
  await addAccount(database, opened.protector, {
    username: 'officer',
    role: 'program-officer',
    programs: ['low-income-living-allowance'],
  });
  await addAccount(database, opened.protector, {
    username: 'clerk',
    role: 'district-clerk',
    districts: ['64000080'],
  });
});
after(async () => {
  await app.close();
  await database.close();
});

test(`a program officer makes the bank file, imports returns, sends again and cancels (${testEngine})`, async () => {
  const officer = await signedIn(app, 'officer');
  assert.equal((await officer.post('/payment-runs/2024-06/bank-file', {})).status, 404);
  assert.equal((await officer.post('/payment-runs', { period: '2024-06' })).status, 200);
  const file = await officer.post('/payment-runs/2024-06/bank-file', {});
  assert.equal(file.status, 200, JSON.stringify(file.body));
  assert.deepEqual([file.body.created, file.body.payments, file.body.totalNtd], [true, 1, 12_000]);
  assert.match(file.body.content, /^2000001004001200000123456789000000012000/m);
  const again = await officer.post('/payment-runs/2024-06/bank-file', {});
  assert.deepEqual([again.body.created, again.body.content], [false, file.body.content]);
  const paymentId = (file.body.content as string).match(/([0-9a-f-]{36}):1/)![1]!;

  const clerk = await signedIn(app, 'clerk');
  assert.equal((await clerk.post('/payment-runs/2024-06/bank-file', {})).status, 403);

  const unknown = await officer.post('/payment-runs/2024-06/returns', {
    csv: `reference,status,reason\n${paymentId}:1,returned,R01\n${paymentId.replace(/^.{8}/, '00000000')}:1,paid,\n`,
  });
  assert.equal(unknown.status, 400);
  assert.deepEqual(
    unknown.body.errors.map((e: { field: string }) => e.field),
    ['csv.line.3'],
  );
  const returned = await officer.post('/payment-runs/2024-06/returns', {
    csv: `reference,status,reason\n${paymentId}:1,returned,R01\n`,
  });
  assert.deepEqual([returned.status, returned.body.applied], [200, 1]);
  const twice = await officer.post('/payment-runs/2024-06/returns', {
    csv: `reference,status,reason\n${paymentId}:1,returned,R01\n`,
  });
  assert.deepEqual([twice.body.applied, twice.body.unchanged], [0, 1]);

  assert.equal((await officer.post(`/payment-runs/2024-07/payments/${paymentId}/retry`, {})).status, 404);
  const retry = await officer.post(`/payment-runs/2024-06/payments/${paymentId}/retry`, {});
  assert.deepEqual(retry.body, { id: paymentId, status: 'pending', attempt: 2 });
  assert.equal((await officer.post(`/payment-runs/2024-06/payments/${paymentId}/retry`, {})).status, 409);
  const second = await officer.post('/payment-runs/2024-06/bank-file', {});
  assert.deepEqual([second.body.created, second.body.sequence], [true, 2]);
  assert.match(second.body.content, new RegExp(`${paymentId}:2`));
  const failed = await officer.post('/payment-runs/2024-06/returns', {
    csv: `reference,status,reason\n${paymentId}:2,failed,F9\n`,
  });
  assert.equal(failed.body.applied, 1);
  const cancel = await officer.post(`/payment-runs/2024-06/payments/${paymentId}/cancel`, {});
  assert.deepEqual(cancel.body, { id: paymentId, status: 'cancelled', attempt: 2 });
});
