import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type Actor, ANONYMOUS, ROLE_IDS } from '@safetynet/core/authz/actor';
import { permits } from '@safetynet/core/authz/policy';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { actorOf } from '../identity/accounts.ts';
import { identityServices } from '../identity/services.ts';
import { RegistryCommands } from '../registry/commands.ts';
import { type RouteEntry, routeTable } from './app.ts';
import { setUpAssetAccountMatrix } from './asset-accounts-matrix-cases.ts';
import { type MatrixWorld, ROUTE_CASES, type Target } from './authz-matrix-cases.ts';
import { setUpBudgetMatrix } from './budget-matrix-cases.ts';
import { setUpCertificateMatrix } from './certificates-matrix-cases.ts';
import { setUpPaymentMatrix } from './payments-matrix-cases.ts';
import { setUpReportMatrix } from './reports-matrix-cases.ts';
import { setUpReviewMatrix } from './reviews-matrix-cases.ts';
import { setUpStatisticsMatrix } from './statistics-matrix-cases.ts';
import { addAccount, openTestServer, signedIn, TEST_PASSWORD } from './test-clients.ts';

/**
 * The authorization matrix: every route × every role (and an API client, and nobody) × a record of the
 * actor's own district, caseload or household and one of another. What each cell must answer is derived
 * from the policy table and the scopes, not written by hand: a route whose permission the actor lacks is
 * refused (401 signed out, 403 signed in); a record outside the actor's reach is refused (403); the rest
 * succeeds. Every route of the route table must have a case in authz-matrix-cases.ts, so a new route
 * without one fails here.
 */
const LINGYA = '64000080';
const FENGSHAN = '64000120';
let database: Database;
let app: FastifyInstance;
let world: MatrixWorld;
const callers: { label: string; actor: Actor; headers: () => Promise<Record<string, string>> }[] = [];

