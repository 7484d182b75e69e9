import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/**
 * The budget routes in the authorization matrix (authz-matrix.int.test.ts): a 2023 plan of one line
 * (written as rows) to read, copy, add a line to and amend.
 * Only the program officer writes; reading is every holder of statistics:read.
 */
const plan = { year: 2023, lineId: '' };

export async function setUpBudgetMatrix(
  database: Database,
  input: { own: { district: string }; other: { district: string }; programOfficerId: string },
): Promise<void> {
  plan.lineId = randomUUID();
  await database.db
    .insertInto('budget_plan')
    .values({
      plan_year: plan.year,
      source: 'matrix',
      created_by: input.programOfficerId,
      created_by_name: 'matrix',
    })
    .execute();
  await database.db
    .insertInto('budget_line')
    .values({
      line_id: plan.lineId,
      plan_year: plan.year,
      position: 1,
      category: '參、社會救助',
      item: '貧困及災害救助',
      budget_thousand_ntd: 1_000,
    })
    .execute();
  await database.db
    .insertInto('budget_line_program')
    .values({ plan_year: plan.year, program_id: 'low-income-living-allowance', line_id: plan.lineId })
    .execute();
  await database.db
    .insertInto('budget_line_amendment')
    .values({
      amendment_id: randomUUID(),
      line_id: plan.lineId,
      version: 1,
      budget_thousand_ntd: 1_000,
      program_ids: JSON.stringify(['low-income-living-allowance']),
      reason: 'matrix',
      amended_by: input.programOfficerId,
      amended_by_name: 'matrix',
    })
    .execute();
}

export const BUDGET_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /budget-plans': { request: () => ({ url: '/budget-plans' }) },
  'GET /budget-plans/:year': { request: () => ({ url: `/budget-plans/${plan.year}` }) },
  'POST /budget-plans': {
    request: () => ({ url: '/budget-plans', body: { year: 2024, copyFrom: plan.year } }),
  },
  'POST /budget-plans/:year/lines': {
    request: () => ({
      url: `/budget-plans/${plan.year}/lines`,
      body: { category: '伍、社會工作', item: '推行社會工作', budgetThousandNtd: 6_370, programIds: [] },
    }),
  },
  'PATCH /budget-plans/:year/lines/:lineId': {
    request: () => ({
      url: `/budget-plans/${plan.year}/lines/${plan.lineId}`,
      body: { version: 1, budgetThousandNtd: 1_200, reason: '矩陣測試' },
    }),
  },
  'GET /budget-plans/:year/amendments': { request: () => ({ url: `/budget-plans/${plan.year}/amendments` }) },
  'GET /budget-plans/:year/execution': {
    request: () => ({ url: `/budget-plans/${plan.year}/execution?asOf=2023-06` }),
  },
};
