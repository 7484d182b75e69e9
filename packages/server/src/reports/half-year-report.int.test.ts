import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ReportItem } from '@safetynet/core/reports/half-year/report-model';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { benefitWorld } from '../benefits/benefit-fixtures.ts';
import { runCli } from '../cli/run.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { testEngine } from '../db/test-database.ts';
import { createThrowawayDatabase } from '../db/throwaway-database.ts';
import { buildServer } from '../http/app.ts';
import { addAccount, GENEROUS_RATE_LIMITS, signedIn } from '../http/test-clients.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { pdfText, pdftotextMissing } from '../notices/pdf-text.ts';
import { programFigures } from './figures.ts';
import { type HalfYearReportDocument, loadHalfYearReport } from './half-year-report.ts';
import { buildReportWorld, LINGYA, PERIOD, SANMIN } from './report-test-world.ts';

// One stored database for the API and the CLI (which opens it as a user would: a data directory, or
// DATABASE_URL on PostgreSQL). The clock says 2024-11-15, so the default half year is January–June 2024.
let database: Database;
let app: FastifyInstance;
let dataDir: string | undefined;
let drop: (() => Promise<void>) | undefined;
let closed = false;
const saved = { url: process.env.DATABASE_URL, dir: process.env.SAFETYNET_DATA_DIR };

before(async () => {
  const serverUrl = process.env.SAFETYNET_TEST_DATABASE_URL;
  if (serverUrl) {
    const throwaway = await createThrowawayDatabase(serverUrl, 'sn_report');
    drop = throwaway.drop;
    process.env.DATABASE_URL = throwaway.url;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'sn-report-'));
    delete process.env.DATABASE_URL;
    process.env.SAFETYNET_DATA_DIR = dataDir;
  }
  database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  await migrateToLatest(database.db);
  const protector = new IdProtector(generateIdKeys('test'));
  app = await buildServer({
    database,
    protector,
    identity: { rateLimits: GENEROUS_RATE_LIMITS, now: () => new Date('2024-11-15T04:00:00Z') },
  });
  const world = await benefitWorld(database, protector);
  await buildReportWorld(database, world);
  await addAccount(database, protector, { username: 'report-statistician', role: 'statistician' });
  await addAccount(database, protector, {
    username: 'report-clerk',
    role: 'district-clerk',
    districts: [LINGYA],
  });
});
after(async () => {
  if (!closed) {
    await app.close();
    await database.close();
  }
  await drop?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  else delete process.env.DATABASE_URL;
  if (saved.dir !== undefined) process.env.SAFETYNET_DATA_DIR = saved.dir;
  else delete process.env.SAFETYNET_DATA_DIR;
});

/** The payments of the period, counted here from every row (not figures.ts's query). */
async function countedHere(byDistrict: boolean) {
  const { rows } = await sql<{
    program_id: string;
    district_code: string;
    entity_id: string;
    household_id: string | null;
    amount_ntd: number;
    status: string;
    period: string;
  }>`SELECT program_id, district_code, entity_id, household_id, amount_ntd, status, period FROM payment`.execute(
    database.db,
  );
  const groups = new Map<
    string,
    { persons: Set<string>; times: number; households: Set<string>; amount: number }
  >();
  for (const row of rows) {
    if (row.period < PERIOD.from || row.period > PERIOD.to) continue;
    if (['returned', 'failed', 'cancelled'].includes(row.status)) continue;
    const key = byDistrict ? `${row.program_id} ${row.district_code}` : row.program_id;
    const group = groups.get(key) ?? { persons: new Set(), times: 0, households: new Set(), amount: 0 };
    group.persons.add(row.entity_id);
    group.times++;
    if (row.household_id) group.households.add(row.household_id);
    group.amount += row.amount_ntd;
    groups.set(key, group);
  }
  return new Map(
    [...groups].map(([key, g]) => [
      key,
      { persons: g.persons.size, personTimes: g.times, households: g.households.size, amountNtd: g.amount },
    ]),
  );
}

