import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { lastDayOfMonth } from '@safetynet/core/calendar';
import { HOUSEHOLD_FACTS, PERSON_FACTS, type Population } from '@safetynet/rules';
import { encodeFact, type FactSpec } from '@safetynet/rules/engine/fact-spec';
import { defaultHouseholdColumns, defaultPersonColumns, noEvents } from '@safetynet/rules/engine/population';
import { sql } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../db/database.ts';
import { readRegistryPopulation } from './population-snapshot.ts';

/**
 * Population snapshots: the registry as on a month's last day, stored as the rules' columns (see
 * migrations/0002_rules.ts). Making one resolves every dated record of the city; loading one reads a few
 * dozen byte strings. A fact added to the rules after a snapshot was made takes its default there.
 */
export interface SnapshotInfo {
  snapshotId: string;
  period: string;
  asOf: string;
  persons: number;
  households: number;
}

type Columns = Record<
  string,
  ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }
>;

/** Columns of the population besides the facts: structure that every snapshot has. */
const PERSON_STRUCTURE = ['household', 'role'] as const;
const HOUSEHOLD_STRUCTURE = ['memberStart', 'memberCount'] as const;

/** A fact the registry does not record holds its default everywhere: not stored, the loader restores it. */
function allDefault(specs: Record<string, FactSpec>, name: string, column: Columns[string]): boolean {
  const spec = specs[name];
  if (!spec) return false;
  const value = encodeFact(spec, spec.default);
  for (let i = 0; i < column.length; i++) if (column[i] !== value) return false;
  return true;
}

const bytesOf = (column: Columns[string]) => Buffer.from(column.buffer, column.byteOffset, column.byteLength);

export async function makeSnapshot(database: Database, period: string): Promise<SnapshotInfo> {
  const population = await readRegistryPopulation(database, period);
  const info: SnapshotInfo = {
    snapshotId: randomUUID(),
    period,
    asOf: lastDayOfMonth(period),
    persons: population.persons.count,
    households: population.households.count,
  };
  const p = population.persons as unknown as Columns;
  const h = population.households as unknown as Columns;
  const rows: { entity: 'person' | 'household'; name: string; data: Buffer }[] = [
    { entity: 'person', name: 'id', data: Buffer.from(population.persons.id.join('\n')) },
    { entity: 'household', name: 'id', data: Buffer.from(population.households.id.join('\n')) },
    ...[...PERSON_STRUCTURE, ...Object.keys(PERSON_FACTS)]
      .filter((name) => !allDefault(PERSON_FACTS, name, p[name]!))
      .map((name) => ({ entity: 'person' as const, name, data: bytesOf(p[name]!) })),
    ...[...HOUSEHOLD_STRUCTURE, ...Object.keys(HOUSEHOLD_FACTS)]
      .filter((name) => !allDefault(HOUSEHOLD_FACTS, name, h[name]!))
      .map((name) => ({ entity: 'household' as const, name, data: bytesOf(h[name]!) })),
  ];
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('population_snapshot')
      .values({
        snapshot_id: info.snapshotId,
        period,
        as_of: info.asOf,
        persons: info.persons,
        households: info.households,
      })
      .execute();
    // One column a statement: a city's column is tens of megabytes.
    for (const row of rows)
      await trx
        .insertInto('population_snapshot_column')
        .values({ snapshot_id: info.snapshotId, ...row })
        .execute();
  });
  return info;
}

/** The newest snapshot of a period, if any. */
export async function latestSnapshot(database: Database, period: string): Promise<SnapshotInfo | undefined> {
  const row = await database.db
    .selectFrom('population_snapshot')
    .selectAll()
    .where('period', '=', period)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        snapshotId: row.snapshot_id,
        period: row.period,
        asOf: row.as_of,
        persons: row.persons,
        households: row.households,
      }
    : undefined;
}

/**
 * The ids become strings only when first read (to explain or store results): millions of small strings
 * on the heap would make every garbage collection of a city's evaluation walk them.
 *
 * The columns must stay an object with fast properties: as a dictionary, every `persons.column[i]` in the
 * programs' loops is a hash lookup (a city's evaluation 1.3–1.5× slower). So the accessor is not defined on
 * the columns afterwards, nor written in each literal (a getter made per load is a new function each time,
 * and from the second snapshot loaded in a process on the columns turned into a dictionary): it is on one
 * shared prototype, and reads the bytes and the split ids from symbol-keyed fields of the columns.
 */
const ID_BYTES = Symbol('id bytes');
const ID_LIST = Symbol('id list');

interface LazyIdFields {
  [ID_BYTES]: Buffer | undefined;
  [ID_LIST]: string[] | undefined;
}

