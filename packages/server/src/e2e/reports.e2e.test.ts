import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operatorTrail } from '../audit/operator.ts';
import { runMonthlyPayments } from '../benefits/payment-run.ts';
import { assertAccessible, demoJourneys, openFromNavigation, signInAsStaff } from './harness.ts';

/**
 * The work report page: the program officer opens 工作報告, which shows the latest half year that has ended
 * and has payments (the demo city's January–June 2023, June paid), reads its sentences in the bureau's
 * wording, opens the printable page and downloads the PDF; a month that is not one is refused on the page.
 */

const demo = demoJourneys();
const { skip } = demo;

test('the program officer reads the half-year work report and downloads it', {
  skip,
  timeout: 240_000,
}, async () => {
  await runMonthlyPayments(
    demo.site.database,
    '2023-06',
    operatorTrail(demo.site.database, 'report journey'),
  );
  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'program-officer');
  await openFromNavigation(page, '工作報告');
  const title = page.getByRole('heading', { level: 2, name: /112年1月至6月/ });
  await title.waitFor();
  assert.equal(await page.getByLabel('起始月份（YYYY-MM）').inputValue(), '2023-01');
  assert.equal(await page.getByLabel('結束月份（YYYY-MM）').inputValue(), '2023-06');
  // The report's own wording: a sentence of a paid program and an item the system holds nothing for.
  await page
    .getByText(/112年1月至6月補助[\d,]+人次、[\d億萬,]+元/)
    .first()
    .waitFor();
  await page.getByText('本系統尚無此項資料').first().waitFor();
  // The appendix per program and district, folded under its summary.
  await page.getByText('附表：各方案分區核付統計').click();
  const appendix = page.getByRole('table', { name: /各方案分區核付統計/ });
  await appendix.waitFor();
  assert.ok((await appendix.locator('tbody tr').count()) > 0, 'the appendix has rows');
  await assertAccessible(page, 'the work report page');

  for (const [name, type] of [
    ['開啟可列印的網頁（HTML）', 'text/html; charset=utf-8'],
    ['下載 PDF', 'application/pdf'],
  ] as const) {
    const href = String(await page.getByRole('link', { name }).getAttribute('href'));
    const answer = await page.request.get(`${demo.site.url}${href}`);
    assert.equal(answer.status(), 200, name);
    assert.equal(answer.headers()['content-type'], type, name);
  }

  await page.getByLabel('結束月份（YYYY-MM）').fill('2023-13');
  await page.getByRole('button', { name: '產生報告' }).click();
  await page.getByText('請輸入 YYYY-MM，例如 2023-01').first().waitFor();
  await page.close();
});
