import { sql } from 'kysely';
import { operatorTrail } from '../audit/operator.ts';
import { runMonthlyPayments } from '../benefits/payment-run.ts';
import type { Database } from '../db/database.ts';
import { ensureCaseload } from './caseload.ts';
import type { Benchmark, BenchResult } from './registry.ts';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The monthly payment run (issue 5's target at scale 1 on PostgreSQL: ≤ 30 s for every active
 * entitlement) on the city's caseload, generated first when the database has none: the caseload's own
 * month, paid once (every payment written) and again (nothing to write: the rerun's cost).
 */
export const payrollBenchmark: Benchmark = {
  name: 'payroll',
  async run(database: Database, scale: number): Promise<BenchResult[]> {
    const { period, results } = await ensureCaseload(database, scale);
    const trail = operatorTrail(database, 'bench');
    const paid = await sql<{ n: number }>`SELECT count(*)::int AS n FROM payment WHERE period = ${period}
      AND kind = 'monthly'`.execute(database.db);
    if ((paid.rows[0]?.n ?? 0) > 0)
      console.error(`payroll: ${period} is paid already (${paid.rows[0]!.n}); the first run is a rerun`);
    let started = performance.now();
    const first = await runMonthlyPayments(database, period, trail);
    const firstSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const again = await runMonthlyPayments(database, period, trail);
    const againSeconds = (performance.now() - started) / 1000;
    console.error(
      `payroll ${period}: ${first.created} paid (${first.totalNtd} NTD); again ${again.created} created, ${again.alreadyPaid} already paid`,
    );
    return [
      ...results,
      { bench: `payroll-month-${database.engine}`, value: round(firstSeconds), unit: 's' },
      { bench: 'payroll-payments', value: first.created, unit: 'rows' },
      { bench: `payroll-rerun-${database.engine}`, value: round(againSeconds), unit: 's' },
      { bench: 'payroll-rate', value: Math.round(first.created / firstSeconds), unit: 'rows/s' },
    ];
  },
};
