import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, openTestServer, signedIn } from '../http/test-clients.ts';
import { approvedDecision, benefitWorld, household } from './benefit-fixtures.ts';
import { entitlementVersions, grantEntitlements } from './entitlements.ts';

/** Appeals (訴願): filed by the applicant within 30 days, decided by another reviewer, applied to entitlements. */
let database: Database;
let app: FastifyInstance;
let own: Awaited<ReturnType<typeof household>>;
let deciders: { clerkId: string; reviewerId: string };
let world: Awaited<ReturnType<typeof benefitWorld>>;

before(async () => {
  const opened = await openTestServer();
  database = opened.database;
  app = opened.app;
  world = await benefitWorld(database, opened.protector);
  own = await household(world, '64000080');
  const add = (username: string, role: string) =>
    addAccount(database, opened.protector, {
      username,
      role,
      districts: role === 'citizen' ? [] : ['64000080'],
      personId: role === 'citizen' ? own.applicant : null,
    });
  const clerk = await add('a-clerk', 'district-clerk');
  const first = await add('a-reviewer-1', 'reviewer');
  await add('a-reviewer-2', 'reviewer');
  await add('a-citizen', 'citizen');
  deciders = { clerkId: clerk.account_id, reviewerId: first.account_id };
});
after(async () => {
  await app.close();
  await database.close();
});

const allowance = (outcome: 'approved' | 'rejected') =>
  approvedDecision(database, deciders, {
    ...own,
    program: 'low-income-living-allowance',
    entity: 'household',
    entityId: own.householdId,
    monthlyAmountNtd: outcome === 'approved' ? 12_000 : null,
    period: '2024-06',
    outcome,
  });

const statusOf = async (applicationId: string) =>
  (
    await database.db
      .selectFrom('application')
      .select('status')
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow()
  ).status;

test(`a rejection appealed by the citizen and approved on appeal by another reviewer grants the entitlement (${testEngine})`, async () => {
  const rejected = await allowance('rejected');
  const citizen = await signedIn(app, 'a-citizen');
  const filed = await citizen.post(`/decisions/${rejected.decision_id}/appeal`, { grounds: '所得計算有誤' });
  assert.equal(filed.status, 201, filed.body);
  const appeal = filed.body;
  assert.equal(appeal.status, 'filed');
  assert.equal(await statusOf(rejected.application_id), 'appealed');
  const again = await citizen.post(`/decisions/${rejected.decision_id}/appeal`, { grounds: '再次' });
  assert.equal(again.status, 409);

  const original = await signedIn(app, 'a-reviewer-1');
  const refused = await original.post(`/appeals/${appeal.id}/decision`, {
    outcome: 'changed',
    decision: 'approved',
    monthlyAmountNtd: 12_000,
  });
  assert.equal(refused.status, 403, refused.body);

  const other = await signedIn(app, 'a-reviewer-2');
  const decided = await other.post(`/appeals/${appeal.id}/decision`, {
    outcome: 'changed',
    decision: 'approved',
    monthlyAmountNtd: 12_000,
  });
  assert.equal(decided.status, 201, decided.body);
  const { redecisionId } = decided.body;
  const redecision = await database.db
    .selectFrom('decision')
    .selectAll()
    .where('decision_id', '=', redecisionId)
    .executeTakeFirstOrThrow();
  assert.equal(redecision.kind, 'appeal');
  assert.equal(redecision.outcome, 'approved');
  assert.equal(redecision.supersedes, rejected.decision_id);
  const entitlements = await database.db
    .selectFrom('entitlement')
    .selectAll()
    .where('decision_id', '=', redecisionId)
    .execute();
  assert.equal(entitlements.length, 1);
  assert.equal(entitlements[0]!.monthly_amount_ntd, 12_000);
  assert.equal(entitlements[0]!.first_month, '2024-06');
  assert.equal(await statusOf(rejected.application_id), 'redecided');
  const twice = await other.post(`/appeals/${appeal.id}/decision`, { outcome: 'upheld' });
  assert.equal(twice.status, 409);

  const listed = (await citizen.get('/appeals')).body;
  assert.ok(listed.items.some((a: { id: string }) => a.id === appeal.id));
  const audit = await database.db
    .selectFrom('audit_entry')
    .select('action')
    .where('action', 'in', ['appeal', 'decide-appeal'])
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['appeal', 'decide-appeal']);
});

test(`an appeal after 30 days is refused with 409 and writes nothing (${testEngine})`, async () => {
  const rejected = await allowance('rejected');
  await database.db
    .updateTable('decision')
    .set({ decided_at: new Date(Date.now() - 40 * 86_400_000) })
    .where('decision_id', '=', rejected.decision_id)
    .execute();
  const citizen = await signedIn(app, 'a-citizen');
  const late = await citizen.post(`/decisions/${rejected.decision_id}/appeal`, { grounds: '逾期' });
  assert.equal(late.status, 409);
  assert.match(late.body.detail ?? late.body, /30/);
  assert.equal(await statusOf(rejected.application_id), 'decided');
  const rows = await database.db
    .selectFrom('appeal')
    .select('appeal_id')
    .where('decision_id', '=', rejected.decision_id)
    .execute();
  assert.equal(rows.length, 0);
});

test(`an appeal cannot leave the appellant worse off (訴願法第81條); a higher amount is a new version (${testEngine})`, async () => {
  const approved = await allowance('approved');
  const [entitlement] = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, [approved], world.trail));
  const clerk = await signedIn(app, 'a-clerk');
  const filed = await clerk.post(`/decisions/${approved.decision_id}/appeal`, { grounds: '代申請人提起' });
  assert.equal(filed.status, 201, filed.body);
  const reviewer = await signedIn(app, 'a-reviewer-2');
  const url = `/appeals/${filed.body.id}/decision`;
  const reasons = [{ code: 'income-not-below', message: { zh: '所得超過標準', en: 'income too high' } }];
  const rejection = await reviewer.post(url, { outcome: 'changed', decision: 'rejected', reasons });
  assert.equal(rejection.status, 422, rejection.body);
  assert.match(rejection.body.detail, /訴願法第81條/);
  const less = await reviewer.post(url, {
    outcome: 'changed',
    decision: 'approved',
    monthlyAmountNtd: 11_000,
  });
  assert.equal(less.status, 422, less.body);
  assert.equal((await entitlementVersions(database.db, entitlement!.entitlement_id)).length, 1, 'untouched');
  const more = await reviewer.post(url, {
    outcome: 'changed',
    decision: 'approved',
    monthlyAmountNtd: 13_000,
  });
  assert.equal(more.status, 201, more.body);
  const versions = await entitlementVersions(database.db, entitlement!.entitlement_id);
  assert.equal(versions.length, 2);
  assert.equal(versions[1]!.monthly_amount_ntd, 13_000);
  assert.match(versions[1]!.reason, new RegExp(more.body.redecisionId));
});
