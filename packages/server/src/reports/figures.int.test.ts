import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { benefitWorld, household } from '../benefits/benefit-fixtures.ts';
import { payGrant, runMonthlyPayments } from '../benefits/payment-run.ts';
import type { Database } from '../db/database.ts';
import { FILL_REPORT_RECIPIENT } from '../db/migrations/0019_report_rollup.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { type FiguresQuery, periodFigures, programFigures, rollupFigures } from './figures.ts';
import { buildReportWorld, LINGYA } from './report-test-world.ts';

/**
 * The reports' rollup (migrations/0019) against the payments themselves: after payments are written, sent,
 * returned, retried, cancelled and reduced, periodFigures (from the rollup) says what programFigures (from
 * every payment) says, for periods inside a year, across a new year and of one month; and the rollup kept
 * by the triggers is what counting every payment afresh gives.
 */
let database: Database;

before(async () => {
  database = await openTestDatabase();
  const world = await benefitWorld(database, new IdProtector(generateIdKeys('test')));
  await buildReportWorld(database, world);
  // A grant at the end of the year before, for periods across a new year, and one in the same month to
  // the same household (two payments, one recipient, one month).
  const h = await household(world, LINGYA);
  for (const amountNtd of [7_000, 3_000])
    await database.db.transaction().execute((trx) =>
      payGrant(
        trx,
        {
          program: 'emergency-aid',
          grantKey: randomUUID(),
          payeePersonId: h.applicant,
          entity: 'household',
          entityId: h.householdId,
          districtCode: h.district,
          householdId: h.householdId,
          amountNtd,
          period: '2023-12',
        },
        world.trail,
      ),
    );
  // After the world's own: a payment reduced (a deduction), one returned and retried, one sent then paid.
  const some = await database.db
    .selectFrom('payment')
    .select(['payment_id'])
    .where('status', '=', 'pending')
    .where('kind', '=', 'monthly')
    .orderBy('payment_id')
    .limit(3)
    .execute();
  await database.db
    .updateTable('payment')
    .set({ amount_ntd: 1_234 })
    .where('payment_id', '=', some[0]!.payment_id)
    .execute();
  for (const status of ['sent', 'returned', 'pending'] as const)
    await database.db
      .updateTable('payment')
      .set({ status })
      .where('payment_id', '=', some[1]!.payment_id)
      .execute();
  for (const status of ['sent', 'paid'] as const)
    await database.db
      .updateTable('payment')
      .set({ status })
      .where('payment_id', '=', some[2]!.payment_id)
      .execute();
  // A month's run again (nothing new to pay): its payments, counted in at its first end, are not again.
  await runMonthlyPayments(database, '2024-03', world.trail);
});
after(() => database.close());

async function sameFigures(query: FiguresQuery) {
  const fast = await periodFigures(database.db, query);
  assert.deepEqual(fast.city, await programFigures(database.db, query), `city ${query.from}–${query.to}`);
  assert.deepEqual(
    fast.byDistrict,
    await programFigures(database.db, { ...query, byDistrict: true }),
    `districts ${query.from}–${query.to}`,
  );
  const months = await programFigures(database.db, { ...query, byMonth: true });
  assert.deepEqual(
    fast.monthPersons,
    months.map((row) => ({ programId: row.programId, period: row.period, persons: row.persons })),
    `months ${query.from}–${query.to}`,
  );
  for (const options of [
    {},
    { byDistrict: true },
    { byMonth: true },
    { byDistrict: true, byMonth: true },
    { programIds: ['emergency-aid', 'senior-living-allowance'], byMonth: true },
    { districtCode: LINGYA, byDistrict: true },
  ])
    assert.deepEqual(
      await rollupFigures(database.db, { ...query, ...options }),
      await programFigures(database.db, { ...query, ...options }),
      `rollupFigures ${query.from}–${query.to} ${JSON.stringify(options)}`,
    );
  return fast;
}

test('periods inside a year, across a new year and of one month give the payments’ own figures', async () => {
  const whole = await sameFigures({ from: '2024-02', to: '2024-05' });
  assert.ok(whole.city.length >= 4, 'the world pays several programs');
  const across = await sameFigures({ from: '2023-12', to: '2024-03' });
  const aid = across.city.find((row) => row.programId === 'emergency-aid')!;
  assert.ok(aid.personTimes >= 3 && aid.amountNtd >= 25_000, 'December’s two grants and March’s are counted');
  await sameFigures({ from: '2024-03', to: '2024-03' });
  await sameFigures({ from: '2023-12', to: '2023-12' });
  const none = await periodFigures(database.db, { from: '2022-01', to: '2022-06' });
  assert.deepEqual(none, { city: [], byDistrict: [], monthPersons: [] });
  await assert.rejects(periodFigures(database.db, { from: '2023-01', to: '2024-01' }), RangeError);
});

test('the rollup kept by the triggers is what counting every payment afresh gives', async () => {
  const kept =
    await sql`SELECT * FROM report_recipient ORDER BY year, program_id, entity_id, district_code`.execute(
      database.db,
    );
  // Counted afresh inside a transaction that is then undone, so the kept rollup stays as the triggers left it.
  let fresh: unknown[] = [];
  const undo = new Error('undo');
  await database.db
    .transaction()
    .execute(async (trx) => {
      await sql`DELETE FROM report_recipient`.execute(trx);
      await sql.raw(FILL_REPORT_RECIPIENT).execute(trx);
      fresh = (
        await sql`SELECT * FROM report_recipient ORDER BY year, program_id, entity_id, district_code`.execute(
          trx,
        )
      ).rows;
      throw undo;
    })
    .catch((error: unknown) => {
      if (error !== undo) throw error;
    });
  // Rows whose payments all stopped counting stay with zeros: the fresh count has none of them.
  const counting = (kept.rows as Record<string, unknown>[]).filter((row) =>
    Object.entries(row).some(([column, value]) => /^[ta]\d\d$/.test(column) && Number(value) !== 0),
  );
  assert.ok(counting.length > 0);
  assert.deepEqual(counting, fresh);
});
