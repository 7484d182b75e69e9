import { randomUUID } from 'node:crypto';
import type { IsoMonth } from '@safetynet/core/calendar';
import { formatNtd } from '@safetynet/core/money';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { OverpaymentTable, Schema } from '../db/schema.ts';

/**
 * Recovering overpayments (溢領追回) by deduction from the payee's next payments of the same program.
 *
 * The monthly run writes each month's payments at the entitlement's amount (payment-run.ts); then, in a
 * transaction of its own, this deducts: every pending monthly payment of the month that has not been
 * deducted from yet, whose payee has open 'deduction' overpayments of the same program, gives up to its
 * whole amount to them, oldest first. Each amount taken is an `overpayment_recovery` entry naming the
 * payment; the payment then pays the remainder (its amount is lowered), or, when the whole amount went to
 * recovery, it is 'cancelled' — never a payment of 0 or less (CHECK amount_ntd > 0), and the row stays, so
 * the unique month index keeps a repeated run from paying that month again. A payment that has a
 * deduction entry is never deducted from again, so a repeated or resumed run deducts nothing twice; a run
 * killed between writing payments and deducting deducts on its next call (the payments are still pending).
 */
export type OverpaymentRow = Selectable<OverpaymentTable>;

export interface DeductionSummary {
  payments: number;
  deductedNtd: number;
}

/** Amount still to recover of an overpayment (its amount less its recovery entries). */
export async function outstanding(trx: Kysely<Schema>, overpaymentId: string): Promise<number> {
  const { rows } = await sql<{ rest: number }>`SELECT (o.amount_ntd - coalesce(
      (SELECT sum(r.amount_ntd) FROM overpayment_recovery r WHERE r.overpayment_id = o.overpayment_id), 0))::int
      AS rest FROM overpayment o WHERE o.overpayment_id = ${overpaymentId}`.execute(trx);
  return rows[0]?.rest ?? 0;
}

export async function deductOverpayments(
  database: Database,
  period: IsoMonth,
  trail: AuditTrail,
): Promise<DeductionSummary> {
  return database.db.transaction().execute(async (trx) => {
    const { rows: payments } = await sql<{
      payment_id: string;
      payee_person_id: string;
      program_id: string;
      amount_ntd: number;
    }>`SELECT p.payment_id, p.payee_person_id, p.program_id, p.amount_ntd FROM payment p
      WHERE p.kind = 'monthly' AND p.period = ${period} AND p.status = 'pending'
        AND NOT EXISTS (SELECT 1 FROM overpayment_recovery r WHERE r.payment_id = p.payment_id)
        AND EXISTS (SELECT 1 FROM overpayment o WHERE o.status = 'open' AND o.recovery = 'deduction'
          AND o.payee_person_id = p.payee_person_id AND o.program_id = p.program_id)
      ORDER BY p.payment_id
      FOR UPDATE OF p`.execute(trx);
    let deductedNtd = 0;
    const records = [];
    for (const payment of payments) {
      const open = await trx
        .selectFrom('overpayment')
        .select(['overpayment_id', 'amount_ntd'])
        .where('status', '=', 'open')
        .where('recovery', '=', 'deduction')
        .where('payee_person_id', '=', payment.payee_person_id)
        .where('program_id', '=', payment.program_id)
        .orderBy('created_at')
        .orderBy('period')
        .forUpdate()
        .execute();
      let left = payment.amount_ntd;
      for (const overpayment of open) {
        if (left === 0) break;
        const rest = await outstanding(trx, overpayment.overpayment_id);
        const take = Math.min(rest, left);
        if (take <= 0) continue;
        await trx
          .insertInto('overpayment_recovery')
          .values({
            recovery_id: randomUUID(),
            overpayment_id: overpayment.overpayment_id,
            kind: 'deduction',
            payment_id: payment.payment_id,
            amount_ntd: take,
            recorded_by: null,
          })
          .execute();
        left -= take;
        if (take === rest)
          await trx
            .updateTable('overpayment')
            .set({ status: 'recovered' })
            .where('overpayment_id', '=', overpayment.overpayment_id)
            .execute();
        records.push({
          action: 'update',
          recordType: 'overpayment',
          recordId: overpayment.overpayment_id,
          details: { deductedNtd: take, paymentId: payment.payment_id, recovered: take === rest },
        });
      }
      const taken = payment.amount_ntd - left;
      if (taken === 0) continue;
      deductedNtd += taken;
      await trx
        .updateTable('payment')
        .set(left > 0 ? { amount_ntd: left } : { status: 'cancelled' })
        .where('payment_id', '=', payment.payment_id)
        .execute();
      records.push({
        action: 'update',
        recordType: 'payment',
        recordId: payment.payment_id,
        details: { deductedNtd: taken, amountNtd: left, cancelled: left === 0 },
      });
    }
    if (records.length) await trail.log.append(trx, trail.context, records);
    return { payments: payments.length, deductedNtd };
  });
}

