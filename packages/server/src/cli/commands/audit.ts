import { auditChainKey, parseAuditHead, verifyAuditLog } from '../../audit/audit-verify.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { resolveIdKeys } from '../../identity/id-keys.ts';
import { IdProtector } from '../../identity/id-protector.ts';
import { type Command, UsageError } from '../command.ts';

/** `safetynet audit verify`: exit code 0 when the chain is intact, 1 when it is not. */
export const auditCommand: Command = {
  name: 'audit',
  summary: '稽核紀錄：verify 驗證雜湊鏈 Audit log: `verify` checks its hash chain (exit 1 if broken).',
  usage: 'verify',
  options: {
    'expect-head': {
      type: 'string',
      description:
        '先前記下的最新紀錄 <序號>:<雜湊>，可偵測尾端被刪除 A head recorded earlier, <seq>:<hash hex>: detects a cut-off tail',
    },
  },
  async run(options, positionals) {
    if (positionals.length !== 1 || positionals[0] !== 'verify')
      throw new UsageError('請指定子指令 verify / expected the subcommand `verify`');
    const headText = options['expect-head'];
    const expectHead = typeof headText === 'string' ? parseAuditHead(headText) : undefined;
    if (typeof headText === 'string' && !expectHead)
      throw new UsageError(
        '--expect-head 格式須為 <序號>:<64 位十六進位雜湊> / must be <seq>:<64 hex digits>',
      );
    const database = await openDatabase(configFromEnv());
    try {
      // The key as the server derives it: from the same ID keys (environment or data directory).
      const key = auditChainKey(new IdProtector(resolveIdKeys(process.env, database)));
      const result = await verifyAuditLog(database.db, key, { expectHead });
      if (result.ok) {
        const head = result.head ? `${result.head.seq}:${result.head.hash}` : '—';
        console.log(`稽核紀錄鏈完整 The audit log is intact: ${result.count} entries.`);
        console.log(`最新紀錄 Head (keep it for --expect-head): ${head}`);
        return 0;
      }
      console.error(`稽核紀錄鏈已遭破壞 The audit log is NOT intact (${result.problem}, seq ${result.seq}):`);
      console.error(`  ${result.message.zh}`);
      console.error(`  ${result.message.en}`);
      console.error(`  之前 ${result.checked} 筆完好 ${result.checked} entries before it verified.`);
      return 1;
    } finally {
      await database.close();
    }
  },
};
