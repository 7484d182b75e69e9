import { type RawBuilder, sql } from 'kysely';
import { DATED_TABLES, type DatedTable } from '../db/schema.ts';

/**
 * The dated-row rule of as-of.ts as an SQL fragment, for queries that assemble many tables in one
 * statement (a household with its members and their evidence). `narrow` restricts the versions first and
 * must only test columns that are the same in every version of a record.
 */
export function asOfSql(
  table: DatedTable,
  narrow: RawBuilder<unknown>,
  on: string,
  knownAt?: Date,
): RawBuilder<unknown> {
  const key = sql.ref(DATED_TABLES[table]);
  const known = knownAt ? sql`AND recorded_at <= ${knownAt}` : sql``;
  return sql`(SELECT * FROM (
      SELECT DISTINCT ON (${key}) * FROM ${sql.table(table)}
      WHERE ${narrow} AND valid_from <= ${on}::date ${known}
      ORDER BY ${key}, valid_from DESC, recorded_at DESC, version_id DESC
    ) latest WHERE valid_to IS NULL OR valid_to > ${on}::date)`;
}
