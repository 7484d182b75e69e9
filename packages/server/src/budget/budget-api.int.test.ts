import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { benefitWorld } from '../benefits/benefit-fixtures.ts';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, type Client, openTestServer, signedIn } from '../http/test-clients.ts';
import { loadSamplePlan } from './sample-plan.ts';

/**
 * The plan and budget routes over HTTP: who may write, the problems a person meets (in both languages),
 * a retry answered as the first, the downloads. Which role may call which route is the matrix's
 * (authz-matrix.int.test.ts); here the answers themselves.
 */
let database: Database;
let app: FastifyInstance;
let officer: Client;
let statistician: Client;

before(async () => {
  const opened = await openTestServer();
  database = opened.database;
  app = opened.app;
  await addAccount(database, opened.protector, { username: 'api-officer', role: 'program-officer' });
  await addAccount(database, opened.protector, { username: 'api-statistician', role: 'statistician' });
  officer = await signedIn(app, 'api-officer');
  statistician = await signedIn(app, 'api-statistician');
  const { trail } = await benefitWorld(database, opened.protector);
  await loadSamplePlan(database, trail);
});
after(async () => {
  await app.close();
  await database.close();
});

const problem = (
  answer: { status: number; body: Record<string, unknown> },
  status: number,
  field?: string,
) => {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(typeof answer.body.detail, 'string');
  assert.equal(typeof answer.body.detail_en, 'string');
  assert.notEqual(answer.body.detail, answer.body.detail_en, 'a message in each language');
  assert.ok(!/\.ts:\d+|\bstack\b/.test(JSON.stringify(answer.body)), 'no stack trace');
  if (field)
    assert.ok(JSON.stringify(answer.body).includes(field), `names ${field}: ${JSON.stringify(answer.body)}`);
};

test(`the sample plan is read as printed, with its categories' totals (${testEngine})`, async () => {
  const list = await statistician.get('/budget-plans');
  assert.equal(list.status, 200);
  assert.deepEqual(
    list.body.items.map((p: { year: number; rocYear: number; totalThousandNtd: number; lines: number }) => [
      p.year,
      p.rocYear,
      p.totalThousandNtd,
      p.lines,
    ]),
    [[2018, 107, 15_694_482, 14]],
  );
  const plan = await statistician.get('/budget-plans/2018');
  assert.equal(plan.status, 200);
  assert.equal(plan.body.categories.length, 8);
  assert.deepEqual(plan.body.categories[2], { category: '參、社會救助', budgetThousandNtd: 1_241_715 });
  assert.equal(
    plan.body.categories.reduce((s: number, c: { budgetThousandNtd: number }) => s + c.budgetThousandNtd, 0),
    15_694_482,
  );
  problem(await statistician.get('/budget-plans/2019'), 404);
  problem(await statistician.get('/budget-plans/1800'), 400);
});

