import { randomUUID } from 'node:crypto';
import type { StaffActor } from '@safetynet/core/authz/actor';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditContext } from '../audit/audit-log.ts';
import type { CaseloadAssignmentTable, Schema } from '../db/schema.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import type { IdentityServices } from './services.ts';

/**
 * 個案量指派 A supervisor puts households of their team's district (or already on its caseload) on the
 * caseloads of the social workers of their own team; an open assignment is what lets a worker (and the
 * team's supervisor) read the household (core/authz/scope.ts).
 * Ended assignments are kept. Every assignment and ending is in the audit log, in the same transaction.
 */
export type AssignmentRow = Selectable<CaseloadAssignmentTable>;

export interface AssignmentView {
  id: string;
  householdId: string;
  workerId: string;
  assignedBy: string | null;
  startedAt: string;
  endedAt: string | null;
}

export function assignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.assignment_id,
    householdId: row.household_id,
    workerId: row.worker_account_id,
    assignedBy: row.assigned_by,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}

/** The supervisor's team: without one there is no caseload to assign to. */
function teamOf(supervisor: StaffActor): string {
  if (!supervisor.teamId)
    throw new ApiError(
      403,
      '您未隸屬任何社工組，無法指派個案',
      'you belong to no team, so you assign no caseload',
    );
  return supervisor.teamId;
}

const notInTeam = () =>
  new ApiError(
    403,
    '此社工不屬於您的社工組；只能指派給自己組內的社工',
    'this worker is not on your team; you assign households only to social workers of your own team',
  );

/** The worker must be an enabled social worker of the supervisor's team. */
async function checkWorker(trx: Kysely<Schema>, teamId: string, workerId: string): Promise<void> {
  const worker = await trx
    .selectFrom('account')
    .select(['role', 'team_id', 'disabled_at'])
    .where('account_id', '=', workerId)
    .executeTakeFirst();
  if (!worker) throw new ApiError(404, `找不到帳號：${workerId}`, `account not found: ${workerId}`);
  if (worker.role !== 'social-worker')
    throw new ApiError(
      400,
      'body.workerId：只能指派給社工',
      'body.workerId: households are assigned to social workers only',
      'body.workerId',
    );
  if (worker.team_id !== teamId) throw notInTeam();
  if (worker.disabled_at)
    throw new ApiError(
      400,
      'body.workerId：此帳號已停用',
      'body.workerId: this account is disabled',
      'body.workerId',
    );
}

/**
 * The household must lie in the team's district today, or already be on the team's caseload: a
 * supervisor cannot pull any household of the city into their team's reach. An unknown household gets
 * the same 403, so household ids cannot be probed.
 */
async function checkHousehold(
  trx: Kysely<Schema>,
  teamId: string,
  householdId: string,
  on: string,
): Promise<void> {
  const team = await trx
    .selectFrom('team')
    .select('district_code')
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  const district = team?.district_code ?? null;
  if (!district)
    throw new ApiError(
      403,
      '您的社工組尚未設定服務行政區，無法指派個案；請管理者為社工組設定行政區',
      'your team has no district, so it assigns no caseload; an administrator must give the team a district',
    );
  // Narrowed by the stable key first, the district tested on the version in force (dated-sql.ts).
  const { rows } = await sql<{ ok: boolean }>`SELECT (
      EXISTS (SELECT 1 FROM ${asOfSql('household_version', sql`household_id = ${householdId}`, on)} h
        WHERE h.district_code = ${district})
      OR EXISTS (SELECT 1 FROM caseload_assignment ca
        JOIN account w ON w.account_id = ca.worker_account_id
        WHERE ca.household_id = ${householdId} AND ca.ended_at IS NULL AND w.team_id = ${teamId})
    ) AS ok`.execute(trx);
  if (!rows[0]?.ok)
    throw new ApiError(
      403,
      '此戶不在您社工組的服務行政區內，也不在組內個案量中',
      "this household is not in your team's district nor on your team's caseload",
      'body.householdId',
    );
}

/** Assigns a household to a worker; the same open assignment again is answered, not duplicated. */
export async function assignCaseload(
  identity: IdentityServices,
  supervisor: StaffActor,
  input: { householdId: string; workerId: string },
  context: AuditContext,
): Promise<{ assignment: AssignmentRow; created: boolean }> {
  const teamId = teamOf(supervisor);
  return identity.db.transaction().execute(async (trx) => {
    await checkWorker(trx, teamId, input.workerId);
    await checkHousehold(trx, teamId, input.householdId, identity.now().toISOString().slice(0, 10));
    // The partial unique index (one open assignment per household and worker) decides a race.
    const inserted = await trx
      .insertInto('caseload_assignment')
      .values({
        assignment_id: randomUUID(),
        household_id: input.householdId,
        worker_account_id: input.workerId,
        assigned_by: supervisor.id,
        started_at: identity.now(),
      })
      .onConflict((oc) =>
        oc.columns(['household_id', 'worker_account_id']).where('ended_at', 'is', null).doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      const open = await trx
        .selectFrom('caseload_assignment')
        .selectAll()
        .where('household_id', '=', input.householdId)
        .where('worker_account_id', '=', input.workerId)
        .where('ended_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { assignment: open, created: false };
    }
    await identity.audit.append(trx, context, [
      {
        action: 'assign',
        recordType: 'caseload',
        recordId: inserted.assignment_id,
        details: { householdId: input.householdId, workerId: input.workerId },
      },
    ]);
    return { assignment: inserted, created: true };
  });
}

/** Ends an open assignment of a worker of the supervisor's team. */
export async function endCaseload(
  identity: IdentityServices,
  supervisor: StaffActor,
  assignmentId: string,
  context: AuditContext,
): Promise<AssignmentRow> {
  const teamId = teamOf(supervisor);
  return identity.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('caseload_assignment')
      .innerJoin('account', 'account.account_id', 'caseload_assignment.worker_account_id')
      .select(['caseload_assignment.ended_at', 'account.team_id'])
      .where('assignment_id', '=', assignmentId)
      .executeTakeFirst();
    if (!current)
      throw new ApiError(404, `找不到指派：${assignmentId}`, `assignment not found: ${assignmentId}`);
    if (current.team_id !== teamId) throw notInTeam();
    const alreadyEnded = () => new ApiError(409, '此指派已結束', 'this assignment has already ended');
    if (current.ended_at) throw alreadyEnded();
    const ended = await trx
      .updateTable('caseload_assignment')
      .set({ ended_at: identity.now() })
      .where('assignment_id', '=', assignmentId)
      .where('ended_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!ended) throw alreadyEnded();
    await identity.audit.append(trx, context, [
      {
        action: 'end',
        recordType: 'caseload',
        recordId: assignmentId,
        details: { householdId: ended.household_id, workerId: ended.worker_account_id },
      },
    ]);
    return ended;
  });
}

/** The open assignments of the supervisor's team, optionally of one worker. */
export function teamCaseload(
  identity: IdentityServices,
  supervisor: StaffActor,
  workerId?: string,
): Promise<AssignmentRow[]> {
  const teamId = teamOf(supervisor);
  let query = identity.db
    .selectFrom('caseload_assignment')
    .innerJoin('account', 'account.account_id', 'caseload_assignment.worker_account_id')
    .selectAll('caseload_assignment')
    .where('account.team_id', '=', teamId)
    .where('caseload_assignment.ended_at', 'is', null);
  if (workerId) query = query.where('caseload_assignment.worker_account_id', '=', workerId);
  return query
    .orderBy('caseload_assignment.started_at')
    .orderBy('caseload_assignment.assignment_id')
    .execute();
}
