import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { caseloadStep } from '../cli/caseload-step.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { buildServer } from '../http/app.ts';
import { WEB_APP_DIR } from '../http/web-app.ts';
import { ensureDemoAccounts } from '../identity/demo-accounts.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { identityServices } from '../identity/services.ts';
import { DEMO_SCALE, loadSyntheticCity } from '../synth/load.ts';

/**
 * End-to-end journeys: the demo city, the real server serving the built web app, and the system's Chromium
 * driven by playwright-core (no browser is downloaded). Where no Chromium is installed the journeys say so and
 * skip; CI installs Debian's `chromium`.
 */

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to drive, or why the journeys skip. */
export function chromiumPath(): { path: string } | { skip: string } {
  const path = CHROMIUM_CANDIDATES.find((candidate) => candidate && existsSync(candidate));
  return path
    ? { path }
    : {
        skip: 'no Chromium found (install Debian’s chromium, or set CHROMIUM_PATH): end-to-end journeys skipped',
      };
}

/** The web app's build, made now if missing (`npm test` builds it first). */
function ensureWebAppBuilt(): void {
  if (existsSync(join(WEB_APP_DIR, 'index.html'))) return;
  const built = spawnSync('npm', ['run', 'build:app'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build the web app (npm run build:app)');
}

export interface DemoSite {
  url: string;
  database: Database;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The demo city with its caseload and demo accounts (password demo-password), served on a free port. */
export async function startDemoSite(): Promise<DemoSite> {
  ensureWebAppBuilt();
  const database = await openTestDatabase();
  const summary = await loadSyntheticCity(database, { scale: DEMO_SCALE, seed: 1 });
  await caseloadStep(database, summary.asOf.slice(0, 7));
  // The keys the city's ID numbers were sealed with (an in-memory database's own), or none opens them.
  const protector = new IdProtector(resolveIdKeys(process.env, database));
  await ensureDemoAccounts(identityServices(database.db, protector));
  const app = await buildServer({ database, protector });
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost');
  return {
    url,
    database,
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Headless Chromium with the flags this machine's closed network needs. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const require = createRequire(import.meta.url);

let axeScript: string | undefined;
const axeSource = () => {
  axeScript ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeScript;
};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the browser's debugging protocol: a script tag would be refused by the app's policy
  // (no inline script), as it should be.
  await page.evaluate(axeSource());
  const violations = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list of violations for an assertion message. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`)
    .join('\n');

/** A journey file's demo site and browser (set before its tests run), or why its journeys skip. */
export interface DemoJourneys {
  skip: string | false;
  site: DemoSite;
  browser: Browser;
}

/** Starts the demo site and a browser before a file's journeys and closes them after. */
export function demoJourneys(): DemoJourneys {
  const found = chromiumPath();
  const journeys = { skip: 'skip' in found ? found.skip : false } as DemoJourneys;
  before(async () => {
    if ('skip' in found) return;
    journeys.site = await startDemoSite();
    journeys.browser = await launchBrowser(found.path);
  });
  after(async () => {
    await journeys.browser?.close();
    await journeys.site?.close();
  });
  return journeys;
}

/** No serious or critical axe violation on the page as it is now. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${where}: ${describeViolations(violations)}`);
}

/** Opens a page from the navigation by its link, whose name is also the page's heading. */
export async function openFromNavigation(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Signs a staff member in through the sign-in page; their home page (我的工作) opens. */
export async function signInAsStaff(page: Page, site: DemoSite, username: string): Promise<void> {
  await page.goto(`${site.url}/signin`);
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill('demo-password');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { level: 1, name: '我的工作' }).waitFor();
}
