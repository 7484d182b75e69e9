import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, openTestServer, signedIn } from '../http/test-clients.ts';
import { benefitWorld } from './benefit-fixtures.ts';
import { entitlementVersions } from './entitlements.ts';
import { livingAllowance, senior } from './review-fixtures.ts';

/**
 * The annual review through the API: a program officer runs it, each district's clerk reads and confirms
 * their own items and reads the notices; another district's clerk is refused.
 */
const LINGYA = '64000080';
const FENGSHAN = '64000120';
let database: Database;
let app: FastifyInstance;
const ids: Record<string, string> = {};

before(async () => {
  const opened = await openTestServer();
  database = opened.database;
  app = opened.app;
  const world = await benefitWorld(database, opened.protector);
  ids.raised = await livingAllowance(database, world, await senior(world, 11, LINGYA), 7_759);
  ids.fengshan = await livingAllowance(database, world, await senior(world, 12, FENGSHAN), 8_329);
  const account = (username: string, role: 'district-clerk' | 'program-officer', districts: string[]) =>
    addAccount(database, opened.protector, { username, role, districts });
  await account('ar-officer', 'program-officer', []);
  await account('ar-clerk', 'district-clerk', [LINGYA]);
  await account('ar-clerk-f', 'district-clerk', [FENGSHAN]);
});
after(async () => {
  await app.close();
  await database.close();
});

test(`run, read within reach, confirm a district, its notice; other districts refused (${testEngine})`, async () => {
  const officer = await signedIn(app, 'ar-officer');
  const clerk = await signedIn(app, 'ar-clerk');
  const clerkF = await signedIn(app, 'ar-clerk-f');
  assert.equal((await clerk.post('/annual-reviews', { year: 2024 })).status, 403, 'a clerk does not run it');
  const run = await officer.post('/annual-reviews', { year: 2024 });
  assert.equal(run.status, 200, JSON.stringify(run.body));
  for (const field of ['year', 'reviewed', 'continue', 'change', 'end', 'reviewId'])
    assert.ok(field in run.body, field);
  assert.deepEqual([run.body.reviewed, run.body.continue, run.body.change, run.body.end], [2, 1, 1, 0]);
  const reviewId = run.body.reviewId;
  // The clerk finds it in the list of reviews.
  const reviews = await clerk.get('/annual-reviews');
  assert.deepEqual(
    reviews.body.items.map((r: { id: string; year: number; status: string }) => [r.id, r.year, r.status]),
    [[reviewId, 2024, 'open']],
  );

  const summary = await clerk.get(`/annual-reviews/${reviewId}`);
  assert.equal(summary.status, 200);
  assert.equal(summary.body.effectiveMonth, '2024-01');
  assert.deepEqual(
    summary.body.byDistrict.map((d: { districtCode: string; change: number }) => [d.districtCode, d.change]),
    [[LINGYA, 1]],
    'a clerk counts their districts only',
  );
  const listed = await clerk.get(`/annual-reviews/${reviewId}/items?outcome=change&status=pending`);
  assert.equal(listed.status, 200);
  assert.equal(listed.body.total, 1);
  const item = listed.body.items[0];
  assert.deepEqual(
    [item.entitlementId, item.currentAmountNtd, item.newAmountNtd],
    [ids.raised, 7_759, 8_329],
  );
  assert.equal(item.reasons[0].code, 'amount-changed');
  const othersList = await clerkF.get(`/annual-reviews/${reviewId}/items?district=${LINGYA}`);
  assert.equal(othersList.body.total, 0, 'another district’s clerk sees none of Lingya’s items');

  // Not yet confirmed: no notice.
  assert.equal((await clerk.get(`/annual-reviews/${reviewId}/items/${item.id}/notice.pdf`)).status, 409);
  const refused = await clerkF.post(`/annual-reviews/${reviewId}/confirm`, { itemIds: [item.id] });
  assert.equal(refused.status, 403);
  assert.equal((await clerkF.post(`/annual-reviews/${reviewId}/confirm`, { district: LINGYA })).status, 403);
  assert.equal((await entitlementVersions(database.db, ids.raised!)).length, 1, 'nothing changed');

  const confirmed = await clerk.post(`/annual-reviews/${reviewId}/confirm`, { district: LINGYA });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.deepEqual([confirmed.body.confirmed, confirmed.body.change], [1, 1]);
  const again = await clerk.post(`/annual-reviews/${reviewId}/confirm`, { district: LINGYA });
  assert.deepEqual([again.body.confirmed, again.body.alreadyConfirmed], [0, 1]);
  const versions = await entitlementVersions(database.db, ids.raised!);
  assert.deepEqual(
    versions.map((v) => [v.first_month, v.monthly_amount_ntd]),
    [
      ['2023-06', 7_759],
      ['2024-01', 8_329],
    ],
  );

  const notice = await app.inject({
    method: 'GET',
    url: `/api/v1/annual-reviews/${reviewId}/items/${item.id}/notice.pdf`,
    headers: { cookie: clerk.cookie },
  });
  assert.equal(notice.statusCode, 200);
  assert.match(String(notice.headers['content-type']), /application\/pdf/);
  assert.equal(notice.rawPayload.subarray(0, 4).toString(), '%PDF');
  assert.ok(notice.rawPayload.length > 5_000);
  assert.equal((await clerkF.get(`/annual-reviews/${reviewId}/items/${item.id}/notice.pdf`)).status, 403);
  const issued = await clerk.get(`/annual-reviews/${reviewId}/items?status=confirmed`);
  assert.equal(issued.body.items[0].noticeIssued, true);
});
