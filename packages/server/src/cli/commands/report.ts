import { writeFile } from 'node:fs/promises';
import { taipeiDay } from '@safetynet/core/calendar';
import { periodProblem } from '@safetynet/core/reports/half-year/report-period';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { renderHalfYearHtml } from '../../reports/half-year-html.ts';
import { defaultReportPeriod, loadHalfYearReport } from '../../reports/half-year-report.ts';
import { type Command, UsageError } from '../command.ts';

const USAGE =
  '用法 usage: safetynet report half-year [--from YYYY-MM --to YYYY-MM] [--format json|html|pdf] [--out FILE]';
const FORMATS = ['json', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/**
 * The half-year work report (工作報告) of a period, from the payments and the registry: JSON to stdout, or
 * the JSON, HTML or PDF written to --out (then one JSON summary line). Without --from and --to: the latest
 * complete half year with payments.
 */
async function halfYear(values: Record<string, string | boolean | undefined>): Promise<number> {
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if ((from === undefined) !== (to === undefined))
    throw new UsageError('--from 與 --to 須一併指定 / give both --from and --to, or neither');
  const format = String(values.format ?? 'json') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError('--format 須為 json、html 或 pdf / must be json, html or pdf');
  const out = values.out as string | undefined;
  if (out === '') throw new UsageError('--out 須指定輸出檔 / names the file to write');
  if (format === 'pdf' && out === undefined)
    throw new UsageError('PDF 須以 --out 指定輸出檔 / a PDF needs --out FILE');
  if (from !== undefined && to !== undefined) {
    const problem = periodProblem(from, to);
    if (problem) throw new UsageError(`--${problem.field}：${problem.zh} / ${problem.en}`);
  }
  const database = await openDatabase(configFromEnv());
  try {
    await migrateToLatest(database.db);
    const today = taipeiDay();
    const period = from && to ? { from, to } : await defaultReportPeriod(database.db, today);
    const report = await loadHalfYearReport(database.db, period, { today });
    const content =
      format === 'pdf'
        ? await (await import('../../reports/half-year-pdf.ts')).renderHalfYearPdf(report)
        : format === 'html'
          ? renderHalfYearHtml(report)
          : `${JSON.stringify(report, null, 2)}\n`;
    if (out === undefined) {
      process.stdout.write(content);
      return 0;
    }
    await writeFile(out, content);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    console.log(
      JSON.stringify({ report: 'half-year', from: period.from, to: period.to, format, out, bytes }),
    );
    return 0;
  } finally {
    await database.close();
  }
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'half-year',
  summary:
    '工作報告 `report half-year --from YYYY-MM --to YYYY-MM --format json|html|pdf --out FILE`: the half-year work report from payments and the registry (JSON to stdout without --out).',
  options: {
    from: { type: 'string', description: '起始月份 First month, YYYY-MM' },
    to: { type: 'string', description: '結束月份 Last month, YYYY-MM (at most 12 months)' },
    format: { type: 'string', description: '格式 json, html or pdf', default: 'json' },
    out: { type: 'string', description: '輸出檔 The file to write (required for pdf)' },
  },
  async run(values, positionals) {
    if (positionals.length !== 1 || positionals[0] !== 'half-year') throw new UsageError(USAGE);
    return halfYear(values);
  },
};
