import { once } from 'node:events';
import {
  expectedPersons,
  type GenerateOptions,
  SYNTH_TABLES,
  type SynthTable,
} from '@safetynet/core/synth/generate';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/database.ts';
import { withPoolTransaction } from '../db/pool-transaction.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { writeCityInWorker } from './city-worker.ts';
import { dropSecondaryStructures, recreateSecondaryStructures } from './deferred-indexes.ts';

/** The scale `npm start` loads into the embedded database the first time (≈ 27,000 persons). */
export const DEMO_SCALE = 0.01;

/**
 * The largest scale the embedded database is allowed (PGlite is 32-bit WebAssembly: 2 GiB of memory at
 * most). Measured in docs/benchmarks.md: the whole city (scale 1, 2.74 million persons) loads into a data
 * directory in 7½ minutes with 1.2 GiB resident; larger cities were not tried and belong on PostgreSQL.
 */
export const PGLITE_MAX_SCALE = 1;

export class GenerateRefusedError extends Error {
  override name = 'GenerateRefusedError';
}

export interface SyntheticCitySummary {
  engine: Database['engine'];
  scale: number;
  seed: number;
  asOf: string;
  persons: number;
  households: number;
  rows: Record<SynthTable, number>;
  statuses: Record<string, number>;
  seconds: number;
}

export interface LoadOptions extends GenerateOptions {
  /** Empty the registry first; without it a database that already has persons is refused. */
  replace?: boolean;
  onProgress?: (personsDone: number, personsExpected: number) => void;
  /** Only for measuring where the embedded engine's limit lies (the benchmark); never for users. */
  ignoreEmbeddedLimit?: boolean;
}

/** Tables in load order (references first); `person` gets its ID numbers sealed on the way. */
const LOAD_ORDER = Object.keys(SYNTH_TABLES) as SynthTable[];
const REGISTRY_TABLES = [...LOAD_ORDER].reverse();

/**
 * Generates the synthetic city and loads it with COPY in one transaction: the city lands whole or not at all.
 */
export async function loadSyntheticCity(
  database: Database,
  options: LoadOptions,
): Promise<SyntheticCitySummary> {
  const started = performance.now();
  const asOf = options.asOf ?? '2023-06-30';
  if (database.engine === 'pglite' && options.scale > PGLITE_MAX_SCALE && !options.ignoreEmbeddedLimit) {
    throw new GenerateRefusedError(
      `內建資料庫最多可容納規模 ${PGLITE_MAX_SCALE} 之城市；更大的規模請設定 DATABASE_URL 使用 PostgreSQL。` +
        ` The embedded database holds a city of scale ${PGLITE_MAX_SCALE} at most; for scale ${options.scale} set ` +
        'DATABASE_URL to a PostgreSQL server.',
    );
  }
  const existing = await database.db.selectFrom('person').select('person_id').limit(1).execute();
  if (existing.length > 0 && !options.replace) {
    throw new GenerateRefusedError(
      '資料庫已有人口資料；如要以合成城市取代，請加上 --replace。' +
        ' The database already holds persons; add --replace to empty the registry and generate anew.',
    );
  }
  const keys = resolveIdKeys(process.env, database);
  const rows = Object.fromEntries(LOAD_ORDER.map((t) => [t, 0])) as Record<SynthTable, number>;
  const statuses: Record<string, number> = {};
  const expected = expectedPersons(options.scale);

  const loadAll = async (
    copy: (table: SynthTable, bytes: Uint8Array) => Promise<void>,
    query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>,
  ) => {
    if (options.replace) {
      // What rests on the old city's persons and households goes with it: caseloads, protection cases,
      // applications, decisions, entitlements and payments (and the reports' rollup of them), asset-building
      // accounts, and citizen accounts (staff accounts, API clients and the audit log stay).
      await query(`TRUNCATE caseload_assignment, break_glass_grant, protection_case`);
      // The annual reviews of the old city's entitlements (their items name its payees).
      await query(`TRUNCATE annual_review_item, annual_review`);
      await query(
        // CASCADE: with them what rests on them (bank files and returns, overpayments and their recovery).
        `TRUNCATE payment, payment_run, report_recipient, entitlement, decision, proposal, application_document, application_program, application, payee_bank_account, bank_file, asset_deposit, asset_account CASCADE`,
      );
      const citizens = `SELECT account_id FROM account WHERE person_id IS NOT NULL`;
      await query(`DELETE FROM session WHERE account_id IN (${citizens})`);
      await query(`DELETE FROM security_alert WHERE account_id IN (${citizens})`);
      await query(`DELETE FROM account WHERE person_id IS NOT NULL`);
    }
    // (Truncating after the foreign keys into the registry are dropped: PostgreSQL refuses it before.)
    const deferred = await dropSecondaryStructures(query, REGISTRY_TABLES);
    if (options.replace) await query(`TRUNCATE ${REGISTRY_TABLES.join(', ')}`);
    for await (const chunk of writeCityInWorker({ scale: options.scale, seed: options.seed, asOf, keys })) {
      for (const { table, bytes, rows: count } of chunk.tables) {
        await copy(table, bytes);
        rows[table] += count;
      }
      for (const [status, count] of Object.entries(chunk.statuses))
        statuses[status] = (statuses[status] ?? 0) + count;
      options.onProgress?.(rows.person, expected);
    }
    // On a server, index builds sort in memory (the default 64 MB spills to disk at scale 1) and each foreign
    // key's validation hashes the 2.7 million person ids in memory (the default 4 MB splits the join into
    // batches: 10–15% slower); the embedded engine keeps its defaults, its whole memory being 2 GiB.
    if (database.engine === 'postgresql') {
      await query(`SET LOCAL maintenance_work_mem = '512MB'`);
      await query(`SET LOCAL work_mem = '256MB'`);
    }
    await recreateSecondaryStructures(query, deferred);
    // Statistics for the planner now, not when autovacuum gets round to it (the embedded engine has none):
    // without them the as-of queries over fresh tables are planned as if each held a few hundred rows.
    await query(`ANALYZE ${REGISTRY_TABLES.join(', ')}`);
  };
  const columnsOf = (table: SynthTable) =>
    (table === 'person'
      ? ['person_id', 'id_number_kind', 'id_number_cipher', 'id_number_index']
      : SYNTH_TABLES[table]
    ).join(', ');

  if (database.pool) {
    await withPoolTransaction(database.pool, (client) =>
      loadAll(
        async (table, bytes) => {
          const stream = client.query(copyFrom(`COPY ${table} (${columnsOf(table)}) FROM STDIN`));
          stream.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          await once(stream, 'finish');
        },
        (text) => client.query(text),
      ),
    );
  } else if (database.pglite) {
    const pglite = database.pglite;
    // Through Kysely's connection, so no other query interleaves with the transaction.
    await database.db.connection().execute(async (connection) => {
      await sql`BEGIN`.execute(connection);
      try {
        await loadAll(
          async (table, bytes) => {
            await pglite.query(`COPY ${table} (${columnsOf(table)}) FROM '/dev/blob'`, [], {
              blob: new Blob([bytes]),
            });
          },
          (text) => pglite.query(text),
        );
        await sql`COMMIT`.execute(connection);
      } catch (error) {
        await sql`ROLLBACK`.execute(connection).catch(() => undefined);
        throw error;
      }
    });
  }
  return {
    engine: database.engine,
    scale: options.scale,
    seed: options.seed,
    asOf,
    persons: rows.person,
    households: rows.household,
    rows,
    statuses,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
