import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type Actor, ANONYMOUS } from '@safetynet/core/authz/actor';
import { type Kysely, sql } from 'kysely';
import { grantAppRole } from '../cli/commands/db-role.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { type AuditContext, AuditLog, type ChainedContent, entryHash } from './audit-log.ts';
import { type AuditVerification, auditChainKey, verifyAuditLog } from './audit-verify.ts';

let database: Database;
let key: Buffer;
let log: AuditLog;
const ENTRIES = 12;

const clerk: Actor = {
  kind: 'staff',
  id: '00000000-0000-4000-8000-000000000001',
  name: 'clerk-1',
  role: 'district-clerk',
  districts: ['64000080'],
  programs: [],
  teamId: null,
  intake: false,
  facilityRef: null,
};
const citizen: Actor = {
  kind: 'citizen',
  id: '00000000-0000-4000-8000-000000000002',
  name: 'lin',
  role: 'citizen',
  personId: '00000000-0000-4000-8000-000000000003',
};
const contexts: AuditContext[] = [
  { actor: clerk, ip: '203.0.113.7', purpose: 'intake' },
  { actor: citizen, ip: '2001:db8::1', purpose: null },
  { actor: ANONYMOUS, ip: null, purpose: null },
];

before(async () => {
  database = await openTestDatabase();
  key = auditChainKey(new IdProtector(generateIdKeys('test')));
  log = new AuditLog(key);
  // Twelve entries: single appends and a transaction that records three changes at once.
  const at = new Date('2026-03-01T08:00:00.123Z');
  for (let i = 0; i < 9; i += 1)
    await database.db
      .transaction()
      .execute((trx) =>
        log.append(
          trx,
          contexts[i % 3]!,
          [{ action: 'read', recordType: 'person', recordId: `p-${i}`, details: { i } }],
          new Date(at.getTime() + i * 1000),
        ),
      );
  await log.appendAlone(database.db, contexts[0]!, [
    { action: 'create', recordType: 'household', recordId: 'h-1', details: { members: 2 } },
    { action: 'create', recordType: 'person', recordId: 'p-a' },
    { action: 'update', recordType: 'household', recordId: 'h-1', details: { z: 1, a: [2] } },
  ]);
});
after(async () => {
  await database?.close();
});

const hashAt = async (db: Kysely<Schema>, seq: number) =>
  (await db.selectFrom('audit_entry').select('hash').where('seq', '=', String(seq)).executeTakeFirstOrThrow())
    .hash;

class Rollback extends Error {}

/**
 * Tampers as the table's owner would: with the append-only trigger disabled, inside a transaction that is
 * rolled back after the verification, so every scenario starts from the intact log.
 */
