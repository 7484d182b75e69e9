import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BREAK_GLASS_MINUTES } from '@safetynet/core/authz/break-glass';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { buildServer } from '../http/app.ts';
import { addAccount, type Client, signedIn } from '../http/test-clients.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';

let database: Database;
let app: FastifyInstance;
let protector: IdProtector;
/** The server's clock: tests move it to expire break-glass grants. */
let clock = new Date();
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
const ids: Record<string, string> = {};
const clients: Record<string, Client> = {};
const LINGYA = '64000080';
const FENGSHAN = '64000120';

before(async () => {
  database = await openTestDatabase();
  protector = new IdProtector(generateIdKeys('test'));
  app = await buildServer({ database, protector, identity: { now: () => clock } });
  await database.db
    .insertInto('team')
    .values([
      { team_id: 'team-a', name_zh: '社工一組', name_en: 'Team A', district_code: LINGYA },
      { team_id: 'team-b', name_zh: '社工二組', name_en: 'Team B', district_code: null },
      { team_id: 'intake', name_zh: '保護窗口', name_en: 'Intake', district_code: null },
      { team_id: 'team-c', name_zh: '社工三組', name_en: 'Team C', district_code: FENGSHAN },
    ])
    .execute();
  const accounts = [
    { username: 'clerk', role: 'district-clerk', districts: [LINGYA] },
    { username: 'intake-worker', role: 'social-worker', teamId: 'intake', intake: true },
    { username: 'worker-a', role: 'social-worker', teamId: 'team-a' },
    { username: 'supervisor-a', role: 'supervisor', teamId: 'team-a' },
    { username: 'worker-b', role: 'social-worker', teamId: 'team-b' },
    { username: 'supervisor-b', role: 'supervisor', teamId: 'team-b' },
    { username: 'worker-c', role: 'social-worker', teamId: 'team-c' },
    { username: 'supervisor-c', role: 'supervisor', teamId: 'team-c' },
    { username: 'intake-supervisor', role: 'supervisor', teamId: 'intake', intake: true },
    { username: 'statistician', role: 'statistician' },
    { username: 'admin', role: 'admin' },
    { username: 'auditor', role: 'auditor' },
    { username: 'provider', role: 'provider', facilityRef: 'shelter-1' },
  ];
  for (const account of accounts) {
    ids[account.username] = (await addAccount(database, protector, account)).account_id;
    clients[account.username] = await signedIn(app, account.username);
  }
});
after(async () => {
  await app.close();
  await database.close();
});

const as = (username: string) => clients[username] as Client;
const listed = async (username: string): Promise<string[]> => {
  const { status, body } = await as(username).get('/protection-cases');
  assert.equal(status, 200, `${username} lists`);
  for (const item of body.items) assert.equal('summary' in item, false, 'a list never shows the summary');
  return body.items.map((item: { id: string }) => item.id);
};
/** Reads a case with a stated purpose; every successful read must leave an audit entry saying so. */
const expectedReads: { username: string; access: string; purpose: string }[] = [];
const read = async (username: string, caseId: string) => {
  const purpose = `${username} checks the report`;
  const answer = await as(username).get(`/protection-cases/${caseId}`, { 'x-purpose': purpose });
  if (answer.status === 200) expectedReads.push({ username, access: answer.body.access, purpose });
  return answer;
};

