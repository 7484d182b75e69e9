import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateCity } from '@safetynet/core/synth/generate';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { GenerateRefusedError, loadSyntheticCity } from './load.ts';

const scale = 0.002;
let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]!.n,
  );

test(`a failure midway leaves nothing behind (${testEngine})`, async () => {
  let chunks = 0;
  await assert.rejects(
    loadSyntheticCity(database, {
      scale,
      seed: 3,
      onProgress: () => {
        if (++chunks === 3) throw new Error('interrupted');
      },
    }),
    /interrupted/,
  );
  assert.equal(await count('person'), 0);
  assert.equal(await count('household_membership'), 0);
  // the secondary indexes dropped for the load are back (the transaction rolled back)
  const indexes = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM pg_indexes WHERE indexname = 'person_version_name'`.execute(database.db);
  assert.equal(Number(indexes.rows[0]!.n), 1);
});

test(`the city lands whole: counts match the generator, IDs found by blind index (${testEngine})`, async () => {
  const summary = await loadSyntheticCity(database, { scale, seed: 3 });
  const expected = [...generateCity({ scale, seed: 3 })].reduce((sum, chunk) => sum + chunk.person.length, 0);
  assert.equal(summary.persons, expected);
  for (const [table, rows] of Object.entries(summary.rows)) assert.equal(await count(table), rows, table);
  assert.ok(summary.statuses.low_income! > 0);

  const protector = new IdProtector(resolveIdKeys(process.env, database));
  const first = [...generateCity({ scale, seed: 3 })][0]!.person[5]!;
  const found = await database.db
    .selectFrom('person')
    .selectAll()
    .where('id_number_index', '=', protector.index(first[2] as string))
    .executeTakeFirstOrThrow();
  assert.equal(found.person_id, first[0]);
  assert.equal(protector.open(found.id_number_cipher, found.person_id), first[2]);
  // foreign keys and unique constraints were recreated after the load
  const constraints = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f'`.execute(database.db);
  assert.ok(Number(constraints.rows[0]!.n) >= 15);
});

test(`a database that already has persons is refused unless replaced (${testEngine})`, async () => {
  await assert.rejects(loadSyntheticCity(database, { scale, seed: 4 }), GenerateRefusedError);
  const replaced = await loadSyntheticCity(database, { scale, seed: 4, replace: true });
  assert.equal(await count('person'), replaced.persons);
});

test(`the embedded engine refuses a city larger than it was measured to hold (${testEngine})`, async (t) => {
  if (database.engine !== 'pglite') return t.skip('PostgreSQL takes any scale');
  await assert.rejects(
    loadSyntheticCity(database, { scale: 1.5, seed: 1, replace: true }),
    (error: Error) => {
      assert.ok(error instanceof GenerateRefusedError);
      assert.match(error.message, /DATABASE_URL/);
      assert.match(error.message, /PostgreSQL/);
      return true;
    },
  );
});
