import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * A fresh, migrated database for one test file. By default the embedded engine in memory; when
 * SAFETYNET_TEST_DATABASE_URL names a PostgreSQL server, a throwaway database created on it and dropped on
 * close — so `npm run test:db` runs the same tests on both engines.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.SAFETYNET_TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ inMemory: true });
    await migrateToLatest(database.db);
    return database;
  }
  // Throwaway keys for the throwaway database (production takes them from the environment).
  process.env.SAFETYNET_ID_KEYS ??= `test:${randomBytes(32).toString('base64')}`;
  process.env.SAFETYNET_ID_INDEX_KEY ??= randomBytes(32).toString('base64');
  const name = `sn_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export const testEngine = process.env.SAFETYNET_TEST_DATABASE_URL ? 'postgresql' : 'pglite';
