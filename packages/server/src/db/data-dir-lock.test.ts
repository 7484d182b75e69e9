import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'sn-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the lock file holds our pid and goes away on release', () => {
  const lock = lockDataDir(dir);
  assert.equal(readFileSync(join(dir, 'safetynet.lock'), 'utf8'), String(process.pid));
  lock.release();
  assert.equal(existsSync(join(dir, 'safetynet.lock')), false);
});

test('a second lock in the same process is refused', () => {
  const lock = lockDataDir(dir);
  try {
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
  } finally {
    lock.release();
  }
});

test('another process gets a clear error naming the holder and the way out', () => {
  const lock = lockDataDir(dir);
  try {
    const moduleUrl = new URL('./data-dir-lock.ts', import.meta.url).href;
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { lockDataDir } = await import(${JSON.stringify(moduleUrl)});
         try { lockDataDir(${JSON.stringify(dir)}); console.log('locked'); }
         catch (e) { console.log(e.name + ': ' + e.message); }`,
      ],
      { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) },
    );
    assert.match(child.stdout, /DataDirLockedError/);
    assert.match(child.stdout, new RegExp(`pid ${process.pid}`));
    assert.match(child.stdout, /DATABASE_URL/);
    assert.match(child.stdout, /已被另一個程序/);
  } finally {
    lock.release();
  }
});

test('a lock left by a process that no longer runs is taken over', () => {
  const finished = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  writeFileSync(join(dir, 'safetynet.lock'), finished.stdout.trim());
  const lock = lockDataDir(dir);
  assert.equal(readFileSync(join(dir, 'safetynet.lock'), 'utf8'), String(process.pid));
  lock.release();
});
