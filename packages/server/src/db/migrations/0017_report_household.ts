import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Reports count households as well as persons (issue 7: 戶次 and 戶數 per program, period and district). A
 * person's payment (a child's allowance) belongs to the household the application was filed for; the
 * entitlement keeps that household as it keeps the district, and each payment copies both, so a half-year
 * report over four million payments reads one table. Rows written before this migration are filled in by
 * the backfill `report-household` (db/backfills.ts), recorded in `backfill` once done.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE entitlement ADD COLUMN IF NOT EXISTS household_id uuid;
ALTER TABLE payment ADD COLUMN IF NOT EXISTS household_id uuid;
CREATE TABLE IF NOT EXISTS backfill (
  name text PRIMARY KEY,
  completed_at timestamptz NOT NULL DEFAULT now(),
  rows bigint NOT NULL
);
`,
  );
}
