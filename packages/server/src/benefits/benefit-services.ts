import type { Actor } from '@safetynet/core/authz/actor';
import type { Permission } from '@safetynet/core/authz/policy';
import { type RecordReach, reaches, registryScope } from '@safetynet/core/authz/scope';
import type { ParameterSet } from '@safetynet/rules';
import type { Kysely } from 'kysely';
import { outOfScope } from '../api-error.ts';
import type { AuditContext, AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { SnapshotCache } from '../rules/snapshot-store.ts';

/** One decision as written, for whoever acts on it in the same transaction (entitlements). */
export interface DecisionWritten {
  decisionId: string;
  applicationId: string;
  programId: string;
  outcome: 'approved' | 'rejected';
  entity: 'person' | 'household';
  entityId: string;
  monthlyAmountNtd: number | null;
  period: string;
  districtCode: string;
  applicantPersonId: string;
}

/** Called after a decision's rows are written, inside its transaction: a failure undoes the decision. */
/** What follows a decision in its transaction (entitlements from approvals), with the request's audit context. */
export type OnDecided = (
  trx: Kysely<Schema>,
  decisions: DecisionWritten[],
  audit: AuditContext,
) => Promise<void>;

/** What the application and decision commands work with. */
export interface BenefitServices {
  database: Database;
  audit: AuditLog;
  parameters: ParameterSet;
  snapshots: SnapshotCache;
  now: () => Date;
  onDecided: OnDecided;
}

/** Who acts: the actor and the audit context of their request. */
export interface Acting {
  actor: Actor;
  audit: AuditContext;
}

export const todayOf = (services: Pick<BenefitServices, 'now'>) => services.now().toISOString().slice(0, 10);

/** Refuses (403, written to the audit log) unless the actor's scope reaches the record. */
export async function mustReach(
  services: BenefitServices,
  who: Acting,
  permission: Permission,
  reach: RecordReach,
  recordType: string,
  recordId: string,
): Promise<void> {
  if (reaches(registryScope(who.actor, permission), reach)) return;
  await services.audit.appendAlone(services.database.db, who.audit, [
    { action: 'denied', recordType, recordId, details: { policy: permission } },
  ]);
  throw outOfScope();
}
