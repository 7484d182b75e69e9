import { randomUUID } from 'node:crypto';
import { dueDateOf } from '@safetynet/core/benefits/processing-periods';
import { type IsoMonth, lastDayOfMonth, rocYear } from '@safetynet/core/calendar';
import { ELIGIBLE, Evaluation, type ParameterSet, PROGRAMS, UNDETERMINED } from '@safetynet/rules';
import { usedEntry } from '@safetynet/rules/calculate';
import { HOUSEHOLD_FACTS } from '@safetynet/rules/engine/facts';
import type { Population } from '@safetynet/rules/engine/population';
import { type Kysely, sql } from 'kysely';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { loadSnapshot } from '../rules/snapshot-store.ts';
import { currentSnapshot } from './annual-review.ts';
import { ASSET_PROGRAMS } from './asset-accounts.ts';
import { grantEntitlementsOfDecisions } from './entitlements.ts';
import { rulesVersion } from './evaluation.ts';

/**
 * 現有個案量 The synthetic city's current caseload: what its households qualify for in a month, filed,
 * decided and granted through the same rules and the same ledger as any application — the city's rules
 * evaluation of the month's registry snapshot says who is eligible and for how much; each recipient gets
 * an office application, a proposal by one account and a decision by another (four eyes, as the database
 * requires), and the entitlement the approved decision grants. Set-based: a city has hundreds of thousands
 * of recipients, so rows are written a chunk of applications per statement, not one by one.
 *
 * Results the rules leave undetermined (a parameter the references lack for the month, evidence the
 * registry does not hold) are counted, not approved: deciding them is a clerk's work.
 */
export interface CaseloadSummary {
  period: string;
  snapshotId: string;
  applications: number;
  decisions: number;
  entitlements: number;
  monthlyAmountNtd: number;
  /** Per program: recipients the rules approve (filed now or by an earlier run), and those they could not determine. */
  programs: Record<string, { approved: number; undetermined: number; monthlyAmountNtd: number }>;
}

export interface CaseloadOptions {
  period: IsoMonth;
  parameters: ParameterSet;
  trail: AuditTrail;
  /** Applications per transaction. */
  chunkSize?: number;
  onProgress?(done: number, total: number): void;
}

const ASSET_BUILDING = new Set<string>(ASSET_PROGRAMS);

/**
 * Programs a caseload holds entitlements of: cash paid every month. Asset-building accounts are deposits
 * and matches (their own ledger), one-off and yearly grants are paid per event, not held.
 */
export const MONTHLY_PROGRAMS: readonly string[] = [...PROGRAMS.values()]
  .filter((p) => p.kind === 'cash' && p.period === 'month' && !ASSET_BUILDING.has(p.id))
  .map((p) => p.id);

/** The two accounts a generated caseload's proposals and decisions are made by: they cannot sign in. */
export const CASELOAD_ACCOUNTS = {
  proposer: { username: 'synthetic-caseload-clerk', role: 'district-clerk' as const },
  decider: { username: 'synthetic-caseload-reviewer', role: 'reviewer' as const },
};

