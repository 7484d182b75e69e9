import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateIdKeys, type IdKeys } from './id-protector.ts';

/**
 * Where the ID-number keys come from. Never from git.
 * - SAFETYNET_ID_KEYS="<keyId>:<base64 32 bytes>[,<keyId>:<base64>…]" (first one encrypts) and
 *   SAFETYNET_ID_INDEX_KEY="<base64, ≥ 32 bytes>": required with DATABASE_URL (production).
 * - Embedded mode without them: generated on first start into <data dir>/keys.json (mode 0600).
 */
export class MissingKeysError extends Error {
  override name = 'MissingKeysError';
  constructor() {
    super(
      '未設定身分證字號加密金鑰。Encryption keys for ID numbers are not set: with DATABASE_URL, set SAFETYNET_ID_KEYS ' +
        '("<keyId>:<base64 of 32 random bytes>") and SAFETYNET_ID_INDEX_KEY (base64 of 32 random bytes), ' +
        'e.g. from `openssl rand -base64 32`.',
    );
  }
}

export function keysFromEnv(env: NodeJS.ProcessEnv): IdKeys | undefined {
  const list = env.SAFETYNET_ID_KEYS?.trim();
  const index = env.SAFETYNET_ID_INDEX_KEY?.trim();
  if (!list || !index) return undefined;
  const encryptionKeys = list.split(',').map((entry) => {
    const [id, key] = entry.trim().split(':');
    if (!id || !key) throw new Error('SAFETYNET_ID_KEYS: each entry is <keyId>:<base64 key>');
    return { id, key: Buffer.from(key, 'base64') };
  });
  return { encryptionKeys, indexKey: Buffer.from(index, 'base64') };
}

interface KeyFile {
  encryptionKeys: { id: string; key: string }[];
  indexKey: string;
}

/** Keys for an embedded data directory: read keys.json, or create it on first start. */
export function keysForDataDir(dataDir: string): IdKeys {
  const path = join(dataDir, 'keys.json');
  if (existsSync(path)) {
    const file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
    return {
      encryptionKeys: file.encryptionKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') })),
      indexKey: Buffer.from(file.indexKey, 'base64'),
    };
  }
  const keys = generateIdKeys();
  const file: KeyFile = {
    encryptionKeys: keys.encryptionKeys.map((k) => ({ id: k.id, key: k.key.toString('base64') })),
    indexKey: keys.indexKey.toString('base64'),
  };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return keys;
}

const memoryKeys = new WeakMap<object, IdKeys>();

/**
 * The keys for a database: the environment's, else the data directory's, else (an in-memory database)
 * keys made for that database object and kept as long as it lives.
 */
export function resolveIdKeys(
  env: NodeJS.ProcessEnv,
  database: { engine: string; dataDir: string | undefined },
): IdKeys {
  const fromEnv = keysFromEnv(env);
  if (fromEnv) return fromEnv;
  if (database.engine === 'postgresql') throw new MissingKeysError();
  if (database.dataDir) return keysForDataDir(database.dataDir);
  let keys = memoryKeys.get(database);
  if (!keys) {
    keys = generateIdKeys('memory');
    memoryKeys.set(database, keys);
  }
  return keys;
}
