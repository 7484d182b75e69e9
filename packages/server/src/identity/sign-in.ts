import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
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
  const usable = account && !account.disabled_at && !(account.locked_until && account.locked_until > now);
  const valid = await verifyPassword(usable ? account.password_hash : null, input.password);
  if (!account || !usable || !valid) {
    await identity.db.transaction().execute(async (trx) => {
      if (account && usable) {
        const failures = account.failed_sign_ins + 1;
        const locks = failures >= identity.lockout.maxFailures;
        await trx
          .updateTable('account')
          .set({
            failed_sign_ins: locks ? 0 : failures,
            locked_until: locks ? new Date(now.getTime() + identity.lockout.minutes * 60_000) : null,
          })
          .where('account_id', '=', account.account_id)
          .execute();
        if (locks)
          await trx
            .insertInto('security_alert')
            .values({
              alert_id: randomUUID(),
              kind: 'account-locked',
              account_id: account.account_id,
              record_type: 'account',
              record_id: account.account_id,
              detail: `${identity.lockout.maxFailures} failed sign-ins; locked for ${identity.lockout.minutes} minutes`,
            })
            .execute();
      }
      await identity.audit.append(trx, anonymousContext, [
        {
          action: 'sign-in-failed',
          recordType: 'account',
          recordId: account?.account_id ?? null,
          details: {
            username: input.username.slice(0, 64),
            reason: !account ? 'unknown' : !usable ? 'locked-or-disabled' : 'password',
          },
        },
      ]);
    });
    throw refused();
  }
  return identity.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('account_id', '=', account.account_id)
      .execute();
    const session = await identity.sessions.start(trx, account.account_id, from);
    await identity.audit.append(trx, { actor: actorOf(account), ip: from.ip, purpose: null }, [
      { action: 'sign-in', recordType: 'session', recordId: account.account_id },
    ]);
    return { account, ...session };
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
  if (!(await verifyPassword(account.password_hash, input.currentPassword)))
    throw new ApiError(400, '目前密碼不正確', 'the current password is wrong', 'body.currentPassword');
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
