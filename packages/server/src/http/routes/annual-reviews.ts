import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ParameterSet } from '@safetynet/rules';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { runAnnualReview } from '../../benefits/annual-review.ts';
import { confirmReviewItems } from '../../benefits/annual-review-confirm.ts';
import { listReviewItems, reviewNoticePdf, reviewSummary } from '../../benefits/annual-review-queries.ts';
import type { Database } from '../../db/database.ts';
import type { ReviewOutcome } from '../../db/schema.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { IdParams, Page, Paging, Uuid } from '../schemas.ts';
import { pageOf } from './context.ts';
import { Nullable } from './identity-fields.ts';

/** 年度調查 The annual review: run it, read it within reach, confirm a district's items, their notices. */
const Outcome = Type.String({ enum: ['continue', 'change', 'end'] });
const District = Type.String({ pattern: '^[0-9]{8}$', description: '行政區代碼 District code' });

const Counts = {
  continue: Type.Integer(),
  change: Type.Integer(),
  end: Type.Integer(),
  confirmed: Type.Integer(),
  pending: Type.Integer(),
};

const Summary = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  effectiveMonth: Type.String(),
  status: Type.String({ enum: ['running', 'open'] }),
  rulesVersion: Type.String(),
  snapshotId: Uuid,
  createdAt: Type.String({ format: 'date-time' }),
  refreshedAt: Type.String({ format: 'date-time' }),
  reviewed: Type.Integer(),
  totals: Type.Object(Counts),
  byDistrict: Type.Array(Type.Object({ districtCode: Type.String(), ...Counts })),
});

const Reason = Type.Object({
  code: Type.String(),
  reference: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  undetermined: Type.Optional(Type.Boolean()),
});

const Item = Type.Object({
  id: Uuid,
  entitlementId: Uuid,
  entitlementVersion: Type.Integer(),
  program: Type.String(),
  entity: Type.String({ enum: ['person', 'household'] }),
  entityId: Uuid,
  payeePersonId: Uuid,
  districtCode: Type.String(),
  currentAmountNtd: Type.Integer(),
  outcome: Outcome,
  newAmountNtd: Type.Union([Type.Integer(), Type.Null()]),
  reasons: Type.Array(Reason),
  status: Type.String({ enum: ['pending', 'confirmed'] }),
  confirmedBy: Nullable(Uuid),
  confirmedAt: Nullable(Type.String({ format: 'date-time' })),
  appliedVersion: Type.Union([Type.Integer(), Type.Null()]),
  noticeIssued: Type.Boolean(),
});

const RunSummary = Type.Object({
  reviewId: Uuid,
  year: Type.Integer(),
  effectiveMonth: Type.String(),
  snapshotId: Uuid,
  reviewed: Type.Integer(),
  continue: Type.Integer(),
  change: Type.Integer(),
  end: Type.Integer(),
  confirmedBefore: Type.Integer(),
  snapshotSeconds: Type.Number(),
  seconds: Type.Number(),
});

