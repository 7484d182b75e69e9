import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HALF_YEAR_REPORT } from '@safetynet/core/reports/half-year/report-model';
import { walkNodes } from '@safetynet/core/reports/half-year/report-structure';
import { PROGRAMS } from '@safetynet/rules';
import { CATALOG } from '@safetynet/rules/programs/catalog';

/**
 * The work report's structure (core) against the program catalog (rules): every cash program the
 * catalog places in seed 001 三 or 四 is counted by the item the catalog names, with the catalog's name and
 * the recipient its rules pay (a household program's counts are households).
 */
const seed001 = (seed: string) =>
  seed
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('001 '))
    .map((part) => part.slice(4));

test('every cash program of 001 三 and 四 is counted by the item the catalog names', () => {
  const counted = new Map<string, string>();
  for (const { node, path } of walkNodes(HALF_YEAR_REPORT))
    if (node.data && node.data.source !== 'registry')
      for (const p of node.data.programs) counted.set(p.id, path);
  const expected = CATALOG.filter((entry) => entry.kind === 'cash' && seed001(entry.seed).length > 0);
  assert.ok(expected.length >= 35, `${expected.length} cash programs`);
  for (const entry of expected) {
    const path = counted.get(entry.id);
    assert.ok(path, `${entry.id} (${entry.seed}) is in no item`);
    // 三(三)(1) in the catalog is 三(三)(1) here; an item may sit above the catalog's sub-item.
    assert.ok(
      seed001(entry.seed).some((ref) => ref.startsWith(path) || path.startsWith(ref)),
      `${entry.id}: item ${path}, catalog ${entry.seed}`,
    );
  }
});

test('the report names each program as the catalog does and counts its recipient as the rules pay it', () => {
  const catalog = new Map(CATALOG.map((entry) => [entry.id, entry]));
  for (const { node, path } of walkNodes(HALF_YEAR_REPORT)) {
    if (node.data?.source !== 'payments') continue;
    for (const p of node.data.programs) {
      const entry = catalog.get(p.id);
      assert.ok(entry, `${path}: ${p.id} is not in the catalog`);
      assert.equal(entry.kind, 'cash', `${path}: ${p.id}`);
      assert.equal(p.nameZh, entry.nameZh, `${path}: ${p.id}`);
      const rules = PROGRAMS.get(p.id);
      assert.ok(rules, `${p.id} has no rules`);
      assert.equal(p.entity, rules.entity, `${path}: ${p.id} is paid to a ${rules.entity}`);
    }
  }
});
