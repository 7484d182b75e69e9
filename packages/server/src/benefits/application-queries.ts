import { registryScope } from '@safetynet/core/authz/scope';
import { sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import type { ApplicationRow } from './applications.ts';
import { applicationReach, reachableApplication } from './applications.ts';
import { type Acting, type BenefitServices, mustReach, todayOf } from './benefit-services.ts';
import type { ProposedOutcome, Reason } from './decisions.ts';

/** Reading applications: the queue of the actor's scope, one application in full, one decision as made. */
const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function applicationView(a: ApplicationRow, programs: string[], today: string) {
  return {
    id: a.application_id,
    reference: a.reference,
    channel: a.channel,
    applicantPersonId: a.applicant_person_id,
    householdId: a.household_id,
    districtCode: a.district_code,
    period: a.period,
    status: a.status,
    programs,
    submittedAt: iso(a.submitted_at),
    dueDate: a.due_date,
    overdue: a.due_date !== null && a.due_date < today && OPEN.includes(a.status),
    version: a.version,
  };
}

const OPEN: readonly string[] = ['submitted', 'in_review'];

export interface QueueFilter {
  status?: string;
  overdue?: boolean;
  program?: string;
  /** One household's applications (within the caller's reach like the rest). */
  household?: string;
  page: number;
  pageSize: number;
}

export async function listApplications(services: BenefitServices, who: Acting, filter: QueueFilter) {
  const db = services.database.db;
  const today = todayOf(services);
  const scope = registryScope(who.actor, 'applications:read');
  let query = db.selectFrom('application').selectAll();
  if (scope.kind === 'districts') query = query.where('district_code', 'in', [...scope.districts]);
  else if (scope.kind === 'household-of')
    query = query.where(
      sql<boolean>`(applicant_person_id = ${scope.personId} OR household_id IN (
        SELECT m.household_id FROM ${asOfSql('household_membership', sql`person_id = ${scope.personId}`, today)} m))`,
    );
  else if (scope.kind !== 'all') return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
  if (filter.status) query = query.where('status', '=', filter.status as ApplicationRow['status']);
  if (filter.overdue)
    query = query.where('due_date', '<', today).where('status', 'in', ['submitted', 'in_review']);
  if (filter.household) query = query.where('household_id', '=', filter.household);
  if (filter.program)
    query = query.where('application_id', 'in', (q) =>
      q.selectFrom('application_program').select('application_id').where('program_id', '=', filter.program!),
    );
  const total = Number(
    (
      await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const rows = (await query
    .orderBy('due_date')
    .orderBy('reference')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute()) as ApplicationRow[];
  const programs = await programsOf(
    services,
    rows.map((r) => r.application_id),
  );
  return {
    items: rows.map((r) => applicationView(r, programs.get(r.application_id) ?? [], today)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

async function programsOf(services: BenefitServices, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await services.database.db
    .selectFrom('application_program')
    .selectAll()
    .where('application_id', 'in', ids)
    .orderBy('program_id')
    .execute();
  for (const r of rows) map.set(r.application_id, [...(map.get(r.application_id) ?? []), r.program_id]);
  return map;
}

export async function applicationInFull(services: BenefitServices, who: Acting, applicationId: string) {
  const application = await reachableApplication(services, who, applicationId, 'applications:read');
  const db = services.database.db;
  const [programs, documents, proposals, decisions] = await Promise.all([
    programsOf(services, [applicationId]),
    db
      .selectFrom('application_document')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('added_at')
      .execute(),
    db
      .selectFrom('proposal')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('proposed_at', 'desc')
      .execute(),
    db
      .selectFrom('decision')
      .select([
        'decision_id',
        'program_id',
        'outcome',
        'entity',
        'entity_id',
        'monthly_amount_ntd',
        'reasons',
        'decided_by',
        'decided_at',
        'rules_version',
      ])
      .where('application_id', '=', applicationId)
      .orderBy('program_id')
      .execute(),
  ]);
  const proposal = proposals[0];
  return {
    ...applicationView(application, programs.get(applicationId) ?? [], todayOf(services)),
    documents: documents.map((d) => ({
      id: d.document_id,
      kind: d.kind,
      description: d.description,
      evidenceId: d.evidence_id,
      addedAt: iso(d.added_at),
    })),
    proposal: proposal
      ? {
          id: proposal.proposal_id,
          status: proposal.status,
          proposedBy: proposal.proposed_by,
          proposedAt: iso(proposal.proposed_at),
          note: proposal.note,
          outcomes: parse<ProposedOutcome[]>(proposal.outcomes).map((o) => ({
            program: o.program,
            outcome: o.outcome,
            amountNtd: o.amountNtd,
            eligible: o.eligible,
            reasons: o.reasons,
          })),
        }
      : null,
    decisions: decisions.map((d) => ({
      id: d.decision_id,
      program: d.program_id,
      outcome: d.outcome,
      entity: d.entity,
      entityId: d.entity_id,
      monthlyAmountNtd: d.monthly_amount_ntd,
      reasons: parse<Reason[]>(d.reasons),
      decidedBy: d.decided_by,
      decidedAt: iso(d.decided_at),
      rulesVersion: d.rules_version,
    })),
  };
}

/** One decision exactly as it was made: what it rested on, as stored, not evaluated again. */
export async function decisionAsMade(services: BenefitServices, who: Acting, decisionId: string) {
  const db = services.database.db;
  const d = await db
    .selectFrom('decision')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .executeTakeFirst();
  if (!d) throw new ApiError(404, `找不到決定：${decisionId}`, `no such decision: ${decisionId}`);
  const application = (await db
    .selectFrom('application')
    .selectAll()
    .where('application_id', '=', d.application_id)
    .executeTakeFirstOrThrow()) as ApplicationRow;
  const reach = await applicationReach(db, application, todayOf(services));
  await mustReach(services, who, 'applications:read', reach, 'decision', decisionId);
  return {
    id: d.decision_id,
    applicationId: d.application_id,
    reference: application.reference,
    period: application.period,
    program: d.program_id,
    kind: d.kind,
    outcome: d.outcome,
    entity: d.entity,
    entityId: d.entity_id,
    monthlyAmountNtd: d.monthly_amount_ntd,
    reasons: parse<Reason[]>(d.reasons),
    explanation: parse<unknown>(d.explanation),
    evidence: parse<unknown>(d.evidence),
    parameters: parse<unknown>(d.parameters),
    rulesVersion: d.rules_version,
    proposedBy: d.proposed_by,
    decidedBy: d.decided_by,
    decidedAt: iso(d.decided_at),
  };
}
