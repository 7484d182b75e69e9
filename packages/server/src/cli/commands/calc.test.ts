import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FOUR_PERSON_HOUSEHOLD } from '../../http/rules-schemas.ts';
import { runCli } from '../run.ts';

const dir = mkdtempSync(join(tmpdir(), 'safetynet-calc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const goodCase = file('case.json', JSON.stringify(FOUR_PERSON_HOUSEHOLD));

/** Runs the CLI in this process, capturing what it prints. */
async function calc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => out.push(parts.join(' '));
  console.error = (...parts: unknown[]) => err.push(parts.join(' '));
  try {
    const code = await runCli(['calc', ...args]);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test('calc prints the response of POST /api/v1/calculate as JSON', async () => {
  const { code, out, err } = await calc(goodCase);
  assert.equal(code, 0, err);
  const response = JSON.parse(out);
  assert.equal(response.results[0].program, 'low-income-status');
  assert.equal(response.results[0].id, 'h1');
  assert.ok(response.results[0].reasons.length > 0);
  assert.ok(
    response.parameters.some((p: { id: string }) => p.id === 'social-assistance.minimum-living-cost'),
  );
  assert.match(out, /\n {2}"results"/, 'pretty-printed');
});

test('calc --explain: each program, the verdict, each reason ✓/✗/? with value, threshold and reference', async () => {
  const { code, out } = await calc(goodCase, '--explain');
  assert.equal(code, 0);
  assert.match(out, /低收入戶資格 Low-income household status \(low-income-status\) — 家戶 household h1/);
  assert.match(out, /[✓✗?] (符合 eligible|不符合 not eligible|無法判定 cannot be determined)/);
  assert.match(out, /✓ 申請人設籍本市 the applicant is registered in the city \[000 參\(二\)1\]/);
  assert.match(out, /值 value 7,000 \/ 門檻 threshold [\d,]+ \[D0050078 第4條第1項\]/);
  assert.match(out, /參數 Parameters/);
  assert.match(
    out,
    /social-assistance\.minimum-living-cost = [\d,]+ \(自 from \d{4}-\d{2}-\d{2}; 出處 source/,
  );
});

test('calc --explain: a condition that is another program’s result is followed by that result’s reasons', async () => {
  const dependent = file(
    'dependent.json',
    JSON.stringify({ ...FOUR_PERSON_HOUSEHOLD, programs: ['low-income-student-allowance'] }),
  );
  const { code, out } = await calc(dependent, '--explain');
  assert.equal(code, 0);
  const sections = out.split('\n\n').filter((s) => s.includes('(low-income-student-allowance)'));
  assert.equal(sections.length, 4, 'one per person');
  for (const section of sections) {
    assert.match(section, /屬列冊低收入戶 in a registered low-income household/);
    assert.match(section, /↳ 低收入戶資格 Low-income household status: [✓✗?]/);
    // The household's reasons, looked up among the results, under the person's condition.
    assert.match(section, /\n {10}[✓✗?] .*值 value 7,000 \/ 門檻 threshold [\d,]+ \[D0050078 第4條第1項\]/);
  }
  assert.doesNotMatch(out, /\(low-income-status\) — 家戶 household h1/, 'not listed again on its own');
});

test('a bad case file: one line naming the problem, exit code 2, no stack', async () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', file('broken.json', '{"period": '), /broken\.json: 不是有效的 JSON not valid JSON/],
    ['missing', join(dir, 'missing.json'), /missing\.json: 找不到檔案 no such file/],
    [
      'unknown field',
      file(
        'unknown.json',
        JSON.stringify({
          ...FOUR_PERSON_HOUSEHOLD,
          persons: { ...FOUR_PERSON_HOUSEHOLD.persons, son: { birthDate: '2009-11-20', incomee: 1 } },
        }),
      ),
      /unknown\.json: persons\.son\.incomee 未知的欄位 unknown field/,
    ],
    [
      'birth date after the period',
      file(
        'future.json',
        JSON.stringify({
          ...FOUR_PERSON_HOUSEHOLD,
          persons: { ...FOUR_PERSON_HOUSEHOLD.persons, son: { birthDate: '2024-07-01' } },
        }),
      ),
      /future\.json: persons\.son\.birthDate 不可晚於計算期間 must not be after the period/,
    ],
  ];
  for (const [what, path, expected] of cases) {
    const { code, out, err } = await calc(path);
    assert.equal(code, 2, what);
    assert.equal(out, '', what);
    assert.equal(err.split('\n').length, 1, `${what}: one line: ${err}`);
    assert.match(err, /^錯誤 Error: /, what);
    assert.match(err, expected, what);
    assert.doesNotMatch(err, /at .*\.ts:\d+/, what);
  }
  assert.equal((await calc()).code, 2, 'no file');
});

test('calc --help explains the command', async () => {
  const { code, out } = await calc('--help');
  assert.equal(code, 0);
  assert.match(out, /usage: safetynet calc <case\.json \| ->/);
  assert.match(out, /--explain/);
});

test('calc - reads the case from standard input (the installed command)', () => {
  const bin = fileURLToPath(new URL('../../../bin/safetynet.js', import.meta.url));
  const result = spawnSync(process.execPath, [bin, 'calc', '-', '--explain'], {
    input: JSON.stringify(FOUR_PERSON_HOUSEHOLD),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /low-income-status/);
  const bad = spawnSync(process.execPath, [bin, 'calc', '-'], { input: '[', encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^錯誤 Error: \(stdin\): 不是有效的 JSON not valid JSON/);
});
