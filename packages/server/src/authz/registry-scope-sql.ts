import type { RecordReach, RegistryScope } from '@safetynet/core/authz/scope';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { asOfSql } from '../registry/dated-sql.ts';

/**
 * The registry scopes of core/authz/scope.ts in SQL, on a date: the household ids and the person ids an
 * actor reaches. List queries filter with these; single records are checked with `reaches` on the facts
 * `personReach` / `householdReach` read here, built from the same tables in the same way (a test keeps
 * the two in agreement).
 *
 * The dated-row rule narrows versions by stable keys only (dated-sql.ts), so district tests are made on
 * the version in force, after narrowing to records that were ever in one of the districts.
 */
const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`));

/** `SELECT household_id …` of the households the scope reaches on a date, or undefined for every one. */
export function householdsInScope(scope: RegistryScope, on: string): RawBuilder<unknown> | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'none':
      return sql`SELECT NULL::uuid AS household_id WHERE false`;
    case 'districts': {
      if (scope.districts.length === 0) return householdsInScope({ kind: 'none' }, on);
      const codes = list(scope.districts);
      const everThere = sql`household_id IN (SELECT household_id FROM household_version WHERE district_code IN (${codes}))`;
      return sql`SELECT h.household_id FROM ${asOfSql('household_version', everThere, on)} h WHERE h.district_code IN (${codes})`;
    }
    case 'caseload':
      return sql`SELECT ca.household_id FROM caseload_assignment ca
        JOIN account w ON w.account_id = ca.worker_account_id
        WHERE ca.ended_at IS NULL
          AND (ca.worker_account_id = ${scope.workerId} OR (${scope.teamId}::text IS NOT NULL AND w.team_id = ${scope.teamId}))`;
    case 'household-of':
      return sql`SELECT m.household_id FROM ${asOfSql('household_membership', sql`person_id = ${scope.personId}`, on)} m`;
  }
}

/** `SELECT person_id …` of the persons the scope reaches on a date, or undefined for every one. */
export function personsInScope(scope: RegistryScope, on: string): RawBuilder<unknown> | undefined {
  const households = householdsInScope(scope, on);
  if (!households) return undefined;
  const members = sql`SELECT m.person_id FROM ${asOfSql('household_membership', sql`household_id IN (${households})`, on)} m`;
  if (scope.kind !== 'districts') return members;
  const codes = list(scope.districts);
  const everThere = sql`person_id IN (SELECT person_id FROM person_version
    WHERE registered_district_code IN (${codes}) OR residence_district_code IN (${codes}))`;
  return sql`SELECT v.person_id FROM ${asOfSql('person_version', everThere, on)} v
      WHERE v.registered_district_code IN (${codes}) OR v.residence_district_code IN (${codes})
    UNION ${members}`;
}

interface ReachRow {
  districts: string[] | null;
  workers: string[] | null;
  teams: string[] | null;
  members: string[] | null;
  found: boolean;
}

async function reachOf(
  db: Kysely<Schema>,
  households: RawBuilder<unknown>,
  ownDistricts: RawBuilder<unknown>,
  exists: RawBuilder<unknown>,
  on: string,
): Promise<RecordReach | undefined> {
  const { rows } = await sql<ReachRow>`
    WITH hh AS (${households}),
    caseload AS (
      SELECT ca.worker_account_id AS worker, w.team_id AS team FROM caseload_assignment ca
      JOIN account w ON w.account_id = ca.worker_account_id
      WHERE ca.ended_at IS NULL AND ca.household_id IN (SELECT household_id FROM hh))
    SELECT
      (SELECT array_agg(DISTINCT d) FROM (
        ${ownDistricts}
        UNION SELECT h.district_code FROM ${asOfSql('household_version', sql`household_id IN (SELECT household_id FROM hh)`, on)} h
      ) ds(d) WHERE d IS NOT NULL) AS districts,
      (SELECT array_agg(DISTINCT worker::text) FROM caseload) AS workers,
      (SELECT array_agg(DISTINCT team) FROM caseload WHERE team IS NOT NULL) AS teams,
      (SELECT array_agg(DISTINCT m.person_id::text) FROM ${asOfSql('household_membership', sql`household_id IN (SELECT household_id FROM hh)`, on)} m) AS members,
      ${exists} AS found
  `.execute(db);
  const row = rows[0];
  if (!row?.found) return undefined;
  return {
    districts: arrayOf(row.districts),
    caseloadWorkerIds: arrayOf(row.workers),
    caseloadTeamIds: arrayOf(row.teams),
    memberPersonIds: arrayOf(row.members),
  };
}

/** Text arrays arrive as arrays (PGlite) or as `{a,b}` text (the shared parser table leaves them as text). */
function arrayOf(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  const inner = value.slice(1, -1);
  return inner === '' ? [] : inner.split(',').map((item) => item.replace(/^"|"$/g, ''));
}

/** What a person is attached to on a date: their districts, their households' caseloads and members. */
export function personReach(
  db: Kysely<Schema>,
  personId: string,
  on: string,
): Promise<RecordReach | undefined> {
  const households = sql`SELECT m.household_id FROM ${asOfSql('household_membership', sql`person_id = ${personId}`, on)} m`;
  const own = sql`SELECT unnest(ARRAY[v.registered_district_code, v.residence_district_code])
    FROM ${asOfSql('person_version', sql`person_id = ${personId}`, on)} v`;
  const exists = sql`EXISTS (SELECT 1 FROM person WHERE person_id = ${personId})`;
  return reachOf(db, households, own, exists, on).then((reach) =>
    reach ? { ...reach, memberPersonIds: [...new Set([...reach.memberPersonIds, personId])] } : undefined,
  );
}

/** What a household is attached to on a date: its district, its caseload, its members. */
export function householdReach(
  db: Kysely<Schema>,
  householdId: string,
  on: string,
): Promise<RecordReach | undefined> {
  const households = sql`SELECT ${householdId}::uuid AS household_id`;
  const own = sql`SELECT NULL::text`;
  const exists = sql`EXISTS (SELECT 1 FROM household WHERE household_id = ${householdId})`;
  return reachOf(db, households, own, exists, on);
}
