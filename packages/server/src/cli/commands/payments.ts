import { readFile, writeFile } from 'node:fs/promises';
import { isIsoMonth } from '@safetynet/core/calendar';
import { AuditLog, type AuditTrail } from '../../audit/audit-log.ts';
import { auditChainKey } from '../../audit/audit-verify.ts';
import { operatorContext, operatorTrail } from '../../audit/operator.ts';
import { generateBankFile } from '../../benefits/bank-file.ts';
import { importBankReturns } from '../../benefits/bank-returns.ts';
import { runMonthlyPayments } from '../../benefits/payment-run.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { resolveIdKeys } from '../../identity/id-keys.ts';
import { IdProtector } from '../../identity/id-protector.ts';
import { type Command, UsageError } from '../command.ts';
import { progressBar } from '../progress.ts';

const options: Command['options'] = {
  period: { type: 'string', description: '撥款月份 The month to pay, YYYY-MM' },
  'chunk-size': {
    type: 'string',
    description: '每筆交易處理的給付資格數 Entitlements per transaction',
    default: '5000',
  },
  out: { type: 'string', description: '匯款檔輸出路徑 Where `bank-file` writes the transfer file' },
};

/**
 * The month's payments for every entitlement in force, exactly once: safe to run again, and to run again
 * after it was interrupted (it pays only what is missing). Ends with one JSON summary line.
 */
async function runPayments(values: Record<string, string | boolean | undefined>): Promise<number> {
  const period = String(values.period ?? '');
  if (!isIsoMonth(period)) throw new UsageError('--period 須為 YYYY-MM / must be a YYYY-MM month');
  const chunkSize = Number(values['chunk-size'] ?? 5000);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
    throw new UsageError('--chunk-size 須為正整數 / must be a positive integer');
  const database = await openDatabase(configFromEnv());
  try {
    await migrateToLatest(database.db);
    const trail = operatorTrail(database, 'payment run');
    const bar = progressBar(`撥款 paying ${period}`);
    const summary = await runMonthlyPayments(database, period, trail, {
      chunkSize,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    console.log(
      JSON.stringify({
        period,
        created: summary.created,
        alreadyPaid: summary.alreadyPaid,
        totalNtd: summary.totalNtd,
        payments: summary.payments,
        runId: summary.runId,
      }),
    );
    return 0;
  } finally {
    await database.close();
  }
}

/** Opens the database and the audit trail of an operator's command, runs `work`, closes. */
async function withOperator<T>(
  purpose: string,
  work: (
    database: Awaited<ReturnType<typeof openDatabase>>,
    protector: IdProtector,
    trail: AuditTrail,
  ) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(configFromEnv());
  try {
    await migrateToLatest(database.db);
    const protector = new IdProtector(resolveIdKeys(process.env, database));
    const trail = { log: new AuditLog(auditChainKey(protector)), context: operatorContext(purpose) };
    return await work(database, protector, trail);
  } finally {
    await database.close();
  }
}

/** The month's bank transfer file (docs/bank-transfer-file.md); pending payments in it become 'sent'. */
async function bankFile(values: Record<string, string | boolean | undefined>): Promise<number> {
  const period = String(values.period ?? '');
  if (!isIsoMonth(period)) throw new UsageError('--period 須為 YYYY-MM / must be a YYYY-MM month');
  const out = values.out;
  if (typeof out !== 'string' || out === '')
    throw new UsageError('--out 須指定輸出檔 / names the file to write');
  return withOperator('bank file', async (database, protector, trail) => {
    const result = await generateBankFile(database, protector, period, trail);
    await writeFile(out, result.content, { mode: 0o600 });
    console.log(
      JSON.stringify({
        period,
        sequence: result.file.sequence,
        created: result.created,
        payments: result.file.payments,
        totalNtd: Number(result.file.amount_ntd),
        sha256: result.file.sha256,
        missingAccounts: result.missingAccounts.map((m) => m.paymentId),
      }),
    );
    return 0;
  });
}

/** The bank's returns CSV: all lines applied, or none (the rejected lines printed, exit code 1). */
async function bankReturns(file: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  return withOperator('bank returns', async (database, _protector, trail) => {
    const result = await importBankReturns(database, text, trail);
    for (const r of result.rejected) console.error(`第 ${r.line} 行 line ${r.line}: ${r.zh} / ${r.en}`);
    console.log(
      JSON.stringify({
        lines: result.lines,
        applied: result.applied,
        unchanged: result.unchanged,
        rejected: result.rejected.length,
        sha256: result.sha256,
      }),
    );
    return result.rejected.length ? 1 : 0;
  });
}

const PAYMENTS_USAGE =
  '用法 usage: safetynet payments run --period YYYY-MM | bank-file --period YYYY-MM --out FILE | returns FILE';

export const paymentsCommand: Command = {
  name: 'payments',
  usage: 'run | bank-file | returns <file>',
  summary:
    "每月撥款 `payments run --period YYYY-MM`: pay every entitlement in force for the month, exactly once; `payments bank-file --period YYYY-MM --out FILE`: the month's bank transfer file; `payments returns FILE`: import the bank's returns.",
  options,
  async run(values, positionals) {
    if (positionals[0] === 'run' && positionals.length === 1) return runPayments(values);
    if (positionals[0] === 'bank-file' && positionals.length === 1) return bankFile(values);
    if (positionals[0] === 'returns' && positionals.length === 2) return bankReturns(positionals[1]!);
    throw new UsageError(PAYMENTS_USAGE);
  },
};

/** The name for the same run: `safetynet payroll --period YYYY-MM`. */
export const payrollCommand: Command = {
  name: 'payroll',
  summary: '每月撥款 Same as `payments run`: pay every entitlement in force for the month, exactly once.',
  options,
  async run(values, positionals) {
    if (positionals.length) throw new UsageError('用法 usage: safetynet payroll --period YYYY-MM');
    return runPayments(values);
  },
};