test(`figures.ts: persons, person-times, households and amounts of counted payments only (${testEngine})`, async () => {
  const city = await programFigures(database.db, PERIOD);
  const here = await countedHere(false);
  assert.deepEqual(
    new Map(
      city.map((r) => [
        r.programId,
        { persons: r.persons, personTimes: r.personTimes, households: r.households, amountNtd: r.amountNtd },
      ]),
    ),
    here,
  );
  // What the world was built to have (report-test-world.ts).
  assert.deepEqual(Object.fromEntries(here), {
    'low-income-living-allowance': { persons: 2, personTimes: 3, households: 2, amountNtd: 34_000 },
    'low-income-child-allowance': { persons: 1, personTimes: 1, households: 1, amountNtd: 3_000 },
    'senior-living-allowance': { persons: 1, personTimes: 2, households: 1, amountNtd: 16_000 },
    'emergency-aid': { persons: 2, personTimes: 3, households: 2, amountNtd: 45_000 },
    'birth-allowance': { persons: 1, personTimes: 1, households: 1, amountNtd: 30_000 },
  });
  const districts = await programFigures(database.db, { ...PERIOD, byDistrict: true });
  const hereByDistrict = await countedHere(true);
  assert.equal(districts.length, hereByDistrict.size);
  for (const row of districts)
    assert.deepEqual(
      {
        persons: row.persons,
        personTimes: row.personTimes,
        households: row.households,
        amountNtd: row.amountNtd,
      },
      hereByDistrict.get(`${row.programId} ${row.districtCode}`),
      `${row.programId} ${row.districtCode}`,
    );
  const months = await programFigures(database.db, {
    ...PERIOD,
    byMonth: true,
    programIds: ['emergency-aid'],
  });
  assert.deepEqual(
    months.map((r) => [r.period, r.personTimes, r.amountNtd]),
    [
      ['2024-03', 1, 15_000],
      ['2024-04', 2, 30_000],
    ],
  );
  const one = await programFigures(database.db, {
    ...PERIOD,
    districtCode: SANMIN,
    programIds: ['emergency-aid'],
  });
  assert.deepEqual(
    one.map((r) => [r.programId, r.districtCode, r.personTimes]),
    [['emergency-aid', null, 1]],
  );
});

function find(items: ReportItem[], path: string): ReportItem {
  for (const item of items) {
    if (item.path === path) return item;
    const inner = item.children.length ? findOrUndefined(item.children, path) : undefined;
    if (inner) return inner;
  }
  assert.fail(`no item ${path}`);
}
const findOrUndefined = (items: ReportItem[], path: string): ReportItem | undefined => {
  try {
    return find(items, path);
  } catch {
    return undefined;
  }
};

test(`the report's sentences say the counted figures; the registry and accounts as of the last day (${testEngine})`, async () => {
  const report: HalfYearReportDocument = await loadHalfYearReport(database.db, PERIOD, {
    today: '2024-11-15',
  });
  assert.equal(report.title, '高雄市政府社會局 113年3月至4月 工作報告');
  const sentence = (path: string) => find(report.sections, path).sentence;
  assert.equal(
    sentence('三(一)1'),
    '113年3月至4月辦理低收入戶家庭生活補助3戶(人)次；子女生活扶助1人次；就讀高中以上子女就學生活扶助本期無核付紀錄，合計補助3萬7,000元。',
  );
  assert.equal(sentence('三(三)(1)'), '救助本市遭受急難之民眾，113年3月至4月救助3戶次、補助4萬5,000元。');
  assert.equal(sentence('四(一)2(1)'), '中低收入老人生活津貼，113年3月至4月補助2人次、1萬6,000元。');
  assert.equal(sentence('四(三)1'), '生育津貼，113年3月至4月補助1人、3萬元。');
  assert.equal(find(report.sections, '四(一)2(2)').status, 'none-recorded');
  // The registry on 2024-04-30, counted here another way: the latest version of each person.
  const { rows } = await sql<{ population: string; seniors: string; disability: string }>`
    WITH latest AS (
      SELECT DISTINCT ON (person_id) * FROM person_version WHERE valid_from <= '2024-04-30'
      ORDER BY person_id, valid_from DESC, recorded_at DESC, version_id DESC),
    living AS (SELECT * FROM latest WHERE (valid_to IS NULL OR valid_to > '2024-04-30')
      AND registered_district_code IS NOT NULL AND (death_date IS NULL OR death_date > '2024-04-30'))
    SELECT count(*)::text AS population,
      count(*) FILTER (WHERE birth_date + interval '65 years' <= date '2024-04-30')::text AS seniors,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM disability_certificate d WHERE d.person_id = living.person_id
        AND d.valid_from <= '2024-04-30' AND (d.valid_to IS NULL OR d.valid_to > '2024-04-30')))::text AS disability
    FROM living`.execute(database.db);
  assert.deepEqual(rows[0], { population: '9', seniors: '2', disability: '2' });
  assert.deepEqual(report.registry, {
    asOf: '2024-04-30',
    population: 9,
    seniors: 2,
    withDisabilityCertificate: 2,
  });
  assert.equal(sentence('四(一)1'), '本市至113年4月底計2人，佔總人口22.22%。');
  assert.equal(sentence('四(二)1'), '本市至113年4月底計2人，佔本市總人口數22.22%。');
  assert.equal(
    sentence('三(二)2'),
    '「兒童及少年未來教育與發展帳戶」自106年6月開辦，截至113年4月底，共2戶參與。',
  );
  assert.equal(find(report.sections, '三(二)1').status, 'none-recorded');
  // The appendix: each program in each district, as counted here.
  const hereByDistrict = await countedHere(true);
  assert.equal(report.appendix.length, hereByDistrict.size);
  const lingyaLiving = report.appendix.find(
    (r) => r.programId === 'low-income-living-allowance' && r.districtCode === LINGYA,
  );
  assert.deepEqual(lingyaLiving, {
    programId: 'low-income-living-allowance',
    nameZh: '低收入戶家庭生活補助',
    path: '三(一)1',
    districtCode: LINGYA,
    districtName: '苓雅區',
    persons: 1,
    personTimes: 2,
    households: 1,
    amountNtd: 24_000,
  });
  assert.deepEqual(report.countedStatuses, ['pending', 'sent', 'paid']);
});