async function tampered(
  change: (trx: Kysely<Schema>) => Promise<unknown>,
  options: Parameters<typeof verifyAuditLog>[2] = {},
): Promise<AuditVerification> {
  let result: AuditVerification | undefined;
  await database.db
    .transaction()
    .execute(async (trx) => {
      await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change`.execute(trx);
      await change(trx);
      await sql`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change`.execute(trx);
      result = await verifyAuditLog(trx, key, options);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

/** An entry made without the key (an attacker's), chained after `prevHash`. */
function forged(seq: number, prevHash: Buffer, overrides: Partial<ChainedContent> = {}) {
  const content: ChainedContent = {
    seq: String(seq),
    at: new Date('2026-03-01T09:00:00Z'),
    actor_kind: 'staff',
    actor_id: clerk.id,
    actor_name: 'clerk-1',
    role: 'district-clerk',
    action: 'read',
    record_type: 'person',
    record_id: 'p-forged',
    ip: null,
    purpose: null,
    details: '{}',
    ...overrides,
  };
  return { ...content, prev_hash: prevHash, hash: entryHash(randomBytes(32), prevHash, content) };
}

test(`an intact log verifies, across pages, with its count and head (${testEngine})`, async () => {
  const head = { seq: ENTRIES, hash: (await hashAt(database.db, ENTRIES)).toString('hex') };
  assert.deepEqual(await verifyAuditLog(database.db, key), { ok: true, count: ENTRIES, head });
  assert.deepEqual(await verifyAuditLog(database.db, key, { pageSize: 5, expectHead: head }), {
    ok: true,
    count: ENTRIES,
    head,
  });
  const wrongKey = await verifyAuditLog(database.db, randomBytes(32));
  assert.equal(wrongKey.ok, false, 'another key does not verify the chain');
});

test(`the triggers refuse UPDATE, DELETE and TRUNCATE even to the owner (${testEngine})`, async () => {
  await assert.rejects(
    sql`UPDATE audit_entry SET action = 'nothing' WHERE seq = 3`.execute(database.db),
    /append-only/,
  );
  await assert.rejects(sql`DELETE FROM audit_entry WHERE seq = 3`.execute(database.db), /append-only/);
  await assert.rejects(sql`TRUNCATE audit_entry`.execute(database.db), /append-only/);
  const { count } = await database.db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(count), ENTRIES);
});

test(`an altered field is reported as altered at its seq (${testEngine})`, async () => {
  for (const pageSize of [5000, 5]) {
    const result = await tampered(
      (trx) => sql`UPDATE audit_entry SET record_id = 'p-other' WHERE seq = 5`.execute(trx),
      { pageSize },
    );
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.problem, 'altered');
    assert.equal(!result.ok && result.seq, 5);
    assert.equal(!result.ok && result.checked, 4);
    assert.match(!result.ok ? result.message.zh : '', /竄改/);
  }
  const details = await tampered((trx) =>
    sql`UPDATE audit_entry SET details = '{"members":3}' WHERE seq = 10`.execute(trx),
  );
  assert.deepEqual(!details.ok && [details.problem, details.seq], ['altered', 10]);
});

test(`a deleted entry is reported as deleted at the missing seq (${testEngine})`, async () => {
  const middle = await tampered((trx) => sql`DELETE FROM audit_entry WHERE seq = 7`.execute(trx));
  assert.deepEqual(!middle.ok && [middle.problem, middle.seq, middle.checked], ['deleted', 7, 6]);
  const first = await tampered((trx) => sql`DELETE FROM audit_entry WHERE seq = 1`.execute(trx));
  assert.deepEqual(!first.ok && [first.problem, first.seq], ['deleted', 1]);
});

test(`a forged entry is reported as inserted (${testEngine})`, async () => {
  const head = await hashAt(database.db, ENTRIES);
  // Appended at the end with a hash made with another key.
  const tail = await tampered((trx) =>
    trx
      .insertInto('audit_entry')
      .values(forged(ENTRIES + 1, head))
      .execute(),
  );
  assert.deepEqual(!tail.ok && [tail.problem, tail.seq, tail.checked], ['inserted', ENTRIES + 1, ENTRIES]);
  // Slipped in at seq 6, the later entries renumbered to make room (their hashes then break too).
  const middle = await tampered(async (trx) => {
    await sql`UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= 6`.execute(trx);
    await sql`UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1006`.execute(trx);
    await trx
      .insertInto('audit_entry')
      .values(forged(6, await hashAt(trx, 5)))
      .execute();
  });
  assert.deepEqual(!middle.ok && [middle.problem, middle.seq], ['inserted', 6]);
  // Far ahead of the head, leaving a gap: not a deletion, an entry that does not belong.
  const ahead = await tampered((trx) => trx.insertInto('audit_entry').values(forged(500, head)).execute());
  assert.deepEqual(!ahead.ok && [ahead.problem, ahead.seq], ['inserted', 500]);
});

test(`a replacement that copies the original's hash reads as altered (${testEngine})`, async () => {
  const result = await tampered(async (trx) => {
    const original = await trx
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '=', '4')
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_entry WHERE seq = 4`.execute(trx);
    await trx
      .insertInto('audit_entry')
      .values({ ...original, record_id: 'p-forged', hash: original.hash })
      .execute();
  });
  assert.deepEqual(!result.ok && [result.problem, result.seq], ['altered', 4]);
});

test(`the last entry: altered with a recorded head, else indistinguishable from a forged one (${testEngine})`, async () => {
  const head = { seq: ENTRIES, hash: (await hashAt(database.db, ENTRIES)).toString('hex') };
  const change = (trx: Kysely<Schema>) =>
    sql`UPDATE audit_entry SET action = 'list' WHERE seq = ${String(ENTRIES)}`.execute(trx);
  const withHead = await tampered(change, { expectHead: head });
  assert.deepEqual(!withHead.ok && [withHead.problem, withHead.seq], ['altered', ENTRIES]);
  const without = await tampered(change);
  assert.deepEqual(!without.ok && [without.problem, without.seq], ['inserted', ENTRIES]);
});

test(`a cut-off tail passes alone and is caught by the recorded head (${testEngine})`, async () => {
  const head = { seq: ENTRIES, hash: (await hashAt(database.db, ENTRIES)).toString('hex') };
  const cut = (trx: Kysely<Schema>) => sql`DELETE FROM audit_entry WHERE seq > 10`.execute(trx);
  const alone = await tampered(cut);
  assert.equal(alone.ok, true, 'a shorter chain is still a valid chain');
  assert.equal(alone.ok && alone.count, 10);
  const withHead = await tampered(cut, { expectHead: head });
  assert.deepEqual(!withHead.ok && [withHead.problem, withHead.seq, withHead.checked], ['deleted', 11, 10]);
  assert.match(!withHead.ok ? withHead.message.en : '', /recorded head/);
  // A head that was never this log's: the entry at that seq is another.
  const foreign = await verifyAuditLog(database.db, key, { expectHead: { seq: 3, hash: 'ab'.repeat(32) } });
  assert.deepEqual(!foreign.ok && [foreign.problem, foreign.seq], ['altered', 3]);
});

test('grant-app-role: the application role appends to the audit log but cannot change it', {
  skip: testEngine === 'pglite' ? 'PostgreSQL only: the embedded engine has no roles to grant' : false,
}, async () => {
  const db = database.db;
  const role = `sn_test_app_${randomBytes(4).toString('hex')}`;
  try {
    const granted = await grantAppRole(db, role);
    assert.deepEqual([granted.created, granted.login], [true, false]);
    assert.equal((await grantAppRole(db, role)).created, false, 'running it again changes nothing');

    const asRole = async (work: (trx: Kysely<Schema>) => Promise<unknown>) => {
      let outcome: unknown;
      await db
        .transaction()
        .execute(async (trx) => {
          await sql`SET LOCAL ROLE ${sql.id(role)}`.execute(trx);
          outcome = await work(trx);
          throw new Rollback();
        })
        .catch((error) => {
          if (!(error instanceof Rollback)) throw error;
        });
      return outcome;
    };
    const appended = await asRole(async (trx) => {
      await log.append(trx, contexts[0]!, [{ action: 'read', recordType: 'person', recordId: 'p-role' }]);
      return verifyAuditLog(trx, key);
    });
    assert.equal((appended as AuditVerification).ok && (appended as { count: number }).count, ENTRIES + 1);
    await asRole((trx) => sql`UPDATE team SET name_zh = name_zh WHERE false`.execute(trx));
    const refusals = [
      sql`UPDATE audit_entry SET action = 'x' WHERE seq = 1`,
      sql`DELETE FROM audit_entry WHERE seq = 1`,
      sql`TRUNCATE audit_entry`,
      sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change`,
    ];
    for (const statement of refusals)
      await assert.rejects(
        asRole((trx) => statement.execute(trx)),
        /permission denied for table audit_entry|must be owner of table audit_entry/,
      );
  } finally {
    await sql`REASSIGN OWNED BY ${sql.id(role)} TO CURRENT_USER`.execute(db).catch(() => undefined);
    await sql`DROP OWNED BY ${sql.id(role)}`.execute(db).catch(() => undefined);
    await sql`DROP ROLE IF EXISTS ${sql.id(role)}`.execute(db);
  }
});
