import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { normalizeIdNumber } from '@safetynet/core/identity/id-number';

/**
 * National ID numbers at rest (mission map §9): AES-256-GCM, the key id inside the blob so keys can rotate,
 * the row's id as associated data so a ciphertext copied onto another row does not open; and a keyed blind
 * index (HMAC-SHA-256) for exact lookup without decrypting.
 *
 * Blob: [1: format 0x01][1: key id length n][n: key id, UTF-8][12: IV][16: GCM tag][ciphertext]
 */
const FORMAT = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface IdKeys {
  /** The first key encrypts; every key decrypts (old ones stay until the data is re-encrypted). */
  encryptionKeys: { id: string; key: Buffer }[];
  indexKey: Buffer;
}

export class IdCipherError extends Error {
  override name = 'IdCipherError';
}

export class IdProtector {
  private readonly active: { id: string; key: Buffer; header: Buffer };
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: IdKeys) {
    const first = keys.encryptionKeys[0];
    if (!first) throw new IdCipherError('no encryption key configured');
    for (const { id, key } of keys.encryptionKeys) {
      if (key.length !== 32) throw new IdCipherError(`encryption key ${id} must be 32 bytes`);
      if (!/^[\w.-]{1,64}$/.test(id)) throw new IdCipherError(`bad key id: ${id}`);
    }
    if (keys.indexKey.length < 32) throw new IdCipherError('the blind-index key must be at least 32 bytes');
    const idBytes = Buffer.from(first.id, 'utf8');
    this.active = { ...first, header: Buffer.concat([Buffer.from([FORMAT, idBytes.length]), idBytes]) };
    this.byId = new Map(keys.encryptionKeys.map((k) => [k.id, k.key]));
  }

  /** Random IVs drawn in bulk (one CSPRNG call per 4,096 numbers); each IV is used once. */
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_BYTES * 4096);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  /** Encrypts an ID number for the row `rowId` (e.g. the person's uuid). */
  seal(idNumber: string, rowId: string): Buffer {
    const iv = this.nextIv();
    const header = this.active.header;
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
    cipher.setAAD(associatedData(header, rowId));
    const body = cipher.update(normalizeIdNumber(idNumber), 'utf8');
    const tail = cipher.final();
    const blob = Buffer.allocUnsafe(header.length + IV_BYTES + TAG_BYTES + body.length + tail.length);
    header.copy(blob, 0);
    iv.copy(blob, header.length);
    cipher.getAuthTag().copy(blob, header.length + IV_BYTES);
    body.copy(blob, header.length + IV_BYTES + TAG_BYTES);
    tail.copy(blob, header.length + IV_BYTES + TAG_BYTES + body.length);
    return blob;
  }

  /** Decrypts; throws IdCipherError when the blob was altered, moved to another row or its key is unknown. */
  open(blob: Buffer, rowId: string): string {
    if (blob.length < 2 || blob[0] !== FORMAT) throw new IdCipherError('unknown ciphertext format');
    const idLength = blob[1]!;
    const headerEnd = 2 + idLength;
    const keyId = blob.subarray(2, headerEnd).toString('utf8');
    const key = this.byId.get(keyId);
    if (!key) throw new IdCipherError(`unknown encryption key id: ${keyId}`);
    const iv = blob.subarray(headerEnd, headerEnd + IV_BYTES);
    const tag = blob.subarray(headerEnd + IV_BYTES, headerEnd + IV_BYTES + TAG_BYTES);
    if (tag.length !== TAG_BYTES) throw new IdCipherError('truncated ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(associatedData(blob.subarray(0, headerEnd), rowId));
    decipher.setAuthTag(tag);
    try {
      const body = blob.subarray(headerEnd + IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new IdCipherError('ciphertext rejected: altered, or bound to another record');
    }
  }

  /** The blind index of an ID number: equal numbers give equal indexes; nothing else can be read from it. */
  index(idNumber: string): Buffer {
    return createHmac('sha256', this.keys.indexKey).update(normalizeIdNumber(idNumber), 'utf8').digest();
  }

  /**
   * A key for another purpose derived from the index key (HKDF), so a deployment keeps one secret less:
   * e.g. `derivedKey('audit-chain')` seals the audit log's hash chain.
   */
  derivedKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.keys.indexKey, Buffer.alloc(0), `safetynet ${purpose}`, 32));
  }

  /** Whether a blob was written with an older key (for re-encryption after a rotation). */
  needsRotation(blob: Buffer): boolean {
    return !blob.subarray(0, this.active.header.length).equals(this.active.header);
  }
}

function associatedData(header: Buffer, rowId: string): Buffer {
  return Buffer.concat([header, Buffer.from(`|${rowId}`, 'utf8')]);
}

export function generateIdKeys(
  keyId = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
): IdKeys {
  return { encryptionKeys: [{ id: keyId, key: randomBytes(32) }], indexKey: randomBytes(32) };
}
