import { loadParameters, PROGRAMS } from '@safetynet/rules';
import type { Database } from '../db/database.ts';
import { evaluateCity } from '../rules/evaluate-city.ts';
import { loadSnapshot, makeSnapshot } from '../rules/snapshot-store.ts';
import { loadSyntheticCity } from '../synth/load.ts';
import type { Benchmark, BenchResult } from './registry.ts';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Every program over the whole stored population for one month (issue 3's targets at scale 1: compute
 * ≤ 2 s with peak memory ≤ 3 GiB; loading the population ≤ 5 s). Taking the month's snapshot from the
 * registry is timed too: it is done once a month.
 */
export const cityRulesBenchmark: Benchmark = {
  name: 'rules-city',
  async run(database: Database, scale: number): Promise<BenchResult[]> {
    const any = await database.db.selectFrom('person').select('person_id').limit(1).execute();
    if (any.length === 0) await loadSyntheticCity(database, { scale, seed: 1, ignoreEmbeddedLimit: true });
    const period = '2024-06';
    let started = performance.now();
    const info = await makeSnapshot(database, period);
    const snapshotSeconds = (performance.now() - started) / 1000;
    const loads: number[] = [];
    let population = await loadSnapshot(database, info);
    for (let run = 0; run < 3; run++) {
      started = performance.now();
      population = await loadSnapshot(database, info);
      loads.push((performance.now() - started) / 1000);
    }
    const parameters = loadParameters();
    const computes: number[] = [];
    for (let run = 0; run < 3; run++) computes.push(evaluateCity(population, parameters).computeMs);
    return [
      { bench: `rules-snapshot-take-${database.engine}`, value: round(snapshotSeconds), unit: 's' },
      { bench: `rules-snapshot-load-${database.engine}`, value: round(median(loads)), unit: 's' },
      { bench: `rules-all-programs-month-${PROGRAMS.size}`, value: round(median(computes), 0), unit: 'ms' },
      { bench: 'rules-peak-rss', value: round(process.resourceUsage().maxRSS / 1024, 0), unit: 'MiB' },
    ];
  },
};
