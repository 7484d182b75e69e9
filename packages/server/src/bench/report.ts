import { addMonths, type IsoMonth } from '@safetynet/core/calendar';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { renderHalfYearHtml } from '../reports/half-year-html.ts';
import { loadHalfYearReport } from '../reports/half-year-report.ts';
import type { Benchmark, BenchResult } from './registry.ts';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The half-year work report (issue 7's target at scale 1 on PostgreSQL: ≤ 5 s over about four million
 * payments): the six months up to the latest month paid, on a database whose caseload has been paid for
 * them (`safetynet generate --scale 1 --caseload-period 2023-01`, then `safetynet payroll` for each month).
 * Timed from the query to the finished model, three times; the HTML rendering apart.
 */
export const reportBenchmark: Benchmark = {
  name: 'report',
  async run(database: Database): Promise<BenchResult[]> {
    const { rows } = await sql<{ latest: string | null; payments: string }>`
      SELECT max(period) AS latest, count(*)::text AS payments FROM payment`.execute(database.db);
    const latest = rows[0]?.latest;
    if (!latest)
      throw new Error('report: no payments; generate a city with its caseload and pay six months first');
    const period = { from: addMonths(latest as IsoMonth, -5), to: latest as IsoMonth };
    const { rows: counted } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM payment
      WHERE period >= ${period.from} AND period <= ${period.to}`.execute(database.db);
    const times: number[] = [];
    let report = await loadHalfYearReport(database.db, period);
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      report = await loadHalfYearReport(database.db, period);
      times.push((performance.now() - started) / 1000);
    }
    const started = performance.now();
    renderHalfYearHtml(report);
    const htmlSeconds = (performance.now() - started) / 1000;
    console.error(`report ${period.from}–${period.to}: ${counted[0]!.n} payments of ${rows[0]!.payments}`);
    return [
      { bench: `report-half-year-${database.engine}`, value: round(median(times)), unit: 's' },
      { bench: 'report-half-year-payments', value: Number(counted[0]!.n), unit: 'rows' },
      { bench: 'report-half-year-html', value: round(htmlSeconds * 1000, 0), unit: 'ms' },
    ];
  },
};
