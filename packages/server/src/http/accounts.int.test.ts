import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import {
  addAccount,
  anonymous,
  type Client,
  openTestServer,
  signedIn,
  TEST_PASSWORD,
  withToken,
} from './test-clients.ts';

let database: Database;
let app: FastifyInstance;
let admin: Client;
let clerk: Client;
const LINGYA = '64000080';

before(async () => {
  const opened = await openTestServer({
    identity: { rateLimits: { signInPerMinute: 100, publicPerMinute: 1000 } },
  });
  database = opened.database;
  app = opened.app;
  const protector = opened.protector;
  await addAccount(database, protector, { username: 'root-admin', role: 'admin' });
  await addAccount(database, protector, {
    username: 'lingya-clerk',
    role: 'district-clerk',
    districts: [LINGYA],
  });
  admin = await signedIn(app, 'root-admin');
  clerk = await signedIn(app, 'lingya-clerk');
});
after(async () => {
  await app.close();
  await database.close();
});

const auditEntries = (action: string, recordType: string, recordId: string) =>
  database.db
    .selectFrom('audit_entry')
    .select(['actor_name', 'details'])
    .where('action', '=', action)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .execute();

const signInStatus = async (username: string, password: string) =>
  (await anonymous(app).post('/session', { username, password })).status;

test(`an administrator creates a clerk who can then sign in; the list shows no hash (${testEngine})`, async () => {
  const created = await admin.post('/accounts', {
    username: 'Fengshan-Clerk',
    displayName: '鳳山區 陳承辦',
    role: 'district-clerk',
    password: 'a-long-enough-password',
    districts: ['64000120'],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.username, 'fengshan-clerk');
  assert.deepEqual(created.body.roleName, { zh: '區公所承辦人', en: 'District clerk' });
  assert.equal((await signedIn(app, 'fengshan-clerk', 'a-long-enough-password')).csrfToken.length > 0, true);

  const listed = await admin.get('/accounts?role=district-clerk');
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.items.map((a: { username: string }) => a.username).sort(), [
    'fengshan-clerk',
    'lingya-clerk',
  ]);
  assert.doesNotMatch(JSON.stringify(listed.body), /argon2|password/i);
  const entries = await auditEntries('create', 'account', created.body.id);
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.actor_name, 'root-admin');

  // Linking the account to a single sign-on identity, and a second account to the same one refused.
  const subject = 'https://sso.example.gov.tw|f-clerk-001';
  assert.equal((await admin.patch(`/accounts/${created.body.id}`, { oidcSubject: subject })).status, 200);
  const linked = await database.db
    .selectFrom('account')
    .select('oidc_subject')
    .where('account_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  assert.equal(linked.oidc_subject, subject);
  const other = listed.body.items.find((a: { username: string }) => a.username === 'lingya-clerk');
  const taken = await admin.patch(`/accounts/${other.id}`, { oidcSubject: subject });
  assert.equal(taken.status, 409);
});

test(`bad accounts: short password 400 naming it, duplicate 409, unknown district 400; non-admins 403 (${testEngine})`, async () => {
  const base = { displayName: '測試', role: 'district-clerk', districts: [LINGYA] };
  const short = await admin.post('/accounts', { ...base, username: 'short-pw', password: 'short' });
  assert.equal(short.status, 400);
  assert.equal(short.body.errors[0].field, 'body.password');
  const taken = await admin.post('/accounts', { ...base, username: 'LINGYA-clerk', password: TEST_PASSWORD });
  assert.equal(taken.status, 409);
  assert.equal(taken.body.errors[0].field, 'body.username');
  const district = await admin.post('/accounts', { ...base, username: 'nowhere', districts: ['64000390'] });
  assert.equal(district.status, 400);
  assert.equal(district.body.errors[0].field, 'body.districts');
  const extra = await admin.post('/accounts', { ...base, username: 'extra', isRoot: true });
  assert.equal(extra.status, 400);

  assert.equal((await clerk.get('/accounts')).status, 403);
  assert.equal(
    (await clerk.post('/accounts', { ...base, username: 'sneaky', password: TEST_PASSWORD })).status,
    403,
  );
  assert.equal((await clerk.get('/api-clients')).status, 403);
  assert.equal((await clerk.get('/teams')).status, 403);
  assert.equal((await clerk.post('/caseloads', {})).status, 403);
  assert.equal((await anonymous(app).get('/accounts')).status, 401);
});

