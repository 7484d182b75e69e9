import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/**
 * The statistics routes in the authorization matrix (authz-matrix.int.test.ts). They read aggregates of
 * whatever payments the matrix's world holds (those setUpPaymentMatrix makes), in every format: a figure is
 * the same for whoever may read it, so no case is scoped. The open-data file is public.
 */
const period = 'from=2024-01&to=2024-06';

export const STATISTICS_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /statistics/months': { request: () => ({ url: '/statistics/months' }) },
  'GET /statistics/trend': {
    request: () => ({ url: `/statistics/trend?${period}&programs=low-income-living-allowance&format=csv` }),
  },
  'GET /statistics/districts': {
    request: () => ({
      url: `/statistics/districts?${period}&program=low-income-living-allowance&format=svg`,
    }),
  },
  'GET /statistics/age-sex': {
    request: () => ({ url: `/statistics/age-sex?${period}&format=xlsx` }),
  },
  'GET /open-data/recipients.csv': { request: () => ({ url: `/open-data/recipients.csv?${period}` }) },
};

/** Records the statistics routes need in the matrix's world: none of their own. */
export async function setUpStatisticsMatrix(
  _database: Database,
  _input: { own: { district: string }; other: { district: string }; programOfficerId: string },
): Promise<void> {}
