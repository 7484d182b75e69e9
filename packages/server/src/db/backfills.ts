import { type Kysely, sql } from 'kysely';
import { FILL_REPORT_RECIPIENT } from './migrations/0019_report_rollup.ts';
import type { Schema } from './schema.ts';

/**
 * Data backfills: filling new columns of rows written before their migration. Apart from the schema
 * migrations (which stay quick), each runs once after them, in one transaction, and is recorded in
 * `backfill` so a later start does not scan the tables again.
 */
const BACKFILLS: Record<string, (trx: Kysely<Schema>) => Promise<number>> = {
  // migrations/0017: the household of each entitlement (its own id for household programs, else the
  // application's) and of each payment (its entitlement's; a grant's to a household is that household).
  'report-household': async (trx) => {
    const entitlements = await sql`
      UPDATE entitlement e SET household_id = CASE WHEN e.entity = 'household' THEN e.entity_id ELSE a.household_id END
      FROM decision d JOIN application a ON a.application_id = d.application_id
      WHERE d.decision_id = e.decision_id AND e.household_id IS NULL`.execute(trx);
    const monthly = await sql`
      UPDATE payment p SET household_id = e.household_id FROM entitlement e
      WHERE e.entitlement_id = p.entitlement_id AND e.version = p.entitlement_version
        AND p.household_id IS NULL AND e.household_id IS NOT NULL`.execute(trx);
    const grants = await sql`
      UPDATE payment SET household_id = entity_id
      WHERE kind = 'grant' AND entity = 'household' AND household_id IS NULL`.execute(trx);
    return [entitlements, monthly, grants].reduce((sum, r) => sum + Number(r.numAffectedRows ?? 0), 0);
  },
  // migrations/0019: the reports' rollup, counted afresh from every payment (after the households above,
  // whose update the rollup's trigger has already counted: the table is emptied first), every run's
  // payments with it (so no run is counted in again at its end).
  'report-recipient': async (trx) => {
    // Another server starting at the same time must not write payments between the emptying and the count.
    await sql`LOCK TABLE payment IN SHARE MODE`.execute(trx);
    await sql`UPDATE payment_run SET counted_in_reports = true`.execute(trx);
    await sql`DELETE FROM report_recipient`.execute(trx);
    const filled = await sql.raw(FILL_REPORT_RECIPIENT).execute(trx);
    return Number(filled.numAffectedRows ?? 0);
  },
};

/** Runs the backfills not yet recorded; returns the names of those it ran. */
export async function runBackfills(db: Kysely<Schema>): Promise<string[]> {
  const ran: string[] = [];
  for (const [name, backfill] of Object.entries(BACKFILLS)) {
    const done = await db.selectFrom('backfill').select('name').where('name', '=', name).executeTakeFirst();
    if (done) continue;
    await db.transaction().execute(async (trx) => {
      // Two processes starting at once: the second waits here and then finds the backfill recorded.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`backfill:${name}`}))`.execute(trx);
      const again = await trx
        .selectFrom('backfill')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (again) return;
      const rows = await backfill(trx);
      await trx
        .insertInto('backfill')
        .values({ name, rows: String(rows) })
        .execute();
      ran.push(name);
    });
  }
  return ran;
}
