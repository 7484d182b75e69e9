import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type CalculateRequest, calculate } from '../calculate.ts';
import { FactError } from '../engine/facts.ts';
import { loadParameters } from '../parameters/load.ts';
import { PROGRAMS } from './index.ts';

/**
 * Runs every `*.cases.yaml` beside the programs: hand-written cases from the rule text, in the manner of
 * OpenFisca's YAML tests. A case lists the expected eligibility, amount, failed reason codes and shown
 * values per program and entity; `error` names a field the case must be rejected for.
 */
interface Expectation {
  program: string;
  id: string;
  eligible: boolean | null;
  amountNtd?: number;
  failed?: string[];
  undetermined?: string[];
  value?: Record<string, number>;
}
interface Case extends CalculateRequest {
  name: string;
  expect: Expectation[];
  error?: string;
}

const parameters = loadParameters();
const here = fileURLToPath(new URL('.', import.meta.url));
const files: string[] = [];
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(dir, entry.name));
    else if (entry.name.endsWith('.cases.yaml')) files.push(join(dir, entry.name));
  }
};
walk(here);

for (const file of files) {
  const cases = parse(readFileSync(file, 'utf8')) as Case[];
  for (const c of cases) {
    test(`${file.slice(here.length)}: ${c.name}`, () => {
      const request: CalculateRequest = {
        period: String(c.period),
        persons: c.persons,
        households: c.households,
        events: c.events,
      };
      if (c.error) {
        assert.throws(
          () => calculate(request, parameters),
          (e: unknown) => e instanceof FactError && e.problems.some((p) => p.field === c.error),
        );
        return;
      }
      const { results } = calculate(request, parameters);
      for (const expected of c.expect) {
        const result = results.find((r) => r.program === expected.program && r.id === expected.id);
        assert.ok(result, `no result for ${expected.program} ${expected.id}`);
        assert.equal(result.eligible, expected.eligible, `${expected.id} eligible`);
        if (expected.amountNtd !== undefined) assert.equal(result.amountNtd, expected.amountNtd);
        const failed = result.reasons.filter((r) => r.passed === false).map((r) => r.code);
        const open = result.reasons.filter((r) => r.passed === null).map((r) => r.code);
        assert.deepEqual(open, expected.undetermined ?? [], `${expected.id} undetermined reasons`);
        if (expected.failed) assert.deepEqual(failed, expected.failed, `${expected.id} failed reasons`);
        else if (expected.eligible === true) assert.deepEqual(failed, []);
        for (const [code, value] of Object.entries(expected.value ?? {})) {
          assert.equal(
            result.reasons.find((r) => r.code === code)?.value,
            value,
            `${expected.id} ${code} value`,
          );
        }
      }
    });
  }
}

test('every encoded program has at least five hand-written cases', () => {
  const counts = new Map<string, number>();
  for (const file of files) {
    for (const c of parse(readFileSync(file, 'utf8')) as Case[]) {
      for (const program of new Set(c.expect.map((e) => e.program)))
        counts.set(program, (counts.get(program) ?? 0) + 1);
    }
  }
  for (const program of PROGRAMS.keys()) {
    const count = counts.get(program) ?? 0;
    assert.ok(count >= 5, `${program} has ${count} hand-written cases`);
  }
});
