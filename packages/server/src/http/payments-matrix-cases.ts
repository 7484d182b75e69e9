import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import type { AuditLog } from '../audit/audit-log.ts';
import { approvedDecision } from '../benefits/benefit-fixtures.ts';
import { grantEntitlements } from '../benefits/entitlements.ts';
import { runMonthlyPayments } from '../benefits/payment-run.ts';
import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/**
 * The payment and entitlement routes in the authorization matrix (authz-matrix.int.test.ts). Their records
 * are made by `setUpPaymentMatrix` in the matrix's world: the own household's living allowance (the own
 * district, the citizen's household, the program officer's program) and the other person's child
 * allowance (another district, another household, a program the officer does not run).
 */
const entitlements = { own: '', other: '' };
const overpayments = { own: '', other: '' };
const OWN_PROGRAM = 'low-income-living-allowance';
const OTHER_PROGRAM = 'low-income-child-allowance';
/** A payment id that does not exist (the routes answer 404 after authorization). */
const NO_PAYMENT = '00000000-0000-4000-8000-000000000000';

export async function setUpPaymentMatrix(
  database: Database,
  input: {
    own: { personId: string; householdId: string; district: string };
    other: { personId: string; householdId: string; district: string };
    clerkId: string;
    reviewerId: string;
    programOfficerId: string;
    log: AuditLog;
  },
): Promise<void> {
  await database.db
    .updateTable('account')
    .set({ programs: JSON.stringify([OWN_PROGRAM]) })
    .where('account_id', '=', input.programOfficerId)
    .execute();
  const world = {
    clerkId: input.clerkId,
    reviewerId: input.reviewerId,
    trail: {
      log: input.log,
      context: { actor: { ...ANONYMOUS, name: 'matrix-setup' }, ip: null, purpose: null },
    },
  };
  const own = await approvedDecision(database, world, {
    applicant: input.own.personId,
    householdId: input.own.householdId,
    district: input.own.district,
    program: OWN_PROGRAM,
    entity: 'household',
    entityId: input.own.householdId,
    monthlyAmountNtd: 12_000,
    period: '2024-01',
  });
  const other = await approvedDecision(database, world, {
    applicant: input.other.personId,
    householdId: input.other.householdId,
    district: input.other.district,
    program: OTHER_PROGRAM,
    entity: 'person',
    entityId: input.other.personId,
    monthlyAmountNtd: 3_000,
    period: '2024-01',
  });
  const [ownEntitlement, otherEntitlement] = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, [own, other], world.trail));
  entitlements.own = ownEntitlement!.entitlement_id;
  entitlements.other = otherEntitlement!.entitlement_id;
  // A month paid, and an overpayment of it for each (recovered by repayment, so no run deducts from it).
  await runMonthlyPayments(database, '2024-02', world.trail);
  for (const target of ['own', 'other'] as const) {
    const payment = await database.db
      .selectFrom('payment')
      .selectAll()
      .where('entitlement_id', '=', entitlements[target])
      .executeTakeFirstOrThrow();
    overpayments[target] = randomUUID();
    await database.db
      .insertInto('overpayment')
      .values({
        overpayment_id: overpayments[target],
        payment_id: payment.payment_id,
        entitlement_id: payment.entitlement_id!,
        program_id: payment.program_id,
        payee_person_id: payment.payee_person_id,
        district_code: payment.district_code,
        period: payment.period,
        amount_ntd: 1_000,
        reason: 'matrix',
        recovery: 'repayment',
      })
      .execute();
  }
}

export const PAYMENT_ROUTE_CASES: Record<string, RouteCase> = {
  'POST /payment-runs': { request: () => ({ url: '/payment-runs', body: { period: '2024-06' } }) },
  // Before or after the run above, depending on the order of the routes.
  'GET /payment-runs/:period': { request: () => ({ url: '/payment-runs/2024-06' }), alsoOk: [404] },
  'GET /payment-runs': { request: () => ({ url: '/payment-runs' }) },
  'GET /entitlements': { request: () => ({ url: '/entitlements' }) },
  'GET /entitlements/:id': {
    scoped: true,
    request: (_w, t) => ({ url: `/entitlements/${entitlements[t]}` }),
  },
  // The matrix's payees have no bank account: no file to make (409), or no run yet (404).
  'POST /payment-runs/:period/bank-file': {
    request: () => ({ url: '/payment-runs/2024-06/bank-file' }),
    alsoOk: [404, 409],
  },
  'POST /payment-runs/:period/returns': {
    request: () => ({ url: '/payment-runs/2024-06/returns', body: { csv: 'reference,status,reason\n' } }),
  },
  // No payment of the matrix was returned: nothing to send again (409); cancelling a pending one works.
  'POST /payment-runs/:period/payments/:id/retry': {
    request: () => ({ url: `/payment-runs/2024-06/payments/${NO_PAYMENT}/retry` }),
    alsoOk: [404],
  },
  'POST /payment-runs/:period/payments/:id/cancel': {
    request: () => ({ url: `/payment-runs/2024-06/payments/${NO_PAYMENT}/cancel` }),
    alsoOk: [404],
  },
  'GET /grants': { request: () => ({ url: '/grants' }) },
  // Far in the future, so no month the matrix pays is touched; a repeat is the same version (400/409).
  'POST /entitlements/:id/versions': {
    scoped: true,
    request: (_w, t) => ({
      url: `/entitlements/${entitlements[t]}/versions`,
      body: { fromMonth: '2031-01', lastMonth: '2031-12', reason: '矩陣測試' },
    }),
    alsoOk: [400, 409],
  },
  'GET /overpayments/:id': {
    scoped: true,
    request: (_w, t) => ({ url: `/overpayments/${overpayments[t]}` }),
  },
  'GET /overpayments/:id/notice.pdf': {
    scoped: true,
    request: (_w, t) => ({ url: `/overpayments/${overpayments[t]}/notice.pdf` }),
    alsoOk: [409],
  },
  // Once waived or repaid in full, the overpayment is closed: 409 for what comes after.
  'POST /overpayments/:id/repayments': {
    scoped: true,
    request: (_w, t) => ({ url: `/overpayments/${overpayments[t]}/repayments`, body: { amountNtd: 100 } }),
    alsoOk: [409],
  },
  'POST /overpayments/:id/waive': {
    scoped: true,
    request: (_w, t) => ({ url: `/overpayments/${overpayments[t]}/waive`, body: { reason: '矩陣測試' } }),
    alsoOk: [409],
  },
  'POST /overpayments/:id/recovery': {
    scoped: true,
    request: (_w, t) => ({ url: `/overpayments/${overpayments[t]}/recovery`, body: { method: 'repayment' } }),
    alsoOk: [409],
  },
};
