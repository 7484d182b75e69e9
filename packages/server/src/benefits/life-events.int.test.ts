import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { approvedDecision, type BenefitWorld, benefitWorld, household } from './benefit-fixtures.ts';
import { entitlementVersions, grantEntitlements } from './entitlements.ts';
import { applyLifeEvent } from './life-events.ts';
import { recordRepayment } from './overpayment-recovery.ts';
import { runMonthlyPayments } from './payment-run.ts';

let database: Database;
let world: BenefitWorld;

before(async () => {
  database = await openTestDatabase();
  world = await benefitWorld(database, new IdProtector(generateIdKeys('test')));
});
after(() => database.close());

async function entitlementOf(
  h: Awaited<ReturnType<typeof household>>,
  program: string,
  entity: 'person' | 'household',
  entityId: string,
  amount: number,
  period: string,
) {
  const decision = await approvedDecision(database, world, {
    ...h,
    program,
    entity,
    entityId,
    monthlyAmountNtd: amount,
    period,
  });
  const [row] = await database.db.transaction().execute((trx) => grantEntitlements(trx, [decision]));
  return row!.entitlement_id;
}

/** Runs the months and marks their payments paid, as the bank's returns would. */
async function payMonths(...months: string[]) {
  for (const month of months) {
    await runMonthlyPayments(database, month, world.trail);
    await database.db
      .updateTable('payment')
      .set({ status: 'paid' })
      .where('period', '=', month)
      .where('status', '=', 'pending')
      .execute();
  }
}

const paymentsOf = (entitlementId: string) =>
  database.db
    .selectFrom('payment')
    .select(['period', 'amount_ntd', 'status', 'payment_id'])
    .where('entitlement_id', '=', entitlementId)
    .orderBy('period')
    .execute();

const overpaymentsOf = (entitlementId: string) =>
  database.db
    .selectFrom('overpayment')
    .selectAll()
    .where('entitlement_id', '=', entitlementId)
    .orderBy('period')
    .execute();

const auditOf = (recordType: string, recordId: string) =>
  database.db
    .selectFrom('audit_entry')
    .select(['action', 'details'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .execute();

test(`a death on 2024-07-15 ends the entitlements from August; August paid becomes an overpayment (${testEngine})`, async () => {
  const h = await household(world);
  const senior = await entitlementOf(h, 'senior-living-allowance', 'person', h.applicant, 4_000, '2024-06');
  const living = await entitlementOf(
    h,
    'low-income-living-allowance',
    'household',
    h.householdId,
    12_000,
    '2024-06',
  );
  const child = await entitlementOf(h, 'low-income-child-allowance', 'person', h.child, 3_000, '2024-06');
  await payMonths('2024-06', '2024-07', '2024-08');

  // Rolled back: nothing of it stays, the audit entries neither (they are in the same transaction).
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await applyLifeEvent(
        trx,
        { kind: 'death', personId: h.applicant, effectiveDate: '2024-07-15' },
        { trail: world.trail },
      );
      throw new Error('undo');
    }),
    /undo/,
  );
  assert.equal((await overpaymentsOf(senior)).length, 0);
  assert.equal((await entitlementVersions(database.db, senior)).length, 1);

  const result = await database.db
    .transaction()
    .execute((trx) =>
      applyLifeEvent(
        trx,
        { kind: 'death', personId: h.applicant, effectiveDate: '2024-07-15' },
        { trail: world.trail },
      ),
    );
  // The deceased's own allowance and the household's they were the payee of; not the child's.
  assert.deepEqual(result.changed.map((c) => c.entitlementId).sort(), [senior, living].sort());
  for (const id of [senior, living]) {
    const versions = await entitlementVersions(database.db, id);
    assert.equal(versions.at(-1)!.last_month, '2024-07', '自事實發生之次月起停止發給: July is still due');
  }
  assert.equal((await entitlementVersions(database.db, child)).length, 1);
  const [overpaid] = await overpaymentsOf(senior);
  assert.deepEqual(
    [overpaid?.period, overpaid?.amount_ntd, overpaid?.status, overpaid?.recovery],
    ['2024-08', 4_000, 'open', 'deduction'],
  );
  assert.deepEqual(
    (await overpaymentsOf(living)).map((o) => [o.period, o.amount_ntd]),
    [['2024-08', 12_000]],
  );
  // The payment stays as the bank made it.
  assert.deepEqual(
    (await paymentsOf(senior)).map((p) => [p.period, p.status]),
    [
      ['2024-06', 'paid'],
      ['2024-07', 'paid'],
      ['2024-08', 'paid'],
    ],
  );
  assert.equal((await auditOf('overpayment', overpaid!.overpayment_id)).length, 1);
  assert.ok((await auditOf('life-event', h.applicant)).length === 1);

  // The same event again changes nothing more.
  const again = await database.db
    .transaction()
    .execute((trx) =>
      applyLifeEvent(
        trx,
        { kind: 'death', personId: h.applicant, effectiveDate: '2024-07-15' },
        { trail: world.trail },
      ),
    );
  assert.deepEqual([again.changed.length, again.overpayments.length], [0, 0]);

  await payMonths('2024-09');
  assert.equal((await paymentsOf(senior)).length, 3, 'September pays nothing more');
  assert.equal((await paymentsOf(living)).length, 3);
  assert.equal((await paymentsOf(child)).length, 4, 'the child’s allowance goes on');
});

