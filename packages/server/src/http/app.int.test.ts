import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KAOHSIUNG_DISTRICTS } from '@safetynet/core/districts';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { MIGRATIONS } from '../db/migrate.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { buildServer, routeTable } from './app.ts';
import { addAccount, type Client, signedIn } from './test-clients.ts';

let database: Database;
let app: FastifyInstance;
let clerk: Client;
before(async () => {
  database = await openTestDatabase();
  const protector = new IdProtector(generateIdKeys('test'));
  app = await buildServer({ database, protector });
  // A clerk of every district: this file tests the registry itself (scopes: authz.int.test.ts).
  await addAccount(database, protector, {
    username: 'city-clerk',
    role: 'district-clerk',
    districts: KAOHSIUNG_DISTRICTS.map((d) => d.code),
  });
  clerk = await signedIn(app, 'city-clerk');
});
after(async () => {
  await app.close();
  await database.close();
});

const post = async (url: string, payload: unknown) => {
  const { status, body } = await clerk.post(url, payload);
  return { status, body };
};
const get = (url: string) => clerk.get(url);

const mother = withCheckDigit('E22345678');
const son = withCheckDigit('E11111111');
const grandma = withCheckDigit('S20000001');

test(`health names the engine (${testEngine})`, async () => {
  const { status, body } = await get('/health');
  assert.equal(status, 200);
  assert.equal(body.status, 'ok');
  assert.equal(body.database, testEngine);
  assert.equal(body.migrations, Object.keys(MIGRATIONS).length);
});

test(`a household through its life: registered, changed, and read as on past dates (${testEngine})`, async () => {
  const m = await post('/persons', {
    idNumber: mother,
    name: '林美玲',
    sex: 'F',
    birthDate: '1980-05-01',
    registeredDistrictCode: '64000080',
    source: '苓雅區公所',
  });
  assert.equal(m.status, 201);
  const again = await post('/persons', {
    idNumber: mother.toLowerCase(),
    name: '林美玲',
    sex: 'F',
    birthDate: '1980-05-01',
    registeredDistrictCode: '64000080',
  });
  assert.deepEqual(again, { status: 200, body: { personId: m.body.personId, created: false } }, 'idempotent');
  const s = await post('/persons', {
    idNumber: son,
    name: '林小宇',
    sex: 'M',
    birthDate: '2010-02-28',
    registeredDistrictCode: '64000080',
  });
  const g = await post('/persons', {
    idNumber: grandma,
    name: '林阿嬤',
    sex: 'F',
    birthDate: '1950-01-01',
    registeredDistrictCode: '64000080',
  });

  const h = await post('/households', {
    districtCode: '64000080',
    address: '苓雅區四維三路2號',
    validFrom: '2020-01-01',
    members: [
      { personId: m.body.personId, role: 'applicant' },
      { personId: s.body.personId, role: 'child' },
    ],
  });
  assert.equal(h.status, 201);
  const householdId = h.body.householdId;
  const added = await post(`/households/${householdId}/members`, {
    personId: g.body.personId,
    role: 'lineal_relative',
    validFrom: '2021-03-01',
  });
  assert.equal(added.status, 201);
  // Grandma leaves on 2023-02-01; mother moves her registration to 鳳山區 from 2023-05-01.
  assert.equal(
    (
      await post(`/households/${householdId}/members/${added.body.membershipId}/end`, {
        validTo: '2023-02-01',
      })
    ).status,
    200,
  );
  assert.equal(
    (
      await post(`/persons/${m.body.personId}/changes`, {
        validFrom: '2023-05-01',
        registeredDistrictCode: '64000120',
      })
    ).status,
    201,
  );
  // A disability certificate for the son, valid until 2023-01-01; his income recorded wrong and corrected.
  await post(`/persons/${s.body.personId}/evidence/disability`, {
    validFrom: '2020-01-01',
    validTo: '2023-01-01',
    level: 'moderate',
    icfCategory: 1,
  });
  const income = await post(`/persons/${m.body.personId}/evidence/income`, {
    validFrom: '2022-01-01',
    incomeType: 'earned',
    monthlyAmountNtd: 32_000,
  });
  const correction = {
    evidenceId: income.body.evidenceId,
    validFrom: '2022-01-01',
    incomeType: 'earned',
    monthlyAmountNtd: 23_000,
  };
  assert.equal((await post(`/persons/${m.body.personId}/evidence/income`, correction)).status, 201);
  assert.equal(
    (await post(`/persons/${m.body.personId}/evidence/income`, correction)).status,
    200,
    'a retried correction writes nothing',
  );

  const on = async (date: string) => (await get(`/households/${householdId}?asOf=${date}`)).body;
  const before2021 = await on('2020-06-30');
  assert.equal(before2021.members.length, 2);
  assert.equal(
    before2021.members.find((x: { role: string }) => x.role === 'child').evidence.disability.length,
    1,
  );
  const in2022 = await on('2022-06-30');
  assert.equal(in2022.members.length, 3);
  const mum2022 = in2022.members.find((x: { role: string }) => x.role === 'applicant');
  assert.equal(mum2022.registeredDistrictCode, '64000080');
  assert.deepEqual(
    mum2022.evidence.income.map((e: { monthlyAmountNtd: number }) => e.monthlyAmountNtd),
    [23_000],
  );
  assert.equal(mum2022.idNumber, `${mother.slice(0, 3)}*****${mother.slice(8)}`, 'masked');
  const in2023 = await on('2023-06-30');
  assert.equal(in2023.members.length, 2, 'grandma left on 2023-02-01');
  assert.equal(
    in2023.members.find((x: { role: string }) => x.role === 'applicant').registeredDistrictCode,
    '64000120',
  );
  assert.equal(
    in2023.members.find((x: { role: string }) => x.role === 'child').evidence.disability.length,
    0,
    'expired',
  );

  const history = (await get(`/persons/${m.body.personId}/history`)).body.items as { table: string }[];
  assert.deepEqual(
    history.map((c) => c.table),
    ['person_version', 'household_membership', 'income_evidence', 'income_evidence', 'person_version'],
  );
  const householdHistory = (await get(`/households/${householdId}/history`)).body.items as {
    table: string;
  }[];
  assert.equal(householdHistory.filter((c) => c.table === 'household_membership').length, 4);
});

