import { createHash, randomUUID } from 'node:crypto';
import { type IsoMonth, isIsoMonth, taipeiDay } from '@safetynet/core/calendar';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { BankFileItemTable, BankFileTable, Schema } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';

/**
 * The bank transfer file of a month's payments (layout: docs/bank-transfer-file.md) and the payees' bank
 * accounts. Generating it sends each pending payment once: the payments in the file become 'sent' in the
 * transaction that records the file, and what each detail record said is kept (bank_file_item), so the
 * file can be written again byte for byte. A payee with no account on file stays 'pending' and is listed.
 */
export type BankFileRow = Selectable<BankFileTable>;
type ItemRow = Selectable<BankFileItemTable>;

/** Who the file comes from (the bureau's code at the bank, 8 characters). */
export const BUREAU_CODE = 'TPSWD001';
export const RECORD_BYTES = 140;
const NAME_BYTES = 60;
const REFERENCE_BYTES = 40;
export const MAX_ATTEMPTS = 999;

export interface BankAccountInput {
  bankCode: string;
  branchCode: string;
  account: string;
}

/** Records (or replaces) a payee's account; the number is sealed, and the audit names only the bank. */
export async function setPayeeAccount(
  trx: Kysely<Schema>,
  protector: IdProtector,
  personId: string,
  input: BankAccountInput,
  trail: AuditTrail,
): Promise<void> {
  if (!/^[0-9]{3}$/.test(input.bankCode))
    throw new ApiError(400, '銀行代碼須為 3 位數字', 'the bank code is 3 digits', 'bankCode');
  if (!/^[0-9]{4}$/.test(input.branchCode))
    throw new ApiError(400, '分行代碼須為 4 位數字', 'the branch code is 4 digits', 'branchCode');
  if (!/^[0-9]{1,14}$/.test(input.account))
    throw new ApiError(400, '帳號須為 1 至 14 位數字', 'the account number is 1 to 14 digits', 'account');
  const person = await trx
    .selectFrom('person')
    .select('person_id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new ApiError(404, '查無此人', 'no such person');
  const row = {
    bank_code: input.bankCode,
    branch_code: input.branchCode,
    account_cipher: protector.seal(input.account, personId),
    updated_by: trail.context.actor.kind === 'staff' ? trail.context.actor.id : null,
    updated_at: new Date(),
  };
  await trx
    .insertInto('payee_bank_account')
    .values({ person_id: personId, ...row })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
  await trail.log.append(trx, trail.context, [
    {
      action: 'update',
      recordType: 'payee-bank-account',
      recordId: personId,
      details: { bankCode: input.bankCode, branchCode: input.branchCode },
    },
  ]);
}

/** `2024-06-03` → `1130603`; `2024-06` → `11306`. */
const rocCompact = (iso: string) => {
  const [year, ...rest] = iso.split('-');
  return `${String(Number(year) - 1911).padStart(3, '0')}${rest.join('')}`;
};

const digits = (value: number | string, width: number) => {
  const text = String(value);
  if (!/^[0-9]+$/.test(text) || text.length > width)
    throw new RangeError(`${text} does not fit ${width} digits`);
  return text.padStart(width, '0');
};

/** Text left-aligned in `width` bytes of UTF-8, cut at a character boundary, padded with spaces. */
function textField(value: string, width: number): Buffer {
  const out = Buffer.alloc(width, 0x20);
  let used = 0;
  for (const ch of value) {
    const bytes = Buffer.from(ch, 'utf8');
    if (used + bytes.length > width) break;
    bytes.copy(out, used);
    used += bytes.length;
  }
  return out;
}

function record(parts: (string | Buffer)[]): Buffer {
  const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'ascii') : p)));
  if (body.length > RECORD_BYTES) throw new RangeError('record longer than the layout');
  return Buffer.concat([body, Buffer.alloc(RECORD_BYTES - body.length, 0x20), Buffer.from('\r\n', 'ascii')]);
}

export const paymentReference = (paymentId: string, attempt: number) => `${paymentId}:${attempt}`;

/** The file's bytes from what was recorded: the same file and items give the same bytes. */
export function renderBankFile(
  file: Pick<BankFileRow, 'period' | 'sequence' | 'created_on' | 'payments' | 'amount_ntd'>,
  items: (Pick<
    ItemRow,
    'line' | 'payment_id' | 'attempt' | 'bank_code' | 'branch_code' | 'payee_name' | 'amount_ntd'
  > & {
    account: string;
  })[],
): Buffer {
  const total = Number(file.amount_ntd);
  const lines = [
    record([
      '1',
      BUREAU_CODE,
      rocCompact(file.period),
      digits(file.sequence, 2),
      rocCompact(file.created_on),
      digits(file.payments, 6),
      digits(total, 14),
    ]),
  ];
  for (const item of items)
    lines.push(
      record([
        '2',
        digits(item.line, 6),
        digits(item.bank_code, 3),
        digits(item.branch_code, 4),
        digits(item.account, 14),
        digits(item.amount_ntd, 12),
        textField(item.payee_name, NAME_BYTES),
        textField(paymentReference(item.payment_id, item.attempt), REFERENCE_BYTES),
      ]),
    );
  lines.push(record(['3', digits(items.length, 6), digits(total, 14)]));
  return Buffer.concat(lines);
}

export interface GeneratedBankFile {
  file: BankFileRow;
  content: Buffer;
  /** False: nothing was pending with an account, the month's latest file again. */
  created: boolean;
  /** Pending payments of the month whose payee has no account on file (they stay pending). */
  missingAccounts: { paymentId: string; payeePersonId: string; amountNtd: number }[];
}

