import { randomUUID } from 'node:crypto';
import { breakGlassExpiry, breakGlassReasonProblem } from '@safetynet/core/authz/break-glass';
import { protectionAccess } from '@safetynet/core/authz/scope';
import { districtByCode } from '@safetynet/core/districts';
import type { Kysely } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditContext } from '../audit/audit-log.ts';
import type { ProtectionKind, Schema } from '../db/schema.ts';
import type { IdentityServices } from '../identity/services.ts';
import type { ProtectionCaseRepository, ProtectionCaseRow } from './cases.ts';

/**
 * 保護個案 What can happen to a protection case: reported, assigned by a supervisor to a worker of their
 * team, closed by those who carry it, and opened in an emergency (break-glass). Each change commits with
 * its audit entry; a refusal is itself written to the audit log.
 */
export interface ProtectionServices {
  identity: IdentityServices;
  cases: ProtectionCaseRepository;
}

export interface CaseReport {
  kind: ProtectionKind;
  subjectPersonId?: string | undefined;
  districtCode: string;
  summary: string;
}

const RECORD = 'protection-case';

export const caseNotFound = (caseId: string) =>
  new ApiError(404, `找不到保護案件：${caseId}`, `protection case not found: ${caseId}`);

/** 403 for this case, after writing the refusal to the audit log. */
export async function refuse(
  services: ProtectionServices,
  context: AuditContext,
  caseId: string,
  action: string,
  zh = '此保護案件不在您的知悉範圍內',
  en = 'this protection case is outside your need-to-know',
  field?: string,
): Promise<never> {
  await services.identity.audit.appendAlone(services.identity.db, context, [
    { action: 'denied', recordType: RECORD, recordId: caseId, details: { attempted: action } },
  ]);
  throw new ApiError(403, zh, en, field);
}

async function lockedCase(trx: Kysely<Schema>, services: ProtectionServices, caseId: string) {
  const row = await services.cases.forUpdate(trx, caseId);
  if (!row) throw caseNotFound(caseId);
  return row;
}

export async function reportCase(
  services: ProtectionServices,
  report: CaseReport,
  context: AuditContext,
): Promise<ProtectionCaseRow> {
  const { identity } = services;
  if (context.actor.kind !== 'staff') throw new ApiError(403, '僅工作人員可通報', 'only staff report cases');
  const reporterId = context.actor.id;
  if (!districtByCode(report.districtCode))
    throw new ApiError(
      400,
      `body.districtCode：不是高雄市的行政區代碼 ${report.districtCode}`,
      `body.districtCode: not a Kaohsiung district code: ${report.districtCode}`,
      'body.districtCode',
    );
  const summary = report.summary.trim();
  if (!summary)
    throw new ApiError(
      400,
      'body.summary：請敘明通報內容',
      'body.summary: describe what was reported',
      'body.summary',
    );
  const caseId = await identity.db.transaction().execute(async (trx) => {
    if (report.subjectPersonId) {
      const person = await trx
        .selectFrom('person')
        .select('person_id')
        .where('person_id', '=', report.subjectPersonId)
        .executeTakeFirst();
      if (!person)
        throw new ApiError(
          400,
          `body.subjectPersonId：找不到此人 ${report.subjectPersonId}`,
          `body.subjectPersonId: person not found: ${report.subjectPersonId}`,
          'body.subjectPersonId',
        );
    }
    const { case_id } = await trx
      .insertInto('protection_case')
      .values({
        case_id: randomUUID(),
        kind: report.kind,
        subject_person_id: report.subjectPersonId ?? null,
        district_code: report.districtCode,
        status: 'reported',
        summary,
        reported_by: reporterId,
        reported_at: identity.now(),
      })
      .returning('case_id')
      .executeTakeFirstOrThrow();
    // Ids and the kind only: the summary is the case's content, not the auditor's.
    await identity.audit.append(trx, context, [
      {
        action: 'create',
        recordType: RECORD,
        recordId: case_id,
        details: { kind: report.kind, districtCode: report.districtCode },
      },
    ]);
    return case_id;
  });
  return (await services.cases.byId(caseId)) as ProtectionCaseRow;
}

/**
 * A supervisor gives a case their team carries, or a new one (if on the intake team or the team of the
 * case's district), to a social worker of their own team.
 */
