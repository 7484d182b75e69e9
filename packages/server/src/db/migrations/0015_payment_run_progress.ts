import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * A payment run's progress as it goes (the staff screen follows it live): the entitlements it walks through
 * and how many it has done, written after each chunk's commit, so any server process can tell.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE payment_run ADD COLUMN IF NOT EXISTS entitlements_total integer;
ALTER TABLE payment_run ADD COLUMN IF NOT EXISTS entitlements_done integer NOT NULL DEFAULT 0;
`,
  );
}
