/**
 * Who is asking. Built once per request from a session, an API token or nobody, and passed to the
 * policies (policy.ts) and the scoped queries (scope.ts); nothing else decides what an actor may do.
 */

/** The roles of mission map §9, with what each one's work covers. */
export const ROLES = {
  citizen: { zh: '民眾', en: 'Citizen', covers: 'own household' },
  'district-clerk': { zh: '區公所承辦人', en: 'District clerk', covers: 'own district' },
  'program-officer': { zh: '業務承辦人', en: 'Program officer', covers: 'own programs' },
  reviewer: { zh: '審核人員', en: 'Reviewer', covers: 'own districts' },
  'social-worker': { zh: '社工', en: 'Social worker', covers: 'own caseload' },
  supervisor: { zh: '社工督導', en: 'Supervisor', covers: 'own team' },
  provider: { zh: '服務提供單位', en: 'Provider', covers: 'own facility and referrals' },
  statistician: { zh: '統計人員', en: 'Statistician', covers: 'aggregates only' },
  auditor: { zh: '稽核人員', en: 'Auditor', covers: 'audit log, personal data masked' },
  admin: { zh: '系統管理員', en: 'Administrator', covers: 'users and settings, no case content' },
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

/** What an API client's token may be used for (an agency's system, not a person). */
export const API_SCOPES = {
  'registry:read': '讀取戶籍與佐證資料 Read persons, households and evidence',
  'rules:read': '方案規則與試算 Programs, parameters and calculations',
  'statistics:read': '統計（不含個資） Aggregates, no personal data',
} as const;
export type ApiScope = keyof typeof API_SCOPES;

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(API_SCOPES, value);
}

interface ActorBase {
  /** The account or API client id; null for anonymous callers. */
  id: string | null;
  /** For the audit log: the username, the client's name or `anonymous`. */
  name: string;
}

export interface StaffActor extends ActorBase {
  kind: 'staff';
  id: string;
  role: Exclude<Role, 'citizen'>;
  /** District codes the account works in (clerks, reviewers). */
  districts: readonly string[];
  /** Catalog program ids the account is responsible for (program officers). */
  programs: readonly string[];
  /** The social-work team (social workers, supervisors). */
  teamId: string | null;
  /** On the protection intake team: sees reports not yet assigned. */
  intake: boolean;
  /** The facility a provider works for. */
  facilityRef: string | null;
}

export interface CitizenActor extends ActorBase {
  kind: 'citizen';
  id: string;
  role: 'citizen';
  /** The registry person the account is bound to. */
  personId: string;
}

export interface ClientActor extends ActorBase {
  kind: 'client';
  id: string;
  role: 'api-client';
  scopes: readonly ApiScope[];
  /** Districts whose records the client may read; empty: the whole city. */
  districts: readonly string[];
}

export interface AnonymousActor extends ActorBase {
  kind: 'anonymous';
  id: null;
  role: 'anonymous';
}

export type Actor = StaffActor | CitizenActor | ClientActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = {
  kind: 'anonymous',
  id: null,
  name: 'anonymous',
  role: 'anonymous',
};