test(`need-to-know: intake, assignment, supervisor, break-glass and its expiry (${testEngine})`, async () => {
  const reported = await as('clerk').post('/protection-cases', {
    kind: 'child',
    districtCode: LINGYA,
    summary: '學校通報：學童多日未到校，身上有瘀傷',
  });
  assert.equal(reported.status, 201);
  assert.equal(reported.body.status, 'reported');
  const caseId = reported.body.id as string;
  const other = await as('provider').post('/protection-cases', {
    kind: 'elder',
    districtCode: LINGYA,
    summary: '長者獨居，疑似遭疏忽照顧',
  });
  assert.equal(other.status, 201, 'a provider reports too');
  const otherId = other.body.id as string;

  // New reports: the intake team sees and reads them; a worker outside intake does not.
  assert.deepEqual((await listed('intake-worker')).sort(), [caseId, otherId].sort());
  const intakeRead = await read('intake-worker', caseId);
  assert.equal(intakeRead.status, 200);
  assert.equal(intakeRead.body.access, 'intake');
  assert.equal(intakeRead.body.summary, '學校通報：學童多日未到校，身上有瘀傷');
  assert.equal(intakeRead.body.reportedBy, ids.clerk);
  assert.equal((await read('worker-a', caseId)).status, 403);
  assert.deepEqual(await listed('worker-a'), []);
  assert.deepEqual(await listed('supervisor-a'), []);

  // Assignment: only a supervisor, only to a social worker of their own team.
  const assign = (username: string, workerId: string | undefined) =>
    as(username).post(`/protection-cases/${caseId}/assign`, { workerId });
  assert.equal((await assign('worker-a', ids['worker-a'])).status, 403, 'a worker does not assign');
  const otherTeam = await assign('supervisor-a', ids['worker-b']);
  assert.equal(otherTeam.status, 403);
  assert.equal(otherTeam.body.errors[0].field, 'body.workerId');
  assert.equal(
    (await assign('supervisor-a', ids['supervisor-a'])).status,
    403,
    'a supervisor is not a worker',
  );
  const assigned = await assign('supervisor-a', ids['worker-a']);
  assert.deepEqual([assigned.status, assigned.body.status], [200, 'assigned']);
  assert.equal((await assign('supervisor-b', ids['worker-b'])).status, 403, 'another team does not take it');

  // Now the intake team no longer reads it; the assigned worker and their supervisor do.
  assert.equal((await read('intake-worker', caseId)).status, 403);
  assert.deepEqual(await listed('intake-worker'), [otherId]);
  const workerRead = await read('worker-a', caseId);
  assert.deepEqual([workerRead.status, workerRead.body.access], [200, 'assigned']);
  assert.equal(workerRead.body.assignedWorkerId, ids['worker-a']);
  assert.equal(workerRead.body.accessUntil, null);
  const supervisorRead = await read('supervisor-a', caseId);
  assert.deepEqual([supervisorRead.status, supervisorRead.body.access], [200, 'supervisor']);
  assert.deepEqual(await listed('worker-a'), [caseId]);
  assert.deepEqual(await listed('supervisor-a'), [caseId]);

  // A worker of another team: refused, then breaks glass with a reason.
  assert.equal((await read('worker-b', caseId)).status, 403);
  assert.deepEqual(await listed('worker-b'), []);
  const tooShort = await as('worker-b').post(`/protection-cases/${caseId}/break-glass`, { reason: '緊急' });
  assert.equal(tooShort.status, 400);
  assert.equal(tooShort.body.errors[0].field, 'body.reason');
  assert.match(tooShort.body.detail, /至少 10 字/);
  assert.match(tooShort.body.detail_en, /at least 10 characters/);
  const grantedAt = clock;
  const reason = '夜間接獲警方通知，需立即確認案主安置地點';
  const glass = await as('worker-b').post(`/protection-cases/${caseId}/break-glass`, { reason });
  assert.equal(glass.status, 201);
  assert.equal(
    glass.body.expiresAt,
    new Date(grantedAt.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString(),
  );
  const glassRead = await read('worker-b', caseId);
  assert.deepEqual([glassRead.status, glassRead.body.access], [200, 'break-glass']);
  assert.equal(glassRead.body.accessUntil, glass.body.expiresAt);
  assert.deepEqual(await listed('worker-b'), [caseId]);
  const alerts = await database.db
    .selectFrom('security_alert')
    .selectAll()
    .where('kind', '=', 'break-glass')
    .execute();
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]?.account_id, ids['worker-b']);
  assert.equal(alerts[0]?.record_id, caseId);
  const detail = alerts[0]?.detail ?? '';
  assert.ok(detail.includes('worker-b') && detail.includes(caseId), detail);
  assert.ok(detail.includes(glass.body.expiresAt), `until when: ${detail}`);
  assert.equal(detail.includes(reason), false, 'the reason is case content: it stays in the grant');
  const grant = await database.db
    .selectFrom('break_glass_grant')
    .select('reason')
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  assert.equal(grant.reason, reason);
  // The alert reaches the supervisor of the team carrying the case and the auditors, not the breaker's team.
  const alerted = async (username: string) => {
    const answer = await as(username).get('/alerts?kind=break-glass');
    assert.equal(answer.status, 200, `${username} lists alerts`);
    return answer.body.items.map((item: { recordId: string }) => item.recordId);
  };
  assert.deepEqual(await alerted('supervisor-a'), [caseId], 'the owning team');
  assert.deepEqual(await alerted('supervisor-b'), [], "the breaker's own team");
  assert.deepEqual(await alerted('auditor'), [caseId]);
  const grantAudit = await database.db
    .selectFrom('audit_entry')
    .select(['actor_name', 'record_id'])
    .where('action', '=', 'break-glass')
    .execute();
  assert.deepEqual(grantAudit, [{ actor_name: 'worker-b', record_id: caseId }]);
  assert.equal(
    (await as('worker-b').post(`/protection-cases/${caseId}/close`)).status,
    403,
    'break-glass reads only',
  );

  // Still open a quarter of an hour later; closed again once the grant has run out.
  advance(BREAK_GLASS_MINUTES / 2 + 1);
  assert.equal((await read('worker-b', caseId)).status, 200);
  advance(BREAK_GLASS_MINUTES / 2);
  assert.equal((await read('worker-b', caseId)).status, 403, 'break-glass expired');
  assert.deepEqual(await listed('worker-b'), []);

  // Closing: the assigned worker (or their supervisor); once. (Their sessions idled out meanwhile.)
  for (const username of ['worker-a', 'supervisor-a']) clients[username] = await signedIn(app, username);
  const closed = await as('worker-a').post(`/protection-cases/${caseId}/close`);
  assert.deepEqual([closed.status, closed.body.status], [200, 'closed']);
  assert.equal((await as('supervisor-a').post(`/protection-cases/${caseId}/close`)).status, 409);
  const afterClose = await read('supervisor-a', caseId);
  assert.deepEqual([afterClose.status, afterClose.body.status], [200, 'closed']);

  // Every read left an entry with its access basis and purpose, and every refusal one too.
  const entries = await database.db
    .selectFrom('audit_entry')
    .select(['actor_name', 'action', 'record_id', 'purpose', 'details'])
    .where('record_type', '=', 'protection-case')
    .orderBy('seq')
    .execute();
  const reads = entries.filter((entry) => entry.action === 'read');
  assert.deepEqual(
    reads.map((entry) => {
      const details = JSON.parse(entry.details);
      return { username: entry.actor_name, access: details.access, purpose: entry.purpose };
    }),
    expectedReads,
  );
  assert.ok(reads.every((entry) => entry.record_id === caseId));
  const denied = entries.filter((entry) => entry.action === 'denied').map((entry) => entry.actor_name);
  assert.deepEqual(denied, [
    'worker-a',
    'supervisor-a',
    'supervisor-a',
    'supervisor-b',
    'intake-worker',
    'worker-b',
    'worker-b',
    'worker-b',
  ]);
  assert.deepEqual(
    entries.filter((entry) => ['create', 'assign', 'close'].includes(entry.action)).map((e) => e.action),
    ['create', 'create', 'assign', 'close'],
  );
});

