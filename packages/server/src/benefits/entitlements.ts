import { randomUUID } from 'node:crypto';
import type { Actor } from '@safetynet/core/authz/actor';
import type { RegistryScope } from '@safetynet/core/authz/scope';
import { type EntitlementChange, nextVersion } from '@safetynet/core/entitlement-months';
import { PROGRAMS } from '@safetynet/rules';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import { householdsInScope, personsInScope } from '../authz/registry-scope-sql.ts';
import type { DecisionTable, EntitlementTable, Schema } from '../db/schema.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import { ASSET_PROGRAMS } from './asset-accounts.ts';
import type { DecisionWritten } from './benefit-services.ts';

/**
 * Entitlements (給付資格) from approved decisions, in versions: what a cash program pays each month, to
 * whom, from which month to which. A change adds a version (core/entitlement-months.ts says which one is
 * in force for a month); no row is ever updated.
 */
export type EntitlementRow = Selectable<EntitlementTable>;
type DecisionRow = Selectable<DecisionTable>;

const actorAccount = (trail: AuditTrail | undefined) =>
  trail?.context.actor.kind === 'staff' ? trail.context.actor.id : null;

/**
 * A decision as the entitlement needs it: the decision hook's shape (applications' `DecisionWritten`) or a
 * stored decision row. Application facts left out are read from the application.
 */
export type DecisionToGrant = Omit<DecisionWritten, 'period' | 'districtCode' | 'applicantPersonId'> & {
  period?: string;
  applicantPersonId?: string;
  districtCode?: string;
};

const toGrant = (d: DecisionToGrant | DecisionRow): DecisionToGrant =>
  'decision_id' in d
    ? {
        decisionId: d.decision_id,
        applicationId: d.application_id,
        programId: d.program_id,
        outcome: d.outcome,
        entity: d.entity,
        entityId: d.entity_id,
        monthlyAmountNtd: d.monthly_amount_ntd,
      }
    : d;

/**
 * The entitlements approved decisions of monthly cash programs with an amount give (version 1: from the
 * application's month, open-ended; paid to the applicant for household programs, to the person for person
 * programs; in the district of the decision's household). Inside the decision's transaction; a decision
 * that already has its entitlement is skipped, so calling again grants nothing twice. With a trail, each
 * entitlement gets its audit entry; without one (the decision hook), the decision's entry stands for it.
 */
const ASSET_BUILDING = new Set<string>(ASSET_PROGRAMS);

export async function grantEntitlements(
  trx: Kysely<Schema>,
  decisions: readonly (DecisionToGrant | DecisionRow)[],
  trail?: AuditTrail,
): Promise<EntitlementRow[]> {
  const granted: EntitlementRow[] = [];
  for (const decision of decisions.map(toGrant)) {
    const program = PROGRAMS.get(decision.programId);
    // Monthly programs only: one-off grants (period 'event' or 'year') are paid by decision-grants.ts, and an
    // asset-building account's money moves as its deposits and their matches (asset-accounts.ts).
    if (decision.outcome !== 'approved' || program?.kind !== 'cash' || program.period !== 'month') continue;
    if (ASSET_BUILDING.has(decision.programId)) continue;
    if (decision.monthlyAmountNtd === null || decision.monthlyAmountNtd <= 0) continue;
    const existing = await trx
      .selectFrom('entitlement')
      .select('entitlement_id')
      .where('decision_id', '=', decision.decisionId)
      .executeTakeFirst();
    if (existing) continue;
    const application = await trx
      .selectFrom('application')
      .select(['applicant_person_id', 'household_id', 'district_code', 'period'])
      .where('application_id', '=', decision.applicationId)
      .executeTakeFirstOrThrow();
    const period = decision.period ?? application.period;
    const applicant = decision.applicantPersonId ?? application.applicant_person_id;
    const householdId = decision.entity === 'household' ? decision.entityId : application.household_id;
    const row = {
      entitlement_id: randomUUID(),
      version: 1,
      decision_id: decision.decisionId,
      program_id: decision.programId,
      entity: decision.entity,
      entity_id: decision.entityId,
      payee_person_id: decision.entity === 'household' ? applicant : decision.entityId,
      district_code:
        (householdId && (await householdDistrict(trx, householdId, `${period}-01`))) ??
        decision.districtCode ??
        application.district_code,
      monthly_amount_ntd: decision.monthlyAmountNtd,
      first_month: period,
      last_month: null,
      reason: `decision ${decision.decisionId}`,
      created_by: actorAccount(trail),
      household_id: householdId,
    };
    granted.push(await trx.insertInto('entitlement').values(row).returningAll().executeTakeFirstOrThrow());
  }
  if (trail)
    await trail.log.append(
      trx,
      trail.context,
      granted.map((e) => ({
        action: 'create',
        recordType: 'entitlement',
        recordId: e.entitlement_id,
        details: {
          version: 1,
          decisionId: e.decision_id,
          program: e.program_id,
          amountNtd: e.monthly_amount_ntd,
        },
      })),
    );
  return granted;
}

