import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, openTestServer, signedIn } from '../http/test-clients.ts';
import { RegistryCommands } from '../registry/commands.ts';

/**
 * The whole way money moves: a citizen applies online, the district clerk proposes on the rules' answer,
 * a reviewer decides, the approval becomes an entitlement in the same transaction, and the month's payment
 * run pays it once — however often it is run.
 */
const LINGYA = '64000080';
let database: Database;
let app: FastifyInstance;
let seniorId: string;

before(async () => {
  const opened = await openTestServer();
  ({ database, app } = opened);
  const commands = new RegistryCommands(database, opened.protector);
  const person = async (digits: string, birthDate: string) =>
    (
      await commands.recordPerson({
        idNumber: withCheckDigit(digits),
        name: '林阿嬤',
        sex: 'F',
        birthDate,
        registeredDistrictCode: LINGYA,
        cityRegistrationDate: '1990-01-01',
        validFrom: '1990-01-01',
        source: 'test',
      })
    ).personId;
  seniorId = await person('E28000001', '1950-03-01');
  const son = await person('E18000002', '1985-01-01');
  await commands.recordHousehold({
    districtCode: LINGYA,
    validFrom: '2020-01-01',
    members: [
      { personId: seniorId, role: 'applicant' },
      { personId: son, role: 'child' },
    ],
    source: 'test',
  });
  const { protector } = opened;
  await addAccount(database, protector, { username: 'j-citizen', role: 'citizen', personId: seniorId });
  await addAccount(database, protector, { username: 'j-clerk', role: 'district-clerk', districts: [LINGYA] });
  await addAccount(database, protector, { username: 'j-reviewer', role: 'reviewer', districts: [LINGYA] });
  await addAccount(database, protector, {
    username: 'j-officer',
    role: 'program-officer',
    programs: ['senior-living-allowance'],
  });
});
after(async () => {
  await app.close();
  await database.close();
});

test(`apply online → propose → decide → entitlement → paid once a month (${testEngine})`, async () => {
  const citizen = await signedIn(app, 'j-citizen');
  const clerk = await signedIn(app, 'j-clerk');
  const reviewer = await signedIn(app, 'j-reviewer');
  const officer = await signedIn(app, 'j-officer');

  const filed = await citizen.post('/applications', {
    applicantPersonId: seniorId,
    programs: ['senior-living-allowance'],
    period: '2024-06',
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const id = filed.body.id;
  const proposed = await clerk.post(`/applications/${id}/proposal`, {
    outcomes: [{ program: 'senior-living-allowance', outcome: 'approved' }],
  });
  assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
  const decided = await reviewer.post(`/applications/${id}/decision`, {});
  assert.ok(decided.status === 200 || decided.status === 201, JSON.stringify(decided.body));
  const decisionId = decided.body.decisions[0].id;
  const notice = await citizen.inject({ method: 'GET', url: `/decisions/${decisionId}/notice.pdf` });
  assert.equal(notice.status, 200);
  assert.equal(notice.headers['content-type'], 'application/pdf');
  const pdf = await app.inject({
    method: 'GET',
    url: `/api/v1/decisions/${decisionId}/notice.pdf`,
    headers: { cookie: citizen.cookie },
  });
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-', 'the notice is a PDF');
  assert.ok(pdf.rawPayload.length < 300_000, `${pdf.rawPayload.length} bytes`);

  const entitlements = await officer.get('/entitlements?program=senior-living-allowance');
  assert.equal(entitlements.status, 200, JSON.stringify(entitlements.body));
  const [entitlement] = entitlements.body.items;
  assert.equal(entitlements.body.items.length, 1, 'one entitlement from the approval');
  // 中低收入老人生活津貼 for a household with no income in 2024-06 (the rules' amount, not typed in).
  assert.equal(entitlement.monthlyAmountNtd, 8_329);
  assert.equal(entitlement.firstMonth, '2024-06');
  const mine = await citizen.get('/entitlements');
  assert.equal(mine.body.items.length, 1, 'the citizen sees their own');

  const run = await officer.post('/payment-runs', { period: '2024-06' });
  assert.equal(run.status, 200, JSON.stringify(run.body));
  assert.deepEqual([run.body.created, run.body.totalNtd], [1, 8_329]);
  const again = await officer.post('/payment-runs', { period: '2024-06' });
  assert.deepEqual([again.body.created, again.body.alreadyPaid, again.body.totalNtd], [0, 1, 8_329]);
  const detail = await officer.get(`/entitlements/${entitlement.id}`);
  assert.equal(detail.body.payments.length, 1, 'paid once');

  // The clerk records where it is paid; the month's bank file then carries it, and only there in clear.
  const account = { bankCode: '700', branchCode: '0021', account: '00212345678901' };
  assert.equal((await citizen.put(`/persons/${seniorId}/bank-account`, account)).status, 403);
  assert.equal((await clerk.put(`/persons/${seniorId}/bank-account`, account)).status, 204);
  const file = await officer.post('/payment-runs/2024-06/bank-file', {});
  assert.equal(file.status, 200, JSON.stringify(file.body));
  assert.deepEqual([file.body.payments, file.body.totalNtd], [1, 8_329]);
  assert.match(file.body.content, /00212345678901/);
  const stored = await database.db.selectFrom('payee_bank_account').selectAll().execute();
  assert.doesNotMatch(JSON.stringify(stored), /00212345678901/, 'stored encrypted');

  const { rows } = await database.db
    .selectFrom('audit_entry')
    .select('action')
    .where('record_type', 'in', ['entitlement', 'application'])
    .execute()
    .then((found) => ({ rows: found }));
  const actions = rows.map((row) => row.action);
  for (const action of ['create', 'propose', 'decide'])
    assert.ok(
      actions.some((a) => a.includes(action)),
      `${action} on the record: ${actions}`,
    );
});
