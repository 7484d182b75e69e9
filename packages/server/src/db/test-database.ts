import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { createThrowawayDatabase } from './throwaway-database.ts';

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
  const throwaway = await createThrowawayDatabase(serverUrl, 'sn_test');
  const database = await openDatabase({ databaseUrl: throwaway.url });
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await throwaway.drop();
    },
  };
}

export const testEngine = process.env.SAFETYNET_TEST_DATABASE_URL ? 'postgresql' : 'pglite';