async function householdDistrict(trx: Kysely<Schema>, householdId: string, on: string) {
  const { rows } = await sql<{ district_code: string }>`SELECT h.district_code
    FROM ${asOfSql('household_version', sql`household_id = ${householdId}`, on)} h`.execute(trx);
  return rows[0]?.district_code;
}

/** Every version of one entitlement, oldest first. */
export function entitlementVersions(db: Kysely<Schema>, entitlementId: string): Promise<EntitlementRow[]> {
  return db
    .selectFrom('entitlement')
    .selectAll()
    .where('entitlement_id', '=', entitlementId)
    .orderBy('version')
    .execute();
}

const spans = (rows: EntitlementRow[]) =>
  rows.map((r) => ({
    version: r.version,
    firstMonth: r.first_month,
    lastMonth: r.last_month,
    monthlyAmountNtd: r.monthly_amount_ntd,
  }));

/**
 * A new version from a month: a new amount and/or last month, with the reason. Concurrent changes of the
 * same entitlement: the second one's version number collides with the first's (primary key) and fails
 * instead of silently basing itself on a version it did not see.
 */
export async function changeEntitlement(
  trx: Kysely<Schema>,
  entitlementId: string,
  change: EntitlementChange & { reason: string },
  trail: AuditTrail,
): Promise<EntitlementRow> {
  const versions = await entitlementVersions(trx, entitlementId);
  if (versions.length === 0) throw new ApiError(404, '查無此給付資格', 'no such entitlement');
  if (!change.reason.trim()) throw new ApiError(400, '變更須說明理由', 'a change needs a reason', 'reason');
  const next = nextVersion(spans(versions), change);
  if ('en' in next) throw new ApiError(400, next.zh, next.en);
  const latest = versions[versions.length - 1]!;
  const row = await trx
    .insertInto('entitlement')
    .values({
      ...latest,
      created_at: undefined,
      version: next.version,
      first_month: next.firstMonth,
      last_month: next.lastMonth,
      monthly_amount_ntd: next.monthlyAmountNtd,
      reason: change.reason,
      created_by: actorAccount(trail),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: { code?: string }) => {
      if (error.code !== '23505') throw error;
      throw new ApiError(
        409,
        '此給付資格剛被他人變更，請重新讀取',
        'the entitlement was just changed; read it again',
      );
    });
  await trail.log.append(trx, trail.context, [
    {
      action: 'update',
      recordType: 'entitlement',
      recordId: entitlementId,
      details: {
        version: next.version,
        from: next.firstMonth,
        lastMonth: next.lastMonth,
        amountNtd: next.monthlyAmountNtd,
      },
    },
  ]);
  return row;
}

export interface EntitlementFilter {
  /** Who asks: the rows are limited to their reach (entitlementReachSql). */
  actor?: Actor;
  programId?: string;
  entityId?: string;
  payeePersonId?: string;
  limit?: number;
}

/** The latest version of each entitlement the filter selects, newest first. */
export async function currentEntitlements(
  db: Kysely<Schema>,
  filter: EntitlementFilter = {},
): Promise<EntitlementRow[]> {
  const conditions = [sql`true`];
  if (filter.actor) conditions.push(entitlementReachSql(filter.actor));
  if (filter.programId) conditions.push(sql`program_id = ${filter.programId}`);
  if (filter.entityId) conditions.push(sql`entity_id = ${filter.entityId}`);
  if (filter.payeePersonId) conditions.push(sql`payee_person_id = ${filter.payeePersonId}`);
  const { rows } = await sql<EntitlementRow>`SELECT * FROM (
      SELECT DISTINCT ON (entitlement_id) * FROM entitlement e
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY entitlement_id, version DESC
    ) latest ORDER BY created_at DESC, entitlement_id LIMIT ${filter.limit ?? 500}`.execute(db);
  return rows;
}

