import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, demoJourneys } from './harness.ts';

const demo = demoJourneys();
const { skip } = demo;

test('the landing and sign-in pages: Traditional Chinese first, English on request, no serious accessibility violation', {
  skip,
}, async () => {
  const page = await demo.browser.newPage();
  await page.goto(demo.site.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-TW');
  assert.match(await page.locator('h1').innerText(), /社會安全網/);
  await assertAccessible(page, 'landing');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'SafetyNet' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('link', { name: 'Staff sign-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await assertAccessible(page, 'sign-in (English)');
  await page.close();
});

test('a wrong password is told in the language shown, and nobody is signed in', { skip }, async () => {
  const page = await demo.browser.newPage();
  await page.goto(`${demo.site.url}/signin`);
  await page.getByLabel('帳號').fill('district-clerk');
  await page.getByLabel('密碼').fill('not-the-password');
  await page.getByRole('button', { name: '登入' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /[帳密碼錯誤]/);
  assert.equal(await page.getByRole('link', { name: '登入' }).count(), 1, 'still signed out');
  await page.close();
});
