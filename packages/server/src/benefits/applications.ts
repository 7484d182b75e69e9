import { randomUUID } from 'node:crypto';
import { dueDateOf } from '@safetynet/core/benefits/processing-periods';
import { isIsoMonth, rocYear } from '@safetynet/core/calendar';
import { EVENT_TYPES, PROGRAMS } from '@safetynet/rules';
import { type Kysely, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import { personReach } from '../authz/registry-scope-sql.ts';
import type { ApplicationTable, Schema } from '../db/schema.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import { EVIDENCE_TABLES } from '../registry/evidence-kinds.ts';
import { type Acting, type BenefitServices, mustReach, todayOf } from './benefit-services.ts';

/**
 * Applications (申請案件): filed online by a citizen for their own household or at a district office by a
 * clerk, for one or more programs; routed to the district office of the applicant's residence; a due date
 * from the programs' processing periods; documents attached; withdrawn. Proposals and decisions are in
 * decisions.ts.
 */
export interface FileInput {
  applicantPersonId: string;
  programs: string[];
  /** The month applied from (default the current month). */
  period?: string;
  idempotencyKey?: string;
  /**
   * The dated events claimed for (a medical bill, a crisis, a disaster): the rules' event facts. The
   * registry holds none, so event programs are evaluated on these; `person`/`household` default to the
   * applicant and their household.
   */
  events?: ClaimedEvent[];
}

export interface ClaimedEvent {
  type: string;
  date: string;
  person?: string;
  household?: string;
  [field: string]: unknown;
}

export type ApplicationRow = ApplicationTable & { version: number; created_at: Date };

/** The applicant's household and residence district today (residence, else the household's district). */
async function applicantToday(db: Kysely<Schema>, personId: string, today: string) {
  const { rows } = await sql<{ household_id: string | null; district: string | null }>`
    SELECT
      (SELECT m.household_id FROM ${asOfSql('household_membership', sql`person_id = ${personId}`, today)} m
        ORDER BY (m.role = 'applicant') DESC, m.household_id LIMIT 1) AS household_id,
      (SELECT v.residence_district_code FROM ${asOfSql('person_version', sql`person_id = ${personId}`, today)} v) AS district`.execute(
    db,
  );
  const row = rows[0]!;
  let district = row.district;
  if (!district && row.household_id) {
    const { rows: h } = await sql<{ district_code: string }>`
      SELECT h.district_code FROM ${asOfSql('household_version', sql`household_id = ${row.household_id}`, today)} h`.execute(
      db,
    );
    district = h[0]?.district_code ?? null;
  }
  return { householdId: row.household_id, district };
}

/** `A113-000123`: the ROC year of filing and the year's next number, under a lock so none repeats. */
async function nextReference(trx: Kysely<Schema>, today: string): Promise<string> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('application-reference'))`.execute(trx);
  const prefix = `A${rocYear(today)}-`;
  const { rows } = await sql<{ n: number | null }>`
    SELECT max(substr(reference, ${prefix.length + 1})::int) AS n FROM application
    WHERE reference LIKE ${`${prefix}%`}`.execute(trx);
  return `${prefix}${String((rows[0]?.n ?? 0) + 1).padStart(6, '0')}`;
}

export interface Filed {
  application: ApplicationRow;
  /** false when an Idempotency-Key repeated an earlier request: the application it made. */
  created: boolean;
}

export async function fileApplication(
  services: BenefitServices,
  who: Acting,
  input: FileInput,
): Promise<Filed> {
  const { actor } = who;
  if (actor.kind !== 'citizen' && !(actor.kind === 'staff' && actor.role === 'district-clerk'))
    throw new ApiError(403, '僅民眾或區公所承辦人得提出申請', 'only a citizen or a district clerk files');
  const programs = [...new Set(input.programs)];
  const unknown = programs.find((id) => !PROGRAMS.has(id));
  if (unknown)
    throw new ApiError(400, `未知的方案：${unknown}`, `unknown program: ${unknown}`, 'body.programs');
  const today = todayOf(services);
  const period = input.period ?? today.slice(0, 7);
  if (!isIsoMonth(period))
    throw new ApiError(400, '月份須為 YYYY-MM', 'period must be YYYY-MM', 'body.period');
  (input.events ?? []).forEach((event, k) => {
    if (!Object.hasOwn(EVENT_TYPES, event.type))
      throw new ApiError(
        400,
        `未知的事件類型：${event.type}`,
        `unknown event type: ${event.type}`,
        `body.events.${k}.type`,
      );
  });
  const db = services.database.db;
  const reach = await personReach(db, input.applicantPersonId, today);
  if (!reach) throw new ApiError(404, '找不到申請人', 'applicant not found', 'body.applicantPersonId');
  await mustReach(services, who, 'applications:create', reach, 'person', input.applicantPersonId);
  const { householdId, district } = await applicantToday(db, input.applicantPersonId, today);
  if (!district)
    throw new ApiError(
      409,
      '申請人無居住地或戶籍區，無法分案',
      'the applicant has no residence or household district to route the application to',
      'body.applicantPersonId',
    );
  const channel = actor.kind === 'citizen' ? 'online' : 'office';
  return db.transaction().execute(async (trx) => {
    const reference = await nextReference(trx, today);
    if (input.idempotencyKey) {
      const earlier = await trx
        .selectFrom('application')
        .selectAll()
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      if (earlier) {
        if (earlier.created_by !== actor.id || earlier.applicant_person_id !== input.applicantPersonId)
          throw new ApiError(
            409,
            '此 Idempotency-Key 已用於另一申請',
            'this Idempotency-Key was used for another application',
          );
        return { application: earlier as ApplicationRow, created: false };
      }
    }
    const now = services.now();
    const application = (await trx
      .insertInto('application')
      .values({
        application_id: randomUUID(),
        reference,
        channel,
        applicant_person_id: input.applicantPersonId,
        household_id: householdId,
        district_code: district,
        period,
        status: 'submitted',
        submitted_at: now,
        due_date: dueDateOf(programs, today),
        created_by: actor.id,
        created_at: now,
        idempotency_key: input.idempotencyKey ?? null,
        events: JSON.stringify(input.events ?? []),
      })
      .returningAll()
      .executeTakeFirstOrThrow()) as ApplicationRow;
    await trx
      .insertInto('application_program')
      .values(programs.map((program_id) => ({ application_id: application.application_id, program_id })))
      .execute();
    await services.audit.append(trx, who.audit, [
      {
        action: 'create',
        recordType: 'application',
        recordId: application.application_id,
        details: { reference, channel, programs, district, period },
      },
    ]);
    return { application, created: true };
  });
}

/** What an application is attached to today, for the scope rules: its district and its household. */
export async function applicationReach(db: Kysely<Schema>, application: ApplicationRow, today: string) {
  const members = application.household_id
    ? (
        await sql<{ person_id: string }>`SELECT m.person_id FROM ${asOfSql(
          'household_membership',
          sql`household_id = ${application.household_id}`,
          today,
        )} m`.execute(db)
      ).rows.map((r) => r.person_id)
    : [];
  return {
    districts: [application.district_code],
    caseloadWorkerIds: [],
    caseloadTeamIds: [],
    memberPersonIds: [...new Set([application.applicant_person_id, ...members])],
  };
}

/** The application, if the actor reaches it with the permission (404 unknown, 403 outside their scope). */
export async function reachableApplication(
  services: BenefitServices,
  who: Acting,
  applicationId: string,
  permission: 'applications:read' | 'applications:create' | 'applications:propose' | 'applications:decide',
): Promise<ApplicationRow> {
  const db = services.database.db;
  const application = (await db
    .selectFrom('application')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst()) as ApplicationRow | undefined;
  if (!application)
    throw new ApiError(404, `找不到申請案件：${applicationId}`, `no such application: ${applicationId}`);
  const reach = await applicationReach(db, application, todayOf(services));
  await mustReach(services, who, permission, reach, 'application', applicationId);
  return application;
}

export interface DocumentInput {
  kind: string;
  description: string;
  evidenceId?: string;
}

const OPEN: readonly string[] = ['submitted', 'in_review'];

/** Whether a registry evidence record belongs to the applicant or someone ever in their household. */
async function isEvidenceOf(db: Kysely<Schema>, application: ApplicationRow, evidenceId: string) {
  const persons = sql`SELECT ${application.applicant_person_id}::uuid UNION
    SELECT person_id FROM household_membership WHERE household_id = ${application.household_id}`;
  const found = EVIDENCE_TABLES.map(
    (table) =>
      sql`EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE evidence_id = ${evidenceId} AND person_id IN (${persons}))`,
  );
  const { rows } = await sql<{ found: boolean }>`SELECT (${sql.join(found, sql` OR `)}) AS found`.execute(db);
  return rows[0]?.found === true;
}

export async function attachDocument(
  services: BenefitServices,
  who: Acting,
  applicationId: string,
  input: DocumentInput,
) {
  const application = await reachableApplication(services, who, applicationId, 'applications:create');
  if (!OPEN.includes(application.status))
    throw new ApiError(
      409,
      '案件已結案，不得再補件',
      `the application is ${application.status}: no more documents`,
    );
  if (input.evidenceId && !(await isEvidenceOf(services.database.db, application, input.evidenceId)))
    throw new ApiError(
      400,
      '此佐證資料不屬申請人或其家戶成員',
      'no evidence of the applicant or their household’s members has this id',
      'body.evidenceId',
    );
  return services.database.db.transaction().execute(async (trx) => {
    const document = await trx
      .insertInto('application_document')
      .values({
        document_id: randomUUID(),
        application_id: applicationId,
        kind: input.kind,
        description: input.description,
        evidence_id: input.evidenceId ?? null,
        added_by: who.actor.id,
        added_at: services.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await services.audit.append(trx, who.audit, [
      {
        action: 'attach-document',
        recordType: 'application',
        recordId: applicationId,
        details: { documentId: document.document_id, kind: input.kind },
      },
    ]);
    return document;
  });
}

/** Withdrawn by the applicant's side (the citizen or a clerk) while not yet decided. */
export async function withdraw(services: BenefitServices, who: Acting, applicationId: string) {
  const application = await reachableApplication(services, who, applicationId, 'applications:create');
  return services.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('application')
      .set({ status: 'withdrawn', version: sql`version + 1` })
      .where('application_id', '=', applicationId)
      .where('version', '=', application.version)
      .where('status', 'in', ['submitted', 'in_review'])
      .returningAll()
      .executeTakeFirst();
    if (!updated)
      throw new ApiError(
        409,
        '案件已決定、已撤回或正由他人變更，無法撤回',
        'the application is decided, withdrawn or being changed by someone else: it cannot be withdrawn',
      );
    await trx
      .updateTable('proposal')
      .set({ status: 'withdrawn' })
      .where('application_id', '=', applicationId)
      .where('status', '=', 'open')
      .execute();
    await services.audit.append(trx, who.audit, [
      { action: 'withdraw', recordType: 'application', recordId: applicationId },
    ]);
    return updated as ApplicationRow;
  });
}
