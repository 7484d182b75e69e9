import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { openTestDatabase, testEngine } from './test-database.ts';

/** For every column type: a literal and the JS value both engines must return for it. */
const SAMPLES: Record<string, { literal: string; expected: unknown }> = {
  text: { literal: `'高雄市苓雅區'::text`, expected: '高雄市苓雅區' },
  varchar: { literal: `'0001_registry'::varchar(255)`, expected: '0001_registry' },
  uuid: {
    literal: `'0190a0c2-7e4f-7abc-8def-0123456789ab'::uuid`,
    expected: '0190a0c2-7e4f-7abc-8def-0123456789ab',
  },
  date: { literal: `'2024-02-29'::date`, expected: '2024-02-29' },
  timestamptz: {
    literal: `'2023-06-30 23:59:59.123+08'::timestamptz`,
    expected: new Date('2023-06-30T15:59:59.123Z'),
  },
  int2: { literal: '8::int2', expected: 8 },
  int4: { literal: '2147483647::int4', expected: 2_147_483_647 },
  int8: { literal: '9007199254740993::int8', expected: '9007199254740993' },
  bool: { literal: 'true', expected: true },
  bytea: { literal: `'\\x00ff10'::bytea`, expected: Buffer.from([0x00, 0xff, 0x10]) },
  numeric: { literal: `'12345678901234567890.12'::numeric`, expected: '12345678901234567890.12' },
  jsonb: { literal: `'{"a":[1,"二"]}'::jsonb`, expected: { a: [1, '二'] } },
};

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(async () => {
  await database.close();
});

test(`every column type the schema uses has a sample (${testEngine})`, async () => {
  const { rows } = await sql<{ udt_name: string }>`
    SELECT DISTINCT udt_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`.execute(
    database.db,
  );
  const missing = rows.map((r) => r.udt_name).filter((type) => !(type in SAMPLES));
  assert.deepEqual(missing, [], `add these types to SAMPLES and to TYPE_PARSERS: ${missing.join(', ')}`);
  assert.ok(rows.length >= 6);
});

for (const [type, sample] of Object.entries(SAMPLES)) {
  test(`${type} comes back as the same JS value (${testEngine})`, async () => {
    const { rows } = await sql<{ value: unknown }>`SELECT ${sql.raw(sample.literal)} AS value`.execute(
      database.db,
    );
    assert.deepEqual(rows[0]?.value, sample.expected);
  });
}

test(`a date parameter round-trips as the same string, whatever the time zone (${testEngine})`, async () => {
  const { rows } = await sql<{ value: string }>`SELECT ${'1999-12-31'}::date AS value`.execute(database.db);
  assert.equal(rows[0]?.value, '1999-12-31');
});
