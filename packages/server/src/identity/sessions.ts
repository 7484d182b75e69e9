import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { AccountRow } from './accounts.ts';

/**
 * Opaque server-side sessions. The browser holds a random token in an HttpOnly cookie; the database holds
 * only its SHA-256, so a copy of the database signs nobody in. A session ends at sign-out, after
 * `idleMinutes` without a request, after `maxHours` whatever happens, or when the password changes.
 */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, maxHours: 10 };

export type Clock = () => Date;

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface ActiveSession {
  hash: Buffer;
  account: AccountRow;
  expiresAt: Date;
}

export class SessionStore {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly policy: SessionPolicy,
    private readonly now: Clock,
  ) {}

  async start(
    trx: Kysely<Schema>,
    accountId: string,
    from: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.policy.maxHours * 3_600_000);
    await trx
      .insertInto('session')
      .values({
        session_hash: tokenHash(token),
        account_id: accountId,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ip: from.ip,
        user_agent: from.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return { token, expiresAt };
  }

  /** The live session a token names, touched; undefined when unknown, ended, idle too long or expired. */
  async resume(token: string): Promise<ActiveSession | undefined> {
    const hash = tokenHash(token);
    const row = await this.db
      .selectFrom('session as s')
      .innerJoin('account as a', 'a.account_id', 's.account_id')
      .selectAll('a')
      .select(['s.last_seen_at', 's.expires_at', 's.ended_at'])
      .where('s.session_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.ended_at || row.disabled_at) return undefined;
    const now = this.now();
    const idleSince = now.getTime() - row.last_seen_at.getTime();
    if (row.expires_at.getTime() <= now.getTime() || idleSince >= this.policy.idleMinutes * 60_000) {
      await this.db.updateTable('session').set({ ended_at: now }).where('session_hash', '=', hash).execute();
      return undefined;
    }
    // Touch at most once a minute: a busy screen is not a write per request.
    if (idleSince > 60_000)
      await this.db
        .updateTable('session')
        .set({ last_seen_at: now })
        .where('session_hash', '=', hash)
        .execute();
    const { last_seen_at: _seen, expires_at: expiresAt, ended_at: _ended, ...account } = row;
    return { hash, account, expiresAt };
  }

  async end(trx: Kysely<Schema>, hash: Buffer): Promise<void> {
    await trx.updateTable('session').set({ ended_at: this.now() }).where('session_hash', '=', hash).execute();
  }

  /** Ends every session of an account but one (after a password change: the other devices sign in again). */
  async endOthers(trx: Kysely<Schema>, accountId: string, keep: Buffer | null): Promise<void> {
    let query = trx
      .updateTable('session')
      .set({ ended_at: this.now() })
      .where('account_id', '=', accountId)
      .where('ended_at', 'is', null);
    if (keep) query = query.where('session_hash', '!=', keep);
    await query.execute();
  }
}
