import { type IsoMonth, isIsoMonth } from '@safetynet/core/calendar';
import { type EntitlementChange, nextVersion, versionFor } from '@safetynet/core/entitlement-months';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError, outOfScope } from '../api-error.ts';
import type { AuditRecord, AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { AnnualReviewItemTable, AnnualReviewTable, Schema } from '../db/schema.ts';
import { monthBefore } from './annual-review.ts';
import type { EntitlementRow } from './entitlements.ts';
import { settlePayments } from './life-events.ts';

/**
 * A district clerk confirms the annual review's items (年度調查確認) in bulk — every pending item of one of
 * their districts, or the items they list — in one transaction with its audit entries. Confirming applies
 * the outcome: 'change' adds an entitlement version from the effective month with the new amount; 'end'
 * ends the entitlement with the month before it (nothing is due from the effective month on), and what
 * was already paid for the months after becomes an overpayment (life-events.ts settlePayments). Items
 * confirmed already are left as they are, so confirming again changes nothing. An item whose entitlement
 * was changed after the review (a life event) is left pending: the review must be run again for it.
 */
export type ReviewRow = Selectable<AnnualReviewTable>;
export type ReviewItemRow = Selectable<AnnualReviewItemTable>;

export type ReviewSelection = { district: string } | { itemIds: string[] };

export interface ConfirmResult {
  reviewId: string;
  confirmed: number;
  continue: number;
  change: number;
  end: number;
  /** Of the selection, items confirmed before (nothing done to them). */
  alreadyConfirmed: number;
  /** Items left pending: their entitlement changed after the review was run. */
  stale: string[];
  overpayments: number;
}

export async function reviewById(db: Kysely<Schema>, reviewId: string): Promise<ReviewRow> {
  const review = await db
    .selectFrom('annual_review')
    .selectAll()
    .where('review_id', '=', reviewId)
    .executeTakeFirst();
  if (!review) throw new ApiError(404, '查無此年度調查', 'no such annual review');
  return review;
}

const ROC_YEAR = (year: number) => `${year - 1911}年度`;

/** The change confirming an item makes (see above), or null for 'continue'. */
export function changeOf(
  item: Pick<ReviewItemRow, 'outcome' | 'new_amount_ntd'>,
  effectiveMonth: IsoMonth,
  versions: EntitlementRow[],
): EntitlementChange | null {
  if (item.outcome === 'continue') return null;
  if (item.outcome === 'change') return { from: effectiveMonth, monthlyAmountNtd: item.new_amount_ntd! };
  const before = monthBefore(effectiveMonth);
  const spans = versions.map((v) => ({
    version: v.version,
    firstMonth: v.first_month,
    lastMonth: v.last_month,
    monthlyAmountNtd: v.monthly_amount_ntd,
  }));
  if (versionFor(spans, before)) return { from: before, lastMonth: before };
  // Begun in the effective month itself: nothing is due at all.
  return { from: versions[0]!.first_month, monthlyAmountNtd: 0 };
}

/**
 * The selection's item ids, checked before the transaction (a refusal is audited on its own): a district
 * of the clerk's, or listed items all of the review and of the clerk's districts.
 */
async function selectionChecked(
  db: Kysely<Schema>,
  review: ReviewRow,
  selection: ReviewSelection,
  trail: AuditTrail,
): Promise<void> {
  const actor = trail.context.actor;
  const districts = actor.kind === 'staff' && actor.role === 'district-clerk' ? actor.districts : [];
  const denied = async (recordId: string) => {
    await trail.log.appendAlone(db, trail.context, [
      { action: 'denied', recordType: 'annual-review', recordId, details: { policy: 'reviews:confirm' } },
    ]);
    return outOfScope();
  };
  if ('district' in selection) {
    if (!districts.includes(selection.district)) throw await denied(review.review_id);
    return;
  }
  const ids = [...new Set(selection.itemIds)];
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom('annual_review_item')
    .select(['item_id', 'district_code'])
    .where('review_id', '=', review.review_id)
    .where('item_id', 'in', ids)
    .execute();
  if (rows.length < ids.length)
    throw new ApiError(404, '查無部分調查項目', 'some items are not in this review');
  const outside = rows.find((r) => !districts.includes(r.district_code));
  if (outside) throw await denied(outside.item_id);
}

/** The selected items, locked (the stable columns checked above do not change). */
function lockedItems(trx: Kysely<Schema>, reviewId: string, selection: ReviewSelection) {
  let query = trx.selectFrom('annual_review_item').selectAll().where('review_id', '=', reviewId);
  if ('district' in selection) query = query.where('district_code', '=', selection.district);
  else if (selection.itemIds.length === 0) return Promise.resolve([] as ReviewItemRow[]);
  else query = query.where('item_id', 'in', [...new Set(selection.itemIds)]);
  return query.orderBy('entitlement_id').forUpdate().execute();
}

export async function confirmReviewItems(
  database: Database,
  reviewId: string,
  selection: ReviewSelection,
  trail: AuditTrail,
): Promise<ConfirmResult> {
  const db = database.db;
  const review = await reviewById(db, reviewId);
  if (review.status !== 'open' || !isIsoMonth(review.effective_month))
    throw new ApiError(
      409,
      '年度調查執行中，請稍後再確認',
      'the review is still running; confirm when it is done',
    );
  const actor = trail.context.actor;
  const confirmedBy = actor.kind === 'staff' ? actor.id : null;
  const effective = review.effective_month;
  await selectionChecked(db, review, selection, trail);
  return db.transaction().execute(async (trx) => {
    const selected = await lockedItems(trx, reviewId, selection);
    const pending = selected.filter((i) => i.confirmed_at === null);
    const result: ConfirmResult = {
      reviewId,
      confirmed: 0,
      continue: 0,
      change: 0,
      end: 0,
      alreadyConfirmed: selected.length - pending.length,
      stale: [],
      overpayments: 0,
    };
    const toApply = pending.filter((i) => i.outcome !== 'continue');
    const versionsOf = new Map<string, EntitlementRow[]>();
    if (toApply.length > 0) {
      const ids = toApply.map((i) => i.entitlement_id);
      const { rows } = await sql<EntitlementRow>`SELECT * FROM entitlement
        WHERE entitlement_id = ANY(${ids}::uuid[]) ORDER BY entitlement_id, version`.execute(trx);
      for (const row of rows)
        versionsOf.set(row.entitlement_id, [...(versionsOf.get(row.entitlement_id) ?? []), row]);
    }
    const written: EntitlementRow[] = [];
    const applied: { item_id: string; version: number | null }[] = [];
    const froms = new Map<string, IsoMonth>();
    for (const item of pending) {
      const versions = versionsOf.get(item.entitlement_id) ?? [];
      const change = item.outcome === 'continue' ? null : changeOf(item, effective, versions);
      if (!change) {
        applied.push({ item_id: item.item_id, version: null });
        result.continue++;
        continue;
      }
      const latest = versions[versions.length - 1];
      if (!latest || latest.version !== item.entitlement_version) {
        result.stale.push(item.item_id);
        continue;
      }
      const next = nextVersion(
        versions.map((v) => ({
          version: v.version,
          firstMonth: v.first_month,
          lastMonth: v.last_month,
          monthlyAmountNtd: v.monthly_amount_ntd,
        })),
        change,
      );
      if ('en' in next) throw new ApiError(409, next.zh, `${item.item_id}: ${next.en}`);
      const outcome = item.outcome === 'change' ? '金額調整 amount changed' : '停止發給 ended';
      written.push({
        ...latest,
        version: next.version,
        first_month: next.firstMonth,
        last_month: next.lastMonth,
        monthly_amount_ntd: next.monthlyAmountNtd,
        reason: `${ROC_YEAR(review.year)}年度調查 annual review ${review.year}: ${outcome}`,
        created_by: confirmedBy,
      });
      froms.set(item.entitlement_id, change.from);
      applied.push({ item_id: item.item_id, version: next.version });
      result[item.outcome]++;
    }
    const column = <T>(of: (row: EntitlementRow) => T) => written.map(of);
    if (written.length > 0)
      await sql`INSERT INTO entitlement (entitlement_id, version, decision_id, program_id, entity, entity_id,
          payee_person_id, district_code, monthly_amount_ntd, first_month, last_month, reason, created_by,
          household_id)
        SELECT entitlement_id, version, decision_id, program_id, entity, entity_id, payee_person_id,
          district_code, monthly_amount_ntd, first_month, last_month, reason, created_by, household_id
        FROM unnest(${column((r) => r.entitlement_id)}::uuid[], ${column((r) => r.version)}::int[],
          ${column((r) => r.decision_id)}::uuid[], ${column((r) => r.program_id)}::text[],
          ${column((r) => r.entity)}::text[], ${column((r) => r.entity_id)}::uuid[],
          ${column((r) => r.payee_person_id)}::uuid[], ${column((r) => r.district_code)}::text[],
          ${column((r) => r.monthly_amount_ntd)}::int[], ${column((r) => r.first_month)}::text[],
          ${column((r) => r.last_month)}::text[], ${column((r) => r.reason)}::text[],
          ${column((r) => r.created_by)}::uuid[], ${column((r) => r.household_id)}::uuid[])
          AS x(entitlement_id, version, decision_id, program_id, entity, entity_id, payee_person_id,
            district_code, monthly_amount_ntd, first_month, last_month, reason, created_by, household_id)`
        .execute(trx)
        .catch((error: { code?: string }) => {
          if (error.code !== '23505') throw error;
          throw new ApiError(
            409,
            '給付資格剛被他人變更，請重新確認',
            'an entitlement was just changed; confirm again',
          );
        });
    const audit: AuditRecord[] = written.map((row) => ({
      action: 'update',
      recordType: 'entitlement',
      recordId: row.entitlement_id,
      details: {
        version: row.version,
        from: row.first_month,
        lastMonth: row.last_month,
        amountNtd: row.monthly_amount_ntd,
        annualReview: reviewId,
      },
    }));
    // Only entitlements now due less than before, with a monthly payment from the change on, have anything
    // to settle (a raise leaves what was paid as it is).
    const lowered = written.filter((row) => {
      const before = versionsOf.get(row.entitlement_id)!;
      return (
        row.last_month !== null || row.monthly_amount_ntd < before[before.length - 1]!.monthly_amount_ntd
      );
    });
    if (lowered.length > 0) {
      const ids = lowered.map((row) => row.entitlement_id);
      const { rows: paid } = await sql<{ entitlement_id: string }>`SELECT DISTINCT entitlement_id FROM payment
        WHERE kind = 'monthly' AND period >= ${monthBefore(effective)}
          AND entitlement_id = ANY(${ids}::uuid[])`.execute(trx);
      const byId = new Map(lowered.map((row) => [row.entitlement_id, row]));
      for (const { entitlement_id: id } of paid) {
        const row = byId.get(id)!;
        const settled = await settlePayments(
          trx,
          [...versionsOf.get(id)!, row],
          froms.get(id)!,
          row.reason,
          'annual-review',
          trail,
        );
        result.overpayments += settled.overpayments.length;
        audit.push(...settled.audit);
      }
    }
    if (applied.length > 0)
      await sql`UPDATE annual_review_item i SET confirmed_by = ${confirmedBy}, confirmed_at = now(),
          applied_version = x.version
        FROM unnest(${applied.map((a) => a.item_id)}::uuid[], ${applied.map((a) => a.version)}::int[])
          AS x(item_id, version)
        WHERE i.item_id = x.item_id AND i.confirmed_at IS NULL`.execute(trx);
    result.confirmed = applied.length;
    audit.push({
      action: 'confirm',
      recordType: 'annual-review',
      recordId: reviewId,
      details: {
        ...('district' in selection ? { district: selection.district } : { items: selection.itemIds.length }),
        confirmed: result.confirmed,
        continue: result.continue,
        change: result.change,
        end: result.end,
        stale: result.stale.length,
        overpayments: result.overpayments,
      },
    });
    await trail.log.append(trx, trail.context, audit);
    return result;
  });
}
