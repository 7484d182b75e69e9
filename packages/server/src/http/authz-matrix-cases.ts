import type { Actor } from '@safetynet/core/authz/actor';
import { ASSET_ACCOUNT_ROUTE_CASES } from './asset-accounts-matrix-cases.ts';
import { BUDGET_ROUTE_CASES } from './budget-matrix-cases.ts';
import { CERTIFICATE_ROUTE_CASES } from './certificates-matrix-cases.ts';
import { PAYMENT_ROUTE_CASES } from './payments-matrix-cases.ts';
import { REPORT_ROUTE_CASES } from './reports-matrix-cases.ts';
import { REVIEW_ROUTE_CASES } from './reviews-matrix-cases.ts';
import { STATISTICS_ROUTE_CASES } from './statistics-matrix-cases.ts';

/**
 * For the authorization matrix (authz-matrix.int.test.ts): how to call each route on a record of the
 * caller's own reach and on one outside it, with a valid request, so that only authorization can refuse it.
 * Expectations are derived from the policies; a case only names its exceptions.
 */
export type Target = 'own' | 'other';

interface Records {
  personId: string;
  householdId: string;
  /** A membership that can be ended from a future date (the member stays a member today). */
  membershipId: string;
  caseId: string;
  district: string;
  /** A submitted application of the household (to read, add to, propose on and decide). */
  applicationId: string;
  /** Another submitted one, to withdraw. */
  withdrawableId: string;
  /** A decision on a decided application of the household. */
  decisionId: string;
  /** A decision (by another reviewer than the matrix's) to appeal. */
  appealableDecisionId: string;
  /** A filed appeal on such a decision, to decide. */
  appealId: string;
}

export interface MatrixWorld {
  own: Records;
  other: Records;
  /** A person in no household of the city, to add as a member. */
  sparePersonId: string;
  /** A caseload assignment the matrix may end (not the one that gives the worker their records). */
  spareAssignmentId: string;
  workerId: string;
  providerAccountId: string;
  revocableClientId: string;
  signInUsername: string;
  signInPassword: string;
}

export interface RouteCase {
  request(
    world: MatrixWorld,
    target: Target,
  ): { url: string; body?: unknown; headers?: Record<string, string> };
  /** The route acts on a record: call it on the own and the other one (other: refused by default). */
  scoped?: boolean;
  /** Exceptions to "allowed on own records, refused on others" for callers holding the permission. */
  expect?(actor: Actor, target: Target): 'ok' | 'deny' | undefined;
  /** Statuses that count as allowed besides 2xx and 3xx (a repeat that conflicts, a feature turned off). */
  alsoOk?: number[];
  /** Use a session of its own (the route ends it). */
  freshSession?: boolean;
}

