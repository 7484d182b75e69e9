import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createThrowawayDatabase } from '../db/throwaway-database.ts';
import type { Benchmark } from './registry.ts';

/**
 * The benchmarks by name, each loaded only when it runs: a benchmark's process then holds only what it
 * uses (with the whole server loaded, a city's evaluation of the rules measured 0.2–0.3 s slower, its
 * garbage collections marking a heap twice the size).
 */
const BENCHMARK_MODULES: { names: string[]; load: () => Promise<Benchmark[]> }[] = [
  { names: ['load', 'registry-reads'], load: async () => (await import('./registry.ts')).BENCHMARKS },
  { names: ['calculate'], load: async () => [(await import('./rules.ts')).calculateBenchmark] },
  { names: ['rules-city'], load: async () => [(await import('./city-rules.ts')).cityRulesBenchmark] },
  { names: ['payroll'], load: async () => [(await import('./payroll.ts')).payrollBenchmark] },
  { names: ['review'], load: async () => [(await import('./review.ts')).reviewBenchmark] },
  { names: ['report'], load: async () => [(await import('./report.ts')).reportBenchmark] },
];

/**
 * `npm run bench -- --scale S`: each benchmark prints one JSON line
 * {"bench", "value", "unit", "scale"}. With DATABASE_URL, on a throwaway database created on that server
 * (and dropped after); otherwise on the embedded engine in a temporary directory. Never on your data,
 * unless `--existing` says so: then on DATABASE_URL's database itself, whose city (and caseload) the
 * benchmarks use as they find them and add to (a payment run, a review).
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.01' },
    only: { type: 'string' },
    existing: { type: 'boolean' },
  },
});
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error('--scale must be a positive number');

async function throwawayDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (values.existing) {
    if (!serverUrl) throw new Error('--existing needs DATABASE_URL');
    const database = await openDatabase({ databaseUrl: serverUrl });
    return { database, drop: () => database.close() };
  }
  if (serverUrl) {
    const throwaway = await createThrowawayDatabase(serverUrl, 'safetynet_bench');
    const database = await openDatabase({ databaseUrl: throwaway.url });
    return {
      database,
      drop: async () => {
        await database.close();
        await throwaway.drop();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'safetynet-bench-'));
  const database = await openDatabase({ dataDir });
  return {
    database,
    drop: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const { database, drop } = await throwawayDatabase();
try {
  await migrateToLatest(database.db);
  for (const module of BENCHMARK_MODULES) {
    const only = values.only;
    if (only && !module.names.some((name) => name.startsWith(only))) continue;
    for (const bench of await module.load()) {
      if (only && !bench.name.startsWith(only)) continue;
      for (const result of await bench.run(database, scale)) {
        console.log(JSON.stringify({ bench: result.bench, value: result.value, unit: result.unit, scale }));
      }
    }
  }
} finally {
  await drop();
}
