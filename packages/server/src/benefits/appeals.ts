import { randomUUID } from 'node:crypto';
import { reaches, registryScope } from '@safetynet/core/authz/scope';
import { addDays, addMonths } from '@safetynet/core/calendar';
import { type ParameterSet, PROGRAMS } from '@safetynet/rules';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError, outOfScope } from '../api-error.ts';
import type { AuditLog, AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { AppealTable, ApplicationStatus, DecisionTable, Schema } from '../db/schema.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import { type ApplicationRow, applicationReach } from './applications.ts';
import type { Acting } from './benefit-services.ts';
import { payGrantOnAppeal } from './decision-grants.ts';
import type { Reason } from './decisions.ts';
import { changeEntitlement, entitlementVersions, grantEntitlements } from './entitlements.ts';

/**
 * Appeals (訴願/申復) against an initial decision: the applicant (or a district clerk for them) files within
 * 30 days (訴願法第 14 條: from the day after the notice; the decision's date + 30 days is the rule kept
 * here); a reviewer of the district who did not make the decision decides (four eyes again). A changed
 * outcome is a new decision of kind 'appeal' superseding the original, applied to the entitlements in the
 * same transaction. The new decision carries over the original's stored explanation, facts, parameters and
 * rules' version: the appeal reviews the decision on what it rested on, not on the registry as it is now.
 */
/** The application's new status, its version moved on so a change read before this one conflicts. */
function moveApplication(trx: Kysely<Schema>, applicationId: string, status: ApplicationStatus) {
  return trx
    .updateTable('application')
    .set({ status, version: sql`version + 1` })
    .where('application_id', '=', applicationId)
    .execute();
}

export interface AppealServices {
  database: Database;
  audit: AuditLog;
  now: () => Date;
  /** The rules' parameters, for the yearly caps of one-off grants approved on appeal. */
  parameters?: ParameterSet;
}

export type AppealRow = Selectable<AppealTable>;
type DecisionRow = Selectable<DecisionTable>;

export const APPEAL_DAYS = 30;

/** A stored JSON column as written again (the drivers give jsonb parsed or as text). */
const stored = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const conflict = (zh: string, en: string) => new ApiError(409, zh, en);
const today = (services: AppealServices) => services.now().toISOString().slice(0, 10);

/** The decision's application, refused (403, audited) unless the actor's scope reaches it. */
async function reachable(
  services: AppealServices,
  who: Acting,
  decisionId: string,
  permission: 'applications:create' | 'applications:decide',
) {
  const db = services.database.db;
  const decision = await db
    .selectFrom('decision')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .executeTakeFirst();
  if (!decision) throw new ApiError(404, `找不到決定：${decisionId}`, `no such decision: ${decisionId}`);
  const application = (await db
    .selectFrom('application')
    .selectAll()
    .where('application_id', '=', decision.application_id)
    .executeTakeFirstOrThrow()) as ApplicationRow;
  const reach = await applicationReach(db, application, today(services));
  if (!reaches(registryScope(who.actor, permission), reach)) {
    await services.audit.appendAlone(db, who.audit, [
      { action: 'denied', recordType: 'decision', recordId: decisionId, details: { policy: permission } },
    ]);
    throw outOfScope();
  }
  return { decision, application };
}

export async function fileAppeal(
  services: AppealServices,
  who: Acting,
  decisionId: string,
  input: { grounds: string },
): Promise<AppealRow> {
  const { actor } = who;
  if (actor.kind !== 'citizen' && !(actor.kind === 'staff' && actor.role === 'district-clerk'))
    throw new ApiError(
      403,
      '僅申請人或區公所承辦人得提起訴願',
      'only the applicant or a district clerk files an appeal',
    );
  const { decision, application } = await reachable(services, who, decisionId, 'applications:create');
  if (!input.grounds.trim())
    throw new ApiError(400, '訴願須敘明理由', 'an appeal needs its grounds', 'body.grounds');
  if (decision.kind !== 'initial')
    throw conflict(
      '訴願決定不得再提訴願（得提起行政訴訟）',
      'an appeal decision cannot be appealed again (go to the administrative court)',
    );
  const decidedOn = new Date(decision.decided_at).toISOString().slice(0, 10);
  const deadline = addDays(decidedOn, APPEAL_DAYS);
  if (today(services) > deadline)
    throw conflict(
      `已逾訴願期間：應於決定後 ${APPEAL_DAYS} 日內（${deadline} 前）提起（訴願法第 14 條）`,
      `the appeal period has passed: an appeal is filed within ${APPEAL_DAYS} days of the decision, by ${deadline} (Appeal Act art. 14)`,
    );
  const db = services.database.db;
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('appeal')
      .select('appeal_id')
      .where('decision_id', '=', decisionId)
      .executeTakeFirst();
    if (existing) throw conflict('此決定已提起訴願', 'this decision has already been appealed');
    const appeal = await trx
      .insertInto('appeal')
      .values({
        appeal_id: randomUUID(),
        decision_id: decisionId,
        application_id: application.application_id,
        district_code: application.district_code,
        filed_by: actor.id!,
        filed_at: services.now(),
        grounds: input.grounds.trim(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        if (error.code !== '23505') throw error;
        throw conflict('此決定已提起訴願', 'this decision has already been appealed');
      });
    await moveApplication(trx, application.application_id, 'appealed');
    await services.audit.append(trx, who.audit, [
      {
        action: 'appeal',
        recordType: 'decision',
        recordId: decisionId,
        details: { appealId: appeal.appeal_id, applicationId: application.application_id },
      },
    ]);
    return appeal;
  });
}

