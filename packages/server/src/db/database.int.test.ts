import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { DataDirLockedError } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { openTestDatabase, testEngine } from './test-database.ts';

test(`migrations are idempotent and seed the 38 districts (${testEngine})`, async () => {
  const database = await openTestDatabase();
  try {
    assert.deepEqual(await migrateToLatest(database.db), [], 'a second run applies nothing');
    const { count } = await database.db
      .selectFrom('district')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count), 38);
    assert.equal(database.engine, testEngine);
  } finally {
    await database.close();
  }
});

test('the embedded data directory: locked while open, data kept after reopening', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sn-pglite-'));
  try {
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    await assert.rejects(openDatabase({ dataDir }), DataDirLockedError);
    await first.close();

    const second = await openDatabase({ dataDir });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM district`.execute(second.db);
    assert.equal(rows[0]?.n, 38);
    await second.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test(`a failed transaction leaves nothing behind (${testEngine})`, async () => {
  const database = await openTestDatabase();
  try {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('household')
          .values({ household_id: '0190a0c2-7e4f-7abc-8def-0123456789ab' })
          .execute();
        await trx
          .insertInto('household')
          .values({ household_id: '0190a0c2-7e4f-7abc-8def-0123456789ab' })
          .execute();
      }),
    );
    const rows = await database.db.selectFrom('household').selectAll().execute();
    assert.deepEqual(rows, []);
  } finally {
    await database.close();
  }
});
