import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, openTestServer, signedIn } from '../http/test-clients.ts';
import { approvedDecision, benefitWorld, household } from './benefit-fixtures.ts';
import { grantEntitlements } from './entitlements.ts';
import { runMonthlyPayments } from './payment-run.ts';

/** POST /life-events and GET /overpayments: who may record an event, who sees which overpayments. */
let database: Database;
let app: FastifyInstance;
let own: Awaited<ReturnType<typeof household>>;
let other: Awaited<ReturnType<typeof household>>;

before(async () => {
  const opened = await openTestServer();
  database = opened.database;
  app = opened.app;
  const world = await benefitWorld(database, opened.protector);
  own = await household(world, '64000080');
  other = await household(world, '64000120');
  const decisions = [
    await approvedDecision(database, world, {
      ...own,
      program: 'senior-living-allowance',
      entity: 'person',
      entityId: own.applicant,
      monthlyAmountNtd: 4_000,
      period: '2024-06',
    }),
    await approvedDecision(database, world, {
      ...own,
      program: 'low-income-living-allowance',
      entity: 'household',
      entityId: own.householdId,
      monthlyAmountNtd: 12_000,
      period: '2024-06',
    }),
    await approvedDecision(database, world, {
      ...other,
      program: 'senior-living-allowance',
      entity: 'person',
      entityId: other.applicant,
      monthlyAmountNtd: 4_000,
      period: '2024-06',
    }),
  ];
  await database.db.transaction().execute((trx) => grantEntitlements(trx, decisions, world.trail));
  for (const month of ['2024-06', '2024-07', '2024-08']) {
    await runMonthlyPayments(database, month, world.trail);
    await database.db.updateTable('payment').set({ status: 'paid' }).where('period', '=', month).execute();
  }
  const { protector } = opened;
  await addAccount(database, protector, {
    username: 'clerk',
    role: 'district-clerk',
    districts: ['64000080'],
  });
  await addAccount(database, protector, { username: 'citizen', role: 'citizen', personId: other.child });
  await addAccount(database, protector, {
    username: 'officer',
    role: 'program-officer',
    programs: ['low-income-living-allowance'],
  });
});
after(async () => {
  await app.close();
  await database.close();
});

test(`an income change is evaluated by the rules on the household as registered (${testEngine})`, async () => {
  const clerk = await signedIn(app, 'clerk');
  const changed = await clerk.post('/life-events', {
    kind: 'income-change',
    personId: own.child,
    effectiveDate: '2024-08-10',
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  // The household has no low-income status registered: no longer eligible, the allowance ends with the
  // month of the change; September was not paid yet, so nothing was overpaid.
  assert.deepEqual(
    changed.body.changed.map((c: { lastMonth: string; monthlyAmountNtd: number }) => [
      c.lastMonth,
      c.monthlyAmountNtd,
    ]),
    [['2024-08', 12_000]],
  );
  assert.deepEqual(changed.body.overpayments, []);
});

test(`a clerk records a death in their district; overpayments are read within reach (${testEngine})`, async () => {
  const clerk = await signedIn(app, 'clerk');
  const death = { kind: 'death', personId: own.applicant, effectiveDate: '2024-07-15' };
  const recorded = await clerk.post('/life-events', death);
  assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
  assert.deepEqual(
    recorded.body.changed.map((c: { lastMonth: string }) => c.lastMonth),
    ['2024-07', '2024-07'],
  );
  // The senior allowance and the household's (the deceased was its payee): August was paid for both.
  assert.deepEqual(
    recorded.body.overpayments
      .map((o: { amountNtd: number }) => o.amountNtd)
      .sort((a: number, b: number) => a - b),
    [4_000, 12_000],
  );
  // Another district's person: refused, nothing written.
  const refused = await clerk.post('/life-events', { ...death, personId: other.applicant });
  assert.ok([403, 404].includes(refused.status), JSON.stringify(refused.body));
  const future = await clerk.post('/life-events', { ...death, effectiveDate: '2999-01-01' });
  assert.equal(future.status, 400);

  const listed = await clerk.get('/overpayments?status=open');
  assert.equal(listed.status, 200);
  assert.deepEqual(
    listed.body.items
      .map((o: { payeePersonId: string; outstandingNtd: number }) => [o.payeePersonId, o.outstandingNtd])
      .sort((a: [string, number], b: [string, number]) => a[1] - b[1]),
    [
      [own.applicant, 4_000],
      [own.applicant, 12_000],
    ],
  );
  const citizen = await signedIn(app, 'citizen');
  assert.deepEqual((await citizen.get('/overpayments')).body.items, [], 'not their household’s');
  const officer = await signedIn(app, 'officer');
  assert.deepEqual(
    (await officer.get('/overpayments')).body.items.map((o: { program: string }) => o.program),
    ['low-income-living-allowance'],
    'only their program’s',
  );
  const none = await database.db
    .selectFrom('overpayment')
    .select('overpayment_id')
    .where('payee_person_id', '=', other.applicant)
    .execute();
  assert.equal(none.length, 0);
});
