import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { Selectable } from 'kysely';
import { AuditLog, type AuditTrail } from '../audit/audit-log.ts';
import { auditChainKey } from '../audit/audit-verify.ts';
import type { Database } from '../db/database.ts';
import type { DecisionTable } from '../db/schema.ts';
import { addAccount } from '../http/test-clients.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { RegistryCommands } from '../registry/commands.ts';

/**
 * For tests: households with an application, a clerk's proposal and a reviewer's approved decision per
 * program, written directly (the application workflow is tested on its own), and an audit trail.
 */
export interface BenefitWorld {
  trail: AuditTrail;
  clerkId: string;
  reviewerId: string;
  commands: RegistryCommands;
}

export async function benefitWorld(database: Database, protector: IdProtector): Promise<BenefitWorld> {
  const clerk = await addAccount(database, protector, {
    username: `clerk-${randomUUID().slice(0, 8)}`,
    role: 'district-clerk',
    districts: ['64000080'],
  });
  const reviewer = await addAccount(database, protector, {
    username: `reviewer-${randomUUID().slice(0, 8)}`,
    role: 'reviewer',
    districts: ['64000080'],
  });
  return {
    trail: {
      log: new AuditLog(auditChainKey(protector)),
      context: { actor: { ...ANONYMOUS, name: 'benefits-test' }, ip: null, purpose: null },
    },
    clerkId: clerk.account_id,
    reviewerId: reviewer.account_id,
    commands: new RegistryCommands(database, protector),
  };
}

let serial = Math.floor(Math.random() * 9_000_000);

/** A household (applicant and one child) in a district; returns the ids. */
export async function household(world: BenefitWorld, district = '64000080') {
  const person = async () =>
    (
      await world.commands.recordPerson({
        idNumber: withCheckDigit(`E2${String(++serial % 10_000_000).padStart(7, '0')}`),
        name: '測試',
        sex: 'F',
        birthDate: '1980-01-01',
        registeredDistrictCode: district,
        source: 'test',
      })
    ).personId;
  const applicant = await person();
  const child = await person();
  const { householdId } = await world.commands.recordHousehold({
    districtCode: district,
    validFrom: '2020-01-01',
    members: [
      { personId: applicant, role: 'applicant' },
      { personId: child, role: 'child' },
    ],
    source: 'test',
  });
  return { applicant, child, householdId, district };
}

/** An approved decision for a program (household or person entity) with a monthly amount. */
export async function approvedDecision(
  database: Database,
  world: Pick<BenefitWorld, 'clerkId' | 'reviewerId'>,
  input: {
    applicant: string;
    householdId: string;
    district: string;
    program: string;
    entity: 'person' | 'household';
    entityId: string;
    monthlyAmountNtd: number | null;
    period: string;
    outcome?: 'approved' | 'rejected';
  },
): Promise<Selectable<DecisionTable>> {
  return database.db.transaction().execute(async (trx) => {
    const applicationId = randomUUID();
    await trx
      .insertInto('application')
      .values({
        application_id: applicationId,
        reference: `T-${applicationId.slice(0, 8)}`,
        channel: 'office',
        applicant_person_id: input.applicant,
        household_id: input.householdId,
        district_code: input.district,
        period: input.period,
        status: 'decided',
      })
      .execute();
    await trx
      .insertInto('application_program')
      .values({ application_id: applicationId, program_id: input.program })
      .execute();
    const proposalId = randomUUID();
    await trx
      .insertInto('proposal')
      .values({
        proposal_id: proposalId,
        application_id: applicationId,
        proposed_by: world.clerkId,
        proposed_at: new Date(),
        outcomes: JSON.stringify([{ program: input.program, outcome: input.outcome ?? 'approved' }]),
        status: 'decided',
      })
      .execute();
    return trx
      .insertInto('decision')
      .values({
        decision_id: randomUUID(),
        application_id: applicationId,
        proposal_id: proposalId,
        program_id: input.program,
        kind: 'initial',
        outcome: input.outcome ?? 'approved',
        entity: input.entity,
        entity_id: input.entityId,
        monthly_amount_ntd: input.monthlyAmountNtd,
        reasons: '[]',
        explanation: '{}',
        evidence: '{}',
        parameters: '{}',
        rules_version: 'test',
        proposed_by: world.clerkId,
        decided_by: world.reviewerId,
        decided_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
