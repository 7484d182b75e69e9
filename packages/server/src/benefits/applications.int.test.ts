import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import { loadParameters } from '@safetynet/rules';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { buildServer } from '../http/app.ts';
import { addAccount, type Client, GENEROUS_RATE_LIMITS, signedIn } from '../http/test-clients.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { RegistryCommands } from '../registry/commands.ts';

/**
 * Applications and decisions through the API: both channels, routing to the residence district, the
 * overdue queue, four eyes, reasons for a rejection, concurrent decisions, and a decision shown exactly as
 * made after the registry and the parameters changed.
 */
const LINGYA = '64000080';
const FENGSHAN = '64000120';
let database: Database;
let protector: IdProtector;
let app: FastifyInstance;
let clock = new Date('2024-06-10T02:00:00Z');
const now = () => clock;
const ids: Record<string, string> = {};
const as: Record<string, Client> = {};
const parameters = loadParameters();

async function signInAll() {
  for (const name of ['citizen', 'clerk', 'clerk2', 'reviewer', 'reviewer2', 'reviewerF', 'clerkF', 'dual'])
    as[name] = await signedIn(app, `a-${name}`);
}

before(async () => {
  database = await openTestDatabase();
  protector = new IdProtector(generateIdKeys('test'));
  app = await buildServer({
    database,
    protector,
    parameters,
    identity: { rateLimits: GENEROUS_RATE_LIMITS, now },
  });
  const commands = new RegistryCommands(database, protector);
  let n = 0;
  const person = async (birthDate: string, registered: string | null, residence?: string) =>
    (
      await commands.recordPerson({
        idNumber: withCheckDigit(`E2${String(++n).padStart(7, '0')}`),
        name: `申請${n}`,
        sex: 'F',
        birthDate,
        registeredDistrictCode: registered,
        residenceDistrictCode: residence ?? registered,
        cityRegistrationDate: '1990-01-01',
        validFrom: '1990-01-01',
        source: 'test',
      })
    ).personId;
  const household = async (district: string, members: string[]) =>
    (
      await commands.recordHousehold({
        districtCode: district,
        validFrom: '2020-01-01',
        members: members.map((personId, k) => ({ personId, role: k === 0 ? 'applicant' : 'child' })),
        source: 'test',
      })
    ).householdId;
  ids.senior = await person('1950-03-01', LINGYA);
  ids.son = await person('1985-01-01', LINGYA);
  ids.household = await household(LINGYA, [ids.senior, ids.son]);
  ids.other = await person('1952-01-01', FENGSHAN);
  ids.otherHousehold = await household(FENGSHAN, [ids.other]);
  // Registered in Lingya, living in Fengshan: applications go to Fengshan.
  ids.mover = await person('1948-01-01', LINGYA, FENGSHAN);
  ids.moverHousehold = await household(LINGYA, [ids.mover]);
  const account = (username: string, role: 'district-clerk' | 'reviewer' | 'citizen', district?: string) =>
    addAccount(database, protector, {
      username: `a-${username}`,
      role,
      districts: district ? [district] : [],
      ...(role === 'citizen' ? { personId: ids.senior } : {}),
    });
  await account('citizen', 'citizen');
  ids.clerk = (await account('clerk', 'district-clerk', LINGYA)).account_id;
  await account('clerk2', 'district-clerk', LINGYA);
  ids.reviewer = (await account('reviewer', 'reviewer', LINGYA)).account_id;
  await account('reviewer2', 'reviewer', LINGYA);
  await account('reviewerF', 'reviewer', FENGSHAN);
  await account('clerkF', 'district-clerk', FENGSHAN);
  ids.dual = (await account('dual', 'district-clerk', LINGYA)).account_id;
  await signInAll();
});
after(async () => {
  await app.close();
  await database.close();
});

const file = (
  client: Client,
  applicantPersonId: string,
  programs: string[],
  headers?: Record<string, string>,
) => client.post('/applications', { applicantPersonId, programs, period: '2024-06' }, headers);