before(async () => {
  const opened = await openTestServer({});
  database = opened.database;
  app = opened.app;
  const protector = opened.protector;
  const commands = new RegistryCommands(database, protector);
  const person = async (digits: string, district: string | null) =>
    (
      await commands.recordPerson({
        idNumber: withCheckDigit(digits),
        name: `測試${digits.slice(-2)}`,
        sex: 'F',
        birthDate: '1980-01-01',
        registeredDistrictCode: district,
        source: 'matrix',
      })
    ).personId;
  const ownPerson = await person('E20000001', LINGYA);
  const ownMember = await person('E20000002', LINGYA);
  const otherPerson = await person('S20000003', FENGSHAN);
  const sparePerson = await person('E20000004', null);
  const household = (district: string, members: string[]) =>
    commands.recordHousehold({
      districtCode: district,
      validFrom: '2020-01-01',
      members: members.map((personId, k) => ({ personId, role: k === 0 ? 'applicant' : 'child' })),
      source: 'matrix',
    });
  const own = await household(LINGYA, [ownPerson, ownMember]);
  const other = await household(FENGSHAN, [otherPerson]);
  const spare = await household(LINGYA, [sparePerson]);
  await database.db
    .insertInto('team')
    .values([
      { team_id: 't1', name_zh: '一組', name_en: 'Team 1', district_code: LINGYA },
      { team_id: 't2', name_zh: '二組', name_en: 'Team 2' },
    ])
    .execute();

  const accounts = new Map<string, string>();
  for (const role of ROLE_IDS) {
    const account = await addAccount(database, protector, {
      username: `m-${role}`,
      role,
      districts: role === 'district-clerk' || role === 'reviewer' ? [LINGYA] : [],
      teamId: role === 'social-worker' || role === 'supervisor' ? 't1' : null,
      personId: role === 'citizen' ? ownPerson : null,
    });
    accounts.set(role, account.account_id);
    const actor = actorOf(account);
    let session: Record<string, string> | undefined;
    callers.push({
      label: role,
      actor,
      headers: async () => {
        if (!session) {
          const client = await signedIn(app, `m-${role}`);
          session = { cookie: client.cookie, 'x-csrf-token': client.csrfToken };
        }
        return session;
      },
    });
  }
  const otherWorker = await addAccount(database, protector, {
    username: 'm-worker-2',
    role: 'social-worker',
    teamId: 't2',
  });
  await addAccount(database, protector, { username: 'm-signin', role: 'statistician' });

  const identity = identityServices(database.db, protector);
  const context = { actor: { ...ANONYMOUS, name: 'matrix-setup' }, ip: null, purpose: null };
  const makeClient = (name: string) =>
    database.db.transaction().execute(async (trx) => {
      const created = await identity.apiClients.create(trx, {
        name,
        scopes: ['registry:read', 'rules:read', 'statistics:read'],
        districts: [LINGYA],
        expiresAt: null,
        createdBy: accounts.get('admin')!,
      });
      await identity.audit.append(trx, context, [
        { action: 'create', recordType: 'api-client', recordId: created.client.client_id },
      ]);
      return created;
    });
  const agency = await makeClient('matrix-agency');
  const revocable = await makeClient('matrix-revocable');
  const clientActor = (await identity.apiClients.resolve(agency.token))!;
  callers.push({
    label: 'api-client',
    actor: clientActor,
    headers: async () => ({ authorization: `Bearer ${agency.token}` }),
  });
  callers.push({ label: 'anonymous', actor: ANONYMOUS, headers: async () => ({}) });

  const worker = accounts.get('social-worker')!;
  const assign = (householdId: string) =>
    database.db
      .insertInto('caseload_assignment')
      .values({ assignment_id: randomUUID(), household_id: householdId, worker_account_id: worker })
      .returning('assignment_id')
      .executeTakeFirstOrThrow();
  await assign(own.householdId);
  const spareAssignment = await assign(spare.householdId);
  const protectionCase = (workerId: string) =>
    database.db
      .insertInto('protection_case')
      .values({
        case_id: randomUUID(),
        kind: 'child',
        district_code: LINGYA,
        status: 'assigned',
        summary: '矩陣測試個案',
        reported_by: accounts.get('district-clerk')!,
        assigned_worker_id: workerId,
        assigned_at: new Date(),
      })
      .returning('case_id')
      .executeTakeFirstOrThrow();
  // Applications of each household, written as rows (the routes under test act on them).
  let serial = 0;
  const application = async (
    householdId: string,
    personId: string,
    district: string,
    status: 'submitted' | 'decided',
  ) => {
    const id = randomUUID();
    await database.db
      .insertInto('application')
      .values({
        application_id: id,
        reference: `A113-${String(900_000 + ++serial)}`,
        channel: 'office',
        applicant_person_id: personId,
        household_id: householdId,
        district_code: district,
        period: '2024-06',
        status,
        submitted_at: new Date(),
        due_date: '2024-08-01',
      })
      .execute();
    await database.db
      .insertInto('application_program')
      .values({ application_id: id, program_id: 'low-income-status' })
      .execute();
    return id;
  };
  // Decisions to appeal are decided by a second reviewer, so the matrix's reviewer may decide the appeal.
  const secondReviewer = await addAccount(database, protector, {
    username: 'm-reviewer-2',
    role: 'reviewer',
    districts: [LINGYA, FENGSHAN],
  });
  const decided = async (
    householdId: string,
    personId: string,
    district: string,
    decidedBy = accounts.get('reviewer')!,
  ) => {
    const applicationId = await application(householdId, personId, district, 'decided');
    const proposalId = randomUUID();
    await database.db
      .insertInto('proposal')
      .values({
        proposal_id: proposalId,
        application_id: applicationId,
        proposed_by: accounts.get('district-clerk')!,
        proposed_at: new Date(),
        outcomes: '[]',
        status: 'decided',
      })
      .execute();
    const decisionId = randomUUID();
    await database.db
      .insertInto('decision')
      .values({
        decision_id: decisionId,
        application_id: applicationId,
        proposal_id: proposalId,
        program_id: 'low-income-status',
        kind: 'initial',
        outcome: 'rejected',
        entity: 'household',
        entity_id: householdId,
        reasons: JSON.stringify([
          { code: 'income-not-below', message: { zh: '所得超過標準', en: 'income too high' } },
        ]),
        explanation: '[]',
        evidence: '{}',
        parameters: '[]',
        rules_version: 'matrix',
        proposed_by: accounts.get('district-clerk')!,
        decided_by: decidedBy,
        decided_at: new Date(),
      })
      .execute();
    return decisionId;
  };
  const appealed = async (householdId: string, personId: string, district: string) => {
    const decisionId = await decided(householdId, personId, district, secondReviewer.account_id);
    const application = await database.db
      .selectFrom('decision')
      .select('application_id')
      .where('decision_id', '=', decisionId)
      .executeTakeFirstOrThrow();
    const appealId = randomUUID();
    await database.db
      .insertInto('appeal')
      .values({
        appeal_id: appealId,
        decision_id: decisionId,
        application_id: application.application_id,
        district_code: district,
        filed_by: accounts.get('district-clerk')!,
        filed_at: new Date(),
        grounds: '矩陣測試',
      })
      .execute();
    return appealId;
  };
  world = {
    own: {
      personId: ownPerson,
      householdId: own.householdId,
      membershipId: own.membershipIds[1]!,
      caseId: (await protectionCase(worker)).case_id,
      district: LINGYA,
      applicationId: await application(own.householdId, ownPerson, LINGYA, 'submitted'),
      withdrawableId: await application(own.householdId, ownPerson, LINGYA, 'submitted'),
      decisionId: await decided(own.householdId, ownPerson, LINGYA),
      appealableDecisionId: await decided(own.householdId, ownPerson, LINGYA, secondReviewer.account_id),
      appealId: await appealed(own.householdId, ownPerson, LINGYA),
    },
    other: {
      personId: otherPerson,
      householdId: other.householdId,
      membershipId: other.membershipIds[0]!,
      caseId: (await protectionCase(otherWorker.account_id)).case_id,
      district: FENGSHAN,
      applicationId: await application(other.householdId, otherPerson, FENGSHAN, 'submitted'),
      withdrawableId: await application(other.householdId, otherPerson, FENGSHAN, 'submitted'),
      decisionId: await decided(other.householdId, otherPerson, FENGSHAN),
      appealableDecisionId: await decided(
        other.householdId,
        otherPerson,
        FENGSHAN,
        secondReviewer.account_id,
      ),
      appealId: await appealed(other.householdId, otherPerson, FENGSHAN),
    },
    sparePersonId: sparePerson,
    spareAssignmentId: spareAssignment.assignment_id,
    workerId: worker,
    providerAccountId: accounts.get('provider')!,
    revocableClientId: revocable.client.client_id,
    signInUsername: 'm-signin',
    signInPassword: TEST_PASSWORD,
  };
  await setUpPaymentMatrix(database, {
    own: world.own,
    other: world.other,
    clerkId: accounts.get('district-clerk')!,
    reviewerId: accounts.get('reviewer')!,
    programOfficerId: accounts.get('program-officer')!,
    log: identity.audit,
  });
  await setUpReviewMatrix(database, {
    own: world.own,
    other: world.other,
    clerkId: accounts.get('district-clerk')!,
    log: identity.audit,
  });
  await setUpAssetAccountMatrix(database, {
    own: world.own,
    other: world.other,
    clerkId: accounts.get('district-clerk')!,
  });
  await setUpCertificateMatrix(database, {
    own: world.own,
    other: world.other,
    citizenId: accounts.get('citizen')!,
  });
  const officer = { own: world.own, other: world.other, programOfficerId: accounts.get('program-officer')! };
  await setUpReportMatrix(database, officer);
  await setUpBudgetMatrix(database, officer);
  await setUpStatisticsMatrix(database, officer);
});
after(async () => {
  await app.close();
  await database.close();
});

