import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * The monthly payment run over a whole city's caseload (benefits/payment-run.ts; ≈ 650,000 payments at
 * scale 1, issue 5's target 30 s on two cores):
 * - each chunk takes the newest version of the next entitlements by id: an index in that order (the primary
 *   key's is ascending in version, so PostgreSQL sorted the whole table for every chunk);
 * - a payment's payee and district are copies of its entitlement's (monthly) or of its decision's
 *   application (grants), which are checked against person and district where they are written; checking
 *   them again per payment cost about half the run (a person lookup per row among 2.7 million), so the
 *   payment keeps its foreign keys to the entitlement version and the run, and not these two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE INDEX IF NOT EXISTS entitlement_latest ON entitlement (entitlement_id, version DESC);
ALTER TABLE payment DROP CONSTRAINT IF EXISTS payment_payee_person_id_fkey;
ALTER TABLE payment DROP CONSTRAINT IF EXISTS payment_district_code_fkey;
`,
  );
}