async function auditActions(recordId: string): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    SELECT action FROM audit_entry WHERE record_id = ${recordId} ORDER BY seq`.execute(database.db);
  return rows.map((r) => r.action);
}

test(`a citizen files online for their own household, not for another (${testEngine})`, async () => {
  const filed = await file(as.citizen!, ids.son!, ['low-income-status', 'senior-living-allowance'], {
    'idempotency-key': 'k-1',
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  assert.equal(filed.body.channel, 'online');
  assert.match(filed.body.reference, /^A113-\d{6}$/);
  assert.equal(filed.body.status, 'submitted');
  assert.equal(filed.body.districtCode, LINGYA);
  assert.equal(filed.body.householdId, ids.household);
  // senior-living-allowance: one month (中低收入老人生活津貼發給辦法第6條), the earliest of the two.
  assert.equal(filed.body.dueDate, '2024-07-10');
  const again = await file(as.citizen!, ids.son!, ['low-income-status', 'senior-living-allowance'], {
    'idempotency-key': 'k-1',
  });
  assert.equal(again.status, 200);
  assert.equal(again.body.id, filed.body.id);
  const reused = await file(as.clerk!, ids.son!, ['low-income-status'], { 'idempotency-key': 'k-1' });
  assert.equal(reused.status, 409, 'a key is not shared with someone else’s application');
  const second = await file(as.citizen!, ids.senior!, ['double-ninth-gift']);
  assert.equal(second.status, 201);
  assert.notEqual(second.body.reference, filed.body.reference);
  const foreign = await file(as.citizen!, ids.other!, ['low-income-status']);
  assert.equal(foreign.status, 403);
  ids.online = filed.body.id;
  assert.deepEqual(await auditActions(filed.body.id), ['create']);
  const mine = await as.citizen!.get('/applications');
  assert.equal(mine.status, 200);
  assert.deepEqual(
    mine.body.items.map((a: { id: string }) => a.id).sort(),
    [filed.body.id, second.body.id].sort(),
  );
});

test('a clerk files at the office; unknown programs are named; routing follows the residence', async () => {
  const unknown = await file(as.clerk!, ids.senior!, ['no-such-program']);
  assert.equal(unknown.status, 400);
  assert.match(JSON.stringify(unknown.body), /body\.programs/);
  const office = await file(as.clerk!, ids.senior!, ['low-income-status']);
  assert.equal(office.status, 201);
  assert.equal(office.body.channel, 'office');
  assert.equal(office.body.dueDate, '2024-08-10', '行政程序法第51條: two months');
  ids.office = office.body.id;
  const moved = await file(as.clerk!, ids.mover!, ['low-income-status']);
  assert.equal(moved.status, 201);
  assert.equal(moved.body.districtCode, FENGSHAN, 'the residence district, not the registered one');
  // The Lingya clerk filed it but it is Fengshan's: their queue, not Lingya's.
  const fengshan = await as.clerkF!.get(`/applications/${moved.body.id}`);
  assert.equal(fengshan.status, 200);
  assert.equal((await as.clerk!.get(`/applications/${moved.body.id}`)).status, 403);
  assert.equal((await file(as.clerk!, ids.other!, ['low-income-status'])).status, 403);
  const doc = await as.clerk!.post(`/applications/${office.body.id}/documents`, {
    kind: 'income-statement',
    description: '薪資證明',
  });
  assert.equal(doc.status, 201);
  const payslip = await as.clerk!.post(`/persons/${ids.senior}/evidence/income`, {
    validFrom: '2024-01-01',
    incomeType: 'pension',
    monthlyAmountNtd: 0,
  });
  assert.equal(payslip.status, 201, JSON.stringify(payslip.body));
  const linked = await as.clerk!.post(`/applications/${office.body.id}/documents`, {
    kind: 'pension-statement',
    description: '年金證明',
    evidenceId: payslip.body.evidenceId,
  });
  assert.equal(linked.status, 201);
  const foreignEvidence = await as.clerk!.post(`/applications/${office.body.id}/documents`, {
    kind: 'pension-statement',
    description: '他人資料',
    evidenceId: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(foreignEvidence.status, 400);
  const full = await as.clerk!.get(`/applications/${office.body.id}`);
  assert.equal(full.body.documents.length, 2);
  assert.equal(
    full.body.documents.find((d: { kind: string }) => d.kind === 'pension-statement').evidenceId,
    payslip.body.evidenceId,
  );
  assert.deepEqual(await auditActions(office.body.id), [
    'create',
    'attach-document',
    'attach-document',
    'read',
  ]);
});

test('the overdue list: past the due date and not decided', async () => {
  const withdrawn = await file(as.clerk!, ids.senior!, ['senior-card']);
  assert.equal((await as.clerk!.post(`/applications/${withdrawn.body.id}/withdraw`, {})).status, 200);
  assert.equal((await as.clerk!.post(`/applications/${withdrawn.body.id}/withdraw`, {})).status, 409);
  assert.deepEqual(await auditActions(withdrawn.body.id), ['create', 'withdraw']);
  clock = new Date('2024-07-20T02:00:00Z');
  await signInAll();
  const overdue = await as.clerk!.get('/applications?overdue=true');
  assert.equal(overdue.status, 200);
  const listed = overdue.body.items.map((a: { id: string }) => a.id);
  assert.ok(listed.includes(ids.online), 'due 2024-07-10');
  assert.ok(!listed.includes(ids.office), 'due 2024-08-10');
  assert.ok(!listed.includes(withdrawn.body.id), 'withdrawn');
  assert.ok(overdue.body.items.every((a: { overdue: boolean }) => a.overdue));
  const byProgram = await as.clerk!.get('/applications?program=senior-card&status=withdrawn');
  assert.deepEqual(
    byProgram.body.items.map((a: { id: string }) => a.id),
    [withdrawn.body.id],
  );
  // One household's applications, decided or not, within the caller's reach.
  const ofHousehold = await as.clerk!.get(`/applications?household=${ids.household}&pageSize=100`);
  assert.equal(ofHousehold.status, 200);
  const households = new Set(ofHousehold.body.items.map((a: { householdId: string }) => a.householdId));
  assert.deepEqual([...households], [ids.household]);
  assert.ok(ofHousehold.body.items.some((a: { id: string }) => a.id === withdrawn.body.id));
  const elsewhere = await as.clerkF!.get(`/applications?household=${ids.household}`);
  assert.equal(elsewhere.body.total, 0, 'another district’s clerk sees none of them');
  clock = new Date('2024-06-12T02:00:00Z');
  await signInAll();
});

test('four eyes: the district’s clerk proposes, another person, a reviewer of the district, decides', async () => {
  const url = `/applications/${ids.online}/proposal`;
  const rejectEligible = await as.clerk!.post(url, {
    outcomes: [
      { program: 'low-income-status', outcome: 'rejected' },
      { program: 'senior-living-allowance', outcome: 'rejected' },
    ],
  });
  assert.equal(rejectEligible.status, 400, 'the rules find low-income-status met: a rejection needs reasons');
  assert.match(JSON.stringify(rejectEligible.body), /body\.outcomes\.0\.reasons/);
  assert.match(rejectEligible.body.detail, /駁回須附理由/);
  const approveIneligible = await as.clerk!.post(url, {
    outcomes: [
      { program: 'low-income-status', outcome: 'approved' },
      { program: 'senior-living-allowance', outcome: 'approved' },
    ],
  });
  assert.equal(approveIneligible.status, 400, 'approving what the rules find not met needs a note');
  assert.match(JSON.stringify(approveIneligible.body), /body\.note/);
  const proposal = {
    outcomes: [
      { program: 'low-income-status', outcome: 'approved' },
      { program: 'senior-living-allowance', outcome: 'rejected' },
    ],
  };
  assert.equal((await as.clerkF!.post(url, proposal)).status, 403, 'a clerk of another district');
  assert.equal((await as.reviewer!.post(url, proposal)).status, 403, 'a reviewer does not propose');
  const proposed = await as.clerk!.post(url, proposal);
  assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
  const rejected = proposed.body.outcomes.find(
    (o: { program: string }) => o.program === 'senior-living-allowance',
  );
  assert.equal(rejected.outcome, 'rejected');
  assert.ok(rejected.reasons.length > 0, 'the conditions not met are the reasons');
  assert.equal(rejected.reasons[0].code, 'age-65-or-over');
  assert.ok(rejected.reasons[0].message.zh && rejected.reasons[0].message.en);
  assert.equal((await as.clerk!.post(url, proposal)).status, 409, 'proposed already');
  // A month before the household existed: nothing to evaluate, a conflict rather than a guess.
  const early = await as.clerk!.post('/applications', {
    applicantPersonId: ids.senior,
    programs: ['low-income-status'],
    period: '2019-06',
  });
  assert.equal(early.status, 201);
  const none = await as.clerk!.post(`/applications/${early.body.id}/proposal`, {
    outcomes: [{ program: 'low-income-status', outcome: 'approved' }],
    note: '補件後核准',
  });
  assert.equal(none.status, 409, JSON.stringify(none.body));
  assert.match(none.body.detail_en, /not in the registry at the end of 2019-06/);

  const decision = `/applications/${ids.online}/decision`;
  assert.equal((await as.clerk2!.post(decision, {})).status, 403, 'a clerk cannot decide');
  assert.equal((await as.reviewerF!.post(decision, {})).status, 403, 'a reviewer of another district cannot');
  assert.equal((await as.citizen!.post(decision, {})).status, 403);

  // The same person cannot propose and decide: a clerk who proposed and was made a reviewer since.
  const dualUrl = `/applications/${ids.office}/proposal`;
  const dual = await as.dual!.post(dualUrl, {
    outcomes: [{ program: 'low-income-status', outcome: 'approved' }],
  });
  assert.equal(dual.status, 201, JSON.stringify(dual.body));
  await database.db
    .updateTable('account')
    .set({ role: 'reviewer' })
    .where('account_id', '=', ids.dual!)
    .execute();
  as.dual = await signedIn(app, 'a-dual');
  const self = await as.dual.post(`/applications/${ids.office}/decision`, {});
  assert.equal(self.status, 403);
  assert.match(self.body.detail, /擬辦者不得核定/);
  assert.match(self.body.detail_en, /four eyes/);
  // And the database refuses it too.
  await assert.rejects(
    sql`INSERT INTO decision (decision_id, application_id, proposal_id, program_id, kind, outcome, entity,
        entity_id, reasons, explanation, evidence, parameters, rules_version, proposed_by, decided_by, decided_at)
      SELECT gen_random_uuid(), application_id, proposal_id, 'low-income-status', 'initial', 'approved',
        'household', ${ids.household}, '[]', '[]', '{}', '[]', 'x', proposed_by, proposed_by, now()
      FROM proposal WHERE application_id = ${ids.office}`.execute(database.db),
  );
  assert.ok((await auditActions(ids.online!)).includes('propose'));

  // The reviewer may reject what was proposed for approval, but not without reasons.
  const overrule = `/applications/${ids.office}/decision`;
  const bare = await as.reviewer!.post(overrule, { rejections: [{ program: 'low-income-status' }] });
  assert.equal(bare.status, 400);
  assert.match(JSON.stringify(bare.body), /body\.rejections\.0\.reasons/);
  const reasons = [
    { code: 'documents-missing', message: { zh: '未補齊文件', en: 'documents not provided' } },
  ];
  const overruled = await as.reviewer!.post(overrule, {
    rejections: [{ program: 'low-income-status', reasons }],
  });
  assert.equal(overruled.status, 201, JSON.stringify(overruled.body));
  assert.equal(overruled.body.decisions[0].outcome, 'rejected');
  assert.equal(overruled.body.decisions[0].monthlyAmountNtd, null);
  const stored = await as.reviewer!.get(`/decisions/${overruled.body.decisions[0].id}`);
  assert.deepEqual(stored.body.reasons, reasons);
});

test(`two reviewers deciding at once: exactly one wins, the other gets 409 (${testEngine})`, async () => {
  const url = `/applications/${ids.online}/decision`;
  const answers = await Promise.all([as.reviewer!.post(url, {}), as.reviewer2!.post(url, {})]);
  assert.deepEqual(
    answers.map((a) => a.status).sort(),
    [201, 409],
    JSON.stringify(answers.map((a) => a.body)),
  );
  const lost = answers.find((a) => a.status === 409)!;
  assert.match(lost.body.detail, /其他審核人員/);
  assert.match(lost.body.detail_en, /another reviewer/);
  const full = await as.clerk!.get(`/applications/${ids.online}`);
  assert.equal(full.body.status, 'decided');
  assert.equal(full.body.decisions.length, 2);
  const rejection = full.body.decisions.find(
    (d: { program: string }) => d.program === 'senior-living-allowance',
  );
  assert.equal(rejection.outcome, 'rejected');
  assert.ok(rejection.reasons.length > 0);
  assert.equal((await auditActions(ids.online!)).filter((a) => a === 'decide').length, 1);
});

test('a decision reads exactly as made after the registry and the parameters changed', async () => {
  const filed = await file(as.clerk!, ids.senior!, ['senior-living-allowance']);
  const answer = await as.clerk!.get(
    `/households/${ids.household}/programs?period=2024-06&programs=senior-living-allowance`,
  );
  assert.equal(answer.status, 200);
  const url = `/applications/${filed.body.id}`;
  assert.equal(
    (
      await as.clerk!.post(`${url}/proposal`, {
        outcomes: [{ program: 'senior-living-allowance', outcome: 'approved' }],
      })
    ).status,
    201,
  );
  const decided = await as.reviewer!.post(`${url}/decision`, { version: 2 });
  assert.equal(decided.status, 201, JSON.stringify(decided.body));
  const decisionId = decided.body.decisions[0].id;
  const made = await as.reviewer!.get(`/decisions/${decisionId}`);
  assert.equal(made.status, 200);
  assert.equal(made.body.outcome, 'approved');
  assert.equal(made.body.monthlyAmountNtd, 8329);
  assert.deepEqual(made.body.evidence, answer.body.case);
  assert.deepEqual(made.body.explanation, answer.body.results);
  assert.deepEqual(made.body.parameters, answer.body.parameters);
  assert.match(made.body.rulesVersion, /^0\.1\.0\+sha256:[0-9a-f]{64}$/);

  // The registry changes: the son now earns; a new snapshot of the month holds it.
  const income = await as.clerk!.post(`/persons/${ids.son}/evidence/income`, {
    validFrom: '2024-01-01',
    incomeType: 'earned',
    monthlyAmountNtd: 90_000,
  });
  assert.equal(income.status, 201);
  // A proposal made now rests on the registry as it is now, not on the month's earlier snapshot.
  const after = await file(as.clerk!, ids.senior!, ['senior-living-allowance']);
  const stale = await as.clerk!.post(`/applications/${after.body.id}/proposal`, {
    outcomes: [{ program: 'senior-living-allowance', outcome: 'approved' }],
  });
  assert.equal(stale.status, 400, 'the son’s income now counts: approving needs a note');
  assert.match(JSON.stringify(stale.body), /body\.note/);
  const { makeSnapshot } = await import('../rules/snapshot-store.ts');
  await makeSnapshot(database, '2024-06');
  // The parameters change: every one the decision used, 10 % up, on a server loaded with them.
  const changed = parameters.withOverrides(
    (made.body.parameters as { id: string; value: number | string }[])
      .filter((p) => typeof p.value === 'number')
      .map((p) => ({ id: p.id, factorPercent: 10 })),
  );
  const later = await buildServer({ database, protector, parameters: changed, identity: { now } });
  try {
    const reviewerLater = await signedIn(later, 'a-reviewer');
    const now2 = await reviewerLater.get(
      `/households/${ids.household}/programs?period=2024-06&programs=senior-living-allowance`,
    );
    assert.notDeepEqual(now2.body.case, made.body.evidence, 'the registry did change');
    assert.notDeepEqual(now2.body.parameters, made.body.parameters, 'the parameters did change');
    const again = await reviewerLater.get(`/decisions/${decisionId}`);
    assert.deepEqual(again.body, made.body);
  } finally {
    await later.close();
  }
  assert.deepEqual((await as.reviewer!.get(`/decisions/${decisionId}`)).body, made.body);
  assert.deepEqual(
    (await auditActions(filed.body.id)).filter((a) => a !== 'read'),
    ['create', 'propose', 'decide'],
  );
  const reads = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_entry
    WHERE record_type = 'decision' AND record_id = ${decisionId} AND action = 'read'`.execute(database.db);
  assert.equal(reads.rows[0]!.n, 3);
});
