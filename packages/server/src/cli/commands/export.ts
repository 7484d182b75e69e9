import { writeFileSync } from 'node:fs';
import { isIsoDate } from '@safetynet/core/calendar';
import { findDistrict } from '@safetynet/core/districts';
import { CSV_KIND_NAMES, type CsvKind } from '@safetynet/core/registry-csv/kinds';
import { AuditLog } from '../../audit/audit-log.ts';
import { auditChainKey } from '../../audit/audit-verify.ts';
import { operatorContext } from '../../audit/operator.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { resolveIdKeys } from '../../identity/id-keys.ts';
import { IdProtector } from '../../identity/id-protector.ts';
import { exportKind } from '../../transfer/export.ts';
import { type Command, UsageError } from '../command.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: '匯出戶籍 CSV Export one kind of registry records as CSV, as on a date (the import format).',
  options: {
    kind: { type: 'string', description: `種類 Kind: ${CSV_KIND_NAMES.join(', ')}` },
    'as-of': { type: 'string', description: '基準日 Records as on this date (default: today)' },
    district: { type: 'string', description: '行政區 Only this district (code or name)' },
    mask: {
      type: 'boolean',
      description: '遮蔽身分證字號 Mask ID numbers (the file can then not be imported)',
    },
    out: { type: 'string', default: '-', description: '輸出檔 Output file, or - for standard output' },
  },
  async run(options) {
    const kind = options.kind as CsvKind | undefined;
    if (!kind || !CSV_KIND_NAMES.includes(kind))
      throw new UsageError(`--kind 須為 / must be one of: ${CSV_KIND_NAMES.join(', ')}`);
    const on = (options['as-of'] as string | undefined) ?? new Date().toISOString().slice(0, 10);
    if (!isIsoDate(on)) throw new UsageError('--as-of 須為 YYYY-MM-DD / must be a YYYY-MM-DD date');
    const district = options.district ? findDistrict(String(options.district)) : undefined;
    if (options.district && !district)
      throw new UsageError(`找不到行政區 No such district: ${options.district}`);
    const database = await openDatabase(configFromEnv());
    try {
      await migrateToLatest(database.db);
      const protector = new IdProtector(resolveIdKeys(process.env, database));
      const csv = await exportKind(database, protector, kind, {
        asOf: on,
        district: district?.code,
        mask: options.mask === true,
      });
      // Personal data leaving the system: on the record before it is written out.
      await new AuditLog(auditChainKey(protector)).appendAlone(
        database.db,
        operatorContext('registry export'),
        [
          {
            action: 'export',
            recordType: kind,
            recordId: null,
            details: { asOf: on, district: district?.code ?? null, masked: options.mask === true },
          },
        ],
      );
      if (options.out === '-' || options.out === undefined) process.stdout.write(csv);
      else writeFileSync(String(options.out), csv);
      return 0;
    } finally {
      await database.close();
    }
  },
};
