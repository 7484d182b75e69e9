import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type CalculateResponse,
  calculate,
  EVENT_TYPES,
  type EventFacts,
  type ExplainedResult,
  type ParameterSet,
  type Population,
  PROGRAMS,
} from '@safetynet/rules';
import { caseOfHousehold } from '@safetynet/rules/engine/case-of';
import { sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import { EVIDENCE_TABLES } from '../registry/evidence-kinds.ts';
import { makeSnapshot } from '../rules/snapshot-store.ts';
import type { ApplicationRow } from './applications.ts';
import type { BenefitServices } from './benefit-services.ts';

/**
 * An application's programs evaluated by the rules on the household as the month's registry snapshot
 * holds it (household-programs.ts does the same for one household), with what each result rested on:
 * the explanation, the facts, the parameters and the rules' version — stored with the decision.
 */
export interface ProgramEvaluation {
  program: string;
  entity: 'person' | 'household';
  entityId: string;
  eligible: boolean | null;
  amountNtd: number | null;
  /** The conditions not met (or undetermined): a rejection's reasons. */
  failed: { code: string; reference: string; message: { zh: string; en: string } }[];
  /** The calculate answer for this program (its results and those it depends on). */
  explanation: ExplainedResult[];
  parameters: CalculateResponse['parameters'];
  evidence: unknown;
  rulesVersion: string;
  snapshotId: string;
}

const RULES_PACKAGE_VERSION: string = JSON.parse(
  readFileSync(new URL('../../../rules/package.json', import.meta.url), 'utf8'),
).version;

const versions = new WeakMap<ParameterSet, string>();
/** The rules package's version and a SHA-256 of the parameter set's content: `0.1.0+sha256:…`. */
export function rulesVersion(parameters: ParameterSet): string {
  let version = versions.get(parameters);
  if (version === undefined) {
    const content = JSON.stringify(parameters.ids().map((id) => parameters.get(id)));
    version = `${RULES_PACKAGE_VERSION}+sha256:${createHash('sha256').update(content).digest('hex')}`;
    versions.set(parameters, version);
  }
  return version;
}

function indexOf(population: Population, householdId: string): number {
  return population.households.id.indexOf(householdId);
}

const PERSON_TABLES = [
  'person_version',
  'household_membership',
  ...EVIDENCE_TABLES,
  'status_register',
] as const;

/**
 * Whether the registry learned anything about this household or its members after the snapshot was taken:
 * then the snapshot would not be what the registry now says of the month, and a new one is taken.
 */
async function staleFor(
  services: BenefitServices,
  snapshotId: string,
  householdId: string,
): Promise<boolean> {
  const members = sql`SELECT person_id FROM household_membership WHERE household_id = ${householdId}`;
  const after = sql`(SELECT created_at FROM population_snapshot WHERE snapshot_id = ${snapshotId})`;
  const checks = [
    sql`EXISTS (SELECT 1 FROM household_version WHERE household_id = ${householdId} AND recorded_at > ${after})`,
    sql`EXISTS (SELECT 1 FROM status_register WHERE household_id = ${householdId} AND recorded_at > ${after})`,
    ...PERSON_TABLES.map(
      (table) =>
        sql`EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE person_id IN (${members}) AND recorded_at > ${after})`,
    ),
  ];
  const { rows } = await sql<{ stale: boolean }>`SELECT (${sql.join(checks, sql` OR `)}) AS stale`.execute(
    services.database.db,
  );
  return rows[0]?.stale === true;
}

/** The events the application claims for, whom they concern filled in (the applicant, their household). */
function claimedEvents(application: ApplicationRow, householdId: string): EventFacts[] {
  const raw = (application as { events?: unknown }).events;
  const events = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as EventFacts[];
  return events.map((event) => {
    const spec = EVENT_TYPES[event.type as keyof typeof EVENT_TYPES];
    if (spec?.entity === 'household') return { household: householdId, ...event };
    return { person: application.applicant_person_id, ...event };
  });
}

/**
 * The person facts of what a capped subsidy already paid the applicant this year, from the ledger (the
 * registry has no such record): the rules then pay a claim up to what is left of the yearly cap.
 */
const PAID_THIS_YEAR: Record<string, string> = {
  'medical-subsidy': 'medicalSubsidyPaidThisYearNtd',
  'hospital-nursing-subsidy': 'nursingSubsidyPaidThisYearNtd',
  'special-circumstance-medical-subsidy': 'specialCircumstanceMedicalPaidThisYearNtd',
  'vulnerable-child-medical-subsidy': 'vulnerableChildMedicalPaidThisYearNtd',
};

async function paidThisYear(
  services: BenefitServices,
  application: ApplicationRow,
  persons: Record<string, Record<string, unknown>>,
) {
  const applicant = persons[application.applicant_person_id];
  if (!applicant) return;
  const year = application.period.slice(0, 4);
  const { rows } = await sql<{ program_id: string; amount: string }>`SELECT program_id,
      sum(amount_ntd)::text AS amount FROM payment
    WHERE payee_person_id = ${application.applicant_person_id}
      AND program_id IN (${sql.join(Object.keys(PAID_THIS_YEAR).map((p) => sql`${p}`))})
      AND period BETWEEN ${`${year}-01`} AND ${`${year}-12`}
      AND status NOT IN ('cancelled', 'returned', 'failed')
    GROUP BY program_id`.execute(services.database.db);
  // Only what was paid is written: with nothing paid the facts stay as the snapshot gave them.
  for (const row of rows) applicant[PAID_THIS_YEAR[row.program_id]!] = Number(row.amount);
}

export async function evaluateApplication(
  services: BenefitServices,
  application: ApplicationRow,
  programs: string[],
): Promise<ProgramEvaluation[]> {
  const householdId = application.household_id;
  if (!householdId)
    throw new ApiError(
      409,
      '申請人不屬任何家戶，無法審查',
      'the applicant belongs to no household to evaluate',
    );
  let { info, population } = await services.snapshots.population(application.period);
  let k = indexOf(population, householdId);
  if (k < 0 || (await staleFor(services, info.snapshotId, householdId))) {
    // The snapshot predates the household or a change to it: take the month again (the cache then holds
    // the newer one), so the proposal rests on what the registry holds now.
    await makeSnapshot(services.database, application.period);
    ({ info, population } = await services.snapshots.population(application.period));
    k = indexOf(population, householdId);
  }
  if (k < 0)
    throw new ApiError(
      409,
      `${application.period} 月底之戶籍中無此戶，無法審查`,
      `the household is not in the registry at the end of ${application.period}`,
    );
  // The events claimed are part of the evidence stored with the decision (none: as before, no key).
  const events = claimedEvents(application, householdId);
  const facts = { ...caseOfHousehold(population, k), ...(events.length ? { events } : {}) };
  await paidThisYear(services, application, facts.persons);
  const version = rulesVersion(services.parameters);
  return programs.map((program) => {
    const definition = PROGRAMS.get(program)!;
    const entity: 'person' | 'household' = definition.entity === 'household' ? 'household' : 'person';
    const entityId = entity === 'household' ? householdId : application.applicant_person_id;
    const response = calculate(
      { period: application.period, ...facts, programs: [program] },
      services.parameters,
    );
    const result = response.results.find(
      (r) => r.program === program && r.entity === entity && r.id === entityId,
    );
    const failed = (result?.reasons ?? [])
      .filter((reason) => reason.passed !== true)
      .map((reason) => ({
        code: reason.code,
        reference: reason.reference,
        message: { zh: reason.message.zh, en: reason.message.en },
      }));
    if (!result)
      failed.push({
        code: 'no-result',
        reference: '',
        message: {
          zh: '申請人不在此方案之適用對象',
          en: 'the applicant is not among those this program covers',
        },
      });
    return {
      program,
      entity,
      entityId,
      eligible: result?.eligible ?? false,
      amountNtd: result?.amountNtd ?? null,
      failed,
      // A plain copy: what is stored is exactly what a later read gives back.
      explanation: JSON.parse(JSON.stringify(response.results)),
      parameters: JSON.parse(JSON.stringify(response.parameters)),
      evidence: facts,
      rulesVersion: version,
      snapshotId: info.snapshotId,
    };
  });
}
