import type { Actor } from '@safetynet/core/authz/actor';
import { taipeiDay } from '@safetynet/core/calendar';
import { PROGRAMS } from '@safetynet/rules';
import { type Kysely, sql } from 'kysely';
import { ApiError, outOfScope } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { ReviewOutcome, Schema } from '../db/schema.ts';
import { renderReviewNotice } from '../notices/review-notice.ts';
import { addresseeName } from '../registry/addressee-name.ts';
import type { ReviewReason } from './annual-review.ts';
import { type ReviewItemRow, reviewById } from './annual-review-confirm.ts';
import { isLawReference } from './decision-notice-of.ts';
import { entitlementReachSql } from './entitlements.ts';

/**
 * Reading an annual review: its counts by outcome and district, its items page by page, and the notice
 * of a confirmed change or end — each within the reader's reach, as for entitlements (a clerk their
 * districts, a program officer their programs).
 */
export interface ReviewCounts {
  continue: number;
  change: number;
  end: number;
  confirmed: number;
  pending: number;
}

export async function reviewSummary(db: Kysely<Schema>, reviewId: string, actor: Actor) {
  const review = await reviewById(db, reviewId);
  const { rows } = await sql<{ district_code: string; outcome: ReviewOutcome; confirmed: number; n: number }>`
    SELECT district_code, outcome, count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed,
      count(*)::int AS n
    FROM annual_review_item WHERE review_id = ${reviewId} AND ${entitlementReachSql(actor)}
    GROUP BY district_code, outcome ORDER BY district_code, outcome`.execute(db);
  const empty = (): ReviewCounts => ({ continue: 0, change: 0, end: 0, confirmed: 0, pending: 0 });
  const totals = empty();
  const byDistrict = new Map<string, ReviewCounts>();
  for (const row of rows) {
    const district = byDistrict.get(row.district_code) ?? empty();
    byDistrict.set(row.district_code, district);
    for (const counts of [totals, district]) {
      counts[row.outcome] += row.n;
      counts.confirmed += row.confirmed;
      counts.pending += row.n - row.confirmed;
    }
  }
  return {
    id: review.review_id,
    year: review.year,
    effectiveMonth: review.effective_month,
    status: review.status,
    rulesVersion: review.rules_version,
    snapshotId: review.snapshot_id,
    createdAt: new Date(review.created_at).toISOString(),
    refreshedAt: new Date(review.refreshed_at).toISOString(),
    reviewed: totals.continue + totals.change + totals.end,
    totals,
    byDistrict: [...byDistrict].map(([districtCode, counts]) => ({ districtCode, ...counts })),
  };
}

export interface ItemFilter {
  district?: string;
  outcome?: ReviewOutcome;
  status?: 'pending' | 'confirmed';
  page: number;
  pageSize: number;
}

export const itemView = (i: ReviewItemRow) => ({
  id: i.item_id,
  entitlementId: i.entitlement_id,
  entitlementVersion: i.entitlement_version,
  program: i.program_id,
  entity: i.entity,
  entityId: i.entity_id,
  payeePersonId: i.payee_person_id,
  districtCode: i.district_code,
  currentAmountNtd: i.current_amount_ntd,
  outcome: i.outcome,
  newAmountNtd: i.new_amount_ntd,
  reasons: (typeof i.reasons === 'string' ? JSON.parse(i.reasons) : i.reasons) as ReviewReason[],
  status: i.confirmed_at ? ('confirmed' as const) : ('pending' as const),
  confirmedBy: i.confirmed_by,
  confirmedAt: i.confirmed_at ? new Date(i.confirmed_at).toISOString() : null,
  appliedVersion: i.applied_version,
  noticeIssued: i.notice_issued,
});

export async function listReviewItems(
  db: Kysely<Schema>,
  reviewId: string,
  actor: Actor,
  filter: ItemFilter,
) {
  await reviewById(db, reviewId);
  const conditions = [sql`review_id = ${reviewId}`, entitlementReachSql(actor)];
  if (filter.district) conditions.push(sql`district_code = ${filter.district}`);
  if (filter.outcome) conditions.push(sql`outcome = ${filter.outcome}`);
  if (filter.status === 'pending') conditions.push(sql`confirmed_at IS NULL`);
  if (filter.status === 'confirmed') conditions.push(sql`confirmed_at IS NOT NULL`);
  const where = sql.join(conditions, sql` AND `);
  const [{ rows }, { rows: count }] = await Promise.all([
    sql<ReviewItemRow>`SELECT * FROM annual_review_item WHERE ${where}
      ORDER BY district_code, outcome, entitlement_id
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM annual_review_item WHERE ${where}`.execute(db),
  ]);
  return {
    items: rows.map(itemView),
    total: count[0]?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/**
 * The notice of a confirmed change or end as a PDF, marked issued (the first time, audited with it). An
 * item outside the reader's reach is refused (audited); a pending or continuing one has no notice (409).
 */
export async function reviewNoticePdf(
  database: Database,
  reviewId: string,
  itemId: string,
  trail: AuditTrail,
): Promise<Buffer> {
  const db = database.db;
  const review = await reviewById(db, reviewId);
  const { rows } = await sql<ReviewItemRow & { reachable: boolean }>`SELECT *,
      (${entitlementReachSql(trail.context.actor)}) AS reachable
    FROM annual_review_item WHERE item_id = ${itemId} AND review_id = ${reviewId}`.execute(db);
  const item = rows[0];
  if (!item) throw new ApiError(404, '查無此調查項目', 'no such item in this review');
  if (!item.reachable) {
    await trail.log.appendAlone(db, trail.context, [
      {
        action: 'denied',
        recordType: 'annual-review-item',
        recordId: itemId,
        details: { policy: 'reviews:read' },
      },
    ]);
    throw outOfScope();
  }
  if (item.outcome === 'continue' || !item.confirmed_at)
    throw new ApiError(
      409,
      '僅已確認之變更或停止發給項目有通知書',
      'only a confirmed change or end has a notice',
    );
  const name = await addresseeName(db, item.payee_person_id);
  const program = PROGRAMS.get(item.program_id);
  const reasons = (
    typeof item.reasons === 'string' ? JSON.parse(item.reasons) : item.reasons
  ) as ReviewReason[];
  const pdf = await renderReviewNotice({
    referenceNumber: `高市社助字第${review.year - 1911}${item.item_id.slice(0, 8).toUpperCase()}號`,
    payeeName: name,
    program: { zh: program?.nameZh ?? item.program_id, en: program?.nameEn ?? item.program_id },
    year: review.year,
    outcome: item.outcome,
    effectiveMonth: review.effective_month,
    previousAmountNtd: item.current_amount_ntd,
    newAmountNtd: item.outcome === 'change' ? item.new_amount_ntd : null,
    reasons: reasons.map((r) => ({
      message: r.message,
      reference: isLawReference(r.reference) ? r.reference : '',
    })),
    legalBasis: (program?.legalBasis ?? []).filter(isLawReference),
    confirmedOn: taipeiDay(new Date(item.confirmed_at).toISOString()),
  });
  if (!item.notice_issued)
    await db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable('annual_review_item')
        .set({ notice_issued: true, notice_issued_at: new Date() })
        .where('item_id', '=', itemId)
        .where('notice_issued', '=', false)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) > 0)
        await trail.log.append(trx, trail.context, [
          {
            action: 'issue-notice',
            recordType: 'annual-review-item',
            recordId: itemId,
            details: { reviewId },
          },
        ]);
    });
  return pdf;
}
