import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { entryHash, GENESIS_HASH } from './audit-log.ts';

/**
 * `safetynet audit verify` and `GET /api/v1/audit/verify`: walks the whole log in seq order, a page at a
 * time (keyset pagination, so millions of entries take constant memory), recomputes every entry's HMAC
 * and checks the chain, and reports the first problem found.
 *
 * How a problem is classified. Each entry is judged on three facts: is it *authentic* (its hash is the
 * HMAC of its content over its own prev_hash: only the key's holder can make that true), is it *linked*
 * (its prev_hash is the hash of the entry before it, GENESIS_HASH for the first), and is its hash
 * *vouched for* (the next entry's prev_hash names it, or it is the head the caller recorded).
 * - deleted: seq skips numbers and the entry after the gap is authentic (it is genuine: entries before it
 *   were removed; reported at the first missing seq); or an authentic entry that is not linked: it was
 *   sealed after an entry that is no longer in the log. Also the recorded head no longer in the log
 *   (the tail was cut off).
 * - altered: an entry linked to its predecessor whose hash is vouched for but no longer matches its
 *   content: the entry that was written here had its content changed. Replacing a row with a forged one
 *   that copies the original's hash is the same thing and is reported the same way.
 * - inserted: an entry that does not belong: not authentic and either not linked, or its hash vouched
 *   for by nothing (a forged entry appended at the end, or slipped in before an entry that still names
 *   its real predecessor); also a forged entry after a gap in seq. An entry altered together with its
 *   hash cannot be told from a forged one put in its place and is reported as inserted.
 * Limits: without a recorded head, removing entries at the end leaves a shorter, valid chain; and once
 * the server has appended after a forged last entry (sealing its hash), that entry reads as altered.
 */

export type AuditProblem = 'altered' | 'deleted' | 'inserted';

export interface AuditHead {
  seq: number;
  /** The head entry's hash, hex. */
  hash: string;
}

export type AuditVerification =
  | { ok: true; count: number; head: AuditHead | null }
  | {
      ok: false;
      problem: AuditProblem;
      /** Where the chain stops being trustworthy. */
      seq: number;
      message: { zh: string; en: string };
      /** Entries checked and found intact before the problem. */
      checked: number;
    };

export interface VerifyOptions {
  /** A head recorded earlier (e.g. printed by a previous verify): it must still be in the log. */
  expectHead?: AuditHead | undefined;
  /** Entries read per query. */
  pageSize?: number;
}

/** The key that seals the chain: derived from the ID keys exactly as the server derives it. */
export function auditChainKey(protector: IdProtector): Buffer {
  return protector.derivedKey('audit-chain');
}

/** `<seq>:<hash hex>` → a head; undefined when malformed. */
export function parseAuditHead(text: string): AuditHead | undefined {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/i.exec(text.trim());
  if (!match) return undefined;
  const seq = Number(match[1]);
  return seq > 0 ? { seq, hash: match[2]!.toLowerCase() } : undefined;
}

type Row = Awaited<ReturnType<typeof readPage>>[number];

function readPage(db: Kysely<Schema>, after: string, limit: number) {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

async function* entriesInOrder(db: Kysely<Schema>, pageSize: number): AsyncGenerator<Row> {
  let after = '0';
  for (;;) {
    const page = await readPage(db, after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

const problemAt = (
  problem: AuditProblem,
  seq: number,
  checked: number,
  zh: string,
  en: string,
): AuditVerification => ({ ok: false, problem, seq, checked, message: { zh, en } });

export async function verifyAuditLog(
  db: Kysely<Schema>,
  key: Buffer,
  { expectHead, pageSize = 5000 }: VerifyOptions = {},
): Promise<AuditVerification> {
  let expected = 1;
  let prevHash: Buffer = GENESIS_HASH;
  let checked = 0;
  let headSeen = false;

  /** Judges `row` knowing the next one (undefined at the end): undefined when it is intact. */
  const judge = (row: Row, next: Row | undefined): AuditVerification | undefined => {
    const seq = Number(row.seq);
    const authentic = entryHash(key, row.prev_hash, row).equals(row.hash);
    const linked = row.prev_hash.equals(prevHash);
    const isRecordedHead = expectHead?.seq === seq;
    if (seq !== expected) {
      if (authentic)
        return problemAt(
          'deleted',
          expected,
          checked,
          `第 ${expected}–${seq - 1} 筆紀錄已被刪除`,
          `entries ${expected}–${seq - 1} were deleted (seq jumps from ${expected - 1} to ${seq})`,
        );
      return problemAt(
        'inserted',
        seq,
        checked,
        `第 ${seq} 筆紀錄為偽造插入（序號不連續且雜湊不符）`,
        `entry ${seq} does not belong: its seq skips from ${expected - 1} and its hash does not verify`,
      );
    }
    if (authentic && linked) {
      if (isRecordedHead && row.hash.toString('hex') !== expectHead.hash)
        return problemAt(
          'altered',
          seq,
          checked,
          `第 ${seq} 筆紀錄與先前記下的最新紀錄不同（紀錄鏈已被改寫）`,
          `entry ${seq} is not the head recorded earlier (its hash differs): the chain was rewritten`,
        );
      return undefined;
    }
    if (authentic)
      return problemAt(
        'deleted',
        seq,
        checked,
        `第 ${seq} 筆紀錄所接續的前一筆紀錄已不在紀錄中`,
        `entry ${seq} was sealed after an entry that is no longer in the log`,
      );
    const hex = row.hash.toString('hex');
    const vouched = next ? next.prev_hash.equals(row.hash) : isRecordedHead && expectHead.hash === hex;
    if (linked && vouched)
      return problemAt(
        'altered',
        seq,
        checked,
        `第 ${seq} 筆紀錄的內容已被竄改（與其雜湊不符）`,
        `entry ${seq} was altered: its content no longer matches its hash`,
      );
    return problemAt(
      'inserted',
      seq,
      checked,
      `第 ${seq} 筆紀錄不屬於紀錄鏈（雜湊不符，疑為偽造插入）`,
      `entry ${seq} does not belong to the chain: its hash does not verify and ${
        linked ? 'no later entry or recorded head names it' : 'it does not follow the entry before it'
      }`,
    );
  };

  let pending: Row | undefined;
  const advance = (row: Row) => {
    if (Number(row.seq) === expectHead?.seq) headSeen = true;
    prevHash = row.hash;
    expected += 1;
    checked += 1;
  };
  for await (const row of entriesInOrder(db, pageSize)) {
    if (pending) {
      const problem = judge(pending, row);
      if (problem) return problem;
      advance(pending);
    }
    pending = row;
  }
  if (pending) {
    const problem = judge(pending, undefined);
    if (problem) return problem;
    advance(pending);
  }

  if (expectHead && !headSeen)
    return problemAt(
      'deleted',
      expected,
      checked,
      `先前記下的最新紀錄（第 ${expectHead.seq} 筆）已不在紀錄中：第 ${expected} 筆起的紀錄已被刪除`,
      `the recorded head (entry ${expectHead.seq}) is no longer in the log: entries from ${expected} on were removed`,
    );
  const head = checked > 0 ? { seq: expected - 1, hash: prevHash.toString('hex') } : null;
  return { ok: true, count: checked, head };
}
