import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, demoJourneys, openFromNavigation, signInAsStaff } from './harness.ts';

/**
 * The program officer's operations: the month's payment run started from the web app, followed to its end
 * and listed; the annual review of 2024 run, then confirmed in bulk by the district clerk for 苓雅區.
 */

const demo = demoJourneys();
const { skip } = demo;

test('the program officer runs a month of payments and sees it done and listed', {
  skip,
  timeout: 180_000,
}, async () => {
  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'program-officer');
  await openFromNavigation(page, '每月撥款');
  await assertAccessible(page, 'payment runs');
  const month = page.getByLabel(/撥款月份/);
  await month.fill('2023-06');
  await page.getByRole('button', { name: '執行撥款' }).click();
  const done = page.getByRole('status').filter({ hasText: '撥款完成' });
  await done.waitFor({ timeout: 120_000 });
  const text = await done.innerText();
  assert.match(text, /民國112年6月撥款完成：新撥 [\d,]+ 筆/);
  const created = Number(/新撥 ([\d,]+) 筆/.exec(text)![1]!.replaceAll(',', ''));
  assert.ok(created > 1_000, `the demo caseload is paid (${created})`);
  // The run is listed with its count.
  await page.getByRole('cell', { name: '民國112年6月' }).waitFor();
  // The field now offers the next month; the same month again pays nothing twice.
  assert.equal(await month.inputValue(), '2023-07');
  await month.fill('2023-06');
  await page.getByRole('button', { name: '執行撥款' }).click();
  await page.getByRole('status').filter({ hasText: '新撥 0 筆' }).waitFor({ timeout: 60_000 });
  await assertAccessible(page, 'payment runs (done)');
  // The officer's home page shows the runs.
  await page.goto(`${demo.site.url}/staff`);
  const runs = page.locator('section', { has: page.getByRole('heading', { name: '最近的撥款' }) });
  await runs.getByText(/民國112年6月：已完成/).waitFor();
  await page.close();
});

test('the annual review: the officer runs 2024, the 苓雅區 clerk confirms the district in bulk', {
  skip,
  timeout: 240_000,
}, async () => {
  const officer = await demo.browser.newPage();
  await signInAsStaff(officer, demo.site, 'program-officer');
  await officer.goto(`${demo.site.url}/staff/annual-reviews`);
  await officer.getByRole('heading', { level: 1, name: '年度調查' }).waitFor();
  await officer.getByLabel('調查年度（西元）').fill('2024');
  await officer.getByRole('button', { name: '執行年度調查' }).click();
  const ran = officer.getByRole('status').filter({ hasText: '2024年度調查完成' });
  await ran.waitFor({ timeout: 180_000 });
  assert.match(await ran.innerText(), /審核 [\d,]+ 筆/);
  await officer.close();

  const clerk = await demo.browser.newPage();
  await signInAsStaff(clerk, demo.site, 'district-clerk');
  // The home page lists it with what is left to confirm in the clerk's district.
  const panel = clerk.locator('section', { has: clerk.getByRole('heading', { name: '年度調查待確認' }) });
  await panel.getByText(/待確認 [1-9][\d,]* 筆/).waitFor();
  await clerk.getByRole('navigation').getByRole('link', { name: '年度調查' }).click();
  await clerk.getByRole('link', { name: '開啟2024年度調查' }).click();
  await clerk.getByRole('heading', { level: 1, name: '2024年度調查' }).waitFor();
  await clerk.getByRole('rowheader', { name: '苓雅區' }).waitFor();
  await assertAccessible(clerk, 'annual review');
  await clerk.getByRole('button', { name: '確認本區待確認項目' }).click();
  const dialog = clerk.getByRole('dialog');
  await dialog.getByRole('heading', { name: '確認苓雅區之年度調查結果？' }).waitFor();
  await assertAccessible(clerk, 'confirmation dialog');
  await dialog.getByRole('button', { name: '確認', exact: true }).click();
  const confirmed = clerk.getByRole('status').filter({ hasText: '已確認' });
  await confirmed.waitFor({ timeout: 60_000 });
  const count = Number(/已確認 ([\d,]+) 筆/.exec(await confirmed.innerText())![1]!.replaceAll(',', ''));
  assert.ok(count > 0, 'the district had items to confirm');
  // Nothing is left pending in 苓雅區, so its button is gone.
  await clerk.getByRole('button', { name: '確認本區待確認項目' }).waitFor({ state: 'detached' });
  await clerk.close();
});

test('the auditor reads the audit trail of the payment runs, masked, newest first', {
  skip,
  timeout: 120_000,
}, async () => {
  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'auditor');
  await openFromNavigation(page, '稽核紀錄');
  await page.getByLabel('資料類型（例如 household）').fill('payment-run');
  await page.getByRole('button', { name: '查詢' }).click();
  await page.waitForURL(/recordType=payment-run/);
  await page
    .getByRole('status')
    .filter({ hasText: /顯示 [1-9]\d* 筆/ })
    .waitFor();
  const rows = page.getByRole('table').getByRole('row');
  const actions = await rows.evaluateAll((all) => all.slice(1).map((row) => row.children[2]?.textContent));
  assert.ok(actions.includes('complete') && actions.includes('create'), JSON.stringify(actions));
  assert.ok(actions.indexOf('complete') < actions.lastIndexOf('create'), 'newest first');
  await assertAccessible(page, 'audit trail');
  await page.close();
});
