import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * One-off grants from decisions and the recovery routes (benefits/decision-grants.ts,
 * benefits/overpayment-recovery.ts).
 *
 * application.events: the dated events an application claims for (a medical bill, a crisis, a disaster:
 * the rules' event facts, `packages/rules/src/facts/events.ts`); the registry holds no such events, so
 * event programs are evaluated on what the application brings, and the decision stores them with its
 * evidence. overpayment_recovery.idempotency_key: a repayment recorded again with the same key is the first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE application ADD COLUMN events jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE overpayment_recovery ADD COLUMN idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX overpayment_repayment_once ON overpayment_recovery (overpayment_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
`,
  );
}
