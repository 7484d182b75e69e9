import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { keysForDataDir, keysFromEnv, MissingKeysError, resolveIdKeys } from './id-keys.ts';
import { generateIdKeys, IdCipherError, IdProtector } from './id-protector.ts';

const personA = '0190a0c2-7e4f-7abc-8def-0123456789ab';
const personB = '0190a0c2-7e4f-7abc-8def-0123456789ac';

test('an ID number sealed for a row opens for that row, normalised', () => {
  const protector = new IdProtector(generateIdKeys('k1'));
  const blob = protector.seal(' a123456789', personA);
  assert.equal(protector.open(blob, personA), 'A123456789');
  assert.ok(!blob.includes(Buffer.from('A123456789')), 'the number is not in the blob in clear');
  assert.equal(blob.subarray(2, 4).toString(), 'k1', 'the key id is in the blob');
});

test('a tampered ciphertext is rejected: any flipped byte, truncation, or another row', () => {
  const protector = new IdProtector(generateIdKeys('k1'));
  const blob = protector.seal('A123456789', personA);
  for (let i = 0; i < blob.length; i++) {
    const altered = Buffer.from(blob);
    altered[i] = altered[i]! ^ 0x01;
    assert.throws(() => protector.open(altered, personA), IdCipherError, `byte ${i} altered`);
  }
  assert.throws(() => protector.open(blob.subarray(0, blob.length - 1), personA), IdCipherError);
  assert.throws(() => protector.open(blob.subarray(0, 10), personA), IdCipherError);
  assert.throws(() => protector.open(blob, personB), IdCipherError, 'moved to another row');
});

test('two seals of one number differ, their blind index is equal and keyed', () => {
  const keys = generateIdKeys('k1');
  const protector = new IdProtector(keys);
  assert.notDeepEqual(protector.seal('A123456789', personA), protector.seal('A123456789', personA));
  assert.deepEqual(protector.index('A123456789'), protector.index('a123456789 '));
  assert.notDeepEqual(protector.index('A123456789'), protector.index('E123456783'));
  const otherKeys = new IdProtector(generateIdKeys('k1'));
  assert.notDeepEqual(protector.index('A123456789'), otherKeys.index('A123456789'));
});

test('key rotation: old blobs still open, new ones use the new key', () => {
  const old = generateIdKeys('k2025');
  const blob = new IdProtector(old).seal('A123456789', personA);
  const rotated = new IdProtector({
    encryptionKeys: [{ id: 'k2026', key: generateIdKeys().encryptionKeys[0]!.key }, ...old.encryptionKeys],
    indexKey: old.indexKey,
  });
  assert.equal(rotated.open(blob, personA), 'A123456789');
  assert.equal(rotated.needsRotation(blob), true);
  assert.equal(rotated.needsRotation(rotated.seal('A123456789', personA)), false);
  const withoutOld = new IdProtector(generateIdKeys('k2026'));
  assert.throws(() => withoutOld.open(blob, personA), /unknown encryption key id: k2025/);
});

test('keys: from the environment, generated once into an embedded data directory, required for PostgreSQL', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const fromEnv = keysFromEnv({ SAFETYNET_ID_KEYS: `a:${key},b:${key}`, SAFETYNET_ID_INDEX_KEY: key });
  assert.deepEqual(
    fromEnv?.encryptionKeys.map((k) => k.id),
    ['a', 'b'],
  );
  assert.throws(() => resolveIdKeys({}, { engine: 'postgresql', dataDir: undefined }), MissingKeysError);

  const dir = mkdtempSync(join(tmpdir(), 'sn-keys-'));
  try {
    const first = keysForDataDir(dir);
    const again = keysForDataDir(dir);
    assert.deepEqual(again, first, 'the same keys on the next start');
    assert.equal(statSync(join(dir, 'keys.json')).mode & 0o777, 0o600);
    assert.deepEqual(resolveIdKeys({}, { engine: 'pglite', dataDir: dir }), first);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
