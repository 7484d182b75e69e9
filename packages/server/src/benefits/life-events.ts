import { randomUUID } from 'node:crypto';
import { addMonths, type IsoDate, type IsoMonth, isIsoDate } from '@safetynet/core/calendar';
import { type EntitlementChange, versionInForce } from '@safetynet/core/entitlement-months';
import { type Kysely, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditRecord, AuditTrail } from '../audit/audit-log.ts';
import type { Schema } from '../db/schema.ts';
import type { BenefitServices } from './benefit-services.ts';
import { changeEntitlement, type EntitlementRow, entitlementVersions } from './entitlements.ts';
import { evaluateApplication } from './evaluation.ts';

/**
 * Life events that end or change entitlements (死亡、遷出、收入變動), and the overpayments they reveal.
 *
 * The rule for the month: 中低收入老人生活津貼發給辦法 第 11 條 — when a recipient dies or no longer meets
 * the conditions of 第 2 條 (which include living in the city of their household registration), payment
 * stops 「自事實發生之次月起」, from the month after the event. 身心障礙者生活補助費發給辦法 第 4 條 lists
 * death and an improved economic situation among the grounds to stop (停發) and 第 12 條 has the event
 * reported within fifteen days; it names no month, so the same rule is applied to every monthly program:
 * the month of the event is still due, the months after are not.
 * - death, moved-out: the entitlement's last month becomes the month of the event.
 * - income-change: the household is evaluated again by the rules (the caller does this before the
 *   transaction: `evaluations`); the new amount holds from the month after the event, or, when no longer
 *   eligible, the entitlement ends with the month of the event (中低收入老人生活津貼發給辦法 第 9 條:
 *   「其資格有異動時，應重新核定」).
 *
 * Which entitlements: the person's own (person programs), and household programs the person is the payee
 * of — the applicant, whose death or leaving the city stops the household's allowance until someone
 * applies again (第 11 條 speaks of 申請人). A member who is not the payee dying or moving out changes the
 * household; that is a re-evaluation like an income change, not an automatic end. For an income change,
 * the household programs of every household the person belongs to on the day.
 *
 * Months already paid (or sent to the bank) beyond the new entitlement become overpayments (溢領): the
 * payment stays as the bank made it, an open overpayment of the difference is recovered by deduction from
 * the payee's next payments of the program (overpayment-recovery.ts). Payments not yet sent are
 * corrected instead: cancelled, or lowered to the amount due.
 */
export type LifeEvent =
  | { kind: 'death' | 'moved-out'; personId: string; effectiveDate: IsoDate; note?: string }
  | {
      kind: 'income-change';
      personId: string;
      effectiveDate: IsoDate;
      note?: string;
      /** The rules' answer for each entitlement touched, as of the month after the event. */
      evaluations: ReadonlyMap<string, { eligible: boolean; amountNtd: number | null }>;
    };

export interface LifeEventResult {
  changed: { entitlementId: string; version: number; lastMonth: string | null; monthlyAmountNtd: number }[];
  overpayments: { overpaymentId: string; paymentId: string; period: string; amountNtd: number }[];
  correctedPayments: { paymentId: string; period: string; amountNtd: number; cancelled: boolean }[];
}

const REASON = {
  death: '受領人死亡，自事實發生之次月起停止發給 recipient died; stops from the next month',
  'moved-out': '遷出本市，自事實發生之次月起停止發給 moved out of the city; stops from the next month',
  'income-change': '收入變動，重新核定 income changed; determined again',
} as const;

/** The latest versions of the entitlements an event touches (see above), whatever their state. */
export async function entitlementsTouched(
  db: Kysely<Schema>,
  kind: LifeEvent['kind'],
  personId: string,
  on: IsoDate,
): Promise<EntitlementRow[]> {
  const households =
    kind === 'income-change'
      ? sql`OR (entity = 'household' AND entity_id IN (SELECT household_id FROM household_membership
          WHERE person_id = ${personId} AND valid_from <= ${on}::date AND (valid_to IS NULL OR valid_to > ${on}::date)))`
      : sql``;
  const { rows } = await sql<EntitlementRow>`SELECT * FROM (
      SELECT DISTINCT ON (entitlement_id) * FROM entitlement
      WHERE (entity = 'person' AND entity_id = ${personId}) OR payee_person_id = ${personId} ${households}
      ORDER BY entitlement_id, version DESC) latest ORDER BY entitlement_id`.execute(db);
  return rows;
}

