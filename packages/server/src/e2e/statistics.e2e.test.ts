import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operatorTrail } from '../audit/operator.ts';
import { runMonthlyPayments } from '../benefits/payment-run.ts';
import { assertAccessible, demoJourneys, openFromNavigation, signInAsStaff } from './harness.ts';

/**
 * The statistics page: with the demo city's June 2023 paid, the statistician opens 統計 on the months with
 * payments, sees the three charts (each an image named by its title, with its data table), changes the
 * measure and the programs, and finds each chart's downloads and the open-data file.
 */

const demo = demoJourneys();
const { skip } = demo;

test('the statistician reads the charts and their tables, changes the measure and downloads the data', {
  skip,
  timeout: 240_000,
}, async () => {
  await runMonthlyPayments(
    demo.site.database,
    '2023-06',
    operatorTrail(demo.site.database, 'statistics journey'),
  );
  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'statistician');
  await openFromNavigation(page, '統計');
  assert.equal(await page.getByLabel('起始月份（YYYY-MM）').inputValue(), '2023-06');
  assert.equal(await page.getByLabel('結束月份（YYYY-MM）').inputValue(), '2023-06');

  const trend = page.getByRole('img', { name: '各方案每月人數' });
  await trend.waitFor();
  // Drawn by ECharts in the browser: its SVG is inside the named image.
  await trend.locator('svg').waitFor();
  await page.getByRole('table', { name: '各方案每月人數資料表' }).waitFor();
  const district = page.getByRole('img', { name: /各行政區人數$/ });
  await district.locator('svg').waitFor();
  const districtTable = page.getByRole('table', { name: /各行政區人數資料表$/ });
  assert.equal(await districtTable.locator('tbody tr').count(), 38);
  await page
    .getByRole('img', { name: /受益人年齡及性別$/ })
    .locator('svg')
    .waitFor();
  await page.getByRole('table', { name: /受益人年齡及性別資料表$/ }).waitFor();
  await assertAccessible(page, 'the statistics page');

  // The measure: the charts and their downloads follow.
  await page.getByRole('button', { name: /圖表量數/ }).click();
  await page.getByRole('option', { name: '金額（元）' }).click();
  await page.getByRole('img', { name: '各方案每月金額（元）' }).locator('svg').waitFor();
  const svg = page.getByRole('link', { name: '下載每月趨勢 SVG 圖檔' });
  assert.match(
    String(await svg.getAttribute('href')),
    /^\/api\/v1\/statistics\/trend\?from=2023-06&to=2023-06&programs=[^&]+&measure=amountNtd&language=zh-TW&format=svg$/,
  );

  // Each download answers its file to the signed-in page.
  for (const [name, type] of [
    ['下載每月趨勢 CSV', 'text/csv; charset=utf-8'],
    ['下載行政區比較 XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['下載受益人年齡及性別 SVG 圖檔', 'image/svg+xml; charset=utf-8'],
  ] as const) {
    const href = String(await page.getByRole('link', { name }).getAttribute('href'));
    const answer = await page.request.get(`${demo.site.url}${href}`);
    assert.equal(answer.status(), 200, name);
    assert.equal(answer.headers()['content-type'], type, name);
  }
  const openData = await page.getByRole('link', { name: '下載開放資料（CSV）' }).getAttribute('href');
  assert.equal(openData, '/api/v1/open-data/recipients.csv?from=2023-06&to=2023-06&language=zh-TW');

  // One program only: the age chart is that program's.
  const choices = page.getByRole('group', { name: '方案' }).getByRole('checkbox');
  const checked: string[] = [];
  for (let k = 0; k < (await choices.count()); k++)
    if (await choices.nth(k).isChecked()) checked.push(String(await choices.nth(k).getAttribute('value')));
  assert.ok(checked.length > 1, 'several programs to start with');
  for (const value of checked.slice(1))
    await page.locator(`input[type=checkbox][value="${value}"]`).click({ force: true });
  await page
    .getByRole('img', { name: /受益人年齡及性別$/ })
    .and(page.locator(':not([aria-label^="所選方案"])'))
    .waitFor();
  await assertAccessible(page, 'one program chosen');
  await page.close();
});
