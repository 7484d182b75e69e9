import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOG } from './catalog.ts';
import { PROGRAMS } from './index.ts';

test('the catalog lists each program once', () => {
  const ids = CATALOG.map((entry) => entry.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.length >= 80);
});

test('every encoded program agrees with its catalog entry (id, name, kind, entity, period)', () => {
  const byId = new Map(CATALOG.map((entry) => [entry.id, entry]));
  for (const program of PROGRAMS.values()) {
    const entry = byId.get(program.id);
    assert.ok(entry, `${program.id} is not in the catalog`);
    assert.equal(program.nameZh, entry.nameZh, `${program.id} name`);
    assert.equal(program.kind, entry.kind, `${program.id} kind`);
    if (entry.entity !== 'person-or-household')
      assert.equal(program.entity, entry.entity, `${program.id} entity`);
    assert.equal(program.period, entry.period, `${program.id} period`);
    assert.ok(program.legalBasis.length > 0, `${program.id} legal basis`);
  }
});