/** The change an event makes to an entitlement, or null when it changes nothing. */
function changeFor(event: LifeEvent, latest: EntitlementRow, first: IsoMonth): EntitlementChange | null {
  const eventMonth = event.effectiveDate.slice(0, 7);
  const ended = latest.last_month !== null && latest.last_month <= eventMonth;
  let stop = event.kind !== 'income-change';
  let amount: number | undefined;
  if (event.kind === 'income-change') {
    const evaluation = event.evaluations.get(latest.entitlement_id);
    if (!evaluation) return null;
    if (!evaluation.eligible || !evaluation.amountNtd) stop = true;
    else amount = evaluation.amountNtd;
  }
  if (ended) return null;
  if (stop) {
    // Never paid at all when the event precedes the entitlement: nothing due from its first month.
    if (eventMonth < first) return { from: first, monthlyAmountNtd: 0 };
    return { from: eventMonth, lastMonth: eventMonth };
  }
  const from = addMonths(eventMonth, 1) < first ? first : addMonths(eventMonth, 1);
  if (latest.last_month !== null && latest.last_month < from) return null;
  if (amount === latest.monthly_amount_ntd && latest.first_month <= from) return null;
  return { from, monthlyAmountNtd: amount };
}

export interface Settlement {
  changed: LifeEventResult['changed'][number];
  overpayments: LifeEventResult['overpayments'];
  correctedPayments: LifeEventResult['correctedPayments'];
  /** The payments' and overpayments' audit entries, for the caller to append with its own. */
  audit: AuditRecord[];
}

/**
 * A change of one entitlement (a new version, audited) and what it does to the months already paid from
 * `change.from` on (settlePayments). `versions`: the entitlement's versions before the change. Used by life
 * events and by the annual review's confirmation.
 */
export async function changeAndSettle(
  trx: Kysely<Schema>,
  versions: EntitlementRow[],
  change: EntitlementChange & { reason: string },
  cause: string,
  trail: AuditTrail,
): Promise<Settlement> {
  const latest = versions[versions.length - 1]!;
  const row = await changeEntitlement(trx, latest.entitlement_id, change, trail);
  const settled = await settlePayments(trx, [...versions, row], change.from, change.reason, cause, trail);
  return {
    changed: {
      entitlementId: row.entitlement_id,
      version: row.version,
      lastMonth: row.last_month,
      monthlyAmountNtd: row.monthly_amount_ntd,
    },
    ...settled,
  };
}

/**
 * The monthly payments of an entitlement from `from` on, measured against its versions as now written
 * (`versions`, the newest last): payments not yet sent are cancelled or lowered to what is due, months
 * paid beyond it become open overpayments (one per payment, raised when it is open already).
 */
export async function settlePayments(
  trx: Kysely<Schema>,
  versions: EntitlementRow[],
  from: IsoMonth,
  reason: string,
  cause: string,
  trail: AuditTrail,
): Promise<Omit<Settlement, 'changed'>> {
  const row = versions[versions.length - 1]!;
  const actor = trail.context.actor;
  const createdBy = actor.kind === 'staff' ? actor.id : null;
  const result: Omit<Settlement, 'changed'> = { overpayments: [], correctedPayments: [], audit: [] };
  const audit = result.audit;
  const spans = versions.map((v) => ({
    version: v.version,
    firstMonth: v.first_month,
    lastMonth: v.last_month,
    monthlyAmountNtd: v.monthly_amount_ntd,
  }));
  // The month's gross: what the payment carries plus what was deducted from it for older overpayments.
  const { rows: payments } = await sql<{
    payment_id: string;
    period: string;
    amount_ntd: number;
    status: string;
    deducted: number;
    overpaid: number | null;
    overpayment_id: string | null;
    overpayment_status: string | null;
  }>`SELECT p.payment_id, p.period, p.amount_ntd, p.status,
      coalesce((SELECT sum(r.amount_ntd) FROM overpayment_recovery r WHERE r.payment_id = p.payment_id), 0)::int
        AS deducted,
      o.amount_ntd AS overpaid, o.overpayment_id, o.status AS overpayment_status
    FROM payment p LEFT JOIN overpayment o ON o.payment_id = p.payment_id
    WHERE p.kind = 'monthly' AND p.entitlement_id = ${row.entitlement_id} AND p.period >= ${from}
    ORDER BY p.period FOR UPDATE OF p`.execute(trx);
  for (const payment of payments) {
    const due = versionInForce(spans, payment.period)?.monthlyAmountNtd ?? 0;
    const unsent = ['pending', 'returned', 'failed'].includes(payment.status) && payment.deducted === 0;
    if (payment.status === 'cancelled' && payment.deducted === 0) continue;
    if (unsent) {
      if (payment.amount_ntd <= due) continue;
      const cancelled = due === 0;
      await trx
        .updateTable('payment')
        .set(cancelled ? { status: 'cancelled' } : { amount_ntd: due })
        .where('payment_id', '=', payment.payment_id)
        .execute();
      result.correctedPayments.push({
        paymentId: payment.payment_id,
        period: payment.period,
        amountNtd: cancelled ? payment.amount_ntd : due,
        cancelled,
      });
      audit.push({
        action: 'update',
        recordType: 'payment',
        recordId: payment.payment_id,
        details: cancelled ? { status: 'cancelled', reason: cause } : { amountNtd: due, reason: cause },
      });
      continue;
    }
    const paid =
      (['sent', 'paid', 'pending'].includes(payment.status) ? payment.amount_ntd : 0) + payment.deducted;
    const overpaid = paid - due - (payment.overpaid ?? 0);
    if (overpaid <= 0) continue;
    if (payment.overpayment_id && payment.overpayment_status !== 'open')
      throw new ApiError(
        409,
        `${payment.period} 月之溢領已結清，無法再增列，請人工處理`,
        `the overpayment of ${payment.period} is closed already; handle the further amount by hand`,
      );
    const overpaymentId = payment.overpayment_id ?? randomUUID();
    if (payment.overpayment_id)
      await trx
        .updateTable('overpayment')
        .set({ amount_ntd: (payment.overpaid ?? 0) + overpaid })
        .where('overpayment_id', '=', overpaymentId)
        .execute();
    else
      await trx
        .insertInto('overpayment')
        .values({
          overpayment_id: overpaymentId,
          payment_id: payment.payment_id,
          entitlement_id: row.entitlement_id,
          program_id: row.program_id,
          payee_person_id: row.payee_person_id,
          district_code: row.district_code,
          period: payment.period,
          amount_ntd: overpaid,
          reason: reason.slice(0, 500),
          created_by: createdBy,
        })
        .execute();
    result.overpayments.push({
      overpaymentId,
      paymentId: payment.payment_id,
      period: payment.period,
      amountNtd: overpaid,
    });
    audit.push({
      action: payment.overpayment_id ? 'update' : 'create',
      recordType: 'overpayment',
      recordId: overpaymentId,
      details: {
        paymentId: payment.payment_id,
        period: payment.period,
        amountNtd: overpaid,
        event: cause,
        recovery: 'deduction',
      },
    });
  }
  return result;
}