export interface AppealDecisionInput {
  outcome: 'upheld' | 'changed';
  /** The outcome on appeal when changed (default: the opposite of the original). */
  decision?: 'approved' | 'rejected';
  /** An approval's monthly amount (default: the original's). */
  monthlyAmountNtd?: number;
  /** A rejection's reasons. */
  reasons?: Reason[];
}

export async function decideAppeal(
  services: AppealServices,
  who: Acting,
  appealId: string,
  input: AppealDecisionInput,
): Promise<{ appeal: AppealRow; decision: DecisionRow | null }> {
  const db = services.database.db;
  const appeal = await db
    .selectFrom('appeal')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .executeTakeFirst();
  if (!appeal) throw new ApiError(404, `找不到訴願案件：${appealId}`, `no such appeal: ${appealId}`);
  const { decision: original, application } = await reachable(
    services,
    who,
    appeal.decision_id,
    'applications:decide',
  );
  const { actor } = who;
  if (
    actor.kind !== 'staff' ||
    actor.role !== 'reviewer' ||
    !actor.districts.includes(application.district_code)
  )
    throw new ApiError(
      403,
      '僅本區審核人員得為訴願決定',
      'only a reviewer of the district decides an appeal',
    );
  if (original.decided_by === actor.id)
    throw new ApiError(
      403,
      '原核定者不得決定同一案件之訴願（四眼原則）',
      'the original decider cannot decide the appeal (four eyes)',
    );
  if (appeal.status !== 'filed') throw conflict('此訴願已決定', 'this appeal has already been decided');
  const changed = input.outcome === 'changed' ? redecision(original, input) : null;
  const decidedAt = services.now();
  return db.transaction().execute(async (trx) => {
    let decision: DecisionRow | null = null;
    const trail: AuditTrail = { log: services.audit, context: who.audit };
    if (changed)
      decision = await trx
        .insertInto('decision')
        .values({
          ...original,
          decision_id: randomUUID(),
          kind: 'appeal',
          outcome: changed.outcome,
          monthly_amount_ntd: changed.monthlyAmountNtd,
          reasons: JSON.stringify(changed.reasons),
          explanation: stored(original.explanation),
          evidence: stored(original.evidence),
          parameters: stored(original.parameters),
          decided_by: actor.id!,
          decided_at: decidedAt,
          supersedes: original.decision_id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    // The status read above: a reviewer who decided meanwhile moved it on, and this one finds no row.
    const decided = await trx
      .updateTable('appeal')
      .set({
        status: 'decided',
        outcome: input.outcome,
        decided_by: actor.id!,
        decided_at: decidedAt,
        redecision_id: decision?.decision_id ?? null,
      })
      .where('appeal_id', '=', appealId)
      .where('status', '=', 'filed')
      .returningAll()
      .executeTakeFirst();
    if (!decided) throw conflict('此訴願已由他人決定', 'another reviewer decided this appeal meanwhile');
    await moveApplication(trx, application.application_id, 'redecided');
    await services.audit.append(trx, who.audit, [
      {
        action: 'decide-appeal',
        recordType: 'appeal',
        recordId: appealId,
        details: {
          outcome: input.outcome,
          decisionId: original.decision_id,
          ...(decision
            ? {
                redecisionId: decision.decision_id,
                redecided: decision.outcome,
                amountNtd: decision.monthly_amount_ntd,
              }
            : {}),
        },
      },
    ]);
    if (decision) {
      await applyToEntitlements(trx, original, decision, today(services).slice(0, 7), trail);
      if (original.outcome === 'rejected') await payGrantOnAppeal(trx, decision, trail, services.parameters);
    }
    return { appeal: decided, decision };
  });
}

/** What a changed outcome decides, checked before anything is written. */
function redecision(original: DecisionRow, input: AppealDecisionInput) {
  const outcome = input.decision ?? (original.outcome === 'approved' ? 'rejected' : 'approved');
  // 訴願法第81條第1項但書：於訴願人表示不服之範圍內，不得為更不利益之變更或處分. The appeal is the
  // applicant's (filed by them or a clerk for them): an approval cannot become a rejection, nor less money.
  const worse = () =>
    new ApiError(
      422,
      '依訴願法第81條，不得為更不利於訴願人之變更；如原核定有誤，應另依職權撤銷或變更原處分',
      'under the Administrative Appeal Act art. 81 the decision on appeal cannot leave the appellant worse off; correct an erroneous approval by a separate decision instead',
      'body.decision',
    );
  if (outcome === 'rejected' && original.outcome === 'approved') throw worse();
  if (outcome === 'rejected') {
    if (original.outcome === 'rejected')
      throw new ApiError(
        400,
        '原決定即為駁回，請改為維持',
        'the original decision was a rejection: uphold it',
        'body.decision',
      );
    if (!input.reasons?.length)
      throw new ApiError(400, '改為駁回須附理由', 'a rejection on appeal needs reasons', 'body.reasons');
    return { outcome, monthlyAmountNtd: null, reasons: input.reasons };
  }
  const cash = PROGRAMS.get(original.program_id)?.kind === 'cash';
  const amount = cash ? (input.monthlyAmountNtd ?? original.monthly_amount_ntd) : null;
  if (cash && amount === null)
    throw new ApiError(
      400,
      '改為核准須載明月給付金額',
      'an approval on appeal needs its monthly amount',
      'body.monthlyAmountNtd',
    );
  if (original.outcome === 'approved' && amount !== null && amount < (original.monthly_amount_ntd ?? 0))
    throw worse();
  if (original.outcome === 'approved' && amount === original.monthly_amount_ntd)
    throw new ApiError(
      400,
      '決定內容未變更，請改為維持',
      'nothing changes: uphold the decision instead',
      'body.monthlyAmountNtd',
    );
  return { outcome, monthlyAmountNtd: amount, reasons: [] as Reason[] };
}

/**
 * An approval grants the entitlement from the application's month (the applicant was entitled all along);
 * an approval turned into a rejection ends it, and a changed amount applies, from the month after the
 * appeal decision (months already paid stay as paid).
 */
async function applyToEntitlements(
  trx: Kysely<Schema>,
  original: DecisionRow,
  decision: DecisionRow,
  month: string,
  trail: AuditTrail,
) {
  if (original.outcome === 'rejected') {
    await grantEntitlements(trx, [decision], trail);
    return;
  }
  const entitlement = await trx
    .selectFrom('entitlement')
    .select('entitlement_id')
    .where('decision_id', '=', original.decision_id)
    .executeTakeFirst();
  if (!entitlement) return;
  const versions = await entitlementVersions(trx, entitlement.entitlement_id);
  const first = versions[0]!.first_month;
  const reason = `appeal decision ${decision.decision_id}`;
  const next = addMonths(month, 1);
  if (decision.outcome === 'rejected')
    await changeEntitlement(
      trx,
      entitlement.entitlement_id,
      first > month
        ? { from: first, monthlyAmountNtd: 0, reason }
        : { from: month, lastMonth: month, reason },
      trail,
    );
  else
    await changeEntitlement(
      trx,
      entitlement.entitlement_id,
      { from: first > next ? first : next, monthlyAmountNtd: decision.monthly_amount_ntd ?? 0, reason },
      trail,
    );
}

export interface AppealFilter {
  status?: 'filed' | 'decided';
  page: number;
  pageSize: number;
}

/** The appeals of the actor's scope: districts for staff, their household's for a citizen. */
export async function listAppeals(services: AppealServices, who: Acting, filter: AppealFilter) {
  const db = services.database.db;
  const scope = registryScope(who.actor, 'applications:read');
  let query = db
    .selectFrom('appeal')
    .innerJoin('application', 'application.application_id', 'appeal.application_id');
  if (scope.kind === 'districts') query = query.where('appeal.district_code', 'in', [...scope.districts]);
  else if (scope.kind === 'household-of')
    query = query.where(
      sql<boolean>`(application.applicant_person_id = ${scope.personId} OR application.household_id IN (
        SELECT m.household_id FROM ${asOfSql('household_membership', sql`person_id = ${scope.personId}`, today(services))} m))`,
    );
  else if (scope.kind !== 'all') return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
  if (filter.status) query = query.where('appeal.status', '=', filter.status);
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0,
  );
  const rows = await query
    .selectAll('appeal')
    .orderBy('appeal.filed_at', 'desc')
    .orderBy('appeal.appeal_id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: rows.map(appealView), total, page: filter.page, pageSize: filter.pageSize };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function appealView(a: AppealRow) {
  return {
    id: a.appeal_id,
    decisionId: a.decision_id,
    applicationId: a.application_id,
    districtCode: a.district_code,
    filedBy: a.filed_by,
    filedAt: iso(a.filed_at)!,
    grounds: a.grounds,
    status: a.status,
    outcome: a.outcome,
    decidedBy: a.decided_by,
    decidedAt: iso(a.decided_at),
    redecisionId: a.redecision_id,
  };
}