test(`disabling an account ends its sessions; an admin cannot disable or demote themselves (${testEngine})`, async () => {
  const made = await admin.post('/accounts', {
    username: 'leaving-clerk',
    displayName: '離職承辦',
    role: 'district-clerk',
    password: TEST_PASSWORD,
    districts: [LINGYA],
  });
  const leaving = await signedIn(app, 'leaving-clerk');
  assert.equal((await leaving.get('/session')).status, 200);
  const disabled = await admin.patch(`/accounts/${made.body.id}`, { disabled: true });
  assert.equal(disabled.status, 200);
  assert.equal(disabled.body.disabled, true);
  assert.equal((await leaving.get('/session')).status, 401, 'its cookie no longer works');
  assert.equal(await signInStatus('leaving-clerk', TEST_PASSWORD), 401);

  const me = (await admin.get('/session')).body.account.id;
  const self = await admin.patch(`/accounts/${me}`, { disabled: true });
  assert.equal(self.status, 400);
  assert.match(self.body.detail_en, /cannot disable your own account/);
  const demoted = await admin.patch(`/accounts/${me}`, { role: 'auditor' });
  assert.equal(demoted.status, 400);
  assert.match(demoted.body.detail_en, /cannot demote your own account/);
  assert.equal((await admin.get('/session')).status, 200, 'still signed in, still an administrator');
});

test(`unlock clears a lockout of five wrong sign-ins; the lock is an alert (${testEngine})`, async () => {
  const made = await admin.post('/accounts', {
    username: 'forgetful',
    displayName: '健忘承辦',
    role: 'district-clerk',
    password: TEST_PASSWORD,
    districts: [LINGYA],
  });
  for (let attempt = 1; attempt <= 5; attempt++)
    assert.equal(await signInStatus('forgetful', `wrong-password-${attempt}`), 401);
  assert.equal(await signInStatus('forgetful', TEST_PASSWORD), 401, 'locked');
  const listed = await admin.get('/accounts?role=district-clerk');
  assert.equal(listed.body.items.find((a: { id: string }) => a.id === made.body.id).locked, true);

  const alerts = await admin.get('/alerts?kind=account-locked');
  assert.equal(alerts.status, 200);
  assert.equal(alerts.body.items[0].accountId, made.body.id);
  assert.equal((await clerk.get('/alerts')).status, 403);

  const unlocked = await admin.patch(`/accounts/${made.body.id}`, { unlock: true });
  assert.equal(unlocked.status, 200);
  assert.equal(unlocked.body.locked, false);
  assert.equal(await signInStatus('forgetful', TEST_PASSWORD), 200);
});

