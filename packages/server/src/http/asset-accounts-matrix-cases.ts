import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/**
 * The asset-building account routes in the authorization matrix (authz-matrix.int.test.ts): an account
 * held by the own person (the own district and caseload) and one by the other person, written as rows.
 * The matrix's persons are adults: opening for them is refused by the rules (422) and a children's account
 * takes no deposit past 18 (409), after authorization either way.
 */
const accounts = { own: '', other: '' };

export async function setUpAssetAccountMatrix(
  database: Database,
  input: {
    own: { personId: string; householdId: string; district: string };
    other: { personId: string; householdId: string; district: string };
    clerkId: string;
  },
): Promise<void> {
  for (const target of ['own', 'other'] as const) {
    const account_id = randomUUID();
    await database.db
      .insertInto('asset_account')
      .values({
        account_id,
        program_id: 'children-future-account',
        holder_person_id: input[target].personId,
        household_id: input[target].householdId,
        district_code: input[target].district,
        opened_on: '2024-01-02',
        opened_by: input.clerkId,
      })
      .execute();
    accounts[target] = account_id;
  }
}

let serial = 0;

export const ASSET_ACCOUNT_ROUTE_CASES: Record<string, RouteCase> = {
  'POST /asset-accounts': {
    scoped: true,
    request: (w, t) => ({
      url: '/asset-accounts',
      body: { holderPersonId: w[t].personId, programId: 'children-future-account', openedOn: '2024-06-03' },
    }),
    alsoOk: [409, 422],
  },
  'GET /asset-accounts': { request: () => ({ url: '/asset-accounts' }) },
  'GET /asset-accounts/follow-up': { request: () => ({ url: '/asset-accounts/follow-up?asOf=2024-12-31' }) },
  'GET /asset-accounts/:id': {
    scoped: true,
    request: (_w, t) => ({ url: `/asset-accounts/${accounts[t]}` }),
  },
  'POST /asset-accounts/:id/deposits': {
    scoped: true,
    request: (_w, t) => ({
      url: `/asset-accounts/${accounts[t]}/deposits`,
      body: { amountNtd: 1_000, depositedOn: '2024-06-03' },
      headers: { 'idempotency-key': `matrix-${Date.now().toString(36)}-${++serial}` },
    }),
    alsoOk: [409],
  },
  'GET /asset-accounts/:id/statement': {
    scoped: true,
    request: (_w, t) => ({ url: `/asset-accounts/${accounts[t]}/statement?year=2024` }),
  },
  'GET /asset-accounts/:id/statement.pdf': {
    scoped: true,
    request: (_w, t) => ({ url: `/asset-accounts/${accounts[t]}/statement.pdf?year=2024` }),
  },
  // Closing twice conflicts.
  'POST /asset-accounts/:id/close': {
    scoped: true,
    request: (_w, t) => ({
      url: `/asset-accounts/${accounts[t]}/close`,
      body: { reason: '矩陣測試', closedOn: '2024-12-31' },
    }),
    alsoOk: [409],
  },
};
