import { generateCity } from '@safetynet/core/synth/generate';
import type { Database } from '../db/database.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { HouseholdRepository } from '../registry/households.ts';
import { PersonRepository } from '../registry/persons.ts';
import { MASKED_VIEWER } from '../registry/viewer.ts';
import { loadSyntheticCity } from '../synth/load.ts';

export interface BenchResult {
  bench: string;
  value: number;
  unit: 's' | 'ms' | 'MiB' | 'rows' | 'rows/s';
}

export interface Benchmark {
  name: string;
  run(database: Database, scale: number): Promise<BenchResult[]>;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Generate and load the synthetic city: seconds, rows per second, peak memory of this process. */
const loadCity: Benchmark = {
  name: 'load',
  async run(database, scale) {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 200);
    const started = performance.now();
    const summary = await loadSyntheticCity(database, {
      scale,
      seed: 1,
      replace: true,
      ignoreEmbeddedLimit: true,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
    return [
      { bench: `load-city-${database.engine}`, value: round(seconds), unit: 's' },
      { bench: `load-city-${database.engine}-rows`, value: Math.round(rows / seconds), unit: 'rows/s' },
      { bench: `load-city-${database.engine}-peak-rss`, value: Math.round(peak / 2 ** 20), unit: 'MiB' },
    ];
  },
};

/** Reads a clerk makes all day, on the loaded city: median of 50 each. */
const registryReads: Benchmark = {
  name: 'registry-reads',
  async run(database, scale) {
    const protector = new IdProtector(resolveIdKeys(process.env, database));
    const persons = new PersonRepository(database, protector);
    const households = new HouseholdRepository(database, protector);
    const sample = [...generateCity({ scale, seed: 1 })][11]!; // 鳳山區, the largest district
    const people = sample.person.slice(0, 50);
    const homes = sample.household.slice(0, 50).map((h) => h[0] as string);
    const time = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const byId: number[] = [];
    for (const p of people)
      byId.push(
        await time(() =>
          persons.search(
            { idNumber: p[2] as string, asOf: '2023-06-30', limit: 20, offset: 0 },
            MASKED_VIEWER,
          ),
        ),
      );
    const household: number[] = [];
    for (const id of homes) household.push(await time(() => households.get(id, '2023-06-30', MASKED_VIEWER)));
    const byName: number[] = [];
    for (const surname of ['陳', '林', '黃', '張', '李'])
      byName.push(
        await time(() =>
          persons.search({ name: `${surname}志`, asOf: '2023-06-30', limit: 20, offset: 0 }, MASKED_VIEWER),
        ),
      );
    return [
      { bench: `person-by-id-number-${database.engine}`, value: round(median(byId)), unit: 'ms' },
      { bench: `household-as-of-${database.engine}`, value: round(median(household)), unit: 'ms' },
      { bench: `person-by-name-prefix-${database.engine}`, value: round(median(byName)), unit: 'ms' },
    ];
  },
};

/** Every benchmark, in the order they run (later issues add theirs here). */
export const BENCHMARKS: Benchmark[] = [loadCity, registryReads];
