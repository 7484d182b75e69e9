import { once } from 'node:events';
import { lastDayOfMonth } from '@safetynet/core/calendar';
import type { Population } from '@safetynet/rules';
import { defaultHouseholdColumns, defaultPersonColumns, noEvents } from '@safetynet/rules/engine/population';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../db/database.ts';
import { withPoolTransaction } from '../db/pool-transaction.ts';
import { CopyLineReader } from './copy-parse.ts';
import { type SnapshotQuery, snapshotQueries } from './snapshot-queries.ts';

/**
 * The registry as it was on the last day of a month (who lives in which household, their evidence and
 * registers) as the rules' columns, for evaluating every program over the whole city. The queries run at
 * once on a server (each on its own connection) and stream COPY text parsed straight into typed arrays.
 * This resolves every dated record, so it is done once per month and stored (snapshot-store.ts).
 */

type Chunks = Buffer[];

/*
 * Whole-table reads: hash joins, never nested loops (the planner cannot estimate how many records a
 * DISTINCT ON keeps, guesses 200, and would loop over a city). work_mem 64 MB, not more: with 256 MB the
 * planner, misjudging those same counts, chose a plan for the members query that took 158 s instead of 20 s
 * (scale 1, 2026-11-24; the whole read 229 s → 65 s).
 */
const SETTINGS = `SET LOCAL enable_nestloop = off; SET LOCAL work_mem = '64MB'`;

async function runCopy(
  database: Database,
  query: SnapshotQuery,
  sink: (chunk: Buffer) => void,
): Promise<void> {
  const text = `COPY (${query.sql}) TO STDOUT`;
  if (database.pool) {
    await withPoolTransaction(database.pool, async (client) => {
      await client.query(SETTINGS);
      const stream = client.query(copyTo(text));
      stream.on('data', sink);
      await once(stream, 'end');
    });
  } else if (database.pglite) {
    const pglite = database.pglite;
    await pglite.transaction(async (tx) => {
      await tx.exec(SETTINGS);
      const result = await tx.query(text.replace(/TO STDOUT$/, "TO '/dev/blob'"));
      if (result.blob) sink(Buffer.from(await result.blob.arrayBuffer()));
    });
  }
}

export async function readRegistryPopulation(database: Database, period: string): Promise<Population> {
  const on = lastDayOfMonth(period);
  const [membersQuery, ...evidenceQueries] = snapshotQueries(on);
  // Evidence streams are kept as bytes until the persons' order is known, then parsed.
  const evidenceChunks: Chunks[] = evidenceQueries.map(() => []);
  const householdIds: string[] = [];
  const householdDistrict: number[] = [];
  const personIds: string[] = [];
  const rows: number[] = [];
  let lastHousehold = '';
  // After the two keys, the person columns, then the household's district (see snapshot-queries.ts).
  const memberNames = membersQuery!.columns.slice(2);
  const districtAt = memberNames.indexOf('district');
  const personNames = memberNames.filter((name) => name !== 'district');
  const stride = 1 + personNames.length;
  const members = new CopyLineReader(2, memberNames.length, (keys, numbers) => {
    if (keys[0] !== lastHousehold) {
      lastHousehold = keys[0]!;
      householdIds.push(lastHousehold);
      householdDistrict.push(numbers[districtAt]!);
    }
    personIds.push(keys[1]!);
    rows.push(householdIds.length - 1);
    for (let n = 0; n < memberNames.length; n++) if (n !== districtAt) rows.push(numbers[n]!);
  });
  await Promise.all([
    runCopy(database, membersQuery!, (chunk) => members.push(chunk)).then(() => members.end()),
    ...evidenceQueries.map((query, q) => runCopy(database, query, (chunk) => evidenceChunks[q]!.push(chunk))),
  ]);

  const count = personIds.length;
  const p = defaultPersonColumns(count);
  const h = defaultHouseholdColumns(householdIds.length);
  p.id = personIds;
  h.id = householdIds;
  const personColumns = personNames.map(
    (name) => (p as unknown as Record<string, Int32Array | Uint8Array>)[name]!,
  );
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = i * stride;
    const household = rows[at]!;
    p.household[i] = household;
    for (let n = 0; n < personColumns.length; n++) personColumns[n]![i] = rows[at + 1 + n]!;
    if (h.memberCount[household] === 0) h.memberStart[household] = i;
    h.memberCount[household] = h.memberCount[household]! + 1;
    index.set(personIds[i]!, i);
  }
  for (let k = 0; k < householdIds.length; k++) h.district[k] = householdDistrict[k]!;

  const householdIndex = new Map(householdIds.map((id, k) => [id, k]));
  evidenceQueries.forEach((query, q) => {
    const columns = (query.entity === 'household' ? h : p) as unknown as Record<string, Float64Array>;
    const keyed = query.entity === 'household' ? householdIndex : index;
    const targets = query.columns.slice(1).map((name) => columns[name]!);
    const reader = new CopyLineReader(1, targets.length, (keys, numbers) => {
      const i = keyed.get(keys[0]!);
      if (i === undefined) return; // not alive (or no one of the household alive) on the date
      for (let n = 0; n < targets.length; n++) {
        const value = numbers[n]!;
        if (!Number.isNaN(value)) targets[n]![i] = value;
      }
    });
    for (const chunk of evidenceChunks[q]!) reader.push(chunk);
    reader.end();
    evidenceChunks[q] = [];
  });
  // Employed: the registry has work income for them (D0050078 第5-1條: income actually earned).
  for (let i = 0; i < count; i++) p.employed[i] = p.earnedIncomeNtd[i]! > 0 ? 1 : 0;

  return { period, persons: p, households: h, events: noEvents() };
}
