import type { Actor, ApiScope, Role } from './actor.ts';

/**
 * Every permission the API knows, and who holds it. Deny by default: a permission nobody is allowed here
 * is refused to everyone, and a route must name its permission (the server refuses to start otherwise).
 *
 * A permission is the role-level question ("may a district clerk read persons at all?"). Which records
 * (the clerk's district, the worker's caseload, the citizen's household) is answered by scope.ts, in the
 * same terms for a single record and for a list query.
 */
export const PERMISSIONS = {
  'public:read': '公開資訊（健康檢查、行政區） Public information (health, districts)',
  'rules:read': '方案、參數與試算 Programs, parameters and calculations (no personal data stored)',
  'session:self': '自己的登入與密碼 One\u2019s own session and password',
  'registry:search': '搜尋個人與戶 Search persons and households',
  'registry:read': '讀取個人、戶與佐證 Read a person, a household and their evidence',
  'registry:write': '登錄與異動戶籍與佐證 Record persons, households and evidence',
  'id-number:reveal': '檢視完整身分證號（留存紀錄） See a full ID number (logged)',
  'eligibility:read': '讀取某戶的方案資格 Read a household\u2019s program eligibility',
  'statistics:read': '統計與試算（不含個資） Aggregates and simulations, no personal data',
  'accounts:manage': '帳號管理 Manage accounts',
  'api-clients:manage': '介接系統管理 Manage API clients',
  'audit:read': '查閱稽核紀錄（個資遮蔽） Read the audit log, personal data masked',
  'audit:verify': '驗證稽核紀錄鏈 Verify the audit log\u2019s hash chain',
  'alerts:read': '安全警示 Security alerts',
  'protection:report': '保護案件通報 Report a protection case',
  'protection:list': '保護案件列表（依知悉需要） List protection cases, need-to-know',
  'protection:read': '讀取保護案件（依知悉需要） Read a protection case, need-to-know',
  'protection:assign': '指派保護案件 Assign a protection case',
  'protection:break-glass': '緊急調閱保護案件（須敘明理由） Break-glass access to a protection case',
  'caseload:assign': '指派個案量 Assign households to a caseload',
  'reviews:run': '執行年度調查 Run the annual review of every entitlement in force',
  'reviews:read': '讀取年度調查結果與通知書 Read the annual review, its items and their notices',
  'reviews:confirm': '確認年度調查結果（本區） Confirm the annual review’s items of one’s districts',
  'applications:create':
    '提出申請（民眾線上、區公所臨櫃） File an application (online, or at a district office)',
  'applications:read': '讀取申請與決定 Read applications and their decisions',
  'applications:propose': '擬辦（初審） Propose the outcome of an application',
  'applications:decide': '核定（複審，不得為擬辦者） Decide an application (not its proposer)',
  'entitlements:read': '讀取給付資格與撥款 Read entitlements and payments',
  'payments:run': '執行每月撥款 Run a month’s payments',
  'entitlements:change':
    '變更給付資格（新版本，本區） Change an entitlement of one’s districts (a new version)',
  'overpayments:manage':
    '追回溢領：登錄繳回、變更追回方式（本區） Recover overpayments: record repayments, choose deduction or repayment',
  'overpayments:waive': '註銷溢領（本區複審） Waive an overpayment (a reviewer of the district)',
  'asset-accounts:read':
    '讀取脫貧儲蓄帳戶、對帳單與未存款追蹤名單 Read asset-building accounts, statements and the follow-up list',
  'asset-accounts:write':
    '開立、存款與結清脫貧儲蓄帳戶 Open asset-building accounts, record deposits, close them',
  'certificates:self':
    '申請與下載自己的資格證明書 Issue, list and download one\u2019s own eligibility certificates',
  'certificates:revoke':
    '撤銷資格證明書（本人或本區承辦人） Revoke an eligibility certificate (its holder, or a clerk of its district)',
  'budget:write': '編列與修正年度施政計畫預算 Enter and amend the annual plan’s budget per program',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_IDS = Object.keys(PERMISSIONS) as Permission[];

type Holder = (actor: Actor) => boolean;

const everyone: Holder = () => true;
const signedIn: Holder = (actor) => actor.kind === 'staff' || actor.kind === 'citizen';
const roles =
  (...allowed: Role[]): Holder =>
  (actor) =>
    actor.kind !== 'anonymous' && actor.kind !== 'client' && (allowed as string[]).includes(actor.role);
const clientWith =
  (scope: ApiScope): Holder =>
  (actor) =>
    actor.kind === 'client' && actor.scopes.includes(scope);
const intakeTeam: Holder = (actor) => actor.kind === 'staff' && actor.intake;
const any =
  (...holders: Holder[]): Holder =>
  (actor) =>
    holders.some((holder) => holder(actor));

/** Who holds each permission: the one table to read when asking "who may do this?". */
const POLICY: Record<Permission, Holder> = {
  'public:read': everyone,
  'rules:read': everyone,
  'session:self': signedIn,
  'registry:search': any(
    roles('district-clerk', 'reviewer', 'social-worker', 'supervisor'),
    clientWith('registry:read'),
  ),
  'registry:read': any(
    roles('citizen', 'district-clerk', 'reviewer', 'social-worker', 'supervisor'),
    clientWith('registry:read'),
  ),
  'registry:write': roles('district-clerk'),
  'id-number:reveal': roles('district-clerk', 'reviewer', 'social-worker', 'supervisor'),
  'eligibility:read': roles('citizen', 'district-clerk', 'reviewer', 'social-worker', 'supervisor'),
  'statistics:read': any(roles('program-officer', 'statistician'), clientWith('statistics:read')),
  'accounts:manage': roles('admin'),
  'api-clients:manage': roles('admin'),
  'audit:read': roles('auditor'),
  'audit:verify': roles('auditor', 'admin'),
  'alerts:read': roles('auditor', 'supervisor', 'admin'),
  'protection:report': roles(
    'district-clerk',
    'reviewer',
    'program-officer',
    'social-worker',
    'supervisor',
    'provider',
  ),
  'protection:list': any(roles('social-worker', 'supervisor'), intakeTeam),
  'protection:read': any(roles('social-worker', 'supervisor'), intakeTeam),
  'protection:assign': roles('supervisor'),
  'protection:break-glass': roles('social-worker', 'supervisor'),
  'caseload:assign': roles('supervisor'),
  // The annual review: run by a program officer, read within the same reach as entitlements (a clerk or
  // reviewer their districts, an officer their programs), confirmed by the district's clerks.
  'reviews:run': roles('program-officer'),
  'reviews:read': roles('district-clerk', 'reviewer', 'program-officer'),
  'reviews:confirm': roles('district-clerk'),
  // Applications are scoped like the registry (scope.ts): a clerk or reviewer their districts, a citizen
  // their own household; program officers see the entitlements and payments of their own programs.
  'applications:create': roles('citizen', 'district-clerk'),
  'applications:read': roles('citizen', 'district-clerk', 'reviewer'),
  'applications:propose': roles('district-clerk'),
  'applications:decide': roles('reviewer'),
  'entitlements:read': roles('citizen', 'district-clerk', 'reviewer', 'program-officer'),
  'payments:run': roles('program-officer'),
  // Scoped like entitlements (entitlementReachSql): the clerk changes and recovers, a reviewer waives.
  'entitlements:change': roles('district-clerk'),
  'overpayments:manage': roles('district-clerk'),
  'overpayments:waive': roles('reviewer'),
  // Asset-building accounts are scoped like the registry: a clerk their districts, a social worker or
  // supervisor their caseload (the six-month follow-up is theirs).
  'asset-accounts:read': roles('district-clerk', 'social-worker', 'supervisor'),
  'asset-accounts:write': roles('district-clerk'),
  // Eligibility certificates (資格證明書): a citizen's own; the district's clerk may revoke one. Checking a
  // certificate by its code is public:read.
  'certificates:self': roles('citizen'),
  'certificates:revoke': roles('citizen', 'district-clerk'),
  // The annual plan's budget (施政計畫與預算): entered by a program officer; read, with the reports and
  // statistics built from payments, under statistics:read (aggregates, no personal data).
  'budget:write': roles('program-officer'),
};

/** May this actor do this kind of thing at all? (Which records: scope.ts.) */
export function permits(actor: Actor, permission: Permission): boolean {
  const holder = POLICY[permission];
  return holder?.(actor) === true;
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