test(`search by exact ID number, name prefix and district, paged, masked (${testEngine})`, async () => {
  const byId = await get(`/persons?idNumber=${son}`);
  assert.equal(byId.body.total, 1);
  assert.equal(byId.body.items[0].name, '林小宇');
  assert.equal(byId.body.items[0].idNumber, `${son.slice(0, 3)}*****${son.slice(8)}`);
  assert.equal((await get(`/persons?idNumber=${withCheckDigit('E19999999')}`)).body.total, 0);
  const byName = await get(`/persons?name=${encodeURIComponent('林')}&pageSize=2`);
  assert.equal(byName.body.total, 3);
  assert.equal(byName.body.items.length, 2);
  const page2 = await get(`/persons?name=${encodeURIComponent('林')}&pageSize=2&page=2`);
  assert.equal(page2.body.items.length, 1);
  const lingya = await get(`/persons?district=${encodeURIComponent('苓雅區')}`);
  assert.equal(lingya.body.total, 2, 'the mother now lives in 鳳山區');
  const lingyaThen = await get(`/persons?district=64000080&asOf=2023-01-01`);
  assert.equal(lingyaThen.body.total, 3);
  const households = await get(`/households?memberIdNumber=${son}`);
  assert.equal(households.body.total, 1);
});

test(`bad input: problem details naming the field, in both languages, nothing written (${testEngine})`, async () => {
  const count = async () => (await get('/persons?pageSize=100')).body.total;
  const before = await count();
  const cases: [string, unknown, string][] = [
    [
      '/persons',
      {
        idNumber: 'E123456784', // wrong check digit
        name: 'x',
        sex: 'M',
        birthDate: '2000-01-01',
        registeredDistrictCode: null,
      },
      'idNumber',
    ],
    [
      '/persons',
      { idNumber: son, name: 'x', sex: 'X', birthDate: '2000-01-01', registeredDistrictCode: null },
      'body.sex',
    ],
    [
      '/persons',
      { idNumber: son, name: 'x', sex: 'M', birthDate: '2000-02-30', registeredDistrictCode: null },
      'body.birthDate',
    ],
    [
      '/persons',
      { idNumber: son, name: 'x', sex: 'M', birthDate: '2000-01-01', registeredDistrictCode: null, extra: 1 },
      'body.extra',
    ],
    [
      '/persons',
      { name: 'x', sex: 'M', birthDate: '2000-01-01', registeredDistrictCode: null },
      'body.idNumber',
    ],
    ['/households', { districtCode: '64000080', validFrom: '2020-01-01', members: [] }, 'body.members'],
  ];
  for (const [url, payload, field] of cases) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: payload as object,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
    });
    assert.equal(response.statusCode, 400, `${field}: ${response.body}`);
    assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    const problem = response.json();
    assert.ok(
      problem.errors.some((e: { field: string }) => e.field === field),
      `${field} named in ${response.body}`,
    );
    assert.ok(problem.title && problem.title_en && problem.detail && problem.detail_en);
    assert.doesNotMatch(response.body, /at .*\.ts:\d+|stack/i);
  }
  const broken = await app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { 'content-type': 'application/json', cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
    payload: '{"idNumber":',
  });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().detail_en, 'the body is not valid JSON');
  assert.equal(await count(), before);
  const unknown = await get('/persons/00000000-0000-4000-8000-000000000000');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.detail_en, 'person not found: 00000000-0000-4000-8000-000000000000');
  assert.equal((await get('/no/such/route')).status, 404);
  assert.equal((await get('/persons?district=Taipei')).body.errors[0].field, 'querystring.district');
});

test(`OpenAPI 3 at /openapi.json lists every route (${testEngine})`, async () => {
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  const spec = response.json();
  assert.match(spec.openapi, /^3\./);
  const documented = new Set(Object.keys(spec.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
  const routes = routeTable(app);
  assert.ok(routes.length >= 20);
  for (const route of routes) {
    assert.ok(documented.has(route.url), `${route.url} is in the OpenAPI description`);
    assert.ok(
      spec.paths[route.url.replace(/:(\w+)/g, '{$1}')][route.method.toLowerCase()],
      `${route.method} ${route.url}`,
    );
  }
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(docs.statusCode, 200);
});
