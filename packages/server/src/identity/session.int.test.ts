import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, anonymous, openTestServer, signedIn, TEST_PASSWORD } from '../http/test-clients.ts';

let database: Database;
let app: FastifyInstance;
let clock = new Date('2026-11-24T09:00:00Z');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

before(async () => {
  const opened = await openTestServer({
    identity: {
      now: () => clock,
      sessionPolicy: { idleMinutes: 30, maxHours: 2 },
      rateLimits: { signInPerMinute: 8, publicPerMinute: 1000 },
    },
  });
  database = opened.database;
  app = opened.app;
  const protector = opened.protector;
  for (const username of ['clerk-a', 'clerk-b', 'clerk-c', 'clerk-d', 'clerk-e'])
    await addAccount(database, protector, { username, role: 'district-clerk', districts: ['64000080'] });
});
after(async () => {
  await app.close();
  await database.close();
});

const signInAs = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

test(`sign-in sets an HttpOnly SameSite cookie; sign-out ends the session (${testEngine})`, async () => {
  const response = await signInAs('clerk-a', TEST_PASSWORD);
  assert.equal(response.statusCode, 200);
  const cookie = response.cookies.find((c) => c.name === 'sn_session')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.ok(cookie.value.length >= 40, 'an opaque random token');
  const stored = await database.db.selectFrom('session').select('session_hash').execute();
  assert.ok(
    stored.every((row) => !row.session_hash.toString('utf8').includes(cookie.value)),
    'only a hash is stored',
  );
  const clerk = await signedIn(app, 'clerk-a');
  assert.equal((await clerk.get('/session')).body.account.username, 'clerk-a');
  assert.equal((await clerk.delete('/session')).status, 204);
  assert.equal((await clerk.get('/session')).status, 401);
  assert.equal((await clerk.get('/persons')).status, 401);
});

test(`the same refusal for an unknown user and a wrong password; every attempt audited (${testEngine})`, async () => {
  const unknown = await signInAs('nobody-here', 'whatever-password');
  const wrong = await signInAs('clerk-b', 'wrong-password-123');
  assert.equal(unknown.statusCode, 401);
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.json().detail_en, wrong.json().detail_en);
  assert.doesNotMatch(unknown.body, /stack|\.ts:\d+/);
  const failures = await database.db
    .selectFrom('audit_entry')
    .select(['details'])
    .where('action', '=', 'sign-in-failed')
    .execute();
  assert.ok(failures.some((entry) => entry.details.includes('"reason":"unknown"')));
  assert.ok(failures.some((entry) => entry.details.includes('"reason":"password"')));
});

test(`five wrong passwords lock the account for 15 minutes and raise an alert (${testEngine})`, async () => {
  for (let attempt = 1; attempt <= 5; attempt++)
    assert.equal((await signInAs('clerk-c', `wrong-password-${attempt}`)).statusCode, 401);
  assert.equal((await signInAs('clerk-c', TEST_PASSWORD)).statusCode, 401, 'locked: even the right password');
  const alert = await database.db
    .selectFrom('security_alert')
    .innerJoin('account', 'account.account_id', 'security_alert.account_id')
    .select('security_alert.kind')
    .where('account.username', '=', 'clerk-c')
    .executeTakeFirst();
  assert.equal(alert?.kind, 'account-locked');
  advance(14);
  assert.equal((await signInAs('clerk-c', TEST_PASSWORD)).statusCode, 401, 'still locked after 14 minutes');
  advance(2);
  assert.equal((await signInAs('clerk-c', TEST_PASSWORD)).statusCode, 200, 'unlocked after 15');
});

test(`a session expires after 30 idle minutes and after its maximum age (${testEngine})`, async () => {
  const idle = await signedIn(app, 'clerk-d');
  advance(29);
  assert.equal((await idle.get('/session')).status, 200, 'a request within 30 minutes keeps it');
  advance(29);
  assert.equal((await idle.get('/session')).status, 200);
  advance(31);
  const expired = await idle.get('/session');
  assert.equal(expired.status, 401, 'idle too long');
  assert.equal(expired.body.title_en, 'Unauthorized');

  const busy = await signedIn(app, 'clerk-d');
  for (let step = 0; step < 4; step++) {
    advance(29);
    assert.equal((await busy.get('/session')).status, 200);
  }
  advance(5);
  assert.equal((await busy.get('/session')).status, 401, 'past the 2-hour maximum, however busy');
});

test(`a password change ends the account's other sessions and needs the current password (${testEngine})`, async () => {
  const desk = await signedIn(app, 'clerk-e');
  const phone = await signedIn(app, 'clerk-e');
  const wrong = await desk.put('/session/password', {
    currentPassword: 'nope',
    newPassword: 'a-much-better-passphrase',
  });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.errors[0].field, 'body.currentPassword');
  const short = await desk.put('/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
  assert.equal(short.status, 400);
  assert.equal(short.body.errors[0].field, 'body.newPassword');
  const changed = await desk.put('/session/password', {
    currentPassword: TEST_PASSWORD,
    newPassword: 'a-much-better-passphrase',
  });
  assert.equal(changed.status, 204);
  assert.equal((await desk.get('/session')).status, 200, 'the session that changed it stays');
  assert.equal((await phone.get('/session')).status, 401, 'the other one ended');
  assert.equal((await signInAs('clerk-e', TEST_PASSWORD)).statusCode, 401);
  assert.equal((await signInAs('clerk-e', 'a-much-better-passphrase')).statusCode, 200);
});

test(`cookie-authenticated changes need the session's CSRF token (${testEngine})`, async () => {
  const clerk = await signedIn(app, 'clerk-a');
  const person = {
    idNumber: 'E123456783',
    name: '王小明',
    sex: 'M',
    birthDate: '1990-01-01',
    registeredDistrictCode: '64000080',
  };
  const withoutToken = await app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { cookie: clerk.cookie },
    payload: person,
  });
  assert.equal(withoutToken.statusCode, 403);
  assert.match(withoutToken.json().detail_en, /CSRF/);
  const other = await signedIn(app, 'clerk-b');
  const foreignToken = await app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { cookie: clerk.cookie, 'x-csrf-token': other.csrfToken },
    payload: person,
  });
  assert.equal(foreignToken.statusCode, 403, "another session's token does not do");
  assert.equal((await clerk.post('/persons', person)).status, 201);
});

test(`sign-in is rate-limited per address and username (${testEngine})`, async () => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++)
    statuses.push((await signInAs('no-such-user-x', 'whatever-password')).statusCode);
  assert.deepEqual(statuses.slice(0, 8), Array(8).fill(401));
  assert.equal(statuses[8], 429);
  const limited = await signInAs('no-such-user-x', 'whatever-password');
  assert.equal(limited.json().title_en, 'Too many requests');
  assert.equal((await anonymous(app).get('/health')).status, 200, 'other routes unaffected');
});