const LAZY_IDS = {
  get id(): string[] {
    const self = this as unknown as LazyIdFields;
    self[ID_LIST] ??= self[ID_BYTES] ? self[ID_BYTES].toString().split('\n') : [];
    return self[ID_LIST];
  },
  set id(value: string[]) {
    (this as unknown as LazyIdFields)[ID_LIST] = value;
  },
};

function withLazyIds<T extends { id: string[] }>(columns: T, bytes: Buffer | undefined): T {
  const { id: _unused, ...rest } = columns;
  const lazy = { ...rest, [ID_BYTES]: bytes, [ID_LIST]: undefined };
  return Object.setPrototypeOf(lazy, LAZY_IDS) as T;
}

/** Copies stored bytes into a new, aligned typed array like `template` (or keeps the default). */
function fill(target: Columns[string], data: Buffer | undefined): void {
  if (!data || data.byteLength !== target.byteLength) return;
  new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(data);
}

/**
 * Rows of two fields (a key, its bytes) in PostgreSQL's binary COPY format: an 11-byte signature, flags and
 * header extension, then per row a field count and each field's length and bytes, ending with −1.
 */
function parseBinaryCopy(data: Buffer): Map<string, Buffer> {
  const columns = new Map<string, Buffer>();
  let position = 11 + 4 + 4 + data.readInt32BE(15);
  while (data.readInt16BE(position) !== -1) {
    position += 2;
    const keyLength = data.readInt32BE(position);
    const key = data.toString('utf8', position + 4, position + 4 + keyLength);
    position += 4 + keyLength;
    const length = data.readInt32BE(position);
    columns.set(key, data.subarray(position + 4, position + 4 + length));
    position += 4 + length;
  }
  return columns;
}

/** The stored columns as `entity.name` → bytes. */
async function readColumns(database: Database, snapshotId: string): Promise<Map<string, Buffer>> {
  if (database.pool) {
    // Binary COPY, so bytea arrives as its bytes (a query result would carry it as hex text, twice the size,
    // to decode). The uuid is checked before it is inlined (COPY takes no parameters).
    if (!/^[0-9a-f-]{36}$/.test(snapshotId)) throw new Error(`not a snapshot id: ${snapshotId}`);
    const client = await database.pool.connect();
    try {
      const stream = client.query(
        copyTo(
          `COPY (SELECT entity || '.' || name, data FROM population_snapshot_column
            WHERE snapshot_id = '${snapshotId}') TO STDOUT (FORMAT binary)`,
        ),
      );
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      await once(stream, 'end');
      return parseBinaryCopy(Buffer.concat(chunks));
    } finally {
      client.release();
    }
  }
  const { rows } = await sql<{ entity: string; name: string; data: Uint8Array }>`
    SELECT entity, name, data FROM population_snapshot_column WHERE snapshot_id = ${snapshotId}`.execute(
    database.db,
  );
  return new Map(rows.map((r) => [`${r.entity}.${r.name}`, Buffer.from(r.data)]));
}

export async function loadSnapshot(database: Database, info: SnapshotInfo): Promise<Population> {
  const stored = await readColumns(database, info.snapshotId);
  const p = withLazyIds(
    defaultPersonColumns(info.persons),
    info.persons ? stored.get('person.id') : undefined,
  );
  const h = withLazyIds(
    defaultHouseholdColumns(info.households),
    info.households ? stored.get('household.id') : undefined,
  );
  const personColumns = p as unknown as Columns;
  const householdColumns = h as unknown as Columns;
  for (const name of [...PERSON_STRUCTURE, ...Object.keys(PERSON_FACTS)])
    fill(personColumns[name]!, stored.get(`person.${name}`));
  for (const name of [...HOUSEHOLD_STRUCTURE, ...Object.keys(HOUSEHOLD_FACTS)])
    fill(householdColumns[name]!, stored.get(`household.${name}`));
  return { period: info.period, persons: p, households: h, events: noEvents() };
}

/** The month's newest snapshot, taken now if it has none. */
export async function snapshotFor(database: Database, period: string): Promise<SnapshotInfo> {
  return (await latestSnapshot(database, period)) ?? (await makeSnapshot(database, period));
}

/** The last loaded snapshot, kept while the server runs: a city is loaded once, not per request. */
export class SnapshotCache {
  private current: { info: SnapshotInfo; population: Population } | undefined;
  private loading: { snapshotId: string; done: Promise<Population> } | undefined;

  constructor(private readonly database: Database) {}

  async population(period: string): Promise<{ info: SnapshotInfo; population: Population }> {
    const info = await snapshotFor(this.database, period);
    if (this.current?.info.snapshotId === info.snapshotId) return this.current;
    // Requests for the same snapshot while it loads wait for the one load.
    if (this.loading?.snapshotId !== info.snapshotId)
      this.loading = { snapshotId: info.snapshotId, done: loadSnapshot(this.database, info) };
    const population = await this.loading.done;
    this.current = { info, population };
    return this.current;
  }
}
