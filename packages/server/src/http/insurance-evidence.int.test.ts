import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { RegistryCommands } from '../registry/commands.ts';
import { addAccount, type Client, openTestServer, signedIn } from './test-clients.ts';

/**
 * Insurance enrolment (投保資料) as an evidence kind through the API: recorded by a clerk, read back on the
 * person and the household as on a date, in the person's history, refused when malformed; and an
 * application evaluated after a premium was recorded rests on it (the snapshot is taken again).
 */
const LINGYA = '64000080';
let database: Database;
let app: FastifyInstance;
let clerk: Client;
const ids: Record<string, string> = {};
const now = () => new Date('2024-06-10T02:00:00Z');

before(async () => {
  const opened = await openTestServer({ identity: { now } });
  database = opened.database;
  app = opened.app;
  const commands = new RegistryCommands(database, opened.protector);
  let n = 0;
  const person = async (birthDate: string) =>
    (
      await commands.recordPerson({
        idNumber: withCheckDigit(`E2${String(++n).padStart(7, '0')}`),
        name: `投保${n}`,
        sex: 'F',
        birthDate,
        registeredDistrictCode: LINGYA,
        cityRegistrationDate: '1990-01-01',
        validFrom: '1990-01-01',
        source: 'test',
      })
    ).personId;
  const household = async (members: string[]) =>
    (
      await commands.recordHousehold({
        districtCode: LINGYA,
        validFrom: '2020-01-01',
        members: members.map((personId, k) => ({ personId, role: k === 0 ? 'applicant' : 'child' })),
        source: 'test',
      })
    ).householdId;
  ids.senior = await person('1950-03-01');
  ids.son = await person('1985-01-01');
  ids.household = await household([ids.senior, ids.son]);
  ids.alone = await person('1952-07-01');
  ids.aloneHousehold = await household([ids.alone]);
  await addAccount(database, opened.protector, {
    username: 'clerk',
    role: 'district-clerk',
    districts: [LINGYA],
  });
  clerk = await signedIn(app, 'clerk');
});
after(async () => {
  await app.close();
  await database.close();
});

