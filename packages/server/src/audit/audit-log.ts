import { createHmac } from 'node:crypto';
import type { Actor } from '@safetynet/core/authz/actor';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEntryTable, Schema } from '../db/schema.ts';

/**
 * The audit log: who (account, role), did what (action) to which record, when, from where (IP) and for
 * what purpose. Append-only and hash-chained: each entry's hash is an HMAC over its content and the
 * previous entry's hash, keyed with a secret the database does not hold, so someone who can write to the
 * database can still not forge, alter, insert or remove an entry without `safetynet audit verify`
 * noticing (audit-verify.ts). Entries are numbered without gaps under one lock.
 */

export interface AuditContext {
  actor: Actor;
  ip: string | null;
  purpose: string | null;
}

export interface AuditRecord {
  /** read, list, create, update, reveal-id-number, sign-in, sign-in-failed, denied, break-glass, … */
  action: string;
  /** person, household, account, session, api-client, protection-case, audit-log, … */
  recordType: string;
  recordId: string | null;
  /** Ids and outcomes only; never a name or an ID number (the auditor reads these). */
  details?: Record<string, unknown>;
}

/** A log and the request's context: what a command needs to record its change. */
export interface AuditTrail {
  log: AuditLog;
  context: AuditContext;
}

export const GENESIS_HASH = Buffer.alloc(32);

/** The advisory lock id that serialises appends (any fixed number; this one spells "audit"). */
const AUDIT_APPEND_LOCK = 0x6175646974;

/** What an entry's hash covers: every column but the two hashes. */
export type ChainedContent = Omit<Selectable<AuditEntryTable>, 'prev_hash' | 'hash'>;

/** The hash an entry must carry: HMAC(key, previous hash ‖ its content in a fixed order). */
export function entryHash(key: Buffer, prevHash: Buffer, entry: ChainedContent): Buffer {
  const content = JSON.stringify([
    entry.seq,
    entry.at.toISOString(),
    entry.actor_kind,
    entry.actor_id,
    entry.actor_name,
    entry.role,
    entry.action,
    entry.record_type,
    entry.record_id,
    entry.ip,
    entry.purpose,
    entry.details,
  ]);
  return createHmac('sha256', key).update(prevHash).update(content, 'utf8').digest();
}

/** JSON with keys sorted at every level: the same details always give the same text (and hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

export class AuditLog {
  constructor(private readonly key: Buffer) {}

  /**
   * Appends entries inside the caller's transaction (`trx` must be one): the change and its record
   * commit or roll back together. The lock serialises appends, not reads; take it late in a transaction.
   */
  async append(
    trx: Kysely<Schema>,
    context: AuditContext,
    records: AuditRecord[],
    at = new Date(),
  ): Promise<void> {
    if (records.length === 0) return;
    // A transaction-scoped advisory lock, not LOCK TABLE: that needs UPDATE/DELETE/TRUNCATE rights, which
    // the application's role does not hold on audit_entry (`safetynet db grant-app-role`).
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
    const last = await trx
      .selectFrom('audit_entry')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = last ? BigInt(last.seq) : 0n;
    let prevHash = last ? last.hash : GENESIS_HASH;
    const { actor } = context;
    const rows = records.map((record) => {
      seq += 1n;
      const content: ChainedContent = {
        seq: seq.toString(),
        at,
        actor_kind: actor.kind,
        actor_id: actor.id,
        actor_name: actor.name,
        role: actor.role,
        action: record.action,
        record_type: record.recordType,
        record_id: record.recordId,
        ip: context.ip,
        purpose: context.purpose,
        details: canonicalJson(record.details ?? {}),
      };
      const hash = entryHash(this.key, prevHash, content);
      const row = { ...content, prev_hash: prevHash, hash };
      prevHash = hash;
      return row;
    });
    await trx.insertInto('audit_entry').values(rows).execute();
  }

  /** Appends in a transaction of its own (a read, a refused request, a sign-in). */
  async appendAlone(db: Kysely<Schema>, context: AuditContext, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await db.transaction().execute((trx) => this.append(trx, context, records));
  }
}
