import { ANONYMOUS } from '@safetynet/core/authz/actor';
import { AuditLog } from '../audit/audit-log.ts';
import { openDatabase } from '../db/database.ts';

/**
 * For the kill test (payments.int.test.ts): a real process running a month's payments in tiny chunks
 * against the database in argv, so the test can kill it midway. argv: databaseUrl period chunkSize keyHex.
 */
const [databaseUrl, period, chunkSize, keyHex] = process.argv.slice(2);
const { runMonthlyPayments } = await import('./payment-run.ts');
const database = await openDatabase({ databaseUrl: databaseUrl! });
const trail = {
  log: new AuditLog(Buffer.from(keyHex!, 'hex')),
  context: { actor: { ...ANONYMOUS, name: 'payment-run-child' }, ip: null, purpose: null },
};
await runMonthlyPayments(database, period!, trail, { chunkSize: Number(chunkSize) });
await database.close();
