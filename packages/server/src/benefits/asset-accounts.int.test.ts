import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import { loadParameters } from '@safetynet/rules';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, type Client, openTestServer, signedIn } from '../http/test-clients.ts';
import { ASSET_ACCOUNT_PARAMETERS } from './asset-account-deposits.ts';
import { type BenefitWorld, benefitWorld } from './benefit-fixtures.ts';

/** Asset-building accounts: opening by the rules, matched deposits within the caps, statements, follow-up. */
const OWN = '64000080';
const OTHER = '64000120';
let database: Database;
let app: FastifyInstance;
let world: BenefitWorld;
let clerk: Client;
let otherClerk: Client;
let worker: Client;
let serial = Math.floor(Math.random() * 9_000_000);
const parameters = loadParameters();
const CAP = parameters.valueOn(
  ASSET_ACCOUNT_PARAMETERS['children-future-account'].annualMatchCap,
  '2024-06-01',
);

/** A household of a parent and a child born on `childBorn`, in a district; returns the ids. */
async function family(childBorn: string, district = OWN) {
  const person = async (birthDate: string) =>
    (
      await world.commands.recordPerson({
        idNumber: withCheckDigit(`E2${String(++serial % 10_000_000).padStart(7, '0')}`),
        name: '測試',
        sex: 'F',
        birthDate,
        registeredDistrictCode: district,
        source: 'test',
      })
    ).personId;
  const parent = await person('1985-01-01');
  const child = await person(childBorn);
  const { householdId } = await world.commands.recordHousehold({
    districtCode: district,
    validFrom: '2020-01-01',
    members: [
      { personId: parent, role: 'applicant' },
      { personId: child, role: 'child' },
    ],
    source: 'test',
  });
  return { parent, child, householdId };
}

before(async () => {
  const opened = await openTestServer();
  database = opened.database;
  app = opened.app;
  world = await benefitWorld(database, opened.protector);
  const add = (username: string, role: string, districts: string[]) =>
    addAccount(database, opened.protector, { username, role, districts });
  await add('aa-clerk', 'district-clerk', [OWN]);
  await add('aa-clerk-2', 'district-clerk', [OTHER]);
  await database.db
    .insertInto('team')
    .values({ team_id: 'aa-team', name_zh: '儲蓄帳戶組', name_en: 'Accounts team', district_code: OWN })
    .execute();
  await addAccount(database, opened.protector, {
    username: 'aa-worker',
    role: 'social-worker',
    teamId: 'aa-team',
  });
  clerk = await signedIn(app, 'aa-clerk');
  otherClerk = await signedIn(app, 'aa-clerk-2');
  worker = await signedIn(app, 'aa-worker');
});
after(async () => {
  await app.close();
  await database.close();
});

const open = (holderPersonId: string, openedOn = '2024-01-10', programId = 'children-future-account') =>
  clerk.post('/asset-accounts', { holderPersonId, programId, openedOn });
const deposit = (accountId: string, amountNtd: number, depositedOn: string, key = randomUUID()) =>
  clerk.post(`/asset-accounts/${accountId}/deposits`, { amountNtd, depositedOn }, { 'idempotency-key': key });

test(`opening is refused with the rules' reasons for a holder who does not qualify (${testEngine})`, async () => {
  const older = await family('2010-03-01');
  const refused = await open(older.child);
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  assert.match(refused.body.detail, /105年1月1日以後出生/);
  assert.match(refused.body.detail_en, /2016/);
  const none = await database.db
    .selectFrom('asset_account')
    .select('account_id')
    .where('holder_person_id', '=', older.child)
    .execute();
  assert.equal(none.length, 0);
});

