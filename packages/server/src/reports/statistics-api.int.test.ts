import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { testEngine } from '../db/test-database.ts';
import { anonymous } from '../http/test-clients.ts';
import {
  CHILD,
  GIFT,
  LINGYA,
  LIVING,
  openStatisticsWorld,
  persons,
  SENIOR,
  type StatisticsWorld,
} from './statistics-test-world.ts';

/** The statistics routes: formats and their content, open data in public, problems for bad requests. */
let world: StatisticsWorld;
before(async () => {
  world = await openStatisticsWorld();
});
after(async () => {
  await world.app.close();
  await world.database.close();
});

describe(`statistics routes (${testEngine})`, () => {
  const period = 'from=2024-01&to=2024-06';

  test('JSON by default; CSV, XLSX and SVG with their content types and file names', async () => {
    const json = await world.statistician.get(`/statistics/trend?${period}&programs=${SENIOR},${CHILD}`);
    assert.equal(json.status, 200);
    assert.match(String(json.headers['content-type']), /^application\/json/);
    assert.deepEqual(
      json.body.programs.map((p: { id: string }) => p.id),
      [SENIOR, CHILD],
    );
    assert.equal(json.body.programs[0].nameZh, '中低收入老人生活津貼');
    assert.equal(json.body.items.length, 12);

    const urls = [
      `/statistics/trend?${period}&programs=${SENIOR}`,
      `/statistics/districts?${period}&program=${SENIOR}&measure=amountNtd`,
      `/statistics/age-sex?${period}&programs=${SENIOR}`,
    ];
    for (const url of urls) {
      const csv = await world.statistician.get(`${url}&format=csv`);
      assert.equal(csv.status, 200, url);
      assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(
        String(csv.headers['content-disposition']),
        /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/,
      );
      assert.ok(String(csv.body).startsWith('\uFEFF'));
      const xlsx = await world.app.inject({
        url: `/api/v1${url}&format=xlsx`,
        headers: { cookie: world.statistician.cookie },
      });
      assert.equal(xlsx.statusCode, 200, url);
      assert.equal(
        xlsx.headers['content-type'],
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.ok(unzipSync(xlsx.rawPayload)['xl/worksheets/sheet1.xml'], 'a workbook');
      const svg = await world.statistician.get(`${url}&format=svg`);
      assert.equal(svg.status, 200, url);
      assert.equal(svg.headers['content-type'], 'image/svg+xml; charset=utf-8');
      assert.match(String(svg.body), /^<svg\b[^>]*role="img"/);
    }
  });

  test('the files hold the same figures as the JSON', async () => {
    const json = await world.statistician.get(`/statistics/districts?${period}&program=${SENIOR}`);
    const csv = await world.statistician.get(`/statistics/districts?${period}&program=${SENIOR}&format=csv`);
    const records = parse(String(csv.body).slice(1), { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 39, '38 districts and the city');
    const lingya = records.find((r) => r.行政區代碼 === LINGYA)!;
    const fromJson = json.body.items.find((d: { districtCode: string }) => d.districtCode === LINGYA);
    assert.equal(lingya.行政區, '苓雅區');
    assert.equal(Number(lingya['金額（元）']), fromJson.amountNtd);
    assert.equal(Number(lingya.人次), fromJson.personTimes);
    assert.equal(Number(records.at(-1)!['人數（戶數）']), json.body.total.persons);

    const xlsx = await world.app.inject({
      url: `/api/v1/statistics/age-sex?${period}&programs=${SENIOR}&format=xlsx&language=en`,
      headers: { cookie: world.statistician.cookie },
    });
    const sheet = strFromU8(unzipSync(xlsx.rawPayload)['xl/worksheets/sheet1.xml']!);
    assert.match(sheet, /<t>Age band<\/t>/);
    assert.match(sheet, /<t>75\+<\/t>/);

    const svg = await world.statistician.get(`/statistics/trend?${period}&programs=${SENIOR}&format=svg`);
    assert.ok(String(svg.body).includes('中低收入老人生活津貼'));
    assert.ok(String(svg.body).includes('<title id="chart-title">各方案每月人數</title>'));
  });

  test('open data is public, CSV with the suppression notes', async () => {
    const answer = await anonymous(world.app).get('/open-data/recipients.csv?from=2024-04&to=2024-06');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-type'], 'text/csv; charset=utf-8');
    const records = parse(String(answer.body).slice(1), { columns: true }) as Record<string, string>[];
    const yancheng = records.find(
      (r) => r.方案代碼 === GIFT && r.月份 === '2024-04' && r.行政區 === '鹽埕區',
    )!;
    assert.deepEqual(
      [yancheng['受益人（戶）數'], yancheng['金額（元）'], yancheng.附註],
      ['', '', '未滿3人（戶）或為免由合計推算，不公開'],
    );
    // A cell hidden for being small and one hidden with it are not told apart.
    const cellNotes = new Set(records.filter((r) => r.附註 && r.行政區 !== '高雄市').map((r) => r.附註));
    assert.deepEqual([...cellNotes], ['未滿3人（戶）或為免由合計推算，不公開']);
    const zuoying = records.find(
      (r) => r.方案代碼 === GIFT && r.月份 === '2024-04' && r.行政區 === '左營區',
    )!;
    assert.equal(zuoying['受益人（戶）數'], '3');
    const living = records.find((r) => r.方案代碼 === LIVING);
    assert.equal(living, undefined, 'no household-program payment in April–June');
    // Nothing personal: no column of names, ID numbers or birth dates, no person's id anywhere.
    assert.deepEqual(Object.keys(records[0]!), [
      '月份',
      '方案代碼',
      '方案名稱',
      '行政區代碼',
      '行政區',
      '受益單位',
      '受益人（戶）數',
      '人（戶）次',
      '金額（元）',
      '附註',
    ]);
    for (const id of persons.keys()) assert.ok(!String(answer.body).includes(id));
    const english = await anonymous(world.app).get(
      '/open-data/recipients.csv?from=2024-04&to=2024-06&language=en',
    );
    assert.ok(String(english.body).startsWith('\uFEFFmonth,program_id,program,district_code'));
  });

  test('the months with payments, the page’s default period', async () => {
    const months = await world.statistician.get('/statistics/months');
    assert.equal(months.status, 200);
    assert.deepEqual(months.body, { first: '2018-02', last: '2024-07' });
  });

  test('bad requests are 400 problems naming the parameter, in both languages', async () => {
    const cases: [string, string][] = [
      ['/statistics/trend?from=2024-06&to=2024-01', 'querystring.to'],
      ['/statistics/trend?from=2019-01&to=2024-06', 'querystring.to'],
      [`/statistics/trend?${period}&programs=no-such-program`, 'querystring.programs'],
      [`/statistics/trend?${period}&programs=${SENIOR},,${CHILD}`, 'querystring.programs'],
      [`/statistics/districts?${period}&program=no-such-program`, 'querystring.program'],
      ['/open-data/recipients.csv?from=2024-13&to=2024-06', 'from'],
      ['/open-data/recipients.csv?from=2023-01&to=2024-06', 'querystring.to'],
      [`/statistics/age-sex?${period}&format=pdf`, 'format'],
    ];
    for (const [url, field] of cases) {
      const answer = await world.statistician.get(url);
      assert.equal(answer.status, 400, url);
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
      assert.ok(answer.body.title && answer.body.title_en, url);
      assert.ok(
        answer.body.errors?.some((e: { field: string }) => e.field.includes(field)),
        `${url}: ${JSON.stringify(answer.body.errors)}`,
      );
    }
    const missing = await world.statistician.get(`/statistics/districts?${period}`);
    assert.equal(missing.status, 400);
  });
});