/**
 * Which entitlements an actor reaches, as a condition on `entitlement` (and its payments): clerks and
 * reviewers their districts', citizens their own household's and its members', program officers their
 * programs'. Stable columns only (the same in every version), so all versions agree.
 */
export function entitlementReachSql(actor: Actor) {
  if (actor.kind === 'staff' && actor.role === 'program-officer') {
    if (actor.programs.length === 0) return sql`false`;
    return sql`program_id IN (${sql.join(actor.programs.map((p) => sql`${p}`))})`;
  }
  const scope: RegistryScope =
    actor.kind === 'citizen'
      ? { kind: 'household-of', personId: actor.personId }
      : actor.kind === 'staff' && (actor.role === 'district-clerk' || actor.role === 'reviewer')
        ? actor.districts.length
          ? { kind: 'districts', districts: actor.districts }
          : { kind: 'none' }
        : { kind: 'none' };
  switch (scope.kind) {
    case 'districts':
      return sql`district_code IN (${sql.join(scope.districts.map((d) => sql`${d}`))})`;
    case 'household-of': {
      const today = new Date().toISOString().slice(0, 10);
      const households = householdsInScope(scope, today)!;
      const persons = personsInScope(scope, today)!;
      return sql`((entity = 'household' AND entity_id IN (${households}))
        OR (entity = 'person' AND entity_id IN (${persons})) OR payee_person_id = ${scope.personId})`;
    }
    default:
      return sql`false`;
  }
}

const MONTHLY_CASH_PROGRAMS = [...PROGRAMS.values()]
  .filter((p) => p.kind === 'cash' && p.period === 'month')
  .map((p) => p.id);

/**
 * grantEntitlements for many decisions at once, by the same rules (approved decisions of monthly cash programs with an
 * amount, from the application's month, open-ended, paid to the applicant for household programs, in the
 * household's district on the month's first day, else the application's), in one statement: for a whole
 * caseload. Decisions that already have their entitlement are skipped. The caller writes the audit entry.
 */
export async function grantEntitlementsOfDecisions(
  trx: Kysely<Schema>,
  decisionIds: readonly string[],
  createdBy: string | null,
): Promise<{ count: number; amountNtd: number }> {
  if (decisionIds.length === 0) return { count: 0, amountNtd: 0 };
  const { rows } = await sql<{ count: number; amount: string }>`
    WITH granted AS (
      INSERT INTO entitlement (entitlement_id, version, decision_id, program_id, entity, entity_id,
        payee_person_id, district_code, monthly_amount_ntd, first_month, last_month, reason, created_by,
        household_id)
      SELECT gen_random_uuid(), 1, d.decision_id, d.program_id, d.entity, d.entity_id,
        CASE WHEN d.entity = 'household' THEN a.applicant_person_id ELSE d.entity_id END,
        coalesce(hd.district_code, a.district_code), d.monthly_amount_ntd, a.period, NULL,
        'decision ' || d.decision_id, ${createdBy}::uuid,
        CASE WHEN d.entity = 'household' THEN d.entity_id ELSE a.household_id END
      FROM decision d
      JOIN application a ON a.application_id = d.application_id
      LEFT JOIN LATERAL (
        SELECT v.district_code FROM (
          SELECT hv.district_code, hv.valid_to FROM household_version hv
          WHERE hv.household_id = CASE WHEN d.entity = 'household' THEN d.entity_id ELSE a.household_id END
            AND hv.valid_from <= (a.period || '-01')::date
          ORDER BY hv.valid_from DESC, hv.recorded_at DESC, hv.version_id DESC LIMIT 1
        ) v WHERE v.valid_to IS NULL OR v.valid_to > (a.period || '-01')::date
      ) hd ON true
      WHERE d.decision_id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(decisionIds)}::json))
        AND d.outcome = 'approved' AND d.monthly_amount_ntd > 0
        AND d.program_id IN (SELECT value FROM json_array_elements_text(${JSON.stringify(MONTHLY_CASH_PROGRAMS)}::json))
        AND NOT EXISTS (SELECT 1 FROM entitlement e WHERE e.decision_id = d.decision_id)
      RETURNING monthly_amount_ntd
    )
    SELECT count(*)::int AS count, coalesce(sum(monthly_amount_ntd), 0)::text AS amount FROM granted`.execute(
    trx,
  );
  return { count: rows[0]?.count ?? 0, amountNtd: Number(rows[0]?.amount ?? 0) };
}
