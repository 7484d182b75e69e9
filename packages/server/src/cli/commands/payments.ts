import { isIsoMonth } from '@safetynet/core/calendar';
import { AuditLog } from '../../audit/audit-log.ts';
import { auditChainKey } from '../../audit/audit-verify.ts';
import { operatorContext } from '../../audit/operator.ts';
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
    const protector = new IdProtector(resolveIdKeys(process.env, database));
    const trail = { log: new AuditLog(auditChainKey(protector)), context: operatorContext('payment run') };
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

export const paymentsCommand: Command = {
  name: 'payments',
  usage: 'run',
  summary:
    '每月撥款 `payments run --period YYYY-MM`: pay every entitlement in force for the month, exactly once.',
  options,
  async run(values, positionals) {
    if (positionals[0] !== 'run' || positionals.length !== 1)
      throw new UsageError('用法 usage: safetynet payments run --period YYYY-MM');
    return runPayments(values);
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