export async function assignCase(
  services: ProtectionServices,
  caseId: string,
  workerId: string,
  context: AuditContext,
): Promise<ProtectionCaseRow> {
  const { identity } = services;
  const { actor } = context;
  if (actor.kind !== 'staff' || actor.role !== 'supervisor' || actor.teamId === null)
    return refuse(services, context, caseId, 'assign', '僅社工督導可指派', 'only a supervisor assigns cases');
  const teamId = actor.teamId;
  const current = await services.cases.byId(caseId);
  if (!current) throw caseNotFound(caseId);
  if (current.status === 'assigned' && current.assigned_team_id !== teamId)
    return refuse(
      services,
      context,
      caseId,
      'assign',
      '此案件由其他社工組承辦',
      'another team carries this case',
    );
  // A new report is the intake team's, or the team of its district's: assigning it is what gives a team
  // access, so no other supervisor may take it to their own team.
  if (current.status === 'reported' && !actor.intake) {
    const team = await identity.db
      .selectFrom('team')
      .select('district_code')
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    if (!team?.district_code || team.district_code !== current.district_code)
      return refuse(
        services,
        context,
        caseId,
        'assign',
        '新通報案件僅能由保護窗口或案件所在行政區社工組的督導指派',
        "a new report is assigned only by a supervisor of the intake team or of the team of the case's district",
      );
  }
  const worker = await identity.accounts.byId(workerId);
  if (!worker || worker.disabled_at !== null)
    throw new ApiError(
      400,
      `body.workerId：找不到此帳號 ${workerId}`,
      `body.workerId: no such account: ${workerId}`,
      'body.workerId',
    );
  if (worker.role !== 'social-worker' || worker.team_id !== teamId)
    return refuse(
      services,
      context,
      caseId,
      'assign',
      'body.workerId：僅能指派給本組社工',
      'body.workerId: assign only to a social worker of your own team',
      'body.workerId',
    );
  await identity.db.transaction().execute(async (trx) => {
    const row = await lockedCase(trx, services, caseId);
    if (row.status === 'closed')
      throw new ApiError(409, '案件已結案，不可指派', 'the case is closed and cannot be assigned');
    if (row.status === 'assigned' && row.assigned_team_id !== teamId)
      throw new ApiError(409, '案件已由其他社工組承辦', 'another team took the case meanwhile');
    await trx
      .updateTable('protection_case')
      .set({
        status: 'assigned',
        assigned_worker_id: workerId,
        assigned_by: actor.id,
        assigned_at: identity.now(),
      })
      .where('case_id', '=', caseId)
      .execute();
    await identity.audit.append(trx, context, [
      {
        action: 'assign',
        recordType: RECORD,
        recordId: caseId,
        details: { workerId, previousWorkerId: row.assigned_worker_id },
      },
    ]);
  });
  return (await services.cases.byId(caseId)) as ProtectionCaseRow;
}

/** The assigned worker or their supervisor closes the case. */
export async function closeCase(
  services: ProtectionServices,
  caseId: string,
  context: AuditContext,
): Promise<ProtectionCaseRow> {
  const { identity } = services;
  const now = identity.now();
  const current = await services.cases.byId(caseId);
  if (!current) throw caseNotFound(caseId);
  const access = protectionAccess(
    context.actor,
    await services.cases.reachOf(current, context.actor, now),
    now,
  );
  if (access !== 'assigned' && access !== 'supervisor')
    return refuse(
      services,
      context,
      caseId,
      'close',
      '僅承辦社工或其督導可結案',
      'only the assigned worker or their supervisor closes a case',
    );
  await identity.db.transaction().execute(async (trx) => {
    const row = await lockedCase(trx, services, caseId);
    if (row.status !== 'assigned') throw new ApiError(409, '案件已結案', 'the case is already closed');
    await trx
      .updateTable('protection_case')
      .set({ status: 'closed', closed_at: now })
      .where('case_id', '=', caseId)
      .execute();
    await identity.audit.append(trx, context, [
      { action: 'close', recordType: RECORD, recordId: caseId, details: { access } },
    ]);
  });
  return (await services.cases.byId(caseId)) as ProtectionCaseRow;
}

/**
 * 緊急調閱 Break-glass: a grant for BREAK_GLASS_MINUTES (with the reason), a security alert for the
 * supervisor of the team carrying the case and the auditors to review (GET /alerts), and the audit entry,
 * all in one transaction.
 */
export async function breakGlass(
  services: ProtectionServices,
  caseId: string,
  reason: string,
  context: AuditContext,
): Promise<{ grantId: string; grantedAt: Date; expiresAt: Date }> {
  const { identity } = services;
  const { actor } = context;
  if (actor.kind !== 'staff') throw new ApiError(403, '僅工作人員可緊急調閱', 'only staff break glass');
  const problem = breakGlassReasonProblem(reason);
  if (problem)
    throw new ApiError(400, `body.reason：${problem.zh}`, `body.reason: ${problem.en}`, 'body.reason');
  const grantedAt = identity.now();
  const expiresAt = breakGlassExpiry(grantedAt);
  const grantId = randomUUID();
  await identity.db.transaction().execute(async (trx) => {
    await lockedCase(trx, services, caseId);
    await trx
      .insertInto('break_glass_grant')
      .values({
        grant_id: grantId,
        account_id: actor.id,
        case_id: caseId,
        reason: reason.trim(),
        granted_at: grantedAt,
        expires_at: expiresAt,
      })
      .execute();
    await trx
      .insertInto('security_alert')
      .values({
        alert_id: randomUUID(),
        kind: 'break-glass',
        raised_at: grantedAt,
        account_id: actor.id,
        record_type: RECORD,
        record_id: caseId,
        // Who, which case, when, until when: the reason is case content and stays in break_glass_grant.
        detail: `${actor.name} (${actor.role}) broke glass on protection case ${caseId} at ${grantedAt.toISOString()} until ${expiresAt.toISOString()}`,
      })
      .execute();
    await identity.audit.append(trx, context, [
      {
        action: 'break-glass',
        recordType: RECORD,
        recordId: caseId,
        details: { grantId, expiresAt: expiresAt.toISOString() },
      },
    ]);
  });
  return { grantId, grantedAt, expiresAt };
}