test(`deposits are matched 1:1 up to the yearly cap, exactly at the cap, and the next year is fresh (${testEngine})`, async () => {
  const young = await family('2018-05-01');
  const opened = await open(young.child);
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  assert.equal(opened.body.districtCode, OWN);
  const id = opened.body.id;
  assert.equal((await open(young.child)).status, 409, 'one open account per holder and program');

  const first = await deposit(id, 6_000, '2024-02-01');
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.match.amountNtd, 6_000);
  assert.equal(first.body.match.ownDepositId, first.body.deposit.id);
  const second = await deposit(id, 6_000, '2024-05-01');
  assert.equal(second.body.match.amountNtd, 6_000);
  // 12,000 matched; 5,000 more would match 5,000, but only what the cap leaves is matched.
  const third = await deposit(id, 5_000, '2024-08-01');
  assert.equal(third.status, 201);
  assert.equal(third.body.match.amountNtd, CAP - 12_000);
  assert.ok(third.body.matchNote.zh.includes('上限'));
  const fourth = await deposit(id, 1_000, '2024-09-01');
  assert.equal(fourth.status, 201);
  assert.equal(fourth.body.match, null, 'nothing matched past the cap');
  const nextYear = await deposit(id, 2_000, '2025-01-15');
  assert.equal(nextYear.body.match.amountNtd, 2_000, 'a new year, a fresh cap');

  const statement = await clerk.get(`/asset-accounts/${id}/statement?year=2024`);
  assert.equal(statement.status, 200);
  assert.equal(statement.body.openingBalanceNtd, 0);
  assert.deepEqual(statement.body.totals, { ownNtd: 18_000, matchNtd: CAP, depositsNtd: 18_000 + CAP });
  assert.equal(statement.body.closingBalanceNtd, 18_000 + CAP);
  let running = statement.body.openingBalanceNtd;
  for (const entry of statement.body.entries) {
    running += entry.amountNtd;
    assert.equal(entry.balanceNtd, running);
  }
  assert.equal(statement.body.entries.length, 7);
  const following = await clerk.get(`/asset-accounts/${id}/statement?year=2025`);
  assert.equal(following.body.openingBalanceNtd, 18_000 + CAP);
  assert.equal(following.body.closingBalanceNtd, 18_000 + CAP + 4_000);
  const pdf = await clerk.inject({ method: 'GET', url: `/asset-accounts/${id}/statement.pdf?year=2024` });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.ok(String(pdf.body).startsWith('%PDF-'));
  const account = await clerk.get(`/asset-accounts/${id}`);
  assert.equal(account.body.balanceNtd, following.body.closingBalanceNtd);
});

test(`a retried deposit with the same key returns the first; the key on another deposit is refused (${testEngine})`, async () => {
  const young = await family('2019-01-01');
  const id = (await open(young.child)).body.id;
  const key = randomUUID();
  const first = await deposit(id, 3_000, '2024-03-01', key);
  assert.equal(first.status, 201);
  const again = await deposit(id, 3_000, '2024-03-01', key);
  assert.equal(again.status, 200);
  assert.equal(again.body.deposit.id, first.body.deposit.id);
  assert.equal(again.body.match.id, first.body.match.id);
  assert.equal((await deposit(id, 4_000, '2024-03-01', key)).status, 409);
  const rows = await database.db
    .selectFrom('asset_deposit')
    .select('kind')
    .where('account_id', '=', id)
    .execute();
  assert.equal(rows.length, 2);
});

test(`deposits at once on one account cannot both fit under the cap (${testEngine})`, async () => {
  const young = await family('2020-02-02');
  const id = (await open(young.child)).body.id;
  assert.equal((await deposit(id, CAP - 1_000, '2024-04-01')).status, 201);
  const answers = await Promise.all([1, 2, 3, 4].map(() => deposit(id, 1_000, '2024-06-01')));
  assert.deepEqual(
    answers.map((a) => a.status),
    [201, 201, 201, 201],
  );
  const matched = answers.map((a) => a.body.match?.amountNtd ?? 0);
  assert.deepEqual(
    matched.sort((a, b) => b - a),
    [1_000, 0, 0, 0],
  );
  const statement = await clerk.get(`/asset-accounts/${id}/statement?year=2024`);
  assert.equal(statement.body.totals.matchNtd, CAP);
});

