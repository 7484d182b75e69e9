import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Actor } from '@safetynet/core/authz/actor';
import type { FastifyInstance } from 'fastify';
import { AuditLog } from '../audit/audit-log.ts';
import { auditChainKey } from '../audit/audit-verify.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { buildServer } from './app.ts';
import { addAccount, type Client, signedIn } from './test-clients.ts';

let database: Database;
let app: FastifyInstance;
let auditor: Client;
let clerk: Client;
let admin: Client;

const citizen: Actor = {
  kind: 'citizen',
  id: '00000000-0000-4000-8000-000000000009',
  name: '林美玲',
  role: 'citizen',
  personId: '00000000-0000-4000-8000-000000000010',
};

before(async () => {
  database = await openTestDatabase();
  const protector = new IdProtector(generateIdKeys('test'));
  app = await buildServer({ database, protector });
  await addAccount(database, protector, { username: 'auditor-1', role: 'auditor' });
  await addAccount(database, protector, {
    username: 'clerk-1',
    role: 'district-clerk',
    districts: ['64000080'],
  });
  await addAccount(database, protector, { username: 'admin-1', role: 'admin' });
  // A citizen's read from an IPv4 and one from an IPv6 address, with details that should not hold names.
  const log = new AuditLog(auditChainKey(protector));
  await log.appendAlone(database.db, { actor: citizen, ip: '203.0.113.45', purpose: null }, [
    {
      action: 'read',
      recordType: 'household',
      recordId: 'h-1',
      details: { name: '林美玲', idNumber: 'E223456789' },
    },
  ]);
  await log.appendAlone(database.db, { actor: citizen, ip: '2001:db8:85a3:8d3::7', purpose: null }, [
    { action: 'read', recordType: 'person', recordId: 'p-1' },
  ]);
  auditor = await signedIn(app, 'auditor-1');
  clerk = await signedIn(app, 'clerk-1');
  admin = await signedIn(app, 'admin-1');
});
after(async () => {
  await app.close();
  await database.close();
});

test(`the auditor reads entries newest first with personal data masked (${testEngine})`, async () => {
  const { status, body } = await auditor.get('/audit?actor=00000000-0000-4000-8000-000000000009');
  assert.equal(status, 200);
  assert.deepEqual(
    body.entries.map((e: { recordType: string; ip: string }) => [e.recordType, e.ip]),
    [
      ['person', '2001:db8:85a3::x'],
      ['household', '203.0.113.x'],
    ],
  );
  const household = body.entries[1];
  assert.deepEqual(household.actor, { kind: 'citizen', id: citizen.id, name: '林***', role: 'citizen' });
  assert.deepEqual(household.details, { name: '林***', idNumber: '***' });
  assert.equal(body.next, null);
  const raw = JSON.stringify(body);
  for (const secret of ['林美玲', 'E223456789', '203.0.113.45']) assert.ok(!raw.includes(secret), secret);

  const signIns = await auditor.get('/audit?action=sign-in&limit=1');
  assert.equal(signIns.body.entries.length, 1);
  assert.equal(signIns.body.entries[0].ip, '127.0.0.x', 'the auditor’s own sign-in, masked too');
  assert.equal(signIns.body.entries[0].actor.name, 'admin-1', 'staff names are shown; newest first');
  const older = await auditor.get(`/audit?action=sign-in&limit=1&before=${signIns.body.entries[0].seq}`);
  assert.equal(older.body.entries[0].actor.name, 'clerk-1');
  assert.equal(typeof signIns.body.next, 'number');
});

test(`reading the audit log is itself audited (${testEngine})`, async () => {
  await auditor.get('/audit?recordType=person');
  const { body } = await auditor.get('/audit?recordType=audit-log&limit=1');
  const [last] = body.entries;
  assert.equal(last.action, 'read');
  assert.equal(last.actor.name, 'auditor-1');
  assert.deepEqual(last.details, { filters: { recordType: 'person' }, returned: 1 });
});

test(`others may not read it: a clerk and an admin get 403 (${testEngine})`, async () => {
  assert.equal((await clerk.get('/audit')).status, 403);
  assert.equal((await admin.get('/audit')).status, 403);
  assert.equal((await clerk.get('/audit/verify')).status, 403);
});

test(`verify answers the chain's state to auditors and admins (${testEngine})`, async () => {
  const { status, body } = await admin.get('/audit/verify');
  assert.equal(status, 200);
  assert.equal(body.ok, true);
  const count = await database.db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(body.count, Number(count.n) - 1, 'every entry but the verify’s own record, written after');
  const again = await auditor.get(`/audit/verify?expectHead=${body.head.seq}:${body.head.hash}`);
  assert.equal(again.body.ok, true);
  const foreign = await auditor.get(`/audit/verify?expectHead=${body.head.seq}:${'0'.repeat(64)}`);
  assert.deepEqual([foreign.body.ok, foreign.body.problem], [false, 'altered']);
  const malformed = await auditor.get('/audit/verify?expectHead=12');
  assert.equal(malformed.status, 400);
});
