import { operatorTrail } from '../audit/operator.ts';
import { currentSnapshot, runAnnualReview } from '../benefits/annual-review.ts';
import type { Database } from '../db/database.ts';
import { ensureCaseload } from './caseload.ts';
import type { Benchmark, BenchResult } from './registry.ts';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The annual review of every entitlement in force (issue 5's target at scale 1 on PostgreSQL: ≤ 60 s), on
 * the database's caseload: the year after the newest entitlement began, so every open one is in force in
 * its January. The month's registry snapshot is taken first and timed apart (it is taken once, and
 * `rules-snapshot-take` measures it); the review then finds it current and reuses it. A first run and a
 * second (every item compared, none written again) are both timed.
 */
export const reviewBenchmark: Benchmark = {
  name: 'review',
  async run(database: Database, scale: number): Promise<BenchResult[]> {
    const { period: newest, results } = await ensureCaseload(database, scale);
    const year = Number(newest.slice(0, 4)) + 1;
    const trail = operatorTrail(database, 'bench');
    let started = performance.now();
    await currentSnapshot(database, `${year}-01`);
    const snapshotSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const first = await runAnnualReview(database, year, trail);
    const firstSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const again = await runAnnualReview(database, year, trail);
    const againSeconds = (performance.now() - started) / 1000;
    console.error(
      `review ${year}: ${first.reviewed} entitlements (${first.continue} continue, ${first.change} change, ${first.end} end); again ${again.reviewed}`,
    );
    return [
      ...results,
      { bench: `review-snapshot-take-${database.engine}`, value: round(snapshotSeconds), unit: 's' },
      { bench: `review-annual-${database.engine}`, value: round(firstSeconds), unit: 's' },
      { bench: `review-annual-again-${database.engine}`, value: round(againSeconds), unit: 's' },
      { bench: 'review-annual-rate', value: Math.round(first.reviewed / firstSeconds), unit: 'rows/s' },
      { bench: 'review-peak-rss', value: round(process.resourceUsage().maxRSS / 1024, 0), unit: 'MiB' },
    ];
  },
};