const rows = async () =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM insurance_enrolment`.execute(database.db)).rows[0]!.n,
  );

test(`a clerk records insurance enrolment and reads it back on the person and the household (${testEngine})`, async () => {
  const url = `/persons/${ids.senior}/evidence/insurance`;
  const nhi = await clerk.post(url, {
    validFrom: '2024-01-01',
    scheme: 'nhi',
    monthlyPremiumNtd: 826,
    source: '衛生福利部中央健康保險署',
  });
  assert.equal(nhi.status, 201, JSON.stringify(nhi.body));
  assert.equal(nhi.body.created, true);
  const retried = await clerk.post(url, {
    evidenceId: nhi.body.evidenceId,
    validFrom: '2024-01-01',
    scheme: 'nhi',
    monthlyPremiumNtd: 826,
    source: '衛生福利部中央健康保險署',
  });
  assert.deepEqual(
    retried.body,
    { evidenceId: nhi.body.evidenceId, created: false },
    'a retry writes nothing',
  );
  assert.equal(retried.status, 200);
  // From July another budget pays the premium (a new version of the same record).
  const paid = await clerk.post(url, {
    evidenceId: nhi.body.evidenceId,
    validFrom: '2024-07-01',
    scheme: 'nhi',
    monthlyPremiumNtd: 0,
    premiumPaidByGovernment: true,
  });
  assert.equal(paid.status, 201);
  const labour = await clerk.post(`/persons/${ids.son}/evidence/insurance`, {
    validFrom: '2023-03-01',
    scheme: 'labour',
    monthlyPremiumNtd: 1_093,
  });
  assert.equal(labour.status, 201);

  const june = await clerk.get(`/persons/${ids.senior}?asOf=2024-06-30`);
  assert.equal(june.status, 200);
  const [record] = june.body.evidence.insurance;
  assert.equal(june.body.evidence.insurance.length, 1);
  assert.deepEqual(
    { ...record, recordedAt: undefined },
    {
      evidenceId: nhi.body.evidenceId,
      validFrom: '2024-01-01',
      validTo: null,
      recordedAt: undefined,
      source: '衛生福利部中央健康保險署',
      scheme: 'nhi',
      monthlyPremiumNtd: 826,
      premiumPaidByGovernment: false,
    },
  );
  const august = await clerk.get(`/persons/${ids.senior}?asOf=2024-08-01`);
  assert.deepEqual(
    august.body.evidence.insurance.map((e: Record<string, unknown>) => [
      e.scheme,
      e.monthlyPremiumNtd,
      e.premiumPaidByGovernment,
    ]),
    [['nhi', 0, true]],
  );
  assert.deepEqual((await clerk.get(`/persons/${ids.senior}?asOf=2023-12-31`)).body.evidence.insurance, []);

  const household = await clerk.get(`/households/${ids.household}?asOf=2024-06-30`);
  assert.equal(household.status, 200);
  const insuranceOf = (personId: string) =>
    household.body.members
      .find((m: { personId: string }) => m.personId === personId)
      .evidence.insurance.map((e: Record<string, unknown>) => [
        e.scheme,
        e.monthlyPremiumNtd,
        e.premiumPaidByGovernment,
      ]);
  assert.deepEqual(insuranceOf(ids.senior!), [['nhi', 826, false]]);
  assert.deepEqual(insuranceOf(ids.son!), [['labour', 1_093, false]]);

  const history = (await clerk.get(`/persons/${ids.senior}/history`)).body.items as { table: string }[];
  assert.equal(history.filter((c) => c.table === 'insurance_enrolment').length, 2);
});

test(`malformed insurance evidence is refused naming the field, nothing written (${testEngine})`, async () => {
  const before = await rows();
  const url = `/persons/${ids.son}/evidence/insurance`;
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ validFrom: '2024-01-01', scheme: 'pension', monthlyPremiumNtd: 100 }, /scheme/],
    [{ validFrom: '2024-01-01', scheme: 'nhi', monthlyPremiumNtd: -1 }, /monthlyPremiumNtd/],
    [{ validFrom: '2024-01-01', scheme: 'nhi', monthlyPremiumNtd: 12.5 }, /monthlyPremiumNtd/],
    [{ validFrom: '2024-01-01', monthlyPremiumNtd: 100 }, /scheme/],
    [
      { validFrom: '2024-01-01', scheme: 'nhi', monthlyPremiumNtd: 100, premiumPaidByGovernment: 'yes' },
      /premiumPaidByGovernment/,
    ],
  ];
  for (const [body, field] of cases) {
    const answer = await clerk.post(url, body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.match(JSON.stringify(answer.body), field);
  }
  assert.equal(await rows(), before);
});

test(`an application evaluated after a premium was recorded rests on it (${testEngine})`, async () => {
  const filed = await clerk.post('/applications', {
    applicantPersonId: ids.alone,
    programs: ['senior-nhi-premium-subsidy'],
    period: '2024-06',
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const propose = () =>
    clerk.post(`/applications/${filed.body.id}/proposal`, {
      outcomes: [{ program: 'senior-nhi-premium-subsidy', outcome: 'approved' }],
    });
  // No premium on record yet: the rules find nothing to subsidise (this takes the month's snapshot).
  const early = await propose();
  assert.equal(early.status, 400, JSON.stringify(early.body));
  assert.match(JSON.stringify(early.body), /body\.note/);
  assert.equal(
    (
      await clerk.post(`/persons/${ids.alone}/evidence/insurance`, {
        validFrom: '2024-01-01',
        scheme: 'nhi',
        monthlyPremiumNtd: 500,
      })
    ).status,
    201,
  );
  // The premium recorded after the snapshot makes it stale: the proposal rests on the registry as it is now.
  const proposed = await propose();
  assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
  assert.deepEqual(
    proposed.body.outcomes.map((o: Record<string, unknown>) => [o.program, o.eligible, o.amountNtd]),
    [['senior-nhi-premium-subsidy', true, 500]],
  );
});
