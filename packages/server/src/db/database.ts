import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Schema } from './schema.ts';
import { SESSION_TIME_ZONE, TYPE_PARSERS, typeParserFor } from './type-parsers.ts';

export type Engine = 'pglite' | 'postgresql';

export interface DatabaseConfig {
  /** A PostgreSQL server; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files (and, in embedded mode, the generated keys). */
  dataDir?: string | undefined;
  /** Embedded database in memory only (tests). */
  inMemory?: boolean;
}

export interface Database {
  readonly db: Kysely<Schema>;
  readonly engine: Engine;
  /** The embedded data directory, when there is one. */
  readonly dataDir: string | undefined;
  /** Engine handles for bulk loading (COPY); everything else goes through `db`. */
  readonly pglite: PGlite | undefined;
  readonly pool: pg.Pool | undefined;
  close(): Promise<void>;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.SAFETYNET_DATA_DIR || './data'),
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPGlite(config);
}

function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    options: `-c TimeZone=${SESSION_TIME_ZONE}`,
    types: { getTypeParser: (oid: number) => typeParserFor(oid) as (text: string) => unknown },
  } as pg.PoolConfig);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgresql',
    dataDir: undefined,
    pglite: undefined,
    pool,
    close: () => db.destroy(),
  };
}

async function openPGlite(config: DatabaseConfig): Promise<Database> {
  let lock: DataDirLock | undefined;
  let pgDataDir: string | undefined;
  const dataDir = config.inMemory ? undefined : resolve(config.dataDir ?? './data');
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
    pgDataDir = join(dataDir, 'pgdata');
  }
  try {
    const pglite = new PGlite({
      ...(pgDataDir ? { dataDir: pgDataDir } : {}),
      parsers: { ...TYPE_PARSERS },
      relaxedDurability: false,
    });
    await pglite.waitReady;
    await pglite.exec(`SET TIME ZONE '${SESSION_TIME_ZONE}'`);
    const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
      dataDir,
      pglite,
      pool: undefined,
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
