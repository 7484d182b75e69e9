import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import { sql } from 'kysely';
import { AuditLog } from '../../audit/audit-log.ts';
import { auditChainKey } from '../../audit/audit-verify.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { resolveIdKeys } from '../../identity/id-keys.ts';
import { IdProtector } from '../../identity/id-protector.ts';
import { runCli } from '../run.ts';

// The commands as a user runs them, on an embedded data directory of their own (keys in keys.json).
let dataDir: string;
const saved = { url: process.env.DATABASE_URL, dir: process.env.SAFETYNET_DATA_DIR };

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sn-audit-cli-'));
  delete process.env.DATABASE_URL;
  process.env.SAFETYNET_DATA_DIR = dataDir;
  const database = await openDatabase(configFromEnv());
  try {
    await migrateToLatest(database.db);
    const log = new AuditLog(auditChainKey(new IdProtector(resolveIdKeys(process.env, database))));
    const context = { actor: { ...ANONYMOUS, name: 'cli-test' }, ip: '192.0.2.1', purpose: null };
    for (const recordId of ['a', 'b', 'c'])
      await log.appendAlone(database.db, context, [{ action: 'read', recordType: 'person', recordId }]);
  } finally {
    await database.close();
  }
});
after(() => {
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  if (saved.dir !== undefined) process.env.SAFETYNET_DATA_DIR = saved.dir;
  else delete process.env.SAFETYNET_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...args: unknown[]) => out.push(args.join(' '));
  console.error = (...args: unknown[]) => err.push(args.join(' '));
  try {
    return { code: await runCli(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test('audit verify: exit 0 and the head when intact, 1 with the problem when not', async () => {
  const intact = await run('audit', 'verify');
  assert.equal(intact.code, 0, intact.err);
  assert.match(intact.out, /3 entries/);
  const head = /Head \(keep it for --expect-head\): (\d+:[0-9a-f]{64})/.exec(intact.out)?.[1];
  assert.ok(head?.startsWith('3:'));
  assert.equal((await run('audit', 'verify', '--expect-head', head!)).code, 0);
  assert.equal((await run('audit', 'verify', '--expect-head', 'nonsense')).code, 2);
  assert.equal((await run('audit', 'check')).code, 2);

  const database = await openDatabase(configFromEnv());
  try {
    await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change`.execute(database.db);
    await sql`UPDATE audit_entry SET record_id = 'z' WHERE seq = 2`.execute(database.db);
    await sql`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change`.execute(database.db);
  } finally {
    await database.close();
  }
  const broken = await run('audit', 'verify');
  assert.equal(broken.code, 1);
  assert.match(broken.err, /altered, seq 2/);
  assert.match(broken.err, /竄改/);
});

test('db grant-app-role refuses the embedded engine with a clear message', async () => {
  const result = await run('db', 'grant-app-role', 'safetynet_app');
  assert.equal(result.code, 1);
  assert.match(result.err, /PostgreSQL only/);
  assert.equal((await run('db', 'grant-app-role', 'Bad-Name')).code, 2, 'a usage error');
  assert.equal((await run('db', 'grant-role')).code, 2);
});
