import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/** A household's applications (the staff household page lists them, decided or not). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `CREATE INDEX IF NOT EXISTS application_household ON application (household_id);`);
}
