import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/** The budget routes in the authorization matrix (authz-matrix.int.test.ts). */
export const BUDGET_ROUTE_CASES: Record<string, RouteCase> = {};

/** Records the budget routes need in the matrix's world (none yet). */
export async function setUpBudgetMatrix(
  _database: Database,
  _input: { own: { district: string }; other: { district: string }; programOfficerId: string },
): Promise<void> {}
