import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operatorTrail } from '../audit/operator.ts';
import { runMonthlyPayments } from '../benefits/payment-run.ts';
import { loadSamplePlan } from '../budget/sample-plan.ts';
import { assertAccessible, demoJourneys, openFromNavigation, signInAsStaff } from './harness.ts';

/**
 * The plan and budget page: with the 2018 sample loaded and the demo city's June 2023 paid, the program
 * officer creates 2023 as a copy of 2018, amends the insurance line below what its payments project, and
 * the page announces the overrun; the statistician reads the same page without the means to change it.
 */

const demo = demoJourneys();
const { skip } = demo;

test('the officer copies 2018 into 2023, amends a line and sees the overrun announced; the statistician reads', {
  skip,
  timeout: 240_000,
}, async () => {
  const trail = operatorTrail(demo.site.database, 'budget journey');
  await loadSamplePlan(demo.site.database, trail);
  await runMonthlyPayments(demo.site.database, '2023-06', trail);

  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'program-officer');
  await openFromNavigation(page, '施政計畫與預算');
  await page.getByRole('cell', { name: '15,694,482' }).first().waitFor();
  await assertAccessible(page, 'the 2018 plan');

  await page.getByLabel('新計畫年度（西元）').fill('2023');
  await page.getByRole('button', { name: '建立計畫' }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByText('將複製2018年度計畫').waitFor();
  await confirm.getByRole('button', { name: '建立' }).click();
  await page.getByRole('status').filter({ hasText: '已建立2023年度計畫' }).waitFor();
  await page.getByText('截至民國112年6月（本年度最近有撥付之月份）').waitFor();
  await page.getByRole('status').filter({ hasText: '沒有項目推估超出預算' }).waitFor();

  await page.getByRole('button', { name: '修正「社會保險」' }).click();
  const amend = page.getByRole('dialog');
  await amend.getByLabel('預算（千元）').fill('1');
  await amend.getByLabel('修正理由').fill('測試超支警示');
  await amend.getByRole('button', { name: '下一步：確認' }).click();
  await amend.getByText('預算由 2,945,801 千元改為 1 千元').waitFor();
  await assertAccessible(page, 'the amendment confirmation');
  await amend.getByRole('button', { name: '確認修正' }).click();
  await page.getByRole('status').filter({ hasText: '已修正「社會保險」，現為第 2 版' }).waitFor();
  const alert = page.getByRole('alert').filter({ hasText: '預算警示' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /陸、社會保險／社會保險：已超支/);
  await page.getByRole('cell', { name: '測試超支警示' }).waitFor();
  await assertAccessible(page, 'the 2023 plan with an alert');
  await page.close();

  const reader = await demo.browser.newPage();
  await signInAsStaff(reader, demo.site, 'statistician');
  await reader.goto(`${demo.site.url}/staff/budget`);
  await reader.getByRole('alert').filter({ hasText: '預算警示' }).waitFor();
  assert.equal(await reader.getByRole('button', { name: /^修正/ }).count(), 0, 'no amending');
  assert.equal(await reader.getByRole('button', { name: '建立計畫' }).count(), 0, 'no creating');
  const csv = reader.getByRole('link', { name: '下載預算執行 CSV' });
  assert.match(String(await csv.getAttribute('href')), /\/execution\?asOf=2023-06&format=csv$/);
  await assertAccessible(reader, 'the plan, read only');
  await reader.close();
});
