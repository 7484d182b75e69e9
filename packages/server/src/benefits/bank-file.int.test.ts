import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { ApiError } from '../api-error.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { generateBankFile, RECORD_BYTES, setPayeeAccount } from './bank-file.ts';
import { cancelPayment, importBankReturns, retryPayment } from './bank-returns.ts';
import { approvedDecision, type BenefitWorld, benefitWorld, household } from './benefit-fixtures.ts';
import { grantEntitlements } from './entitlements.ts';
import { runMonthlyPayments } from './payment-run.ts';

let database: Database;
let protector: IdProtector;
let world: BenefitWorld;
const PERIOD = '2024-03';
const ACCOUNTS = ['00012345678901', '98765432109'];
/** The payments: to the two payees with an account (in the file's order) and to the one without. */
const pay = { first: '', second: '', noAccount: '' };
const amountOf: Record<string, number> = {};

before(async () => {
  database = await openTestDatabase();
  protector = new IdProtector(generateIdKeys('test'));
  world = await benefitWorld(database, protector);
  const decisions: Awaited<ReturnType<typeof approvedDecision>>[] = [];
  for (const amount of [12_000, 3_000, 4_500]) {
    const h = await household(world);
    decisions.push(
      await approvedDecision(database, world, {
        ...h,
        program: 'low-income-living-allowance',
        entity: 'household',
        entityId: h.householdId,
        monthlyAmountNtd: amount,
        period: PERIOD,
      }),
    );
  }
  const entitlements = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, decisions, world.trail));
  await runMonthlyPayments(database, PERIOD, world.trail);
  const payments = await database.db.selectFrom('payment').selectAll().where('period', '=', PERIOD).execute();
  const paymentOf = (entitlementId: string) => payments.find((p) => p.entitlement_id === entitlementId)!;
  const [a, b, c] = entitlements.map((e) => paymentOf(e.entitlement_id));
  await database.db.transaction().execute(async (trx) => {
    await setPayeeAccount(
      trx,
      protector,
      a!.payee_person_id,
      { bankCode: '004', branchCode: '0012', account: ACCOUNTS[0]! },
      world.trail,
    );
    await setPayeeAccount(
      trx,
      protector,
      b!.payee_person_id,
      { bankCode: '700', branchCode: '0021', account: ACCOUNTS[1]! },
      world.trail,
    );
  });
  // The file lists payments by id.
  const [first, second] = [a!, b!].map((p) => p.payment_id).sort();
  pay.first = first!;
  pay.second = second!;
  pay.noAccount = c!.payment_id;
  for (const p of payments) amountOf[p.payment_id] = p.amount_ntd;
});
after(() => database.close());

const statusOf = async (id: string) =>
  await database.db
    .selectFrom('payment')
    .select(['status', 'attempt'])
    .where('payment_id', '=', id)
    .executeTakeFirstOrThrow();