test(`GET /reports/half-year: JSON, HTML and PDF; the default half year; bad periods refused (${testEngine})`, async () => {
  const statistician = await signedIn(app, 'report-statistician');
  const json = await statistician.get('/reports/half-year?from=2024-03&to=2024-04');
  assert.equal(json.status, 200, JSON.stringify(json.body));
  assert.match(String(json.headers['content-type']), /^application\/json/);
  assert.equal(json.body.period, '113年3月至4月');
  assert.equal(find(json.body.sections, '四(一)2(1)').programs[0]?.figures?.amountNtd, 16_000);

  const byDefault = await statistician.get('/reports/half-year');
  assert.equal(byDefault.status, 200);
  assert.deepEqual([byDefault.body.from, byDefault.body.to], ['2024-01', '2024-06']);

  const html = await statistician.inject({
    method: 'GET',
    url: '/reports/half-year?from=2024-03&to=2024-04&format=html',
  });
  assert.equal(html.status, 200);
  assert.match(String(html.headers['content-type']), /^text\/html/);
  const page = String(html.body);
  assert.match(page, /<html lang="zh-Hant-TW">/);
  assert.ok(page.includes('(1) 中低收入老人生活津貼，113年3月至4月補助2人次、1萬6,000元。'));
  assert.ok(page.includes('本系統尚無此項資料'));
  assert.doesNotMatch(page, /<script/);

  const pdf = await app.inject({
    method: 'GET',
    url: '/api/v1/reports/half-year?from=2024-03&to=2024-04&format=pdf',
    headers: { cookie: statistician.cookie },
  });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  if (!pdftotextMissing) {
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, '');
    assert.ok(text.includes('高雄市政府社會局113年3月至4月工作報告'), text.slice(0, 200));
    assert.ok(text.includes('中低收入老人生活津貼，113年3月至4月補助2人次、1萬6,000元。'));
    assert.ok(text.includes('第1頁／共'));
  }

  for (const [query, field] of [
    ['from=2024-3&to=2024-04', 'querystring.from'],
    ['from=2024-04&to=2024-03', 'querystring.to'],
    ['from=2023-01&to=2024-01', 'querystring.to'],
    ['from=2024-01', 'querystring.to'],
  ] as const) {
    const refused = await statistician.get(`/reports/half-year?${query}`);
    assert.equal(refused.status, 400, query);
    assert.equal(refused.body.errors[0].field, field, query);
    assert.ok(refused.body.detail && refused.body.detail_en, query);
  }
  const format = await statistician.get('/reports/half-year?from=2024-03&to=2024-04&format=docx');
  assert.equal(format.status, 400);

  const clerk = await signedIn(app, 'report-clerk');
  assert.equal((await clerk.get('/reports/half-year?from=2024-03&to=2024-04')).status, 403);
});

test(`safetynet report half-year writes the file; usage errors exit 2 (${testEngine})`, async () => {
  await app.close();
  await database.close();
  closed = true;
  const out = mkdtempSync(join(tmpdir(), 'sn-report-out-'));
  try {
    const html = join(out, 'report.html');
    const written = await run(
      'report',
      'half-year',
      '--from',
      '2024-03',
      '--to',
      '2024-04',
      '--format',
      'html',
      '--out',
      html,
    );
    assert.equal(written.code, 0, written.err);
    assert.deepEqual(JSON.parse(written.out.at(-1)!), {
      report: 'half-year',
      from: '2024-03',
      to: '2024-04',
      format: 'html',
      out: html,
      bytes: readFileSync(html).length,
    });
    assert.ok(readFileSync(html, 'utf8').includes('生育津貼，113年3月至4月補助1人、3萬元。'));
    const pdf = join(out, 'report.pdf');
    const pdfRun = await run(
      'report',
      'half-year',
      '--from',
      '2024-03',
      '--to',
      '2024-04',
      '--format',
      'pdf',
      '--out',
      pdf,
    );
    assert.equal(pdfRun.code, 0, pdfRun.err);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    for (const argv of [
      ['report', 'half-year', '--from', '2024-04', '--to', '2024-03'],
      ['report', 'half-year', '--from', '2024-04'],
      ['report', 'half-year', '--format', 'pdf'],
      ['report', 'half-year', '--format', 'docx'],
      ['report', 'yearly'],
    ]) {
      const wrong = await run(...argv);
      assert.equal(wrong.code, 2, argv.join(' '));
      assert.match(wrong.err, /usage: safetynet report/, argv.join(' '));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...args: unknown[]) => out.push(args.join(' '));
  console.error = (...args: unknown[]) => err.push(args.join(' '));
  try {
    return { code: await runCli(argv), out, err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}