test(`a statistician reads and is refused writing; the officer copies, amends and is told what went wrong (${testEngine})`, async () => {
  problem(await statistician.post('/budget-plans', { year: 2023, copyFrom: 2018 }), 403);
  const copy = await officer.post('/budget-plans', { year: 2023, copyFrom: 2018 });
  assert.equal(copy.status, 201);
  assert.equal(copy.body.copiedFromYear, 2018);
  assert.equal((await officer.post('/budget-plans', { year: 2023, copyFrom: 2018 })).status, 200, 'a retry');
  problem(await officer.post('/budget-plans', { year: 2023 }), 409, 'body.year');
  problem(await officer.post('/budget-plans', { year: 2024, copyFrom: 2017 }), 404, 'body.copyFrom');
  problem(await officer.post('/budget-plans', { year: 2024, unknown: 1 }), 400);

  const line = copy.body.lines.find((l: { item: string }) => l.item === '貧困及災害救助');
  const url = `/budget-plans/2023/lines/${line.lineId}`;
  problem(await statistician.patch(url, { version: 1, budgetThousandNtd: 1, reason: 'x' }), 403);
  problem(
    await officer.patch(url, { version: 1, budgetThousandNtd: -1, reason: 'x' }),
    400,
    'budgetThousandNtd',
  );
  problem(
    await officer.patch(url, { version: 1, budgetThousandNtd: 1.5, reason: 'x' }),
    400,
    'budgetThousandNtd',
  );
  problem(await officer.patch(url, { version: 1, budgetThousandNtd: 5 }), 400, 'reason');
  problem(
    await officer.patch(url, { version: 1, programIds: ['nope'], reason: 'x' }),
    400,
    'body.programIds',
  );
  problem(
    await officer.patch(url, { version: 1, programIds: ['senior-living-allowance'], reason: 'x' }),
    409,
    'body.programIds',
  );
  problem(
    await officer.patch('/budget-plans/2023/lines/00000000-0000-4000-8000-000000000000', {
      version: 1,
      budgetThousandNtd: 5,
      reason: 'x',
    }),
    404,
  );
  const amend = { version: 1, budgetThousandNtd: 1_300_000, reason: '112年度法定預算' };
  const amended = await officer.patch(url, amend);
  assert.equal(amended.status, 200);
  assert.deepEqual([amended.body.version, amended.body.budgetThousandNtd], [2, 1_300_000]);
  const retried = await officer.patch(url, amend);
  assert.deepEqual([retried.status, retried.body.version], [200, 2], 'the same amendment again is answered');
  problem(await officer.patch(url, { ...amend, budgetThousandNtd: 1 }), 409, 'body.version');

  const history = await statistician.get('/budget-plans/2023/amendments');
  assert.equal(history.status, 200);
  const ofLine = history.body.items.filter((a: { lineId: string }) => a.lineId === line.lineId);
  assert.deepEqual(
    ofLine.map((a: { version: number; amendedBy: string; reason: string }) => [
      a.version,
      a.amendedBy,
      a.reason,
    ]),
    [
      [2, 'api-officer', '112年度法定預算'],
      [1, 'api-officer', '複製自 2018 年計畫 Copied from the 2018 plan'],
    ],
  );

  const added = {
    category: '玖、其他',
    item: '測試項目',
    budgetThousandNtd: 10,
    programIds: ['low-income-child-allowance'],
  };
  const first = await officer.post('/budget-plans/2023/lines', added);
  assert.equal(first.status, 201);
  assert.equal(first.body.position, 15);
  assert.equal((await officer.post('/budget-plans/2023/lines', added)).status, 200, 'the same line again');
  problem(
    await officer.post('/budget-plans/2023/lines', { ...added, budgetThousandNtd: 11 }),
    409,
    'body.item',
  );
  problem(
    await officer.post('/budget-plans/2023/lines', {
      ...added,
      item: '另一項',
      programIds: ['emergency-aid'],
    }),
    409,
    'body.programIds',
  );
  problem(await officer.post('/budget-plans/2030/lines', added), 404);
});

test(`execution as JSON, CSV and XLSX; a month of another year is a clear 400 (${testEngine})`, async () => {
  await officer.post('/budget-plans', { year: 2023, copyFrom: 2018 });
  const json = await statistician.get('/budget-plans/2023/execution?asOf=2023-06');
  assert.equal(json.status, 200);
  assert.equal(json.body.asOf, '2023-06');
  assert.equal(json.body.monthsLeft, 6);
  assert.equal(json.body.total.budgetNtd, json.body.total.budgetThousandNtd * 1000);
  assert.ok(json.body.lines.every((l: { monthlyNtd: unknown[] }) => l.monthlyNtd.length === 12));
  problem(await statistician.get('/budget-plans/2023/execution?asOf=2022-06'), 400, 'asOf');
  problem(await statistician.get('/budget-plans/2023/execution?asOf=2023-13'), 400);
  problem(await statistician.get('/budget-plans/2031/execution'), 404);

  const csv = await statistician.get('/budget-plans/2023/execution?asOf=2023-06&format=csv');
  assert.equal(csv.status, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(String(csv.headers['content-disposition']), /attachment/);
  const rows = parse(String(csv.body).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  const assistance = rows.find((r) => r.層級 === '項目 Line' && r.項 === '貧困及災害救助')!;
  const fromJson = json.body.lines.find((l: { item: string }) => l.item === '貧困及災害救助');
  assert.equal(Number(assistance['預算（千元）']), fromJson.budgetThousandNtd);
  assert.equal(Number(assistance['預算（元）']), fromJson.budgetNtd);
  assert.equal(rows.at(-1)!.層級, '合計 Total');

  const xlsx = await app.inject({
    method: 'GET',
    url: '/api/v1/budget-plans/2018?format=xlsx&language=en',
    headers: { cookie: statistician.cookie },
  });
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const sheet = strFromU8(unzipSync(new Uint8Array(xlsx.rawPayload))['xl/worksheets/sheet1.xml']!);
  assert.ok(sheet.includes('Budget (thousand NTD)') && sheet.includes('<v>15694482</v>'));
  const history = await statistician.get('/budget-plans/2023/amendments?format=csv');
  assert.match(String(history.headers['content-type']), /^text\/csv/);
});
