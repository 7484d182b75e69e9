import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Lookups a whole city's caseload needs (benefits/caseload.ts, entitlements.ts): an entitlement by the
 * decision that granted it (granting checks it exists, once per decision), and decisions by entity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE INDEX entitlement_decision ON entitlement (decision_id);
CREATE INDEX decision_entity ON decision (entity_id, program_id);
CREATE INDEX entitlement_entity ON entitlement (entity_id, program_id);
`,
  );
}