test(`a new report is assigned only by the intake team's or its district team's supervisor (${testEngine})`, async () => {
  for (const username of ['clerk', 'supervisor-b', 'supervisor-c', 'intake-supervisor'])
    clients[username] = await signedIn(app, username);
  const report = async (districtCode: string) => {
    const made = await as('clerk').post('/protection-cases', {
      kind: 'domestic-violence',
      districtCode,
      summary: '鄰居通報：夜間常聞爭吵與哭喊聲',
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body.id as string;
  };
  const assign = (username: string, caseId: string, worker: string) =>
    as(username).post(`/protection-cases/${caseId}/assign`, { workerId: ids[worker] });
  const lingya = await report(LINGYA);
  const noDistrict = await assign('supervisor-b', lingya, 'worker-b');
  assert.equal(noDistrict.status, 403, 'a team without a district does not take new reports');
  assert.match(noDistrict.body.detail_en, /intake team or of the team of the case's district/);
  assert.equal((await assign('supervisor-c', lingya, 'worker-c')).status, 403, 'another district');
  const denied = await database.db
    .selectFrom('audit_entry')
    .select('actor_name')
    .where('action', '=', 'denied')
    .where('record_id', '=', lingya)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    denied.map((entry) => entry.actor_name),
    ['supervisor-b', 'supervisor-c'],
  );
  const byIntake = await assign('intake-supervisor', lingya, 'intake-worker');
  assert.deepEqual([byIntake.status, byIntake.body.status], [200, 'assigned']);

  const fengshan = await report(FENGSHAN);
  const byDistrict = await assign('supervisor-c', fengshan, 'worker-c');
  assert.deepEqual([byDistrict.status, byDistrict.body.status], [200, 'assigned']);
});

test(`roles without need-to-know are refused the list and the cases (${testEngine})`, async () => {
  // (Sessions idle out after 30 minutes of the moved clock: each signs in again.)
  const caseId = (await database.db.selectFrom('protection_case').select('case_id').executeTakeFirstOrThrow())
    .case_id;
  for (const username of ['statistician', 'admin', 'auditor', 'provider', 'clerk']) {
    const client = await signedIn(app, username);
    assert.equal((await client.get('/protection-cases')).status, 403, `${username} lists`);
    const answer = await client.get(`/protection-cases/${caseId}`);
    assert.equal(answer.status, 403, `${username} reads`);
    assert.equal(JSON.stringify(answer.body).includes('瘀傷'), false);
    assert.equal(
      (await client.post(`/protection-cases/${caseId}/break-glass`, { reason: '想看看這個案件的內容' }))
        .status,
      403,
      `${username} breaks glass`,
    );
  }
});

test(`a report is checked: kind, district, unknown fields, subject (${testEngine})`, async () => {
  const clerk = await signedIn(app, 'clerk');
  const bad = async (payload: object) => {
    const { status, body } = await clerk.post('/protection-cases', payload);
    assert.equal(status, 400, JSON.stringify(payload));
    return body.errors.map((error: { field: string }) => error.field);
  };
  const base = { kind: 'child', districtCode: LINGYA, summary: '通報內容' };
  assert.deepEqual(await bad({ ...base, kind: 'theft' }), ['body.kind']);
  assert.deepEqual(await bad({ ...base, districtCode: '64000390' }), ['body.districtCode']);
  assert.deepEqual(await bad({ ...base, extra: 1 }), ['body.extra']);
  assert.deepEqual(await bad({ ...base, subjectPersonId: '0190a0c2-7e4f-4abc-8def-0123456789ab' }), [
    'body.subjectPersonId',
  ]);
  const missing = await clerk.get('/protection-cases/0190a0c2-7e4f-4abc-8def-0123456789ab');
  assert.equal(missing.status, 403, 'a clerk may not read protection cases at all');
  const intake = await signedIn(app, 'intake-worker');
  assert.equal((await intake.get('/protection-cases/0190a0c2-7e4f-4abc-8def-0123456789ab')).status, 404);
});