async function caseloadAccounts(db: Kysely<Schema>, districts: string[]) {
  const ids: Record<'proposer' | 'decider', string> = { proposer: '', decider: '' };
  for (const key of ['proposer', 'decider'] as const) {
    const { username, role } = CASELOAD_ACCOUNTS[key];
    await db
      .insertInto('account')
      .values({
        account_id: randomUUID(),
        username,
        display_name:
          key === 'proposer'
            ? '合成個案量（擬辦） Synthetic caseload, proposer'
            : '合成個案量（核定） Synthetic caseload, decider',
        role,
        password_hash: null,
        districts: JSON.stringify(districts),
        programs: '[]',
        team_id: null,
        facility_ref: null,
        person_id: null,
        oidc_subject: null,
        locked_until: null,
        password_changed_at: null,
        disabled_at: new Date(),
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    const row = await db
      .selectFrom('account')
      .select('account_id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    ids[key] = row.account_id;
  }
  return ids;
}

/** One recipient's approval: the program, the entity it is for and the monthly amount. */
interface Approval {
  program: string;
  entity: 'person' | 'household';
  entityIndex: number;
  amountNtd: number;
}

const DISTRICT_CODES = HOUSEHOLD_FACTS.district.type.values;

/** Each program's eligible entities with an amount, grouped by who applies (the person, or the household's first member). */
function approvalsByApplicant(evaluation: Evaluation, population: Population, summary: CaseloadSummary) {
  const byApplicant = new Map<number, Approval[]>();
  const { persons, households } = population;
  const outsideHousehold = (person: number) =>
    households.id[persons.household[person]!] === persons.id[person];
  for (const program of MONTHLY_PROGRAMS) {
    const result = evaluation.result(program);
    const entity = result.entity === 'household' ? 'household' : 'person';
    const counts = { approved: 0, undetermined: 0, monthlyAmountNtd: 0 };
    summary.programs[program] = counts;
    const visit = (entityIndex: number, state: number, amountNtd: number) => {
      if (state === UNDETERMINED) counts.undetermined++;
      if (state !== ELIGIBLE || !(amountNtd > 0)) return;
      // A household's program is applied for by its first member (the registry's head); a person's by them.
      // A person in no household stands in the snapshot as a household of one under their own id: such a
      // "household" is not one the registry knows, so a household program is not granted to it.
      const applicant = entity === 'household' ? households.memberStart[entityIndex]! : entityIndex;
      if (
        entity === 'household' &&
        (households.memberCount[entityIndex] === 0 || outsideHousehold(applicant))
      )
        return;
      const list = byApplicant.get(applicant) ?? [];
      if (list.length === 0) byApplicant.set(applicant, list);
      list.push({ program, entity, entityIndex, amountNtd });
      counts.approved++;
      counts.monthlyAmountNtd += amountNtd;
    };
    if (result.part) {
      const { index, eligible, amountNtd } = result.part;
      for (let k = 0; k < index.length; k++) visit(index[k]!, eligible[k]!, amountNtd?.[k] ?? 0);
    } else {
      const count = entity === 'household' ? households.count : persons.count;
      for (let i = 0; i < count; i++) {
        const state = result.eligible[i]!;
        if (state !== 0) visit(i, state, result.amountNtd?.[i] ?? 0);
      }
    }
  }
  return byApplicant;
}

/** What each approved program's decision stores: every condition met, with its legal reference. */
function decisionRecords(evaluation: Evaluation) {
  const records = new Map<string, { conditions: string; parameters: string }>();
  for (const program of MONTHLY_PROGRAMS) {
    const result = evaluation.result(program);
    const conditions = result.checks.map((check) => ({
      code: check.code,
      passed: true,
      reference: check.reference,
      message: { zh: check.zh, en: check.en },
    }));
    const used = [...result.parametersUsed]
      .map(([id, value]) => usedEntry(id, value))
      .sort((a, b) => a.id.localeCompare(b.id));
    records.set(program, { conditions: JSON.stringify(conditions), parameters: JSON.stringify(used) });
  }
  return records;
}

export async function generateCaseload(
  database: Database,
  options: CaseloadOptions,
): Promise<CaseloadSummary> {
  const { period, parameters, trail } = options;
  const chunkSize = options.chunkSize ?? 5000;
  const db = database.db;
  // Each chunk commits whole (applications with their decisions and entitlements), so a run that was
  // interrupted, or is repeated, goes on with the recipients not filed yet and files no one twice.
  const earlier = await sql<{ person: string }>`SELECT a.applicant_person_id AS person FROM application a
    JOIN account c ON c.account_id = a.created_by
    WHERE c.username = ${CASELOAD_ACCOUNTS.proposer.username} AND a.period = ${period}`.execute(db);
  const filed = new Set(earlier.rows.map((r) => r.person));
  // The month's snapshot when the registry has not changed since it was taken (e.g. by `evaluate`).
  const { info: snapshot } = await currentSnapshot(database, period);
  const population = await loadSnapshot(database, snapshot);
  const evaluation = new Evaluation(population, parameters, PROGRAMS, { compact: true });
  const summary: CaseloadSummary = {
    period,
    snapshotId: snapshot.snapshotId,
    applications: 0,
    decisions: 0,
    entitlements: 0,
    monthlyAmountNtd: 0,
    programs: {},
  };
  const byApplicant = approvalsByApplicant(evaluation, population, summary);
  const records = decisionRecords(evaluation);
  const version = rulesVersion(parameters);
  const accounts = await caseloadAccounts(
    db,
    DISTRICT_CODES.filter((code) => code !== 'unknown'),
  );
  const decidedOn = lastDayOfMonth(period);
  const decidedAt = new Date(`${decidedOn}T08:00:00+08:00`);
  const prefix = `A${rocYear(decidedOn)}-`;
  const { persons, households } = population;
  const applicants = [...byApplicant.keys()]
    .filter((applicant) => !filed.has(persons.id[applicant]!))
    .sort((a, b) => a - b);
  options.onProgress?.(0, applicants.length);

  for (let start = 0; start < applicants.length; start += chunkSize) {
    const chunk = applicants.slice(start, start + chunkSize);
    await db.transaction().execute(async (trx) => {
      // References continue the year's numbering under the same lock as applications filed one by one.
      await sql`SELECT pg_advisory_xact_lock(hashtext('application-reference'))`.execute(trx);
      const { rows } = await sql<{ n: number | null }>`
        SELECT max(substr(reference, ${prefix.length + 1})::int) AS n FROM application
        WHERE reference LIKE ${`${prefix}%`}`.execute(trx);
      let next = (rows[0]?.n ?? 0) + 1;
      const applications: unknown[] = [];
      const programsOf: unknown[] = [];
      const proposals: unknown[] = [];
      const decisions: unknown[] = [];
      for (const applicant of chunk) {
        const approvals = byApplicant.get(applicant)!;
        const householdIndex = persons.household[applicant]!;
        const householdId =
          households.id[householdIndex] === persons.id[applicant] ? null : households.id[householdIndex]!;
        const district = DISTRICT_CODES[households.district[householdIndex]!]!;
        const applicationId = randomUUID();
        const proposalId = randomUUID();
        const programIds = approvals.map((a) => a.program);
        applications.push({
          application_id: applicationId,
          reference: `${prefix}${String(next++).padStart(6, '0')}`,
          applicant_person_id: persons.id[applicant],
          household_id: householdId,
          district_code: district,
          due_date: dueDateOf(programIds, decidedOn),
        });
        for (const program of programIds)
          programsOf.push({ application_id: applicationId, program_id: program });
        const outcomes = approvals.map((a) => ({
          program: a.program,
          entity: a.entity,
          entityId: a.entity === 'household' ? households.id[a.entityIndex] : persons.id[a.entityIndex],
          outcome: 'approved',
          amountNtd: a.amountNtd,
          reasons: [],
        }));
        proposals.push({ proposal_id: proposalId, application_id: applicationId, outcomes });
        for (const [k, a] of approvals.entries()) {
          const record = records.get(a.program)!;
          decisions.push({
            decision_id: randomUUID(),
            application_id: applicationId,
            proposal_id: proposalId,
            program_id: a.program,
            entity: a.entity,
            entity_id: outcomes[k]!.entityId,
            monthly_amount_ntd: a.amountNtd,
            explanation: `[{"program":${JSON.stringify(a.program)},"entity":"${a.entity}","id":"${outcomes[k]!.entityId}","eligible":true,"amountNtd":${a.amountNtd},"requested":true,"reasons":${record.conditions}}]`,
            parameters: record.parameters,
          });
        }
      }
      await sql`INSERT INTO application (application_id, reference, channel, applicant_person_id, household_id,
          district_code, period, status, submitted_at, due_date, created_by)
        SELECT r.application_id, r.reference, 'office', r.applicant_person_id, r.household_id, r.district_code,
          ${period}, 'decided', ${decidedAt}, r.due_date, ${accounts.proposer}::uuid
        FROM json_to_recordset(${JSON.stringify(applications)}::json) AS r(application_id uuid, reference text,
          applicant_person_id uuid, household_id uuid, district_code text, due_date date)`.execute(trx);
      await sql`INSERT INTO application_program (application_id, program_id)
        SELECT r.application_id, r.program_id
        FROM json_to_recordset(${JSON.stringify(programsOf)}::json) AS r(application_id uuid, program_id text)`.execute(
        trx,
      );
      await sql`INSERT INTO proposal (proposal_id, application_id, proposed_by, proposed_at, outcomes, note, status)
        SELECT r.proposal_id, r.application_id, ${accounts.proposer}::uuid, ${decidedAt}, r.outcomes,
          '合成城市現有個案 the synthetic city''s current caseload', 'decided'
        FROM json_to_recordset(${JSON.stringify(proposals)}::json) AS r(proposal_id uuid, application_id uuid,
          outcomes jsonb)`.execute(trx);
      // The evidence is the month's registry snapshot, stored, which holds the household as the rules read it.
      const evidence = JSON.stringify({ snapshotId: snapshot.snapshotId, period });
      const written = await sql<{ decision_id: string }>`INSERT INTO decision (decision_id, application_id,
          proposal_id, program_id, kind, outcome, entity, entity_id, monthly_amount_ntd, reasons, explanation,
          evidence, parameters, rules_version, proposed_by, decided_by, decided_at)
        SELECT r.decision_id, r.application_id, r.proposal_id, r.program_id, 'initial', 'approved', r.entity,
          r.entity_id, r.monthly_amount_ntd, '[]'::jsonb, r.explanation::jsonb, ${evidence}::jsonb,
          r.parameters::jsonb, ${version}, ${accounts.proposer}::uuid, ${accounts.decider}::uuid, ${decidedAt}
        FROM json_to_recordset(${JSON.stringify(decisions)}::json) AS r(decision_id uuid, application_id uuid,
          proposal_id uuid, program_id text, entity text, entity_id uuid, monthly_amount_ntd integer,
          explanation text, parameters text)
        RETURNING decision_id`.execute(trx);
      const granted = await grantEntitlementsOfDecisions(
        trx,
        written.rows.map((r) => r.decision_id),
        accounts.decider,
      );
      await trail.log.append(trx, trail.context, [
        {
          action: 'create',
          recordType: 'caseload',
          recordId: snapshot.snapshotId,
          details: {
            period,
            applications: chunk.length,
            decisions: written.rows.length,
            entitlements: granted.count,
            monthlyAmountNtd: granted.amountNtd,
          },
        },
      ]);
      summary.applications += chunk.length;
      summary.decisions += written.rows.length;
      summary.entitlements += granted.count;
      summary.monthlyAmountNtd += granted.amountNtd;
    });
    options.onProgress?.(Math.min(start + chunkSize, applicants.length), applicants.length);
  }
  // Hundreds of thousands of new rows: the planner's statistics of them, before the payment run reads them.
  await sql`ANALYZE application, application_program, proposal, decision, entitlement`.execute(db);
  return summary;
}