test(`the database keeps a match to one own deposit of its account, and amounts positive (${testEngine})`, async () => {
  const young = await family('2021-03-03');
  const id = (await open(young.child)).body.id;
  const own = (await deposit(id, 1_000, '2024-02-01')).body;
  const clerkId = own.deposit.recordedBy;
  const row = (values: Record<string, unknown>) =>
    database.db
      .insertInto('asset_deposit')
      .values({
        deposit_id: randomUUID(),
        account_id: id,
        deposited_on: '2024-02-01',
        kind: 'match',
        amount_ntd: 10,
        own_deposit_id: own.deposit.id,
        idempotency_key: null,
        recorded_by: clerkId,
        ...values,
      })
      .execute();
  await assert.rejects(row({}), 'a second match of the same own deposit');
  await assert.rejects(row({ own_deposit_id: own.match.id }), 'a match of a match');
  await assert.rejects(row({ own_deposit_id: null }), 'a match of nothing');
  await assert.rejects(
    row({ kind: 'own', own_deposit_id: null, idempotency_key: randomUUID(), amount_ntd: 0 }),
    'a zero amount',
  );
});

test(`the follow-up list shows an account without deposits for six months, not one with a recent deposit (${testEngine})`, async () => {
  const idle = await family('2017-07-07');
  const busy = await family('2017-08-08');
  const idleId = (await open(idle.child, '2024-01-05')).body.id;
  const busyId = (await open(busy.child, '2024-01-05')).body.id;
  assert.equal((await deposit(idleId, 1_000, '2024-02-10')).status, 201);
  assert.equal((await deposit(busyId, 1_000, '2024-02-10')).status, 201);
  assert.equal((await deposit(busyId, 1_000, '2024-07-01')).status, 201);
  const list = await clerk.get(`/asset-accounts/follow-up?district=${OWN}&asOf=2024-08-15&pageSize=100`);
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const idleItem = list.body.items.find((item: { accountId: string }) => item.accountId === idleId);
  assert.ok(idleItem, 'the idle account is listed');
  assert.equal(idleItem.lastDepositOn, '2024-02-10');
  assert.equal(idleItem.monthsWithoutDeposit, 6);
  assert.equal(idleItem.districtCode, OWN);
  assert.match(idleItem.holder.idNumber, /\*/);
  assert.ok(!list.body.items.some((item: { accountId: string }) => item.accountId === busyId));
  // One day earlier the idle account has not yet gone six months.
  const earlier = await clerk.get(`/asset-accounts/follow-up?asOf=2024-08-09&pageSize=100`);
  assert.ok(!earlier.body.items.some((item: { accountId: string }) => item.accountId === idleId));
  // A social worker sees the accounts of their caseload only.
  const seen = async () =>
    (await worker.get('/asset-accounts/follow-up?asOf=2024-08-15&pageSize=100')).body.items.map(
      (item: { accountId: string }) => item.accountId,
    );
  assert.ok(!(await seen()).includes(idleId));
  const workerId = (
    await database.db
      .selectFrom('account')
      .select('account_id')
      .where('username', '=', 'aa-worker')
      .executeTakeFirstOrThrow()
  ).account_id;
  await database.db
    .insertInto('caseload_assignment')
    .values({ assignment_id: randomUUID(), household_id: idle.householdId, worker_account_id: workerId })
    .execute();
  assert.deepEqual(await seen(), [idleId]);
});

test(`a clerk of another district can neither open, deposit, read nor close (${testEngine})`, async () => {
  const young = await family('2018-09-09');
  const id = (await open(young.child)).body.id;
  const key = { 'idempotency-key': randomUUID() };
  assert.equal(
    (
      await otherClerk.post('/asset-accounts', {
        holderPersonId: young.child,
        programId: 'children-future-account',
        openedOn: '2024-01-10',
      })
    ).status,
    403,
  );
  assert.equal(
    (await otherClerk.post(`/asset-accounts/${id}/deposits`, { amountNtd: 1_000 }, key)).status,
    403,
  );
  assert.equal((await otherClerk.get(`/asset-accounts/${id}`)).status, 403);
  assert.equal((await otherClerk.get(`/asset-accounts/${id}/statement?year=2024`)).status, 403);
  assert.equal((await otherClerk.post(`/asset-accounts/${id}/close`, { reason: '遷出' })).status, 403);
  const listed = await otherClerk.get('/asset-accounts?pageSize=100');
  assert.ok(!listed.body.items.some((item: { id: string }) => item.id === id));
  const denied = await database.db
    .selectFrom('audit_entry')
    .select('action')
    .where('action', '=', 'denied')
    .where('record_id', '=', id)
    .execute();
  assert.ok(denied.length >= 4, 'refusals are audited');
});

