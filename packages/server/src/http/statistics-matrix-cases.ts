import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/** The statistics routes in the authorization matrix (authz-matrix.int.test.ts). */
export const STATISTICS_ROUTE_CASES: Record<string, RouteCase> = {};

/** Records the statistics routes need in the matrix's world (none yet). */
export async function setUpStatisticsMatrix(
  _database: Database,
  _input: { own: { district: string }; other: { district: string }; programOfficerId: string },
): Promise<void> {}
