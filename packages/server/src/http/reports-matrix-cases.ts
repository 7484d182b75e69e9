import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/**
 * The reports routes in the authorization matrix (authz-matrix.int.test.ts). The work report is aggregates
 * of the whole city (no record of anyone's): one call, allowed to whoever holds statistics:read; the matrix
 * world's payments (payments-matrix-cases.ts, 2024) are in its period.
 */
export const REPORT_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /reports/half-year': {
    request: () => ({ url: '/reports/half-year?from=2024-01&to=2024-06&format=json' }),
  },
};

/** Records the reports routes need in the matrix's world (none of their own). */
export async function setUpReportMatrix(
  _database: Database,
  _input: { own: { district: string }; other: { district: string }; programOfficerId: string },
): Promise<void> {}
