import { isRole, type Role } from '@safetynet/core/authz/actor';
import { districtByCode } from '@safetynet/core/districts';
import type { Kysely } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditContext } from '../audit/audit-log.ts';
import type { Schema } from '../db/schema.ts';
import type { AccountRow } from './accounts.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import type { IdentityServices } from './services.ts';

/** 帳號管理 Accounts as an administrator creates and changes them; each change is in the audit log. */
export interface AccountInput {
  username: string;
  displayName: string;
  role: string;
  password?: string | undefined;
  districts?: string[] | undefined;
  programs?: string[] | undefined;
  teamId?: string | null | undefined;
  intake?: boolean | undefined;
  facilityRef?: string | null | undefined;
  personId?: string | null | undefined;
  oidcSubject?: string | null | undefined;
}

const bad = (field: string, zh: string, en: string) =>
  new ApiError(400, `${field}：${zh}`, `${field}: ${en}`, field);

/** What each role's work needs to be set (a clerk without a district reaches nothing). */
async function checkCoverage(trx: Kysely<Schema>, role: Role, input: AccountInput): Promise<void> {
  for (const code of input.districts ?? [])
    if (!districtByCode(code))
      throw bad('body.districts', `不是高雄市的行政區代碼 ${code}`, `not a Kaohsiung district code: ${code}`);
  if ((role === 'district-clerk' || role === 'reviewer') && !input.districts?.length)
    throw bad('body.districts', '此角色須指定行政區', 'this role needs at least one district');
  if ((role === 'social-worker' || role === 'supervisor') && !input.teamId)
    throw bad('body.teamId', '此角色須指定社工組', 'this role needs a team');
  if (input.teamId) {
    const team = await trx
      .selectFrom('team')
      .select('team_id')
      .where('team_id', '=', input.teamId)
      .executeTakeFirst();
    if (!team) throw bad('body.teamId', '找不到此社工組', `no such team: ${input.teamId}`);
  }
  if (role === 'citizen') {
    if (!input.personId)
      throw bad('body.personId', '民眾帳號須綁定個人', 'a citizen account is bound to a person');
    const person = await trx
      .selectFrom('person')
      .select('person_id')
      .where('person_id', '=', input.personId)
      .executeTakeFirst();
    if (!person) throw bad('body.personId', '找不到此人', `person not found: ${input.personId}`);
  } else if (input.personId)
    throw bad('body.personId', '僅民眾帳號綁定個人', 'only citizen accounts are bound to a person');
}

export async function createAccount(
  identity: IdentityServices,
  input: AccountInput,
  context: AuditContext,
): Promise<AccountRow> {
  if (!isRole(input.role)) throw bad('body.role', '未知的角色', `unknown role: ${input.role}`);
  const role = input.role;
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw bad('body.password', problem.zh, problem.en);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return identity.db.transaction().execute(async (trx) => {
    await checkCoverage(trx, role, input);
    if (await identity.accounts.byUsername(input.username, trx))
      throw new ApiError(
        409,
        `帳號已存在：${input.username}`,
        `username taken: ${input.username}`,
        'body.username',
      );
    if (input.personId && (await identity.accounts.byPerson(input.personId, trx)))
      throw new ApiError(
        409,
        '此人已有民眾帳號',
        'this person already has a citizen account',
        'body.personId',
      );
    const account = await identity.accounts.insert(trx, {
      username: input.username,
      displayName: input.displayName,
      role,
      passwordHash,
      districts: input.districts ?? [],
      programs: input.programs ?? [],
      teamId: input.teamId ?? null,
      intake: input.intake ?? false,
      facilityRef: input.facilityRef ?? null,
      personId: input.personId ?? null,
      oidcSubject: input.oidcSubject ?? null,
    });
    await identity.audit.append(trx, context, [
      {
        action: 'create',
        recordType: 'account',
        recordId: account.account_id,
        details: { role, username: account.username },
      },
    ]);
    return account;
  });
}

export interface AccountChange {
  displayName?: string | undefined;
  role?: string | undefined;
  districts?: string[] | undefined;
  programs?: string[] | undefined;
  teamId?: string | null | undefined;
  intake?: boolean | undefined;
  facilityRef?: string | null | undefined;
  disabled?: boolean | undefined;
  /** Clears a lockout. */
  unlock?: boolean | undefined;
  /** Sets a new password (the account's sessions end). */
  password?: string | undefined;
  /** Links the account to an OpenID Connect subject, `<issuer>|<sub>` (null unlinks). */
  oidcSubject?: string | null | undefined;
}

export async function changeAccount(
  identity: IdentityServices,
  accountId: string,
  change: AccountChange,
  context: AuditContext,
): Promise<AccountRow> {
  const current = await identity.accounts.byId(accountId);
  if (!current) throw new ApiError(404, `找不到帳號：${accountId}`, `account not found: ${accountId}`);
  const role = change.role ?? current.role;
  if (!isRole(role)) throw bad('body.role', '未知的角色', `unknown role: ${role}`);
  if ((role === 'citizen') !== (current.role === 'citizen'))
    throw bad(
      'body.role',
      '民眾與工作人員帳號不可互換',
      'a citizen account cannot become a staff account or back',
    );
  if (change.password !== undefined) {
    const problem = passwordProblem(change.password, current.username);
    if (problem) throw bad('body.password', problem.zh, problem.en);
  }
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  return identity.db.transaction().execute(async (trx) => {
    const merged: AccountInput = {
      username: current.username,
      displayName: change.displayName ?? current.display_name,
      role,
      districts: change.districts ?? current.districts,
      programs: change.programs ?? current.programs,
      teamId: change.teamId === undefined ? current.team_id : change.teamId,
      personId: current.person_id,
    };
    await checkCoverage(trx, role, merged);
    if (change.oidcSubject) {
      const holder = await identity.accounts.byOidcSubject(change.oidcSubject, trx);
      if (holder && holder.account_id !== accountId)
        throw new ApiError(
          409,
          '此 OIDC 識別碼已連結其他帳號',
          'another account is linked to this OIDC subject',
          'body.oidcSubject',
        );
    }
    const now = identity.now();
    const updated = await trx
      .updateTable('account')
      .set({
        display_name: merged.displayName,
        role,
        districts: JSON.stringify(merged.districts),
        programs: JSON.stringify(merged.programs),
        team_id: merged.teamId ?? null,
        ...(change.intake === undefined ? {} : { intake: change.intake }),
        ...(change.facilityRef === undefined ? {} : { facility_ref: change.facilityRef }),
        ...(change.oidcSubject === undefined ? {} : { oidc_subject: change.oidcSubject || null }),
        ...(change.disabled === undefined ? {} : { disabled_at: change.disabled ? now : null }),
        ...(change.unlock ? { locked_until: null, failed_sign_ins: 0 } : {}),
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: now } : {}),
      })
      .where('account_id', '=', accountId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A disabled account, a new role or a new password: the sessions it had end now.
    if (change.disabled || change.role || passwordHash)
      await identity.sessions.endOthers(trx, accountId, null);
    const changed = Object.keys(change).filter((key) => key !== 'password');
    await identity.audit.append(trx, context, [
      {
        action: 'update',
        recordType: 'account',
        recordId: accountId,
        details: { changed: passwordHash ? [...changed, 'password'] : changed },
      },
    ]);
    return updated;
  });
}
