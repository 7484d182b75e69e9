import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../run.ts';

// `safetynet review --year` as a user runs it, on an embedded data directory of its own.
let dataDir: string;
const saved = { url: process.env.DATABASE_URL, dir: process.env.SAFETYNET_DATA_DIR };

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sn-review-cli-'));
  delete process.env.DATABASE_URL;
  process.env.SAFETYNET_DATA_DIR = dataDir;
});
after(() => {
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  if (saved.dir !== undefined) process.env.SAFETYNET_DATA_DIR = saved.dir;
  else delete process.env.SAFETYNET_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...args: unknown[]) => out.push(args.join(' '));
  console.error = (...args: unknown[]) => err.push(args.join(' '));
  try {
    return { code: await runCli(argv), out, err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test('review --year: one JSON summary line with the year, the counts and the review; again the same review', async () => {
  const first = await run('review', '--year', '2024');
  assert.equal(first.code, 0, first.err);
  assert.equal(first.out.length, 1, 'exactly one line on stdout');
  const summary = JSON.parse(first.out[0]!);
  for (const field of ['year', 'reviewed', 'continue', 'change', 'end', 'reviewId'])
    assert.ok(field in summary, field);
  assert.equal(summary.year, 2024);
  assert.equal(summary.reviewed, summary.continue + summary.change + summary.end);
  assert.match(summary.reviewId, /^[0-9a-f-]{36}$/);
  const again = await run('review', '--year', '2024');
  assert.equal(JSON.parse(again.out[0]!).reviewId, summary.reviewId);
  const wrong = await run('review', '--year', '24');
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /--year/);
});