let serial = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`;
const person = (w: MatrixWorld, t: Target) => w[t].personId;
const household = (w: MatrixWorld, t: Target) => w[t].householdId;
const since = '2024-01-01';

const evidence = (kind: string, fields: Record<string, unknown>): RouteCase => ({
  scoped: true,
  request: (w, t) => ({
    url: `/persons/${person(w, t)}/evidence/${kind}`,
    body: { validFrom: since, ...fields },
  }),
});

const citizensOnly = (actor: Actor) => (actor.kind === 'citizen' ? undefined : 'deny');

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /health': { request: () => ({ url: '/health' }) },
  'GET /districts': { request: () => ({ url: '/districts' }) },
  'GET /persons': { request: () => ({ url: '/persons?pageSize=5' }) },
  'GET /persons/:id': { scoped: true, request: (w, t) => ({ url: `/persons/${person(w, t)}` }) },
  'GET /persons/:id/history': {
    scoped: true,
    request: (w, t) => ({ url: `/persons/${person(w, t)}/history` }),
  },
  'GET /persons/:id/id-number': {
    scoped: true,
    request: (w, t) => ({ url: `/persons/${person(w, t)}/id-number`, headers: { 'x-purpose': '核對身分' } }),
  },
  'POST /persons': {
    scoped: true,
    request: (w, t) => ({
      url: '/persons',
      body: {
        idNumber: t === 'own' ? 'E123456783' : 'S123456780',
        name: '新登錄',
        sex: 'M',
        birthDate: '1990-01-01',
        registeredDistrictCode: w[t].district,
      },
    }),
  },
  'POST /persons/:id/changes': {
    scoped: true,
    request: (w, t) => ({
      url: `/persons/${person(w, t)}/changes`,
      body: { validFrom: '2020-01-01', source: 'matrix' },
    }),
  },
  'POST /persons/:id/evidence/income': evidence('income', { incomeType: 'earned', monthlyAmountNtd: 1000 }),
  'POST /persons/:id/evidence/property': evidence('property', {
    propertyKind: 'movable',
    propertyType: 'deposit',
    valueNtd: 1000,
  }),
  'POST /persons/:id/evidence/disability': evidence('disability', { level: 'mild', icfCategory: 1 }),
  'POST /persons/:id/evidence/school': evidence('school', { schoolLevel: 'elementary' }),
  'POST /persons/:id/evidence/tax-bracket': evidence('tax-bracket', { taxYear: 2023, marginalRatePct: 5 }),
  'POST /persons/:id/evidence/work-ability': evidence('work-ability', { ableToWork: true, reason: 'able' }),
  'POST /persons/:id/evidence/placement': evidence('placement', { placementType: 'foster_family' }),
  'POST /persons/:id/evidence/insurance': evidence('insurance', { scheme: 'nhi', monthlyPremiumNtd: 826 }),
  'PUT /persons/:id/bank-account': {
    scoped: true,
    request: (w, t) => ({
      url: `/persons/${person(w, t)}/bank-account`,
      body: { bankCode: '700', branchCode: '0021', account: '00212345678901' },
    }),
  },
  'GET /households': { request: () => ({ url: '/households?pageSize=5' }) },
  'GET /households/:id': { scoped: true, request: (w, t) => ({ url: `/households/${household(w, t)}` }) },
  'GET /households/:id/history': {
    scoped: true,
    request: (w, t) => ({ url: `/households/${household(w, t)}/history` }),
  },
  'GET /households/:id/programs': {
    scoped: true,
    request: (w, t) => ({
      url: `/households/${household(w, t)}/programs?period=2024-06&programs=low-income-status`,
    }),
  },
  'POST /households': {
    scoped: true,
    request: (w, t) => ({
      url: '/households',
      body: {
        districtCode: w[t].district,
        validFrom: since,
        members: [{ personId: w.sparePersonId, role: 'applicant' }],
      },
    }),
  },
  'POST /households/:id/members': {
    scoped: true,
    request: (w, t) => ({
      url: `/households/${household(w, t)}/members`,
      body: { personId: w.sparePersonId, role: 'other', validFrom: since },
    }),
  },
  'POST /households/:id/members/:membershipId/end': {
    scoped: true,
    request: (w, t) => ({
      url: `/households/${household(w, t)}/members/${w[t].membershipId}/end`,
      body: { validTo: '2099-01-01' },
    }),
  },
  'GET /me/household': { request: () => ({ url: '/me/household' }), expect: citizensOnly },
  'POST /calculate': {
    request: () => ({
      url: '/calculate',
      body: {
        period: '2024-06',
        persons: { p1: { birthDate: '1950-01-01' } },
        households: { h1: { members: { p1: 'applicant' }, districtCode: '64000080' } },
        programs: ['senior-living-allowance'],
      },
    }),
    alsoOk: [400],
  },
  'GET /programs': { request: () => ({ url: '/programs' }) },
  'GET /programs/:id': { request: () => ({ url: '/programs/low-income-status' }) },
  'GET /parameters': { request: () => ({ url: '/parameters' }) },
  'GET /parameters/:id': { request: () => ({ url: '/parameters/social-assistance.minimum-living-cost' }) },
  'POST /simulate': {
    request: () => ({
      url: '/simulate',
      body: {
        period: '2024-06',
        overrides: [{ id: 'social-assistance.minimum-living-cost', factorPercent: 5 }],
        programs: ['low-income-status'],
      },
    }),
  },
  'POST /session': {
    request: (w) => ({ url: '/session', body: { username: w.signInUsername, password: w.signInPassword } }),
  },
  'GET /session': { request: () => ({ url: '/session' }) },
  'DELETE /session': { request: () => ({ url: '/session' }), freshSession: true },
  // A wrong current password: allowed through to the handler, which refuses it (400), nothing changes.
  'PUT /session/password': {
    request: () => ({
      url: '/session/password',
      body: { currentPassword: 'not-it', newPassword: 'another-long-pass' },
    }),
    alsoOk: [400],
  },
  'GET /session/oidc/login': { request: () => ({ url: '/session/oidc/login' }), alsoOk: [404] },
  'GET /session/oidc/callback': {
    request: () => ({ url: '/session/oidc/callback?code=x&state=y' }),
    alsoOk: [400, 404],
  },
  'GET /accounts': { request: () => ({ url: '/accounts' }) },
  'POST /accounts': {
    request: () => ({
      url: '/accounts',
      body: {
        username: unique('acct'),
        displayName: '新帳號',
        role: 'statistician',
        password: 'a-long-enough-pass',
      },
    }),
  },
  'PATCH /accounts/:id': {
    request: (w) => ({ url: `/accounts/${w.providerAccountId}`, body: { displayName: '服務單位' } }),
  },
  'GET /teams': { request: () => ({ url: '/teams' }) },
  'POST /teams': {
    request: () => ({ url: '/teams', body: { id: unique('team'), nameZh: '新組', nameEn: 'New team' } }),
  },
  'GET /api-clients': { request: () => ({ url: '/api-clients' }) },
  'POST /api-clients': {
    request: () => ({
      url: '/api-clients',
      body: { name: unique('client'), scopes: ['rules:read'], districts: ['64000080'] },
    }),
  },
  'DELETE /api-clients/:id': {
    request: (w) => ({ url: `/api-clients/${w.revocableClientId}` }),
    alsoOk: [409],
  },
  'GET /caseloads': { request: () => ({ url: '/caseloads' }) },
  // Once only, on the household already assigned (idempotent): putting the other household on the
  // caseload would widen the worker's reach for the rest of the matrix.
  'POST /caseloads': {
    request: (w) => ({ url: '/caseloads', body: { householdId: w.own.householdId, workerId: w.workerId } }),
  },
  'POST /caseloads/:assignmentId/end': {
    request: (w) => ({ url: `/caseloads/${w.spareAssignmentId}/end` }),
    alsoOk: [409],
  },
  'GET /alerts': { request: () => ({ url: '/alerts' }) },
  'GET /audit': { request: () => ({ url: '/audit?limit=5' }) },
  'GET /audit/verify': { request: () => ({ url: '/audit/verify' }) },
  'POST /protection-cases': {
    request: (w) => ({
      url: '/protection-cases',
      body: { kind: 'child', districtCode: w.own.district, summary: '通報' },
    }),
  },
  'GET /protection-cases': { request: () => ({ url: '/protection-cases' }) },
  'GET /protection-cases/:id': {
    scoped: true,
    request: (w, t) => ({ url: `/protection-cases/${w[t].caseId}` }),
  },
  'POST /protection-cases/:id/assign': {
    scoped: true,
    request: (w, t) => ({ url: `/protection-cases/${w[t].caseId}/assign`, body: { workerId: w.workerId } }),
    alsoOk: [409],
  },
  // Closing: the assigned worker or their supervisor; closing again conflicts.
  'POST /protection-cases/:id/close': {
    scoped: true,
    request: (w, t) => ({ url: `/protection-cases/${w[t].caseId}/close`, body: {} }),
    alsoOk: [409],
  },
  'POST /applications': {
    scoped: true,
    request: (w, t) => ({
      url: '/applications',
      body: { applicantPersonId: person(w, t), programs: ['low-income-status'], period: '2024-06' },
    }),
  },
  'GET /applications': { request: () => ({ url: '/applications?overdue=true' }) },
  'GET /applications/:id': {
    scoped: true,
    request: (w, t) => ({ url: `/applications/${w[t].applicationId}` }),
  },
  'POST /applications/:id/documents': {
    scoped: true,
    request: (w, t) => ({
      url: `/applications/${w[t].applicationId}/documents`,
      body: { kind: 'income-statement', description: '薪資證明' },
    }),
    alsoOk: [409],
  },
  'POST /applications/:id/withdraw': {
    scoped: true,
    request: (w, t) => ({ url: `/applications/${w[t].withdrawableId}/withdraw`, body: {} }),
    alsoOk: [409],
  },
  // Approved with a note: allowed whatever the rules find; once proposed, a second proposal conflicts.
  'POST /applications/:id/proposal': {
    scoped: true,
    request: (w, t) => ({
      url: `/applications/${w[t].applicationId}/proposal`,
      body: { outcomes: [{ program: 'low-income-status', outcome: 'approved' }], note: '矩陣測試' },
    }),
    alsoOk: [409],
  },
  'POST /applications/:id/decision': {
    scoped: true,
    request: (w, t) => ({ url: `/applications/${w[t].applicationId}/decision`, body: {} }),
    alsoOk: [409],
  },
  'GET /decisions/:id': { scoped: true, request: (w, t) => ({ url: `/decisions/${w[t].decisionId}` }) },
  'GET /decisions/:id/notice.pdf': {
    scoped: true,
    request: (w, t) => ({ url: `/decisions/${w[t].decisionId}/notice.pdf` }),
  },
  // Appealing again, or deciding a decided appeal, conflicts.
  'POST /decisions/:id/appeal': {
    scoped: true,
    request: (w, t) => ({
      url: `/decisions/${w[t].appealableDecisionId}/appeal`,
      body: { grounds: '矩陣測試' },
    }),
    alsoOk: [409],
  },
  'POST /appeals/:id/decision': {
    scoped: true,
    request: (w, t) => ({ url: `/appeals/${w[t].appealId}/decision`, body: { outcome: 'upheld' } }),
    alsoOk: [409],
  },
  'GET /appeals': { request: () => ({ url: '/appeals' }) },
  // Break-glass is for the cases one has no other access to: allowed on any, with a reason.
  'POST /protection-cases/:id/break-glass': {
    scoped: true,
    request: (w, t) => ({
      url: `/protection-cases/${w[t].caseId}/break-glass`,
      body: { reason: '兒少緊急安置，需確認過往通報紀錄' },
    }),
    expect: () => 'ok',
  },
  // A move out of the city after the matrix's payment month: ends the own household's allowance from
  // 2025 on, so no month the matrix pays is touched; a repeat changes nothing.
  'POST /life-events': {
    scoped: true,
    request: (w, t) => ({
      url: '/life-events',
      body: { kind: 'moved-out', personId: person(w, t), effectiveDate: '2024-12-15' },
    }),
  },
  'GET /overpayments': { request: () => ({ url: '/overpayments' }) },
  ...PAYMENT_ROUTE_CASES,
  ...REVIEW_ROUTE_CASES,
  ...ASSET_ACCOUNT_ROUTE_CASES,
  ...CERTIFICATE_ROUTE_CASES,
  ...REPORT_ROUTE_CASES,
  ...BUDGET_ROUTE_CASES,
  ...STATISTICS_ROUTE_CASES,
};
