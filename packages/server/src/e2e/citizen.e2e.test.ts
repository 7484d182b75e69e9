import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertAccessible, demoJourneys, openFromNavigation } from './harness.ts';

/**
 * The citizen's journeys in the demo city: signing in to MyData, printing an eligibility certificate that
 * anyone verifies on the public page, and the anonymous benefit screener; on a phone's width where a citizen
 * is most likely to be.
 */
const demo = demoJourneys();
const { skip } = demo;
const PHONE = { width: 375, height: 812 };

test('a citizen signs in, prints a certificate and downloads it; the public page finds it genuine, then revoked (phone)', {
  skip,
}, async () => {
  const context = await demo.browser.newContext({ viewport: PHONE, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${demo.site.url}/me`);
  // Sent to sign in, then back to /me.
  await page.getByLabel('帳號').fill('citizen');
  await page.getByLabel('密碼').fill('demo-password');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { level: 1, name: '我的福利' }).waitFor();
  await page.getByRole('heading', { name: '我家的福利身分' }).waitFor();
  const me = await page.locator('main').innerText();
  assert.match(me, /中低收入戶/, 'the household’s mid-low-income status');
  assert.match(me, /民國\d+年\d+月\d+日/, 'dates in the ROC calendar');
  assert.match(me, /[\d,]+ 元/, 'a benefit’s monthly amount in NTD');
  assert.doesNotMatch(me, /[A-Z]\d{9}/, 'no ID number unmasked');
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  assert.ok(width <= PHONE.width, `the page fits a phone's width (${width}px)`);
  await assertAccessible(page, '/me');

  await openFromNavigation(page, '資格證明書');
  await page.getByRole('button', { name: '開立新的證明書' }).click();
  const said = page.getByRole('status').filter({ hasText: '驗證碼' });
  await said.waitFor();
  const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(await said.innerText())?.[1];
  assert.ok(code, 'the new certificate’s verification code is announced');
  await assertAccessible(page, '/me/certificates');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `下載 PDF（證明書 ${code}）` }).click(),
  ]);
  const pdf = await readFile(await download.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
  assert.ok(pdf.length > 1000, 'a PDF with content');

  // Whoever receives the paper checks it without an account.
  const anyone = await demo.browser.newContext({ viewport: PHONE });
  const verifier = await anyone.newPage();
  await verifier.goto(`${demo.site.url}/verify/${code}`);
  const verdict = verifier.getByRole('status');
  await verdict.filter({ hasText: '真實且有效' }).waitFor();
  const stated = await verifier.locator('main').innerText();
  assert.match(stated, /中低收入戶/, 'the status it states');
  assert.match(stated, /○/, 'the holder’s name masked');
  assert.match(stated, /民國\d+年/, 'ROC dates');
  assert.doesNotMatch(stated, /[A-Z]\d{9}|[A-Z]\d{2}\*/, 'no ID number');
  assert.doesNotMatch(stated, /大樹區\d+號/, 'no address');
  await assertAccessible(verifier, '/verify/:code');

  // The holder revokes it (a lost paper); the check then says so.
  await page.getByRole('button', { name: `撤銷（證明書 ${code}）` }).click();
  await page.getByRole('textbox', { name: '撤銷理由' }).fill('證明書遺失');
  await page.getByRole('button', { name: '確認撤銷' }).click();
  await page.getByRole('status').filter({ hasText: '已撤銷' }).waitFor();
  await verifier.reload();
  await verifier.getByRole('status').filter({ hasText: '已撤銷' }).waitFor();

  // A code nobody was given.
  await verifier.getByRole('link', { name: '驗證其他證明書' }).click();
  await verifier.getByRole('textbox', { name: '驗證碼' }).fill('AAAA-BBBB-CCCC');
  await verifier.getByRole('button', { name: '驗證', exact: true }).click();
  await verifier.getByRole('status').filter({ hasText: '查無此驗證碼' }).waitFor();
  await assertAccessible(verifier, '/verify (not found)');
  await anyone.close();
  await context.close();
});

test('the anonymous screener: a household’s answers give the programs likely available, with an amount, the reasons and how to apply', {
  skip,
}, async () => {
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${demo.site.url}/screener`);
  await page.getByRole('heading', { level: 1, name: '匿名福利試算' }).waitFor();
  await page.getByRole('button', { name: /戶籍所在行政區/ }).click();
  await page.getByRole('option', { name: '苓雅區' }).click();
  await page.getByRole('textbox', { name: '年齡（歲）' }).first().fill('45');
  await page.getByRole('textbox', { name: '每月工作收入（元）' }).first().fill('20000');
  await page.getByRole('button', { name: '新增成員' }).click();
  await page.getByRole('textbox', { name: '年齡（歲）' }).nth(1).fill('20');
  await page
    .getByRole('button', { name: /身心障礙證明/ })
    .nth(1)
    .click();
  await page.getByRole('option', { name: '中度' }).click();
  await page.getByRole('textbox', { name: '每月自付健保費（元）' }).nth(1).fill('826');
  await assertAccessible(page, '/screener (questionnaire)');
  await page.getByRole('button', { name: '開始試算' }).click();

  const announced = page.getByRole('status').filter({ hasText: '試算完成' });
  await announced.waitFor();
  assert.match(await announced.innerText(), /找到 [1-9]\d* 項/, 'at least one program found');
  const first = page.locator('.result-list > li').first();
  const card = await first.innerText();
  assert.match(card, /身心障礙者全民健保保費自付額補助/, 'the program by name');
  assert.match(card, /每月約 826 元/, 'its amount in NTD');
  assert.match(card, /領有身心障礙證明/, 'a condition met');
  assert.match(card, /依據：/, 'with its legal reference');
  const all = await page.locator('main').innerText();
  assert.match(all, /需要進一步確認/, 'the undetermined programs explained');
  assert.match(all, /登入後線上申請/, 'how to apply online');
  assert.match(all, /苓雅區公所/, 'or at the district office');
  await assertAccessible(page, '/screener (answer)');
  await context.close();
});

test('a citizen applies online for a program the screener suggested, follows it and withdraws it; in English on request', {
  skip,
}, async () => {
  const context = await demo.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${demo.site.url}/me/applications?programs=disability-living-allowance`);
  await page.getByLabel('帳號').fill('citizen');
  await page.getByLabel('密碼').fill('demo-password');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { level: 1, name: '線上申請' }).waitFor();
  const program = page.getByRole('checkbox', { name: '身心障礙者生活補助' });
  assert.ok(await program.isChecked(), 'the program asked for is chosen');
  await assertAccessible(page, '/me/applications');
  await page.getByRole('button', { name: '送出申請' }).click();
  const said = page.getByRole('status').filter({ hasText: '案號' });
  await said.waitFor();
  const reference = /A\d+-\d+/.exec(await said.innerText())?.[0];
  assert.ok(reference, 'the application’s reference is announced');

  await page.getByRole('link', { name: `查看案件 ${reference}` }).click();
  await page.getByRole('heading', { level: 1, name: `申請案件 ${reference}` }).waitFor();
  assert.match(await page.locator('main').innerText(), /已送出，待審核/);
  await page.getByRole('button', { name: '撤回申請' }).click();
  await page.getByRole('status').filter({ hasText: '申請已撤回' }).waitFor();
  assert.match(await page.locator('dl.facts').innerText(), /已撤回/);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: `Application ${reference}` }).waitFor();
  assert.match(await page.locator('dl.facts').innerText(), /Withdrawn/);
  await context.close();
});
