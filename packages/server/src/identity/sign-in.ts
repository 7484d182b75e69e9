import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import { sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditContext } from '../audit/audit-log.ts';
import { type AccountRow, actorOf } from './accounts.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import type { IdentityServices } from './services.ts';
import type { ActiveSession } from './sessions.ts';

/** One answer for every failure, so the response does not tell which usernames exist. */
const refused = () =>
  new ApiError(
    401,
    '帳號或密碼錯誤，或帳號因多次失敗暫時鎖定',
    'wrong username or password, or the account is locked for a while after repeated failures',
  );

const lockedNow = () =>
  new ApiError(
    403,
    '帳號因多次密碼錯誤暫時鎖定，請稍後再試',
    'the account is locked for a while after repeated wrong passwords; try again later',
  );

export interface SignedIn {
  account: AccountRow;
  token: string;
  expiresAt: Date;
}

/**
 * 登入 Sign in with a username and password. Wrong passwords count; at the lockout policy's limit the
 * account locks for a while and a security alert is raised. Every attempt is in the audit log.
 */
export async function signIn(
  identity: IdentityServices,
  input: { username: string; password: string },
  from: { ip: string | null; userAgent: string | null },
): Promise<SignedIn> {
  const now = identity.now();
  const account = await identity.accounts.byUsername(input.username);
  const anonymousContext: AuditContext = { actor: ANONYMOUS, ip: from.ip, purpose: null };
  const usable = account && !account.disabled_at && !isLocked(account, now);
  const valid = await verifyPassword(usable ? account.password_hash : null, input.password);
  const refuse = async (reason: string) => {
    await identity.audit.appendAlone(identity.db, anonymousContext, [
      {
        action: 'sign-in-failed',
        recordType: 'account',
        recordId: account?.account_id ?? null,
        details: { username: input.username.slice(0, 64), reason },
      },
    ]);
    return refused();
  };
  if (!account || !usable) throw await refuse(!account ? 'unknown' : 'locked-or-disabled');
  if (!valid) {
    const counted = await countFailure(identity, account.account_id, anonymousContext, {
      action: 'sign-in-failed',
      details: { username: input.username.slice(0, 64), reason: 'password' },
    });
    if (!counted) throw await refuse('locked-or-disabled');
    throw refused();
  }
  const signedIn = await identity.db.transaction().execute(async (trx) => {
    // Only while still unlocked: parallel wrong passwords may have locked it while argon2 ran.
    const reset = await trx
      .updateTable('account')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('account_id', '=', account.account_id)
      .where('disabled_at', 'is', null)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .executeTakeFirst();
    if (reset.numUpdatedRows === 0n) return undefined;
    const session = await identity.sessions.start(trx, account.account_id, from);
    await identity.audit.append(trx, { actor: actorOf(account), ip: from.ip, purpose: null }, [
      { action: 'sign-in', recordType: 'session', recordId: account.account_id },
    ]);
    return { account, ...session };
  });
  if (!signedIn) throw await refuse('locked-or-disabled');
  return signedIn;
}

const isLocked = (account: AccountRow, now: Date) => !!account.locked_until && account.locked_until > now;

/**
 * Counts one wrong password toward the lockout, atomically: parallel attempts each add one in the
 * database (a read-then-write would let them overwrite each other). The attempt that reaches the limit
 * locks the account and resets the counter in the same statement, so only it raises the alert. The
 * audit entry is written in the same transaction. False when the account was already locked (nothing
 * counted, nothing audited).
 */
async function countFailure(
  identity: IdentityServices,
  accountId: string,
  context: AuditContext,
  audit: { action: string; details: Record<string, unknown> },
): Promise<boolean> {
  const now = identity.now();
  const { maxFailures, minutes } = identity.lockout;
  const lockedUntil = new Date(now.getTime() + minutes * 60_000);
  return identity.db.transaction().execute(async (trx) => {
    const reaches = sql<boolean>`failed_sign_ins + 1 >= ${maxFailures}::integer`;
    const row = await trx
      .updateTable('account')
      .set({
        failed_sign_ins: sql`CASE WHEN ${reaches} THEN 0 ELSE failed_sign_ins + 1 END`,
        locked_until: sql`CASE WHEN ${reaches} THEN ${lockedUntil}::timestamptz ELSE NULL END`,
      })
      .where('account_id', '=', accountId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning(['locked_until'])
      .executeTakeFirst();
    if (!row) return false;
    if (row.locked_until)
      await trx
        .insertInto('security_alert')
        .values({
          alert_id: randomUUID(),
          kind: 'account-locked',
          account_id: accountId,
          record_type: 'account',
          record_id: accountId,
          detail: `${maxFailures} failed sign-ins; locked for ${minutes} minutes`,
        })
        .execute();
    await identity.audit.append(trx, context, [
      { action: audit.action, recordType: 'account', recordId: accountId, details: audit.details },
    ]);
    return true;
  });
}

export async function signOut(
  identity: IdentityServices,
  session: ActiveSession,
  context: AuditContext,
): Promise<void> {
  await identity.db.transaction().execute(async (trx) => {
    await identity.sessions.end(trx, session.hash);
    await identity.audit.append(trx, context, [
      { action: 'sign-out', recordType: 'session', recordId: session.account.account_id },
    ]);
  });
}

/** 變更密碼: the current password again, a new one that passes the policy; other sessions end. */
export async function changePassword(
  identity: IdentityServices,
  session: ActiveSession,
  input: { currentPassword: string; newPassword: string },
  context: AuditContext,
): Promise<void> {
  const { account } = session;
  // The session may outlive a lock (it started before): a locked account changes nothing.
  const fresh = await identity.accounts.byId(account.account_id);
  if (!fresh || isLocked(fresh, identity.now())) throw lockedNow();
  if (!(await verifyPassword(fresh.password_hash, input.currentPassword))) {
    // A stolen session guessing the password counts toward the same lockout as sign-in.
    const counted = await countFailure(identity, account.account_id, context, {
      action: 'change-password-failed',
      details: { reason: 'current-password' },
    });
    if (!counted) throw lockedNow();
    throw new ApiError(400, '目前密碼不正確', 'the current password is wrong', 'body.currentPassword');
  }
  const problem = passwordProblem(input.newPassword, account.username);
  if (problem) throw new ApiError(400, problem.zh, problem.en, 'body.newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await identity.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ password_hash: passwordHash, password_changed_at: identity.now() })
      .where('account_id', '=', account.account_id)
      .execute();
    await identity.sessions.endOthers(trx, account.account_id, session.hash);
    await identity.audit.append(trx, context, [
      { action: 'change-password', recordType: 'account', recordId: account.account_id },
    ]);
  });
}
