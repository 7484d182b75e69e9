// Runs the test files with Node's own test runner (Node 20's `--test` takes no glob patterns).
//   node scripts/run-tests.mjs          every *.test.ts (unit and database tests, embedded engine)
//   node scripts/run-tests.mjs --db     only the database tests (*.int.test.ts), on the engine the
//                                       environment names (SAFETYNET_TEST_DATABASE_URL → PostgreSQL)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const onlyDatabase = process.argv.includes('--db');
const files = [];
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(onlyDatabase ? '.int.test.ts' : '.test.ts')) files.push(path);
  }
}
for (const pkg of readdirSync('packages')) walk(join('packages', pkg, 'src'));
files.sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx/esm', '--test', '--test-concurrency=2', ...files],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