export async function applyLifeEvent(
  trx: Kysely<Schema>,
  event: LifeEvent,
  context: { trail: AuditTrail },
): Promise<LifeEventResult> {
  if (!isIsoDate(event.effectiveDate))
    throw new ApiError(
      400,
      '日期須為 YYYY-MM-DD',
      'effectiveDate must be a YYYY-MM-DD date',
      'effectiveDate',
    );
  const result: LifeEventResult = { changed: [], overpayments: [], correctedPayments: [] };
  const touched = await entitlementsTouched(trx, event.kind, event.personId, event.effectiveDate);
  const audit: AuditRecord[] = [];
  for (const latest of touched) {
    const versions = await entitlementVersions(trx, latest.entitlement_id);
    const change = changeFor(event, latest, versions[0]!.first_month);
    if (!change) continue;
    const reason = `${REASON[event.kind]} (${event.effectiveDate})${event.note ? `: ${event.note}` : ''}`;
    const settled = await changeAndSettle(trx, versions, { ...change, reason }, event.kind, context.trail);
    result.changed.push(settled.changed);
    result.overpayments.push(...settled.overpayments);
    result.correctedPayments.push(...settled.correctedPayments);
    audit.push(...settled.audit);
  }
  audit.push({
    action: 'create',
    recordType: 'life-event',
    recordId: event.personId,
    details: {
      kind: event.kind,
      effectiveDate: event.effectiveDate,
      entitlements: result.changed.length,
      overpayments: result.overpayments.length,
    },
  });
  await context.trail.log.append(trx, context.trail.context, audit);
  return result;
}

/**
 * The rules' answer, for an income change, for each entitlement it touches: its household evaluated as
 * the registry holds it for the month after the event (evaluation.ts, as for an application). Before the
 * event's transaction: the evaluation may take a new registry snapshot.
 */
export async function evaluateIncomeChange(
  services: BenefitServices,
  personId: string,
  effectiveDate: IsoDate,
): Promise<Map<string, { eligible: boolean; amountNtd: number | null }>> {
  const db = services.database.db;
  const period = addMonths(effectiveDate.slice(0, 7), 1);
  const evaluations = new Map<string, { eligible: boolean; amountNtd: number | null }>();
  for (const entitlement of await entitlementsTouched(db, 'income-change', personId, effectiveDate)) {
    const householdId =
      entitlement.entity === 'household'
        ? entitlement.entity_id
        : (
            await db
              .selectFrom('household_membership')
              .select('household_id')
              .where('person_id', '=', entitlement.entity_id)
              .where('valid_from', '<=', effectiveDate)
              .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', effectiveDate)]))
              .executeTakeFirst()
          )?.household_id;
    if (!householdId) continue;
    const [evaluation] = await evaluateApplication(
      services,
      {
        household_id: householdId,
        period,
        applicant_person_id:
          entitlement.entity === 'person' ? entitlement.entity_id : entitlement.payee_person_id,
      } as Parameters<typeof evaluateApplication>[1],
      [entitlement.program_id],
    );
    if (evaluation)
      evaluations.set(entitlement.entitlement_id, {
        eligible: evaluation.eligible === true,
        amountNtd: evaluation.amountNtd,
      });
  }
  return evaluations;
}