test(`an API client's token works within its scope and stops at revocation, both audited (${testEngine})`, async () => {
  const badScope = await admin.post('/api-clients', { name: 'x', scopes: ['accounts:manage'] });
  assert.equal(badScope.status, 400);
  const badDistrict = await admin.post('/api-clients', {
    name: 'x',
    scopes: ['registry:read'],
    districts: ['64000390'],
  });
  assert.equal(badDistrict.status, 400);
  assert.equal(badDistrict.body.errors[0].field, 'body.districts');

  const unbounded = await admin.post('/api-clients', { name: '衛生局系統', scopes: ['registry:read'] });
  assert.equal(unbounded.status, 400, 'no districts and no wholeCity: refused, never the city by default');
  assert.equal(unbounded.body.errors[0].field, 'body.districts');
  const created = await admin.post('/api-clients', {
    name: '衛生局系統',
    scopes: ['registry:read'],
    wholeCity: true,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id, token } = created.body;
  assert.match(token, /^snk_/);
  assert.ok(token.startsWith(created.body.tokenPrefix));
  assert.equal(
    (await admin.post('/api-clients', { name: '衛生局系統', scopes: ['rules:read'], wholeCity: true }))
      .status,
    409,
  );
  const listed = await admin.get('/api-clients');
  assert.equal(listed.body.items.length, 1);
  assert.ok(!JSON.stringify(listed.body).includes(token), 'the token is shown once, at creation');

  const system = withToken(app, token);
  assert.equal((await system.get('/persons')).status, 200);
  const write = await system.post('/persons', {
    idNumber: withCheckDigit('E29999999'),
    name: '王測試',
    sex: 'F',
    birthDate: '1990-01-01',
    registeredDistrictCode: LINGYA,
  });
  assert.equal(write.status, 403);

  assert.equal((await admin.delete(`/api-clients/${id}`)).status, 204);
  assert.equal((await system.get('/persons')).status, 401);
  const again = await admin.delete(`/api-clients/${id}`);
  assert.equal(again.status, 409);
  assert.match(again.body.detail_en, /already revoked/);
  assert.equal((await admin.delete('/api-clients/0190a0c2-7e4f-4abc-8def-0123456789ab')).status, 404);
  assert.equal((await auditEntries('create', 'api-client', id)).length, 1);
  const revocations = await auditEntries('revoke', 'api-client', id);
  assert.equal(revocations.length, 1);
  assert.equal(revocations[0]?.actor_name, 'root-admin');
});

test(`a supervisor assigns a household within their team, which the worker then reads (${testEngine})`, async () => {
  for (const id of ['team-a', 'team-b'])
    assert.equal(
      (await admin.post('/teams', { id, nameZh: `社工組 ${id}`, nameEn: `Team ${id}`, districtCode: LINGYA }))
        .status,
      201,
    );
  assert.equal((await admin.post('/teams', { id: 'team-a', nameZh: '重複', nameEn: 'Again' })).status, 409);
  assert.deepEqual(
    (await admin.get('/teams')).body.items.map((t: { id: string }) => t.id),
    ['team-a', 'team-b'],
  );
  const account = async (username: string, role: string, teamId: string) => {
    const made = await admin.post('/accounts', {
      username,
      displayName: username,
      role,
      password: TEST_PASSWORD,
      teamId,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body.id as string;
  };
  await account('sup-a', 'supervisor', 'team-a');
  const workerA = await account('worker-a', 'social-worker', 'team-a');
  const workerB = await account('worker-b', 'social-worker', 'team-b');
  const clerkId = (await clerk.get('/session')).body.account.id;

  const person = await clerk.post('/persons', {
    idNumber: withCheckDigit('E21234567'),
    name: '張美華',
    sex: 'F',
    birthDate: '1985-03-03',
    registeredDistrictCode: LINGYA,
  });
  const household = await clerk.post('/households', {
    districtCode: LINGYA,
    address: '苓雅區四維三路2號',
    validFrom: '2020-01-01',
    members: [{ personId: person.body.personId, role: 'applicant' }],
  });
  assert.equal(household.status, 201);
  const householdId = household.body.householdId;

  const supervisor = await signedIn(app, 'sup-a');
  const worker = await signedIn(app, 'worker-a');
  assert.equal((await worker.get(`/households/${householdId}`)).status, 403, 'not on the caseload yet');

  const assigned = await supervisor.post('/caseloads', { householdId, workerId: workerA });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
  const again = await supervisor.post('/caseloads', { householdId, workerId: workerA });
  assert.equal(again.status, 200);
  assert.equal(again.body.id, assigned.body.id, 'idempotent');
  assert.equal((await worker.get(`/households/${householdId}`)).status, 200);
  assert.equal((await auditEntries('assign', 'caseload', assigned.body.id)).length, 1);

  const otherTeam = await supervisor.post('/caseloads', { householdId, workerId: workerB });
  assert.equal(otherTeam.status, 403);
  assert.match(otherTeam.body.detail_en, /not on your team/);
  const notWorker = await supervisor.post('/caseloads', { householdId, workerId: clerkId });
  assert.equal(notWorker.status, 400);
  assert.equal(notWorker.body.errors[0].field, 'body.workerId');

  const listed = await supervisor.get('/caseloads');
  assert.deepEqual(
    listed.body.items.map((a: { id: string }) => a.id),
    [assigned.body.id],
  );
  const ended = await supervisor.post(`/caseloads/${assigned.body.id}/end`);
  assert.equal(ended.status, 200);
  assert.ok(ended.body.endedAt);
  assert.equal((await supervisor.post(`/caseloads/${assigned.body.id}/end`)).status, 409);
  assert.equal((await worker.get(`/households/${householdId}`)).status, 403, 'off the caseload again');
  assert.equal((await supervisor.get('/caseloads')).body.items.length, 0);
  assert.equal(
    (await worker.post('/caseloads', { householdId, workerId: workerA })).status,
    403,
    'workers do not assign',
  );
  const alerts = await supervisor.get('/alerts');
  assert.equal(alerts.status, 200);
  assert.equal(alerts.body.total, 0, "a supervisor sees only their team's alerts, not a clerk's lockout");
});

test(`a supervisor assigns only households of their team's district or caseload; unknown ids are 403 too (${testEngine})`, async () => {
  const FENGSHAN = '64000120';
  assert.equal(
    (await admin.post('/teams', { id: 'team-c', nameZh: '社工三組', nameEn: 'Team C', districtCode: LINGYA }))
      .status,
    201,
  );
  assert.equal(
    (await admin.post('/teams', { id: 'team-none', nameZh: '無區組', nameEn: 'No district' })).status,
    201,
  );
  const account = async (username: string, role: string, extra: object) => {
    const made = await admin.post('/accounts', {
      username,
      displayName: username,
      role,
      password: TEST_PASSWORD,
      ...extra,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body.id as string;
  };
  await account('sup-c', 'supervisor', { teamId: 'team-c' });
  const workerC1 = await account('worker-c1', 'social-worker', { teamId: 'team-c' });
  const workerC2 = await account('worker-c2', 'social-worker', { teamId: 'team-c' });
  await account('sup-none', 'supervisor', { teamId: 'team-none' });
  const workerNone = await account('worker-none', 'social-worker', { teamId: 'team-none' });
  await account('fengshan-clerk-c', 'district-clerk', { districts: [FENGSHAN] });

  const householdIn = async (client: Client, district: string, idNumber: string) => {
    const person = await client.post('/persons', {
      idNumber: withCheckDigit(idNumber),
      name: '林測試',
      sex: 'M',
      birthDate: '1970-05-05',
      registeredDistrictCode: district,
    });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    const household = await client.post('/households', {
      districtCode: district,
      address: '測試路1號',
      validFrom: '2020-01-01',
      members: [{ personId: person.body.personId, role: 'applicant' }],
    });
    assert.equal(household.status, 201, JSON.stringify(household.body));
    return household.body.householdId as string;
  };
  const lingya = await householdIn(clerk, LINGYA, 'E22345678');
  const fengshan = await householdIn(await signedIn(app, 'fengshan-clerk-c'), FENGSHAN, 'E23456789');

  const supervisor = await signedIn(app, 'sup-c');
  const outside = await supervisor.post('/caseloads', { householdId: fengshan, workerId: workerC1 });
  assert.equal(outside.status, 403, 'a household of another district');
  assert.match(outside.body.detail_en, /not in your team's district/);
  const unknown = await supervisor.post('/caseloads', {
    householdId: '0190a0c2-7e4f-4abc-8def-0123456789ab',
    workerId: workerC1,
  });
  assert.deepEqual([unknown.status, unknown.body.detail_en], [403, outside.body.detail_en], 'ids not probed');
  const inside = await supervisor.post('/caseloads', { householdId: lingya, workerId: workerC1 });
  assert.equal(inside.status, 201, JSON.stringify(inside.body));

  // Already on the team's caseload (taken on while it lay in the district): another worker may share it.
  await database.db
    .insertInto('caseload_assignment')
    .values({ assignment_id: crypto.randomUUID(), household_id: fengshan, worker_account_id: workerC1 })
    .execute();
  assert.equal(
    (await supervisor.post('/caseloads', { householdId: fengshan, workerId: workerC2 })).status,
    201,
  );

  const noDistrict = await (await signedIn(app, 'sup-none')).post('/caseloads', {
    householdId: lingya,
    workerId: workerNone,
  });
  assert.equal(noDistrict.status, 403);
  assert.match(noDistrict.body.detail_en, /team has no district/);
  assert.match(noDistrict.body.detail, /社工組尚未設定服務行政區/);
});

test(`a supervisor's alerts are their team's accounts'; listing alerts, accounts and caseloads is audited (${testEngine})`, async () => {
  for (let attempt = 1; attempt <= 5; attempt++)
    assert.equal(await signInStatus('worker-c2', `wrong-password-${attempt}`), 401);
  const supervisor = await signedIn(app, 'sup-c');
  const alerts = await supervisor.get('/alerts');
  assert.equal(alerts.status, 200);
  const workerC2 = (await admin.get('/accounts?role=social-worker')).body.items.find(
    (a: { username: string }) => a.username === 'worker-c2',
  ).id;
  assert.deepEqual(
    alerts.body.items.map((a: { kind: string; accountId: string }) => [a.kind, a.accountId]),
    [['account-locked', workerC2]],
  );
  const caseloads = await supervisor.get('/caseloads');
  assert.equal(caseloads.status, 200);
  const accounts = await admin.get('/accounts');

  const lastList = async (recordType: string, actor: string) => {
    const entry = await database.db
      .selectFrom('audit_entry')
      .select(['details', 'record_id'])
      .where('action', '=', 'list')
      .where('record_type', '=', recordType)
      .where('actor_name', '=', actor)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    assert.ok(entry, `a list of ${recordType} by ${actor} is audited`);
    return JSON.parse(entry.details).ids;
  };
  assert.deepEqual(
    await lastList('security-alert', 'sup-c'),
    alerts.body.items.map((a: { id: string }) => a.id),
  );
  assert.deepEqual(
    await lastList('caseload', 'sup-c'),
    caseloads.body.items.map((a: { id: string }) => a.id),
  );
  assert.equal(caseloads.body.items.length, 3);
  assert.deepEqual(
    await lastList('account', 'root-admin'),
    accounts.body.items.map((a: { id: string }) => a.id),
  );
});
