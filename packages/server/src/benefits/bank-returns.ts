import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { PaymentTable, Schema } from '../db/schema.ts';
import { MAX_ATTEMPTS } from './bank-file.ts';

/**
 * The bank's answers to a transfer file (docs/bank-transfer-file.md, "Returns"): a CSV of
 * `reference,status,reason` lines, the reference being `<payment id>:<attempt>` as written in the file.
 * All or nothing: one line that cannot be applied rejects the whole file and writes nothing. Each payment
 * and attempt takes one answer (bank_return's key): importing the same file again changes nothing.
 * Returned and failed payments are then sent again (the same row, attempt + 1, back to 'pending') or
 * cancelled.
 */
export type ReturnStatus = 'paid' | 'returned' | 'failed';

export interface ReturnLineProblem {
  line: number;
  reference: string;
  zh: string;
  en: string;
}

export interface ReturnsImport {
  sha256: string;
  lines: number;
  /** Payments whose status this import changed. */
  applied: number;
  /** Lines already imported before (the same answer for the same attempt). */
  unchanged: number;
  /** Non-empty: nothing was written. */
  rejected: ReturnLineProblem[];
}

interface ReturnLine {
  line: number;
  reference: string;
  paymentId: string;
  attempt: number;
  status: ReturnStatus;
  reason: string;
}

const REFERENCE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([1-9][0-9]{0,2})$/;

