import { loadParameters } from '@safetynet/rules';
import { sql } from 'kysely';
import { operatorTrail } from '../audit/operator.ts';
import { generateCaseload } from '../benefits/caseload.ts';
import type { Database } from '../db/database.ts';
import { loadSyntheticCity } from '../synth/load.ts';
import type { BenchResult } from './registry.ts';

/** The month a generated city's caseload is of (the city's as-of month, `generate`'s default). */
export const CASELOAD_PERIOD = '2023-06';

/**
 * A city and its caseload to benchmark benefit administration on: loaded and generated (timed) when the
 * database has none, else the newest month with entitlements.
 */
export async function ensureCaseload(
  database: Database,
  scale: number,
): Promise<{ period: string; results: BenchResult[] }> {
  const any = await database.db.selectFrom('person').select('person_id').limit(1).execute();
  if (any.length === 0) await loadSyntheticCity(database, { scale, seed: 1, ignoreEmbeddedLimit: true });
  const { rows } = await sql<{
    newest: string | null;
  }>`SELECT max(first_month) AS newest FROM entitlement`.execute(database.db);
  if (rows[0]?.newest) return { period: rows[0].newest, results: [] };
  const trail = operatorTrail(database, 'bench');
  const started = performance.now();
  const summary = await generateCaseload(database, {
    period: CASELOAD_PERIOD,
    parameters: loadParameters(),
    trail,
  });
  const seconds = (performance.now() - started) / 1000;
  console.error(`caseload ${CASELOAD_PERIOD}: ${summary.entitlements} entitlements`);
  return {
    period: CASELOAD_PERIOD,
    results: [
      {
        bench: `caseload-generate-${database.engine}`,
        value: Math.round(seconds * 100) / 100,
        unit: 's',
      },
      { bench: 'caseload-entitlements', value: summary.entitlements, unit: 'rows' },
    ],
  };
}