const auditCount = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_entry`.execute(database.db)).rows[0]!.n;
const rejects = (promise: Promise<unknown>, status: number) =>
  assert.rejects(promise, (e: ApiError) => e.status === status);

test(`the bank file: layout, totals, sent once, the same bytes again (${testEngine})`, async () => {
  const first = await generateBankFile(database, protector, PERIOD, world.trail, { today: '2024-03-05' });
  assert.equal(first.created, true);
  assert.deepEqual(
    first.missingAccounts.map((m) => m.paymentId),
    [pay.noAccount],
  );
  const records = first.content.toString('utf8').split('\r\n');
  assert.equal(records.pop(), '');
  assert.equal(records.length, 4);
  for (const r of records) assert.equal(Buffer.byteLength(r, 'utf8'), RECORD_BYTES);
  const total = amountOf[pay.first]! + amountOf[pay.second]!;
  assert.equal(records[0]![0], '1');
  assert.equal(records[0]!.slice(29, 43), String(total).padStart(14, '0'));
  assert.equal(records[0]!.slice(1, 9), 'TPSWD001');
  assert.equal(records[0]!.slice(9, 14), '11303');
  assert.equal(records[0]!.slice(14, 16), '01');
  assert.equal(records[0]!.slice(16, 23), '1130305');
  assert.equal(records[0]!.slice(23, 29), '000002');
  const detail = (r: string) => {
    const bytes = Buffer.from(r, 'utf8');
    return {
      type: r[0],
      line: r.slice(1, 7),
      bank: r.slice(7, 10),
      branch: r.slice(10, 14),
      account: r.slice(14, 28),
      amount: r.slice(28, 40),
      name: bytes.subarray(40, 100).toString('utf8').trimEnd(),
      reference: bytes.subarray(100, 140).toString('utf8').trimEnd(),
    };
  };
  const d1 = detail(records[1]!);
  const d2 = detail(records[2]!);
  assert.deepEqual([d1.type, d1.line, d2.line], ['2', '000001', '000002']);
  assert.equal(d1.reference, `${pay.first}:1`);
  assert.equal(d2.reference, `${pay.second}:1`);
  assert.equal(d1.name, '測試');
  assert.equal(Number(d1.amount), amountOf[pay.first]);
  assert.equal(d1.amount.length, 12);
  const accounts = new Set([`004 0012 ${ACCOUNTS[0]}`, `700 0021 ${ACCOUNTS[1]!.padStart(14, '0')}`]);
  assert.ok(accounts.has(`${d1.bank} ${d1.branch} ${d1.account}`));
  assert.ok(accounts.has(`${d2.bank} ${d2.branch} ${d2.account}`));
  assert.equal(records[3], `3000002${String(total).padStart(14, '0')}`.padEnd(RECORD_BYTES, ' '));
  assert.deepEqual(await statusOf(pay.first), { status: 'sent', attempt: 1 });
  assert.deepEqual(await statusOf(pay.second), { status: 'sent', attempt: 1 });
  assert.deepEqual(await statusOf(pay.noAccount), { status: 'pending', attempt: 1 });

  const audits = await auditCount();
  const again = await generateBankFile(database, protector, PERIOD, world.trail, { today: '2024-03-09' });
  assert.equal(again.created, false);
  assert.ok(again.content.equals(first.content));
  assert.equal(again.file.file_id, first.file.file_id);
  assert.equal(await auditCount(), audits);
  const files = await database.db.selectFrom('bank_file').selectAll().execute();
  assert.equal(files.length, 1);
  assert.equal(files[0]!.sha256.length, 64);
  await rejects(generateBankFile(database, protector, '2024-04', world.trail), 404);
});

test(`returns: paid, returned, failed; twice a no-op; an unknown reference rejects all; retry and cancel (${testEngine})`, async () => {
  const returns = `reference,status,reason\r\n${pay.first}:1,paid,\r\n${pay.second}:1,returned,R01\r\n`;
  const done = await importBankReturns(database, returns, world.trail, { period: PERIOD });
  assert.deepEqual([done.applied, done.unchanged, done.rejected], [2, 0, []]);
  assert.equal((await statusOf(pay.first)).status, 'paid');
  assert.equal((await statusOf(pay.second)).status, 'returned');

  const audits = await auditCount();
  const twice = await importBankReturns(database, returns, world.trail, { period: PERIOD });
  assert.deepEqual([twice.applied, twice.unchanged, twice.rejected], [0, 2, []]);
  assert.equal(await auditCount(), audits);

  // Retry: the same row goes back to pending as attempt 2 and is in the month's next file only.
  await rejects(
    database.db.transaction().execute((trx) => retryPayment(trx, pay.first, world.trail)),
    409,
  );
  const retried = await database.db
    .transaction()
    .execute((trx) => retryPayment(trx, pay.second, world.trail, PERIOD));
  assert.deepEqual([retried.status, retried.attempt], ['pending', 2]);
  const second = await generateBankFile(database, protector, PERIOD, world.trail, { today: '2024-03-20' });
  assert.equal(second.created, true);
  assert.equal(second.file.sequence, 2);
  assert.equal(second.file.payments, 1);
  assert.ok(second.content.toString('utf8').includes(`${pay.second}:2`));
  assert.deepEqual(await statusOf(pay.second), { status: 'sent', attempt: 2 });

  // The first returns file again: still no change (its answer was for attempt 1).
  assert.equal((await importBankReturns(database, returns, world.trail)).applied, 0);
  assert.equal((await statusOf(pay.second)).status, 'sent');

  // An unknown reference (and one never sent) rejects the whole file.
  const unknown = `reference,status,reason\n${pay.second}:2,failed,F1\n00000000-0000-4000-8000-000000000000:1,paid,\n${pay.noAccount}:1,paid,\n`;
  const refused = await importBankReturns(database, unknown, world.trail);
  assert.deepEqual(
    refused.rejected.map((r) => r.line),
    [3, 4],
  );
  assert.equal(refused.applied, 0);
  assert.equal((await statusOf(pay.second)).status, 'sent');
  const malformed = await importBankReturns(
    database,
    'reference,status,reason\nnonsense,paid,\n',
    world.trail,
  );
  assert.equal(malformed.rejected.length, 1);
  assert.equal(await auditCount(), audits + 2); // the retry and the second file, nothing of the refused imports

  const failed = await importBankReturns(
    database,
    `reference,status,reason\n${pay.second}:2,failed,F1\n`,
    world.trail,
  );
  assert.equal(failed.applied, 1);
  assert.equal((await statusOf(pay.second)).status, 'failed');
  const conflicting = await importBankReturns(
    database,
    `reference,status,reason\n${pay.second}:2,paid,\n`,
    world.trail,
  );
  assert.equal(conflicting.rejected.length, 1);

  const cancelled = await database.db
    .transaction()
    .execute((trx) => cancelPayment(trx, pay.second, world.trail));
  assert.equal(cancelled.status, 'cancelled');
  await rejects(
    database.db.transaction().execute((trx) => retryPayment(trx, pay.second, world.trail)),
    409,
  );
  await database.db.transaction().execute((trx) => cancelPayment(trx, pay.noAccount, world.trail));
  assert.equal((await statusOf(pay.noAccount)).status, 'cancelled');
  await rejects(
    database.db.transaction().execute((trx) => cancelPayment(trx, pay.first, world.trail)),
    409,
  );
  await rejects(
    database.db.transaction().execute((trx) => cancelPayment(trx, pay.first, world.trail, '2024-05')),
    404,
  );
});

test(`the account number is never in clear in the database or the audit log (${testEngine})`, async () => {
  const { rows: tables } = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(database.db);
  assert.ok(tables.some((t) => t.table_name === 'audit_entry'));
  assert.ok(tables.some((t) => t.table_name === 'payee_bank_account'));
  for (const account of ACCOUNTS) {
    const hex = Buffer.from(account, 'ascii').toString('hex');
    for (const { table_name } of tables) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)} t
        WHERE t::text LIKE ${`%${account}%`} OR t::text LIKE ${`%${hex}%`}`.execute(database.db);
      assert.equal(rows[0]!.n, 0, `${table_name} holds an account number in clear`);
    }
  }
  const stored = await database.db.selectFrom('payee_bank_account').selectAll().execute();
  assert.deepEqual(
    stored.map((s) => protector.open(s.account_cipher, s.person_id)).sort(),
    [...ACCOUNTS].sort(),
  );
});