async function fileContent(trx: Kysely<Schema>, protector: IdProtector, file: BankFileRow): Promise<Buffer> {
  const items = await trx
    .selectFrom('bank_file_item')
    .innerJoin('payment', 'payment.payment_id', 'bank_file_item.payment_id')
    .selectAll('bank_file_item')
    .select('payment.payee_person_id')
    .where('file_id', '=', file.file_id)
    .orderBy('line')
    .execute();
  const content = renderBankFile(
    file,
    items.map((i) => ({ ...i, account: protector.open(i.account_cipher, i.payee_person_id) })),
  );
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (sha256 !== file.sha256) throw new Error(`bank file ${file.file_id} no longer renders to its checksum`);
  return content;
}

/**
 * The transfer file of the month: a new one holding every pending payment of the month whose payee has
 * an account (marked 'sent' in the same transaction), or, when none is pending, the latest one again.
 */
export async function generateBankFile(
  database: Database,
  protector: IdProtector,
  period: IsoMonth,
  trail: AuditTrail,
  options: { today?: string } = {},
): Promise<GeneratedBankFile> {
  if (!isIsoMonth(period))
    throw new ApiError(400, '月份須為 YYYY-MM', 'period must be a YYYY-MM month', 'period');
  return database.db.transaction().execute(async (trx) => {
    // One generation of a month at a time: two at once would both see the same payments pending.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`bank-file:${period}`}))`.execute(trx);
    const run = await trx
      .selectFrom('payment_run')
      .select('run_id')
      .where('period', '=', period)
      .executeTakeFirst();
    if (!run) throw new ApiError(404, '該月份尚未執行撥款', 'no payment run for this month');
    const pending = await trx
      .selectFrom('payment')
      .leftJoin('payee_bank_account as a', 'a.person_id', 'payment.payee_person_id')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('person_version')
            .distinctOn('person_id')
            .select(['person_id', 'name_zh'])
            .orderBy('person_id')
            .orderBy('valid_from', 'desc')
            .orderBy('recorded_at', 'desc')
            .as('n'),
        (join) => join.onRef('n.person_id', '=', 'payment.payee_person_id'),
      )
      .select([
        'payment.payment_id',
        'payment.attempt',
        'payment.payee_person_id',
        'payment.amount_ntd',
        'a.bank_code',
        'a.branch_code',
        'a.account_cipher',
        'n.name_zh',
      ])
      .where('payment.period', '=', period)
      .where('payment.status', '=', 'pending')
      .orderBy('payment.payment_id')
      .execute();
    const missingAccounts = pending
      .filter((p) => !p.account_cipher)
      .map((p) => ({ paymentId: p.payment_id, payeePersonId: p.payee_person_id, amountNtd: p.amount_ntd }));
    const sendable = pending.filter((p) => p.account_cipher && p.bank_code && p.branch_code);

    if (sendable.length === 0) {
      const latest = await trx
        .selectFrom('bank_file')
        .selectAll()
        .where('period', '=', period)
        .orderBy('sequence', 'desc')
        .executeTakeFirst();
      if (!latest)
        throw new ApiError(
          409,
          '沒有可匯出的待撥款項',
          'no pending payment with a bank account to send',
          'period',
        );
      return {
        file: latest,
        content: await fileContent(trx, protector, latest),
        created: false,
        missingAccounts,
      };
    }

    const { max } = await trx
      .selectFrom('bank_file')
      .select((eb) => eb.fn.max('sequence').as('max'))
      .where('period', '=', period)
      .executeTakeFirstOrThrow();
    const items = sendable.map((p, i) => ({
      line: i + 1,
      payment_id: p.payment_id,
      attempt: p.attempt,
      bank_code: p.bank_code!,
      branch_code: p.branch_code!,
      account_cipher: p.account_cipher!,
      account: protector.open(p.account_cipher!, p.payee_person_id),
      payee_name: p.name_zh ?? '',
      amount_ntd: p.amount_ntd,
    }));
    const amount = items.reduce((sum, i) => sum + i.amount_ntd, 0);
    const draft = {
      period,
      sequence: Number(max ?? 0) + 1,
      created_on: options.today ?? taipeiDay(),
      payments: items.length,
      amount_ntd: String(amount),
    };
    if (draft.sequence > 99)
      throw new ApiError(409, '本月匯款檔已達 99 個', 'a month has at most 99 bank files');
    const content = renderBankFile(draft, items);
    const file = await trx
      .insertInto('bank_file')
      .values({
        file_id: randomUUID(),
        ...draft,
        created_by: trail.context.actor.kind === 'staff' ? trail.context.actor.id : null,
        sha256: createHash('sha256').update(content).digest('hex'),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('bank_file_item')
      .values(items.map(({ account: _, ...item }) => ({ file_id: file.file_id, ...item })))
      .execute();
    const sent = await trx
      .updateTable('payment')
      .set({ status: 'sent' })
      .where(
        'payment_id',
        'in',
        items.map((i) => i.payment_id),
      )
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(sent.numUpdatedRows) !== items.length)
      throw new Error('a payment changed while its file was written');
    await trail.log.append(trx, trail.context, [
      {
        action: 'create',
        recordType: 'bank-file',
        recordId: file.file_id,
        details: {
          period,
          sequence: file.sequence,
          payments: items.length,
          amountNtd: amount,
          sha256: file.sha256,
          sent: items.map((i) => paymentReference(i.payment_id, i.attempt)),
          missingAccounts: missingAccounts.map((m) => m.paymentId),
        },
      },
    ]);
    return { file, content, created: true, missingAccounts };
  });
}