test(`a closed account takes no deposits and cannot be closed again (${testEngine})`, async () => {
  const young = await family('2018-10-10');
  const id = (await open(young.child)).body.id;
  assert.equal((await deposit(id, 1_000, '2024-02-01')).status, 201);
  const closed = await clerk.post(`/asset-accounts/${id}/close`, {
    reason: '遷出本市',
    closedOn: '2024-03-01',
  });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  assert.equal(closed.body.status, 'closed');
  assert.equal((await deposit(id, 1_000, '2024-03-05')).status, 409);
  assert.equal((await clerk.post(`/asset-accounts/${id}/close`, { reason: '再次' })).status, 409);
  const audit = await database.db
    .selectFrom('audit_entry')
    .select('action')
    .where('record_id', '=', id)
    .where('action', 'in', ['open', 'deposit', 'close'])
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['close', 'deposit', 'open']);
});

test(`a youth development account matches by the programme year's rate, the month capped at the saving limit (${testEngine})`, async () => {
  const ids = ASSET_ACCOUNT_PARAMETERS['youth-development-account'];
  const rate = (year: number) => parameters.valueOn(ids.matchRates[year - 1]!, '2024-01-01');
  const limit = parameters.valueOn(ids.maxMonthlySaving, '2024-01-01');
  const teen = await family('2008-09-01');
  const opened = await open(teen.child, '2024-01-10', 'youth-development-account');
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const id = opened.body.id;
  const first = await deposit(id, 2_000, '2024-02-05');
  assert.equal(first.body.match.amountNtd, Math.round(2_000 * rate(1)));
  const over = await deposit(id, limit - 2_000 + 1, '2024-02-20');
  assert.equal(over.status, 422, 'the month over the saving limit');
  const rest = await deposit(id, limit - 2_000, '2024-02-20');
  assert.equal(rest.status, 201);
  assert.equal(first.body.match.amountNtd + rest.body.match.amountNtd, Math.round(limit * rate(1)));
  // Month 12 (the 13th) of the programme is its second year.
  const second = await deposit(id, 2_000, '2025-01-05');
  assert.equal(second.body.match.amountNtd, Math.round(2_000 * rate(2)));
  // An account opened in January 2023 (moved back here) is past its three years in January 2026.
  await database.db
    .updateTable('asset_account')
    .set({ opened_on: '2023-01-10' })
    .where('account_id', '=', id)
    .execute();
  assert.equal((await deposit(id, 1_000, '2026-01-05')).status, 409, 'the three years are over');
});

test(`a 存薪當young deposit is kept without a match while the rules do not know the rate (${testEngine})`, async () => {
  const student = await family('2003-03-01');
  await world.commands.recordEvidence(student.child, 'school', {
    validFrom: '2023-09-01',
    source: 'test',
    fields: { schoolLevel: 'university', grade: 3 },
  });
  await world.commands.recordEvidence(student.child, 'work-ability', {
    validFrom: '2023-09-01',
    source: 'test',
    fields: { ableToWork: false, reason: 'student' },
  });
  const opened = await open(student.child, '2024-03-10', 'youth-savings-account');
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const saved = await deposit(opened.body.id, 2_000, '2024-03-15');
  assert.equal(saved.status, 201);
  assert.equal(saved.body.match, null);
  assert.match(saved.body.matchNote.zh, /提撥率未知/);
  assert.equal(saved.body.balanceNtd, 2_000);
});