export const annualReviewRoutes =
  (deps: {
    database: Database;
    identity: IdentityServices;
    parameters: ParameterSet;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;
    const trailOf = (request: FastifyRequest) => ({ log: deps.identity.audit, context: request.audit });

    app.post(
      '/annual-reviews',
      {
        config: { policy: 'reviews:run' },
        schema: {
          tags: ['benefits'],
          summary:
            '執行年度調查 Run the annual review of a year: every entitlement in force in its January, with that year’s parameters',
          description:
            '再次執行：同一調查，未確認之項目依現況更新，已確認者不變。Run again: the same review; unconfirmed items are refreshed, confirmed ones kept.',
          body: Type.Object(
            { year: Type.Integer({ minimum: 2000, maximum: 2200, examples: [2024] }) },
            { additionalProperties: false },
          ),
          response: { 200: RunSummary },
        },
      },
      async (request) =>
        runAnnualReview(deps.database, request.body.year, trailOf(request), { parameters: deps.parameters }),
    );

    app.get(
      '/annual-reviews',
      {
        config: { policy: 'reviews:read' },
        schema: {
          tags: ['benefits'],
          summary: '年度調查 The annual reviews, newest year first (counts: GET /annual-reviews/{id})',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Uuid,
                  year: Type.Integer(),
                  effectiveMonth: Type.String(),
                  status: Type.String({ enum: ['running', 'open'] }),
                  createdAt: Type.String({ format: 'date-time' }),
                  refreshedAt: Type.String({ format: 'date-time' }),
                }),
              ),
            }),
          },
        },
      },
      async () => {
        const reviews = await db
          .selectFrom('annual_review')
          .selectAll()
          .orderBy('year', 'desc')
          .limit(50)
          .execute();
        return {
          items: reviews.map((review) => ({
            id: review.review_id,
            year: review.year,
            effectiveMonth: review.effective_month,
            status: review.status,
            createdAt: new Date(review.created_at).toISOString(),
            refreshedAt: new Date(review.refreshed_at).toISOString(),
          })),
        };
      },
    );

    app.get(
      '/annual-reviews/:id',
      {
        config: { policy: 'reviews:read' },
        schema: {
          tags: ['benefits'],
          summary: '年度調查摘要 An annual review: counts by outcome and district, within the caller’s reach',
          params: IdParams,
          response: { 200: Summary },
        },
      },
      async (request) => {
        const summary = await reviewSummary(db, request.params.id, request.actor);
        request.auditReads.push({ action: 'read', recordType: 'annual-review', recordId: request.params.id });
        return summary;
      },
    );

    app.get(
      '/annual-reviews/:id/items',
      {
        config: { policy: 'reviews:read' },
        schema: {
          tags: ['benefits'],
          summary: '年度調查清單 The review’s items within the caller’s reach (a clerk: their districts)',
          params: IdParams,
          querystring: Type.Object(
            {
              district: Type.Optional(District),
              outcome: Type.Optional(Outcome),
              status: Type.Optional(Type.String({ enum: ['pending', 'confirmed'] })),
              ...Paging,
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(Item) },
        },
      },
      async (request) => {
        const { page, pageSize } = pageOf(request.query);
        const { district, outcome, status } = request.query;
        const result = await listReviewItems(db, request.params.id, request.actor, {
          ...(district ? { district } : {}),
          ...(outcome ? { outcome: outcome as ReviewOutcome } : {}),
          ...(status ? { status: status as 'pending' | 'confirmed' } : {}),
          page,
          pageSize,
        });
        request.auditReads.push({
          action: 'list',
          recordType: 'annual-review-item',
          recordId: null,
          details: { reviewId: request.params.id, ids: result.items.map((item) => item.id) },
        });
        return result;
      },
    );

    app.post(
      '/annual-reviews/:id/confirm',
      {
        config: { policy: 'reviews:confirm' },
        schema: {
          tags: ['benefits'],
          summary:
            '確認年度調查結果（本區） Confirm items in bulk: every pending item of one of one’s districts, or the items listed',
          description:
            '變更：自生效月起新版本；停止：止於生效月前一月，已撥付者列溢領。再次確認不生變動。A change is a new version from the effective month; an end stops with the month before, months paid beyond become overpayments. Confirming again changes nothing.',
          params: IdParams,
          body: Type.Union([
            Type.Object({ district: District }, { additionalProperties: false }),
            Type.Object(
              { itemIds: Type.Array(Uuid, { minItems: 1, maxItems: 5000 }) },
              { additionalProperties: false },
            ),
          ]),
          response: {
            200: Type.Object({
              reviewId: Uuid,
              confirmed: Type.Integer(),
              continue: Type.Integer(),
              change: Type.Integer(),
              end: Type.Integer(),
              alreadyConfirmed: Type.Integer(),
              stale: Type.Array(Uuid),
              overpayments: Type.Integer(),
            }),
          },
        },
      },
      async (request) => confirmReviewItems(deps.database, request.params.id, request.body, trailOf(request)),
    );

    app.get(
      '/annual-reviews/:id/items/:itemId/notice.pdf',
      {
        config: { policy: 'reviews:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '年度調查結果通知書（PDF） The notice of a confirmed change or end, in Traditional Chinese (ROC dates, how to appeal)',
          params: Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const { id, itemId } = request.params;
        const pdf = await reviewNoticePdf(deps.database, id, itemId, trailOf(request));
        request.auditReads.push({
          action: 'read-notice',
          recordType: 'annual-review-item',
          recordId: itemId,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="review-notice-${itemId}.pdf"`)
          .send(pdf);
      },
    );
  };
