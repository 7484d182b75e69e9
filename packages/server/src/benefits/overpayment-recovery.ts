import { randomUUID } from 'node:crypto';
import type { IsoMonth } from '@safetynet/core/calendar';
import { type Kysely, type Selectable, sql } from 'kysely';
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

/** A repayment received for an overpayment (the payee paid back), inside the caller's transaction. */
export async function recordRepayment(
  trx: Kysely<Schema>,
  overpaymentId: string,
  amountNtd: number,
  trail: AuditTrail,
): Promise<{ outstandingNtd: number }> {
  await sql`SELECT 1 FROM overpayment WHERE overpayment_id = ${overpaymentId} FOR UPDATE`.execute(trx);
  const rest = await outstanding(trx, overpaymentId);
  if (!Number.isSafeInteger(amountNtd) || amountNtd <= 0 || amountNtd > rest)
    throw new RangeError(`a repayment is between 1 and ${rest} NTD`);
  await trx
    .insertInto('overpayment_recovery')
    .values({
      recovery_id: randomUUID(),
      overpayment_id: overpaymentId,
      kind: 'repayment',
      payment_id: null,
      amount_ntd: amountNtd,
      recorded_by: trail.context.actor.kind === 'staff' ? trail.context.actor.id : null,
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
      details: { repaidNtd: amountNtd, recovered: amountNtd === rest },
    },
  ]);
  return { outstandingNtd: rest - amountNtd };
}
