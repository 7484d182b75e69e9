import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_KIND_NAMES, type CsvKind } from '@safetynet/core/registry-csv/kinds';
import { stringify } from 'csv-stringify/sync';
import { AuditLog } from '../../audit/audit-log.ts';
import { auditChainKey } from '../../audit/audit-verify.ts';
import { operatorContext } from '../../audit/operator.ts';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { resolveIdKeys } from '../../identity/id-keys.ts';
import { IdProtector } from '../../identity/id-protector.ts';
import { importFiles } from '../../transfer/import.ts';
import { kindFromFileName, type ParsedFile, parseFile } from '../../transfer/parse.ts';
import { type Command, UsageError } from '../command.ts';

export const importCommand: Command = {
  name: 'import',
  usage: '<file.csv | directory> …',
  summary: '匯入戶籍 CSV Import registry CSV files (docs/csv-format.md): all land or none.',
  options: {
    kind: {
      type: 'string',
      description: `檔案種類 Kind of a single file whose name does not say it: ${CSV_KIND_NAMES.join(', ')}`,
    },
    'dry-run': { type: 'boolean', description: '只檢查不寫入 Validate only; write nothing' },
    report: { type: 'string', description: '錯誤報表 Write the bad lines to this CSV file' },
  },
  async run(options, positionals) {
    if (positionals.length === 0)
      throw new UsageError('請指定檔案或資料夾 Give at least one file or directory');
    const paths = positionals.flatMap((path) =>
      statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((f) => f.endsWith('.csv'))
            .map((f) => join(path, f))
        : [path],
    );
    if (paths.length === 0) throw new UsageError('找不到 CSV 檔 No CSV files found');
    const files: ParsedFile[] = paths.map((path) => {
      const kind = (options.kind as CsvKind | undefined) ?? kindFromFileName(path);
      if (!kind || !CSV_KIND_NAMES.includes(kind)) {
        throw new UsageError(
          `無法判斷 ${path} 的種類；請用 --kind，或將檔名命名為 <kind>.csv / name the file <kind>.csv or pass --kind`,
        );
      }
      return parseFile(kind, path, readFileSync(path, 'utf8'));
    });
    const database = await openDatabase(configFromEnv());
    try {
      await migrateToLatest(database.db);
      const protector = new IdProtector(resolveIdKeys(process.env, database));
      const trail = {
        log: new AuditLog(auditChainKey(protector)),
        context: operatorContext('registry import'),
      };
      const report = await importFiles(database, protector, files, {
        dryRun: options['dry-run'] === true,
        trail,
      });
      for (const p of report.problems) console.error(`${p.file}:${p.line} [${p.column}] ${p.zh} / ${p.en}`);
      if (typeof options.report === 'string') {
        writeFileSync(
          options.report,
          stringify(report.problems, { header: true, columns: ['file', 'line', 'column', 'zh', 'en'] }),
        );
      }
      console.log(
        JSON.stringify({
          ok: report.ok,
          dryRun: report.dryRun,
          badLines: report.problems.length,
          written: report.written,
          unchanged: report.unchanged,
        }),
      );
      return report.ok ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
