import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Fastify from 'fastify';
import { registerProblemHandlers } from './problem.ts';
import { registerWebApp } from './web-app.ts';

const root = mkdtempSync(join(tmpdir(), 'safetynet-web-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function site(dir: string) {
  const app = Fastify();
  registerProblemHandlers(app);
  await registerWebApp(app, dir);
  await app.ready();
  return app;
}

test('the app: its page for any path the browser opens, its files, the API’s 404s kept', async () => {
  const dir = join(root, 'built');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  const app = await site(dir);
  try {
    for (const url of ['/', '/staff/households/123', '/verify/ABCD-EFGH-JKMN']) {
      const page = await app.inject({ url });
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /<title>app<\/title>/);
      assert.equal(page.headers['cache-control'], 'no-cache');
      // A stricter policy than the API docs page's: no inline script.
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'(;|$)/);
    }
    const asset = await app.inject({ url: '/assets/index-abc.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    // Built after the server started (a rebuild names its files anew): read from disk.
    writeFileSync(join(dir, 'assets', 'index-new.js'), 'console.log(2)');
    assert.equal((await app.inject({ url: '/assets/index-new.js' })).body, 'console.log(2)');
    assert.equal((await app.inject({ url: '/assets/missing.js' })).statusCode, 404);
    for (const url of ['/api/v1/nope', '/docs/nope', '/openapi.json']) {
      const missing = await app.inject({ url });
      assert.equal(missing.statusCode, 404, url);
      assert.match(String(missing.headers['content-type']), /problem\+json/);
    }
    for (const url of [
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const escaped = await app.inject({ url });
      assert.notEqual(escaped.body, 'secret', url);
    }
  } finally {
    await app.close();
  }
});

test('without a build, / says how to make one', async () => {
  const app = await site(join(root, 'not-built'));
  try {
    const answer = await app.inject({ url: '/' });
    assert.equal(answer.statusCode, 503);
    assert.match(answer.body, /npm run build -w @safetynet\/app/);
  } finally {
    await app.close();
  }
});