const key = (route: RouteEntry) => `${route.method} ${route.url.replace('/api/v1', '')}`;

test('every route has a matrix case, and every case a route', () => {
  const routes = routeTable(app).map(key).sort();
  assert.deepEqual(routes, Object.keys(ROUTE_CASES).sort());
});

test(`every role × every route × own and other records: exactly the expected refusals (${testEngine})`, async () => {
  const failures: string[] = [];
  let cells = 0;
  for (const route of routeTable(app)) {
    const spec = ROUTE_CASES[key(route)]!;
    const targets: Target[] = spec.scoped ? ['own', 'other'] : ['own'];
    for (const caller of callers) {
      for (const target of targets) {
        const held = permits(caller.actor, route.policy);
        const expected = !held
          ? caller.actor.kind === 'anonymous'
            ? 401
            : 403
          : (spec.expect?.(caller.actor, target) ?? (target === 'other' ? 'deny' : 'ok'));
        const request = spec.request(world, target);
        const headers =
          spec.freshSession && caller.actor.kind !== 'anonymous' && caller.actor.kind !== 'client'
            ? await freshSession(caller.label)
            : await caller.headers();
        const response = await app.inject({
          method: route.method as 'GET',
          url: `/api/v1${request.url}`,
          headers: { ...headers, ...request.headers },
          ...(request.body === undefined ? {} : { payload: request.body as object }),
        });
        cells++;
        const status = response.statusCode;
        const ok =
          expected === 'ok'
            ? (status >= 200 && status < 400) || (spec.alsoOk ?? []).includes(status)
            : expected === 'deny'
              ? status === 403
              : status === expected;
        if (!ok)
          failures.push(
            `${caller.label} ${key(route)} [${target}] expected ${expected}, got ${status}: ${response.body.slice(0, 160)}`,
          );
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${cells} cells`);
  assert.ok(cells > 600, `${cells} cells`);
});

async function freshSession(role: string): Promise<Record<string, string>> {
  const client = await signedIn(app, `m-${role}`);
  return { cookie: client.cookie, 'x-csrf-token': client.csrfToken };
}

test('the application cells did their work on the own records and nothing to the other ones', async () => {
  const status = async (id: string) =>
    (
      await database.db
        .selectFrom('application')
        .select('status')
        .where('application_id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
  assert.equal(await status(world.own.applicationId), 'decided');
  assert.equal(await status(world.own.withdrawableId), 'withdrawn');
  assert.equal(await status(world.other.applicationId), 'submitted');
  assert.equal(await status(world.other.withdrawableId), 'submitted');
  const documents = await database.db
    .selectFrom('application_document')
    .select('application_id')
    .where('application_id', 'in', [world.own.applicationId, world.other.applicationId])
    .execute();
  assert.ok(documents.length > 0 && documents.every((d) => d.application_id === world.own.applicationId));
  const appeals = await database.db
    .selectFrom('appeal')
    .select(['decision_id', 'appeal_id', 'status'])
    .where('decision_id', 'in', [world.own.appealableDecisionId, world.other.appealableDecisionId])
    .execute();
  assert.deepEqual(
    appeals.map((a) => a.decision_id),
    [world.own.appealableDecisionId],
  );
  const appealStatus = async (id: string) =>
    (
      await database.db
        .selectFrom('appeal')
        .select('status')
        .where('appeal_id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
  assert.equal(await appealStatus(world.own.appealId), 'decided');
  assert.equal(await appealStatus(world.other.appealId), 'filed');
});
