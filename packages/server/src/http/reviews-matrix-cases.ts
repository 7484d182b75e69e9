import { ANONYMOUS } from '@safetynet/core/authz/actor';
import type { AuditLog } from '../audit/audit-log.ts';
import { runAnnualReview } from '../benefits/annual-review.ts';
import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/**
 * The annual review's routes in the authorization matrix (authz-matrix.int.test.ts). `setUpReviewMatrix`
 * runs the review of 2024 over the payment matrix's two entitlements (the own district's and program's, the
 * other district's and program's) and marks both items confirmed ends, so each has a notice to read.
 */
const review = { id: '', items: { own: '', other: '' } };

export async function setUpReviewMatrix(
  database: Database,
  input: { own: { district: string }; other: { district: string }; clerkId: string; log: AuditLog },
): Promise<void> {
  const trail = {
    log: input.log,
    context: { actor: { ...ANONYMOUS, name: 'matrix-setup' }, ip: null, purpose: null },
  };
  const summary = await runAnnualReview(database, 2024, trail);
  review.id = summary.reviewId;
  for (const target of ['own', 'other'] as const) {
    const item = await database.db
      .updateTable('annual_review_item')
      .set({ outcome: 'end', new_amount_ntd: null, confirmed_by: input.clerkId, confirmed_at: new Date() })
      .where('review_id', '=', review.id)
      .where('district_code', '=', input[target].district)
      .returning('item_id')
      .executeTakeFirstOrThrow();
    review.items[target] = item.item_id;
  }
}

export const REVIEW_ROUTE_CASES: Record<string, RouteCase> = {
  'POST /annual-reviews': { request: () => ({ url: '/annual-reviews', body: { year: 2024 } }) },
  'GET /annual-reviews': { request: () => ({ url: '/annual-reviews' }) },
  'GET /annual-reviews/:id': { request: () => ({ url: `/annual-reviews/${review.id}` }) },
  'GET /annual-reviews/:id/items': {
    request: () => ({ url: `/annual-reviews/${review.id}/items?status=confirmed&pageSize=5` }),
  },
  // The district's pending items (none left after the setup's confirmations: nothing to do, 200).
  'POST /annual-reviews/:id/confirm': {
    scoped: true,
    request: (w, t) => ({ url: `/annual-reviews/${review.id}/confirm`, body: { district: w[t].district } }),
  },
  'GET /annual-reviews/:id/items/:itemId/notice.pdf': {
    scoped: true,
    request: (_w, t) => ({ url: `/annual-reviews/${review.id}/items/${review.items[t]}/notice.pdf` }),
  },
};