function parse(text: string): { lines: ReturnLine[]; rejected: ReturnLineProblem[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rejected: ReturnLineProblem[] = [];
  if ((rows[0] ?? '').trim().toLowerCase() !== 'reference,status,reason')
    return {
      lines: [],
      rejected: [
        {
          line: 1,
          reference: '',
          zh: '首行須為 reference,status,reason',
          en: 'the first line is reference,status,reason',
        },
      ],
    };
  const lines: ReturnLine[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (index === 0 || row.trim() === '') continue;
    const line = index + 1;
    const fields = row.split(',').map((f) => f.trim());
    const reference = (fields[0] ?? '').slice(0, 60);
    const bad = (zh: string, en: string) => rejected.push({ line, reference, zh, en });
    if (fields.length !== 3) {
      bad('每行須有 3 欄', 'each line has 3 fields');
      continue;
    }
    const match = REFERENCE.exec(fields[0]!.toLowerCase());
    if (!match) {
      bad('參考編號格式有誤', 'the reference is <payment id>:<attempt>');
      continue;
    }
    const status = fields[1]!.toLowerCase();
    if (status !== 'paid' && status !== 'returned' && status !== 'failed') {
      bad('狀態須為 paid、returned 或 failed', 'the status is paid, returned or failed');
      continue;
    }
    const reason = fields[2]!;
    if (!/^[0-9A-Za-z]{0,8}$/.test(reason)) {
      bad('原因代碼須為至多 8 個英數字', 'the reason code is up to 8 letters or digits');
      continue;
    }
    if (status !== 'paid' && reason === '') {
      bad('退匯或失敗須有原因代碼', 'a return or failure has a reason code');
      continue;
    }
    const key = `${match[1]}:${match[2]}`;
    if (seen.has(key)) {
      bad('參考編號重複', 'the reference appears twice');
      continue;
    }
    seen.add(key);
    lines.push({ line, reference: key, paymentId: match[1]!, attempt: Number(match[2]), status, reason });
  }
  return { lines, rejected };
}

/** Imports a returns file for the month's payments (`period`, or any month when omitted). */
export async function importBankReturns(
  database: Database,
  text: string,
  trail: AuditTrail,
  options: { period?: string } = {},
): Promise<ReturnsImport> {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const parsed = parse(text);
  const report = { sha256, lines: parsed.lines.length + parsed.rejected.length, applied: 0, unchanged: 0 };
  if (parsed.rejected.length > 0) return { ...report, rejected: parsed.rejected };
  return database.db.transaction().execute(async (trx) => {
    // One import at a time: two at once could both find a payment 'sent' and both answer it.
    await sql`SELECT pg_advisory_xact_lock(hashtext('bank-returns'))`.execute(trx);
    const ids = [...new Set(parsed.lines.map((l) => l.paymentId))];
    const payments = ids.length
      ? await trx
          .selectFrom('payment')
          .select(['payment_id', 'period', 'status', 'attempt'])
          .where('payment_id', 'in', ids)
          .execute()
      : [];
    const sentItems = ids.length
      ? await trx
          .selectFrom('bank_file_item')
          .select(['payment_id', 'attempt'])
          .where('payment_id', 'in', ids)
          .execute()
      : [];
    const answers = ids.length
      ? await trx.selectFrom('bank_return').selectAll().where('payment_id', 'in', ids).execute()
      : [];
    const paymentOf = new Map(payments.map((p) => [p.payment_id, p]));
    const sent = new Set(sentItems.map((i) => `${i.payment_id}:${i.attempt}`));
    const answerOf = new Map(answers.map((a) => [`${a.payment_id}:${a.attempt}`, a]));
    const rejected: ReturnLineProblem[] = [];
    const toApply: ReturnLine[] = [];
    let unchanged = 0;
    for (const l of parsed.lines) {
      const bad = (zh: string, en: string) => rejected.push({ line: l.line, reference: l.reference, zh, en });
      const payment = paymentOf.get(l.paymentId);
      if (!payment || (options.period && payment.period !== options.period) || !sent.has(l.reference)) {
        bad('查無此匯款參考編號', 'unknown reference: no payment was sent with it');
        continue;
      }
      const earlier = answerOf.get(l.reference);
      if (earlier) {
        if (earlier.status === l.status && earlier.reason_code === l.reason) unchanged++;
        else bad('與先前匯入的回覆不同', `differs from the answer imported before (${earlier.status})`);
        continue;
      }
      if (payment.attempt !== l.attempt || payment.status !== 'sent') {
        bad('此筆款項目前不是已匯出狀態', `the payment is ${payment.status}, not sent in this attempt`);
        continue;
      }
      toApply.push(l);
    }
    if (rejected.length > 0) return { ...report, rejected };
    const importedBy = trail.context.actor.kind === 'staff' ? trail.context.actor.id : null;
    if (toApply.length > 0) {
      await trx
        .insertInto('bank_return')
        .values(
          toApply.map((l) => ({
            payment_id: l.paymentId,
            attempt: l.attempt,
            status: l.status,
            reason_code: l.reason,
            file_sha256: sha256,
            imported_by: importedBy,
          })),
        )
        .execute();
      for (const status of ['paid', 'returned', 'failed'] as const) {
        const of = toApply.filter((l) => l.status === status).map((l) => l.paymentId);
        if (of.length)
          await trx
            .updateTable('payment')
            .set({ status })
            .where('payment_id', 'in', of)
            .where('status', '=', 'sent')
            .execute();
      }
      await trail.log.append(
        trx,
        trail.context,
        toApply.map((l) => ({
          action: 'update',
          recordType: 'payment',
          recordId: l.paymentId,
          details: { bankReturn: l.status, attempt: l.attempt, reasonCode: l.reason, file: sha256 },
        })),
      );
    }
    return { ...report, applied: toApply.length, unchanged, rejected: [] };
  });
}

type PaymentRow = Selectable<PaymentTable>;

async function lockedPayment(trx: Kysely<Schema>, paymentId: string, period?: string): Promise<PaymentRow> {
  const payment = await trx
    .selectFrom('payment')
    .selectAll()
    .where('payment_id', '=', paymentId)
    .forUpdate()
    .executeTakeFirst();
  if (!payment || (period && payment.period !== period))
    throw new ApiError(404, '查無此筆款項', 'no such payment');
  return payment;
}

/** A returned or failed payment sent again: the same row, attempt + 1, 'pending' for the next bank file. */
export function retryPayment(trx: Kysely<Schema>, paymentId: string, trail: AuditTrail, period?: string) {
  return changePayment(trx, paymentId, trail, period, 'retry');
}

/** A pending, returned or failed payment that will not be paid. */
export function cancelPayment(trx: Kysely<Schema>, paymentId: string, trail: AuditTrail, period?: string) {
  return changePayment(trx, paymentId, trail, period, 'cancel');
}

async function changePayment(
  trx: Kysely<Schema>,
  paymentId: string,
  trail: AuditTrail,
  period: string | undefined,
  change: 'retry' | 'cancel',
): Promise<PaymentRow> {
  const payment = await lockedPayment(trx, paymentId, period);
  const from = change === 'retry' ? ['returned', 'failed'] : ['pending', 'returned', 'failed'];
  if (!from.includes(payment.status))
    throw new ApiError(
      409,
      `此筆款項狀態為 ${payment.status}，無法${change === 'retry' ? '重新匯款' : '取消'}`,
      `the payment is ${payment.status}: it cannot be ${change === 'retry' ? 'sent again' : 'cancelled'}`,
    );
  if (change === 'retry' && payment.attempt >= MAX_ATTEMPTS)
    throw new ApiError(409, '重新匯款次數已達上限', 'too many attempts');
  const updated = await trx
    .updateTable('payment')
    .set(change === 'retry' ? { status: 'pending', attempt: payment.attempt + 1 } : { status: 'cancelled' })
    .where('payment_id', '=', paymentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trail.log.append(trx, trail.context, [
    {
      action: change,
      recordType: 'payment',
      recordId: paymentId,
      details: { from: payment.status, to: updated.status, attempt: updated.attempt },
    },
  ]);
  return updated;
}