/** An overpayment locked for a change, or 404. */
async function lockOverpayment(trx: Kysely<Schema>, overpaymentId: string): Promise<OverpaymentRow> {
  const row = await trx
    .selectFrom('overpayment')
    .selectAll()
    .where('overpayment_id', '=', overpaymentId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new ApiError(404, '查無此溢領紀錄', 'no such overpayment');
  return row;
}

const notOpen = (o: OverpaymentRow) =>
  new ApiError(
    409,
    `此溢領已${o.status === 'waived' ? '註銷' : '結清'}，無從再追回`,
    `the overpayment is ${o.status} already: nothing is left to recover`,
  );

/**
 * A repayment received for an overpayment (the payee paid back), inside the caller's transaction. With an
 * idempotency key, recording it again answers the first entry's result instead of a second repayment.
 */
export async function recordRepayment(
  trx: Kysely<Schema>,
  overpaymentId: string,
  amountNtd: number,
  trail: AuditTrail,
  options: { idempotencyKey?: string } = {},
): Promise<{ outstandingNtd: number; recoveryId: string; created: boolean }> {
  const overpayment = await lockOverpayment(trx, overpaymentId);
  if (options.idempotencyKey) {
    const earlier = await trx
      .selectFrom('overpayment_recovery')
      .select(['recovery_id', 'amount_ntd'])
      .where('overpayment_id', '=', overpaymentId)
      .where('idempotency_key', '=', options.idempotencyKey)
      .executeTakeFirst();
    if (earlier) {
      if (earlier.amount_ntd !== amountNtd)
        throw new ApiError(
          409,
          '此 idempotencyKey 已用於另一金額之繳回',
          'this idempotencyKey was used for a repayment of another amount',
          'idempotencyKey',
        );
      return {
        outstandingNtd: await outstanding(trx, overpaymentId),
        recoveryId: earlier.recovery_id,
        created: false,
      };
    }
  }
  if (overpayment.status !== 'open') throw notOpen(overpayment);
  const rest = await outstanding(trx, overpaymentId);
  if (!Number.isSafeInteger(amountNtd) || amountNtd <= 0 || amountNtd > rest)
    throw new ApiError(
      422,
      `繳回金額須介於 1 至 ${formatNtd(rest)} 元（尚待追回金額）`,
      `a repayment is between 1 and ${formatNtd(rest)} NTD (the amount still outstanding)`,
      'amountNtd',
    );
  const recoveryId = randomUUID();
  await trx
    .insertInto('overpayment_recovery')
    .values({
      recovery_id: recoveryId,
      overpayment_id: overpaymentId,
      kind: 'repayment',
      payment_id: null,
      amount_ntd: amountNtd,
      recorded_by: trail.context.actor.kind === 'staff' ? trail.context.actor.id : null,
      idempotency_key: options.idempotencyKey ?? null,
    })
    .execute();
  if (amountNtd === rest)
    await trx
      .updateTable('overpayment')
      .set({ status: 'recovered' })
      .where('overpayment_id', '=', overpaymentId)
      .execute();
  await trail.log.append(trx, trail.context, [
    {
      action: 'update',
      recordType: 'overpayment',
      recordId: overpaymentId,
      details: { repaidNtd: amountNtd, recovered: amountNtd === rest, recoveryId },
    },
  ]);
  return { outstandingNtd: rest - amountNtd, recoveryId, created: true };
}

/** Waived (註銷): what is left is not recovered (e.g. the payee cannot repay), with the reason, audited. */
export async function waiveOverpayment(
  trx: Kysely<Schema>,
  overpaymentId: string,
  reason: string,
  trail: AuditTrail,
): Promise<{ outstandingNtd: number }> {
  const overpayment = await lockOverpayment(trx, overpaymentId);
  if (overpayment.status !== 'open') throw notOpen(overpayment);
  if (!reason.trim()) throw new ApiError(400, '註銷須說明理由', 'a waiver needs a reason', 'reason');
  const rest = await outstanding(trx, overpaymentId);
  await trx
    .updateTable('overpayment')
    .set({ status: 'waived' })
    .where('overpayment_id', '=', overpaymentId)
    .execute();
  await trail.log.append(trx, trail.context, [
    {
      action: 'update',
      recordType: 'overpayment',
      recordId: overpaymentId,
      details: { status: 'waived', waivedNtd: rest, reason },
    },
  ]);
  return { outstandingNtd: rest };
}

/** How an open overpayment is recovered from now on: deduction from later payments, or repayment. */
export async function setRecoveryMethod(
  trx: Kysely<Schema>,
  overpaymentId: string,
  method: 'deduction' | 'repayment',
  trail: AuditTrail,
): Promise<OverpaymentRow> {
  const overpayment = await lockOverpayment(trx, overpaymentId);
  if (overpayment.status !== 'open') throw notOpen(overpayment);
  if (overpayment.recovery === method) return overpayment;
  const row = await trx
    .updateTable('overpayment')
    .set({ recovery: method })
    .where('overpayment_id', '=', overpaymentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trail.log.append(trx, trail.context, [
    {
      action: 'update',
      recordType: 'overpayment',
      recordId: overpaymentId,
      details: { recovery: method, was: overpayment.recovery },
    },
  ]);
  return row;
}
