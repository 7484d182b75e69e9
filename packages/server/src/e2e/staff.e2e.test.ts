import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, demoJourneys, openFromNavigation, signInAsStaff } from './harness.ts';

/**
 * The staff journey: a clerk files an application at the office (through the API), finds the household in
 * the web app and proposes; a reviewer finds it on their home queue, reads the rules' explanation with its
 * legal references and decides. Every page on the way is checked with axe.
 */

const demo = demoJourneys();
const { skip } = demo;

/** The API as a signed-in account: its session cookie and CSRF token. */
async function apiAs(username: string) {
  const signIn = await fetch(`${demo.site.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-password' }),
  });
  assert.equal(signIn.status, 200, `${username} signs in`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${demo.site.url}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

interface Member {
  personId: string;
  name: string;
  role: string;
}

test('staff: a clerk finds a household and proposes; a reviewer reads the explanation and decides', {
  skip,
  timeout: 180_000,
}, async () => {
  const clerkApi = await apiAs('district-clerk');
  // A household of 苓雅區 whose applicant's name is unique there, so a name search finds exactly them.
  const households = await clerkApi<{ items: { id: string }[] }>(
    'GET',
    `/households?district=${encodeURIComponent('苓雅區')}&pageSize=30`,
  );
  let chosen: { householdId: string; applicant: Member } | undefined;
  for (const { id } of households.items) {
    const household = await clerkApi<{ members: Member[] }>('GET', `/households/${id}`);
    const applicant = household.members.find((m) => m.role === 'applicant');
    if (!applicant) continue;
    const same = await clerkApi<{ total: number }>(
      'GET',
      `/persons?name=${encodeURIComponent(applicant.name)}&pageSize=5`,
    );
    if (same.total === 1) {
      chosen = { householdId: id, applicant };
      break;
    }
  }
  assert.ok(chosen, 'a household with a uniquely named applicant');
  const filed = await clerkApi<{ id: string; reference: string; status: string }>('POST', '/applications', {
    applicantPersonId: chosen.applicant.personId,
    programs: ['senior-nhi-premium-subsidy', 'low-income-status'],
  });
  assert.equal(filed.status, 'submitted');

  // The clerk: home queue, then search by name → the household → the application → propose.
  const clerk = await demo.browser.newPage();
  await signInAsStaff(clerk, demo.site, 'district-clerk');
  await clerk.getByRole('link', { name: filed.reference }).first().waitFor();
  await assertAccessible(clerk, 'staff home (clerk)');

  await openFromNavigation(clerk, '查詢個人與家戶');
  await clerk.getByLabel('姓名（開頭）').fill(chosen.applicant.name);
  await clerk.getByRole('button', { name: '查詢' }).click();
  await clerk.getByRole('status').filter({ hasText: '符合的個人：1 人' }).waitFor();
  assert.match(await clerk.getByRole('table').innerText(), /\*{3,}/, 'ID numbers are masked');
  await assertAccessible(clerk, 'search');
  // An ID number searched for is kept out of the address (the browser's history, a proxy's log).
  const searched = clerk.url();
  await clerk.getByLabel('姓名（開頭）').fill('');
  await clerk.getByLabel('身分證統一編號').fill('A123456789');
  await clerk.getByRole('button', { name: '查詢' }).click();
  await clerk.waitForURL(/by=id/);
  assert.ok(!clerk.url().includes('A123456789'), clerk.url());
  await clerk.goBack();
  await clerk.waitForURL(searched);
  await clerk.getByRole('status').filter({ hasText: '符合的個人：1 人' }).waitFor();

  await clerk.getByRole('link', { name: chosen.applicant.name }).click();
  await clerk.getByRole('heading', { level: 1, name: /^家戶：/ }).waitFor();
  assert.match(clerk.url(), new RegExp(`/staff/households/${chosen.householdId}$`));
  await clerk.getByRole('heading', { name: '成員與稱謂' }).waitFor();
  assert.match(await clerk.locator('main').innerText(), new RegExp(chosen.applicant.name));
  await clerk.getByRole('link', { name: filed.reference }).waitFor();
  await assertAccessible(clerk, 'household');

  await clerk.getByRole('link', { name: filed.reference }).click();
  await clerk.getByRole('heading', { level: 1, name: `申請案件 ${filed.reference}` }).waitFor();
  await clerk.getByRole('button', { name: '送出擬辦' }).waitFor();
  await assertAccessible(clerk, 'application (to propose)');
  await clerk.getByRole('button', { name: '送出擬辦' }).click();
  await clerk.getByRole('status').filter({ hasText: '已送出擬辦' }).waitFor();
  await clerk.getByText('待核定', { exact: true }).waitFor();
  await clerk.close();

  // The reviewer: the home queue → the application, its explanation with legal references → decide.
  const reviewer = await demo.browser.newPage();
  await signInAsStaff(reviewer, demo.site, 'reviewer');
  const toDecide = reviewer.getByRole('table', { name: /待核定/ });
  await toDecide.getByRole('link', { name: filed.reference }).waitFor();
  await assertAccessible(reviewer, 'staff home (reviewer)');
  await toDecide.getByRole('link', { name: filed.reference }).click();
  await reviewer.getByRole('heading', { level: 1, name: `申請案件 ${filed.reference}` }).waitFor();

  const conditions = reviewer.getByRole('table', { name: /低收入戶資格（全戶）：各條件/ });
  await conditions.waitFor();
  const headers = await conditions.getByRole('columnheader').allInnerTexts();
  assert.deepEqual(headers, ['條件', '結果', '法令依據', '本案數值', '門檻']);
  assert.match(await conditions.innerText(), /D0050078 第4條/, 'each condition names its legal reference');
  await reviewer.getByRole('button', { name: '核定', exact: true }).waitFor();
  await assertAccessible(reviewer, 'application (to decide)');

  await reviewer.getByRole('button', { name: '核定', exact: true }).click();
  await reviewer.getByRole('status').filter({ hasText: '已核定' }).waitFor();
  await reviewer.getByRole('heading', { level: 2, name: '決定' }).waitFor();
  assert.match(await reviewer.locator('dl.facts').innerText(), /已核定/);
  await reviewer.getByText('以下為核定當時之說明（原樣保存）。').waitFor();
  await assertAccessible(reviewer, 'application (decided)');

  // In English, the same page: dates in the Gregorian calendar, NTD as NT$.
  await reviewer.getByRole('button', { name: 'English' }).click();
  await reviewer.getByRole('heading', { level: 1, name: `Application ${filed.reference}` }).waitFor();
  assert.match(await reviewer.locator('dl.facts').innerText(), /Decided/);
  await reviewer.close();

  const decided = await clerkApi<{ status: string; decisions: unknown[] }>(
    'GET',
    `/applications/${filed.id}`,
  );
  assert.equal(decided.status, 'decided');
  assert.equal(decided.decisions.length, 2);
});

test('staff: the programs page links each parameter to its dated history', { skip }, async () => {
  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'program-officer');
  await openFromNavigation(page, '方案與參數');
  await page
    .getByRole('row', { name: /低收入戶資格/ })
    .first()
    .waitFor();
  await assertAccessible(page, 'programs');
  await page.getByRole('link', { name: 'social-assistance.minimum-living-cost' }).first().click();
  await page.getByRole('heading', { level: 1, name: /^參數歷程：/ }).waitFor();
  const history = page.getByRole('table', { name: '歷次數值（舊到新）' });
  await history.waitFor();
  assert.ok((await history.getByRole('row').count()) > 2, 'more than one dated value');
  assert.match(await history.innerText(), /民國\d+年/);
  await assertAccessible(page, 'parameter history');
  await page.close();
});

test('staff: a reviewer deciding what another reviewer just decided is told so, and can reload', {
  skip,
  timeout: 120_000,
}, async () => {
  const clerkApi = await apiAs('district-clerk');
  const households = await clerkApi<{ items: { id: string }[] }>(
    'GET',
    `/households?district=${encodeURIComponent('苓雅區')}&page=2&pageSize=1`,
  );
  const household = await clerkApi<{ members: Member[] }>('GET', `/households/${households.items[0]!.id}`);
  const applicant = household.members.find((m) => m.role === 'applicant')!;
  const filed = await clerkApi<{ id: string; reference: string }>('POST', '/applications', {
    applicantPersonId: applicant.personId,
    programs: ['low-income-status'],
  });
  await clerkApi('POST', `/applications/${filed.id}/proposal`, {
    outcomes: [{ program: 'low-income-status', outcome: 'rejected' }],
  });

  // Two sessions have the application open; the first decides.
  const [first, second] = [await demo.browser.newPage(), await demo.browser.newPage()];
  for (const page of [first, second]) {
    await signInAsStaff(page, demo.site, 'reviewer');
    await page.goto(`${demo.site.url}/staff/applications/${filed.id}`);
    await page.getByRole('button', { name: '核定', exact: true }).waitFor();
  }
  await first.getByRole('button', { name: '核定', exact: true }).click();
  await first.getByRole('status').filter({ hasText: '已核定' }).waitFor();

  await second.getByRole('button', { name: '核定', exact: true }).click();
  const alert = second.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /重新載入|無待核定/);
  await second.getByText('案件已被他人更新，請重新載入後再試。').waitFor();
  await assertAccessible(second, 'application (conflict)');
  await second.getByRole('button', { name: '重新載入' }).click();
  await second.getByRole('heading', { level: 2, name: '決定' }).waitFor();
  assert.equal(
    await second.getByRole('button', { name: '核定', exact: true }).count(),
    0,
    'decided: no form',
  );
  await first.close();
  await second.close();
});

test('staff: a clerk files an application at the office from the household page', {
  skip,
  timeout: 120_000,
}, async () => {
  const clerkApi = await apiAs('district-clerk');
  const households = await clerkApi<{ items: { id: string }[] }>(
    'GET',
    `/households?district=${encodeURIComponent('苓雅區')}&pageSize=5`,
  );
  const householdId = households.items[0]!.id;
  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'district-clerk');
  await page.goto(`${demo.site.url}/staff/households/${householdId}`);
  await page.getByRole('heading', { level: 2, name: '臨櫃申請' }).waitFor();
  const choices = page.getByRole('group', { name: '申請方案' });
  await choices.getByText('低收入戶資格', { exact: true }).click();
  await choices.getByText('中低收入戶資格', { exact: true }).click();
  assert.equal(await choices.getByRole('checkbox', { checked: true }).count(), 2);
  await assertAccessible(page, 'household (intake)');
  await page.getByRole('button', { name: '受理申請（2 項方案）' }).click();
  await page.waitForURL(/\/staff\/applications\/[0-9a-f-]{36}$/);
  const applicationId = page.url().split('/').pop()!;
  const filed = await clerkApi<{ channel: string; householdId: string; programs: string[] }>(
    'GET',
    `/applications/${applicationId}`,
  );
  assert.equal(filed.channel, 'office');
  assert.equal(filed.householdId, householdId);
  assert.deepEqual([...filed.programs].sort(), ['low-income-status', 'mid-low-income-status']);
  // Back on the household page it is among the applications in progress.
  await page.goto(`${demo.site.url}/staff/households/${householdId}`);
  await page.getByRole('heading', { level: 2, name: '臨櫃申請' }).waitFor();
  const inProgress = page.locator('section', { has: page.getByRole('heading', { name: '處理中的申請' }) });
  await inProgress.getByRole('link').first().waitFor();
  await page.close();
});

test('staff: the clerk of the household’s district revokes a citizen’s certificate with a reason', {
  skip,
  timeout: 120_000,
}, async () => {
  const citizenApi = await apiAs('citizen');
  const issued = await citizenApi<{ id: string; code: string; householdId: string }>(
    'POST',
    '/me/certificates',
  );
  // A clerk of the household's district, made by the administrator.
  const mine = await citizenApi<{ households: { id: string; district: { code: string } }[] }>(
    'GET',
    '/me/household',
  );
  const district = mine.households.find((h) => h.id === issued.householdId)!.district.code;
  const adminApi = await apiAs('admin');
  await adminApi('POST', '/accounts', {
    username: 'certificate-clerk',
    displayName: '證明書承辦',
    role: 'district-clerk',
    districts: [district],
    password: 'demo-password',
  });
  const page = await demo.browser.newPage();
  await signInAsStaff(page, demo.site, 'certificate-clerk');
  await page.goto(`${demo.site.url}/staff/households/${issued.householdId}`);
  const section = page.locator('section', {
    has: page.getByRole('heading', { level: 2, name: '資格證明書' }),
  });
  const row = section.getByRole('row', { name: new RegExp(issued.code) });
  await row.getByRole('button', { name: '撤銷' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('撤銷理由').fill('戶內人口異動');
  await assertAccessible(page, 'revoke dialog');
  await dialog.getByRole('button', { name: '撤銷' }).click();
  await row.getByText('已撤銷').waitFor();
  await row.getByText('戶內人口異動').waitFor();
  const verified = await fetch(`${demo.site.url}/api/v1/certificates/verify/${issued.code}`);
  assert.equal(((await verified.json()) as { status: string }).status, 'revoked');
  await page.close();
});
