import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import { DATED_TABLES, type DatedTable, type Schema } from './schema.ts';

export interface AsOfOptions<T extends DatedTable> {
  /** Only what had been recorded by then (what we knew at that moment); default: everything. */
  knownAt?: Date;
  /**
   * Narrows the versions before they are resolved (for speed). Filter only on columns that are the same in
   * every version of a record (its person, its household), or a superseding version could be skipped.
   */
  narrow?: (
    query: SelectQueryBuilder<Schema, T, Selectable<Schema[T]>>,
  ) => SelectQueryBuilder<Schema, T, Selectable<Schema[T]>>;
}

/**
 * The records of a dated table as they were on `on` (see migrations/0001_registry.ts): per logical record,
 * the latest-recorded version of the latest segment starting on or before `on`, if it has not ended by then.
 * Returns a query to select from, join or narrow further.
 */
export function asOf<T extends DatedTable>(
  db: Kysely<Schema>,
  table: T,
  on: string,
  options: AsOfOptions<T> = {},
): SelectQueryBuilder<Schema, T, Selectable<Schema[T]>> {
  const key = DATED_TABLES[table];
  // biome-ignore lint/suspicious/noExplicitAny: one generic query over eleven tables with the same dated columns
  const anyDb = db as Kysely<any>;
  let versions = anyDb.selectFrom(table).selectAll().where('valid_from', '<=', on);
  if (options.knownAt) versions = versions.where('recorded_at', '<=', options.knownAt);
  if (options.narrow) {
    versions = options.narrow(
      versions as unknown as SelectQueryBuilder<Schema, T, Selectable<Schema[T]>>,
    ) as unknown as typeof versions;
  }
  const latest = versions
    .distinctOn(key)
    .orderBy(key)
    .orderBy('valid_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .orderBy('version_id', 'desc');
  const current = anyDb
    .selectFrom(latest.as(table))
    .selectAll()
    // biome-ignore lint/suspicious/noExplicitAny: see above
    .where((eb: any) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]));
  return current as unknown as SelectQueryBuilder<Schema, T, Selectable<Schema[T]>>;
}
