import type { Actor } from './actor.ts';
import { type Permission, permits } from './policy.ts';

/**
 * Which registry records an actor reaches. One description serves both the single-record check
 * (`reaches`) and the list queries (the server turns it into SQL), so a search can never show a record
 * that opening it would refuse, or the other way round.
 */
export type RegistryScope =
  | { kind: 'all' }
  | { kind: 'districts'; districts: readonly string[] }
  /** Households assigned to these workers, or to any worker of this team, and their members. */
  | { kind: 'caseload'; workerId: string | null; teamId: string | null }
  /** The households this person belongs to, and their members. */
  | { kind: 'household-of'; personId: string }
  | { kind: 'none' };

/**
 * What a record is attached to today: for a person, their registered and residence districts and their
 * households' districts, caseload workers and members (themselves included); for a household, its own.
 */
export interface RecordReach {
  districts: readonly string[];
  caseloadWorkerIds: readonly string[];
  caseloadTeamIds: readonly string[];
  memberPersonIds: readonly string[];
}

/** The registry records `permission` reaches for this actor (none when the permission is not held). */
export function registryScope(actor: Actor, permission: Permission): RegistryScope {
  if (!permits(actor, permission)) return { kind: 'none' };
  switch (actor.kind) {
    case 'citizen':
      return { kind: 'household-of', personId: actor.personId };
    case 'client':
      return actor.districts.length === 0
        ? { kind: 'all' }
        : { kind: 'districts', districts: actor.districts };
    case 'staff':
      switch (actor.role) {
        case 'district-clerk':
        case 'reviewer':
          return actor.districts.length === 0
            ? { kind: 'none' }
            : { kind: 'districts', districts: actor.districts };
        case 'social-worker':
          return { kind: 'caseload', workerId: actor.id, teamId: null };
        case 'supervisor':
          return actor.teamId
            ? { kind: 'caseload', workerId: actor.id, teamId: actor.teamId }
            : { kind: 'caseload', workerId: actor.id, teamId: null };
        default:
          return { kind: 'none' };
      }
    default:
      return { kind: 'none' };
  }
}

export function reaches(scope: RegistryScope, record: RecordReach): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'districts':
      return record.districts.some((code) => scope.districts.includes(code));
    case 'caseload':
      return (
        (scope.workerId !== null && record.caseloadWorkerIds.includes(scope.workerId)) ||
        (scope.teamId !== null && record.caseloadTeamIds.includes(scope.teamId))
      );
    case 'household-of':
      return record.memberPersonIds.includes(scope.personId);
  }
}

/** A protection case as the need-to-know rule sees it. */
export interface ProtectionCaseReach {
  status: 'reported' | 'assigned' | 'closed';
  assignedWorkerId: string | null;
  /** The assigned worker's team (their supervisor's). */
  assignedTeamId: string | null;
  /** The end of this actor's break-glass grant on the case, if any. */
  breakGlassUntil: Date | null;
}

export type ProtectionAccess = 'assigned' | 'supervisor' | 'intake' | 'break-glass';

/**
 * 保護個案資料依「知悉需要」: the assigned worker, their supervisor, the intake team while the report is
 * new, or someone holding an unexpired break-glass grant. Returns why access is granted, or null.
 */
export function protectionAccess(
  actor: Actor,
  record: ProtectionCaseReach,
  now: Date,
): ProtectionAccess | null {
  if (actor.kind !== 'staff' || !permits(actor, 'protection:read')) return null;
  if (record.assignedWorkerId === actor.id) return 'assigned';
  if (actor.role === 'supervisor' && actor.teamId !== null && record.assignedTeamId === actor.teamId)
    return 'supervisor';
  if (actor.intake && record.status === 'reported') return 'intake';
  if (record.breakGlassUntil !== null && record.breakGlassUntil.getTime() > now.getTime())
    return 'break-glass';
  return null;
}
