import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, anonymous, openTestServer, signedIn, TEST_PASSWORD } from '../http/test-clients.ts';

let database: Database;
let app: FastifyInstance;
/** Servers of their own: sign-in limits high enough for parallel guessing, and a low per-address one. */
let lockServer: Awaited<ReturnType<typeof openTestServer>>;
let sprayServer: Awaited<ReturnType<typeof openTestServer>>;
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
  for (const username of ['clerk-a', 'clerk-b', 'clerk-c', 'clerk-d', 'clerk-e', 'clerk-f'])
    await addAccount(database, protector, { username, role: 'district-clerk', districts: ['64000080'] });
  lockServer = await openTestServer({ identity: { now: () => clock } });
  await addAccount(lockServer.database, lockServer.protector, {
    username: 'clerk-parallel',
    role: 'district-clerk',
    districts: ['64000080'],
  });
  sprayServer = await openTestServer({
    identity: {
      now: () => clock,
      rateLimits: { signInPerMinute: 8, signInPerAddressPerMinute: 6, publicPerMinute: 1000 },
    },
  });
  for (const username of ['spray-a', 'spray-b'])
    await addAccount(sprayServer.database, sprayServer.protector, {
      username,
      role: 'district-clerk',
      districts: ['64000080'],
    });
});
after(async () => {
  for (const opened of [lockServer, sprayServer]) {
    await opened.app.close();
    await opened.database.close();
  }
  await app.close();
  await database.close();
});

const accountId = async (username: string) =>
  (
    await database.db
      .selectFrom('account')
      .select('account_id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).account_id;

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

test(`wrong passwords sent in parallel still lock the account, with one alert (${testEngine})`, async () => {
  const attempts = await Promise.all(
    Array.from({ length: 12 }, (_, attempt) =>
      lockServer.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'clerk-parallel', password: `wrong-password-${attempt}` },
      }),
    ),
  );
  assert.deepEqual(
    attempts.map((response) => response.statusCode),
    Array(12).fill(401),
  );
  const account = await lockServer.database.db
    .selectFrom('account')
    .select(['account_id', 'locked_until'])
    .where('username', '=', 'clerk-parallel')
    .executeTakeFirstOrThrow();
  assert.ok(account.locked_until && account.locked_until > clock, 'locked');
  const alerts = await lockServer.database.db
    .selectFrom('security_alert')
    .select('kind')
    .where('account_id', '=', account.account_id)
    .execute();
  assert.deepEqual(alerts, [{ kind: 'account-locked' }], 'one alert, raised by the attempt that locked it');
  const audited = await lockServer.database.db
    .selectFrom('audit_entry')
    .select('details')
    .where('action', '=', 'sign-in-failed')
    .where('record_id', '=', account.account_id)
    .execute();
  assert.equal(audited.length, 12, 'every attempt audited');
  const right = await lockServer.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: 'clerk-parallel', password: TEST_PASSWORD },
  });
  assert.equal(right.statusCode, 401, 'locked: even the right password');
});

test(`one address trying many usernames is limited across them (password spraying) (${testEngine})`, async () => {
  const attempt = (username: string, remoteAddress: string) =>
    sprayServer.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password: 'Spring2026!' },
      remoteAddress,
    });
  const statuses: number[] = [];
  for (let user = 0; user < 6; user++)
    statuses.push((await attempt(`sprayed-${user}`, '10.0.0.7')).statusCode);
  assert.deepEqual(statuses, Array(6).fill(401), 'each username well under its own limit');
  const limited = await attempt('spray-a', '10.0.0.7');
  assert.equal(limited.statusCode, 429, 'the seventh username from the address in a minute');
  assert.equal(limited.json().title_en, 'Too many requests');
  assert.match(limited.json().detail, /登入/);
  const signedInElsewhere = await sprayServer.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: 'spray-a', password: TEST_PASSWORD },
    remoteAddress: '10.0.0.8',
  });
  assert.equal(signedInElsewhere.statusCode, 200, 'another address is not limited');
  const refusedCount = await sprayServer.database.db
    .selectFrom('audit_entry')
    .select('seq')
    .where('action', '=', 'sign-in-failed')
    .execute();
  assert.equal(refusedCount.length, 6, 'the limited attempt never reached the password check');
  advance(1.1);
  assert.equal((await attempt('spray-b', '10.0.0.7')).statusCode, 401, 'a minute later it may try again');
});

test(`wrong current passwords count toward the lockout and the change is rate-limited (${testEngine})`, async () => {
  const clerk = await signedIn(app, 'clerk-f');
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 9; attempt++)
    statuses.push(
      (
        await clerk.put('/session/password', {
          currentPassword: `guess-${attempt}`,
          newPassword: 'a-much-better-passphrase',
        })
      ).status,
    );
  assert.deepEqual(statuses.slice(0, 5), Array(5).fill(400), 'five wrong, the fifth locks');
  assert.deepEqual(statuses.slice(5, 8), Array(3).fill(403), 'locked: no more guesses');
  assert.equal(statuses[8], 429, 'and the route has the sign-in rate limit');
  assert.equal((await signInAs('clerk-f', TEST_PASSWORD)).statusCode, 401, 'the account is locked');
  const alert = await database.db
    .selectFrom('security_alert')
    .innerJoin('account', 'account.account_id', 'security_alert.account_id')
    .select('security_alert.kind')
    .where('account.username', '=', 'clerk-f')
    .execute();
  assert.deepEqual(alert, [{ kind: 'account-locked' }]);
  const audited = await database.db
    .selectFrom('audit_entry')
    .select('seq')
    .where('action', '=', 'change-password-failed')
    .where('record_id', '=', await accountId('clerk-f'))
    .execute();
  assert.equal(audited.length, 5, 'each counted wrong password audited');
});
