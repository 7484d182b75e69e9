import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/** The reports routes in the authorization matrix (authz-matrix.int.test.ts). */
export const REPORT_ROUTE_CASES: Record<string, RouteCase> = {};

/** Records the reports routes need in the matrix's world (none yet). */
export async function setUpReportMatrix(
  _database: Database,
  _input: { own: { district: string }; other: { district: string }; programOfficerId: string },
): Promise<void> {}