test(`an income change lowers the amount from the next month; the overpayment is deducted from the next payment (${testEngine})`, async () => {
  const h = await household(world);
  const living = await entitlementOf(
    h,
    'low-income-living-allowance',
    'household',
    h.householdId,
    12_000,
    '2024-06',
  );
  await payMonths('2024-06', '2024-07', '2024-08');
  const result = await database.db.transaction().execute((trx) =>
    applyLifeEvent(
      trx,
      {
        kind: 'income-change',
        personId: h.child,
        effectiveDate: '2024-07-10',
        evaluations: new Map([[living, { eligible: true, amountNtd: 9_000 }]]),
      },
      { trail: world.trail },
    ),
  );
  assert.equal(result.changed.length, 1);
  const versions = await entitlementVersions(database.db, living);
  assert.deepEqual(
    [versions.at(-1)!.first_month, versions.at(-1)!.monthly_amount_ntd, versions.at(-1)!.last_month],
    ['2024-08', 9_000, null],
  );
  const [overpaid] = await overpaymentsOf(living);
  assert.deepEqual([overpaid?.period, overpaid?.amount_ntd], ['2024-08', 3_000]);

  const run = await runMonthlyPayments(database, '2024-09', world.trail);
  assert.ok(run.deductedNtd >= 3_000);
  const september = (await paymentsOf(living)).find((p) => p.period === '2024-09')!;
  assert.deepEqual([september.amount_ntd, september.status], [6_000, 'pending'], '9,000 less the 3,000');
  const [recovered] = await overpaymentsOf(living);
  assert.equal(recovered?.status, 'recovered');
  const entries = await database.db
    .selectFrom('overpayment_recovery')
    .selectAll()
    .where('overpayment_id', '=', overpaid!.overpayment_id)
    .execute();
  assert.deepEqual(
    entries.map((e) => [e.kind, e.payment_id, e.amount_ntd]),
    [['deduction', september.payment_id, 3_000]],
  );
  assert.equal((await auditOf('payment', september.payment_id)).length, 1, 'the deduction is audited');

  // Run again: nothing deducted twice.
  await runMonthlyPayments(database, '2024-09', world.trail);
  const again = (await paymentsOf(living)).find((p) => p.period === '2024-09')!;
  assert.equal(again.amount_ntd, 6_000);
  await payMonths('2024-09', '2024-10');
  const october = (await paymentsOf(living)).find((p) => p.period === '2024-10')!;
  assert.equal(october.amount_ntd, 9_000, 'the full new amount once recovered');
});

test(`an overpayment larger than the next payment: that payment is withheld whole, the rest later or repaid (${testEngine})`, async () => {
  const h = await household(world);
  const living = await entitlementOf(
    h,
    'low-income-living-allowance',
    'household',
    h.householdId,
    12_000,
    '2024-06',
  );
  await payMonths('2024-06', '2024-07', '2024-08');
  await database.db.transaction().execute((trx) =>
    applyLifeEvent(
      trx,
      {
        kind: 'income-change',
        personId: h.applicant,
        effectiveDate: '2024-06-05',
        evaluations: new Map([[living, { eligible: true, amountNtd: 2_000 }]]),
      },
      { trail: world.trail },
    ),
  );
  const overpaid = await overpaymentsOf(living);
  assert.deepEqual(
    overpaid.map((o) => [o.period, o.amount_ntd]),
    [
      ['2024-07', 10_000],
      ['2024-08', 10_000],
    ],
  );
  await runMonthlyPayments(database, '2024-09', world.trail);
  const september = (await paymentsOf(living)).find((p) => p.period === '2024-09')!;
  assert.deepEqual([september.amount_ntd, september.status], [2_000, 'cancelled'], 'withheld whole, never 0');
  const { outstandingNtd } = await database.db
    .transaction()
    .execute((trx) => recordRepayment(trx, overpaid[0]!.overpayment_id, 8_000, world.trail));
  assert.equal(outstandingNtd, 0);
  const after = await overpaymentsOf(living);
  assert.deepEqual(
    after.map((o) => o.status),
    ['recovered', 'open'],
  );
  // An income change after a withheld month counts what was withheld as paid for that month.
  const ended = await database.db
    .transaction()
    .execute((trx) =>
      applyLifeEvent(
        trx,
        { kind: 'moved-out', personId: h.applicant, effectiveDate: '2024-08-20' },
        { trail: world.trail },
      ),
    );
  assert.deepEqual(
    ended.overpayments.map((o) => [o.period, o.amountNtd]),
    [['2024-09', 2_000]],
  );
});
