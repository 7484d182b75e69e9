import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import * as oidc from 'openid-client';
import { ApiError } from '../api-error.ts';
import type { AuditContext } from '../audit/audit-log.ts';
import type { PersonRepository } from '../registry/persons.ts';
import { createAccount } from './account-commands.ts';
import { type AccountRow, actorOf } from './accounts.ts';
import type { IdentityServices } from './services.ts';
import type { SignedIn } from './sign-in.ts';

/**
 * 單一登入 Optional OpenID Connect sign-in. Staff sign in only to accounts an administrator linked (their
 * `oidc_subject` is `<issuer>|<sub>`); citizens whose identity provider vouches for a registered ID number
 * get a citizen account bound to that person on first sign-in. Nobody else gets in.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: string;
  /** The ID-token claim that carries a citizen's national ID number. */
  idNumberClaim: string;
}

/** The settings from the environment; undefined (OIDC off) when no issuer is set. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.SAFETYNET_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const clientId = env.SAFETYNET_OIDC_CLIENT_ID?.trim();
  const redirectUri = env.SAFETYNET_OIDC_REDIRECT_URI?.trim();
  if (!clientId || !redirectUri)
    throw new Error(
      'SAFETYNET_OIDC_ISSUER is set: SAFETYNET_OIDC_CLIENT_ID and SAFETYNET_OIDC_REDIRECT_URI are needed too',
    );
  new URL(issuer);
  new URL(redirectUri);
  return {
    issuer,
    clientId,
    clientSecret: env.SAFETYNET_OIDC_CLIENT_SECRET || undefined,
    redirectUri,
    idNumberClaim: env.SAFETYNET_OIDC_ID_NUMBER_CLAIM?.trim() || 'national_id',
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The provider's configuration, discovered on first use and kept; a failed discovery is tried again on
 * the next sign-in rather than kept. Plain http is allowed only for a provider on this machine.
 */
export function oidcProvider(settings: OidcSettings): () => Promise<oidc.Configuration> {
  let discovered: Promise<oidc.Configuration> | undefined;
  return () => {
    if (!discovered) {
      const issuer = new URL(settings.issuer);
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      discovered = oidc
        .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
          ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
          timeout: 10,
        })
        .catch((error: unknown) => {
          discovered = undefined;
          throw error;
        });
    }
    return discovered;
  };
}

/**
 * What the browser carries between the redirect to the provider and its return: a cookie holding the
 * state, nonce, PKCE verifier and return path, signed (HMAC) with a key of ours and expiring in 10 minutes.
 * A cookie rather than a server-side map: nothing grows with anonymous requests, and any server process
 * behind a load balancer can finish a sign-in another one started. The browser sees the verifier, which
 * is harmless: PKCE guards the code against others than the browser that asked for it.
 */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  expiresAt: number;
}

export const FLOW_MINUTES = 10;

export function sealFlow(flow: OidcFlow, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

/** The flow a cookie holds; undefined when it is missing, altered, or expired. */
export function openFlow(sealed: string | undefined, key: Buffer, now: Date): OidcFlow | undefined {
  const [body, mac] = sealed?.split('.') ?? [];
  if (!body || !mac) return undefined;
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const flow = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as OidcFlow;
    return flow.expiresAt > now.getTime() ? flow : undefined;
  } catch {
    return undefined;
  }
}

/** A path on this site to return to; anything else (another host, `//host`, `/\host`) is refused. */
export function safeReturnPath(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\\]/.test(value)) return undefined;
  const base = 'http://same.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

/** The citizen account's username: stable for a provider subject, revealing nothing of it. */
export function citizenUsername(subject: string): string {
  return `c-${createHash('sha256').update(subject, 'utf8').digest('hex').slice(0, 12)}`;
}

export interface OidcClaims {
  sub: string;
  name?: unknown;
  [claim: string]: unknown;
}

const notLinked = (subject: string) =>
  new ApiError(
    403,
    `此身分提供者帳號尚未連結 SafetyNet 帳號：工作人員請將識別碼 ${subject} 提供給系統管理員連結；民眾須為已登錄戶籍之本人。`,
    `this identity-provider account is not linked to a SafetyNet account: staff, ask an administrator to link the identifier ${subject}; citizens must be registered residents.`,
  );

const linkedElsewhere = () =>
  new ApiError(
    403,
    '此身分證號之民眾帳號已連結其他身分提供者帳號；請以原帳號登入，或洽承辦人員協助。',
    'the citizen account for this ID number is linked to another identity-provider account: sign in with that one, or ask the office for help.',
  );

const unusable = () =>
  new ApiError(403, '此帳號已停用或暫時鎖定', 'this account is disabled or locked for a while');

/**
 * The account a provider's subject signs in to (see the module comment), creating a citizen's on first
 * sign-in; refusals are in the audit log.
 */
export async function oidcAccount(
  identity: IdentityServices,
  persons: PersonRepository,
  settings: OidcSettings,
  claims: OidcClaims,
  ip: string | null,
): Promise<AccountRow> {
  const subject = `${settings.issuer}|${claims.sub}`;
  const context: AuditContext = { actor: { ...ANONYMOUS, name: 'oidc' }, ip, purpose: null };
  const refuse = async (reason: string, account: AccountRow | undefined, error: ApiError) => {
    await identity.audit.appendAlone(identity.db, context, [
      {
        action: 'sign-in-failed',
        recordType: 'account',
        recordId: account?.account_id ?? null,
        details: { method: 'oidc', subject, reason },
      },
    ]);
    return error;
  };
  let account = await identity.accounts.byOidcSubject(subject);
  if (!account) {
    const idNumber = claims[settings.idNumberClaim];
    const personId =
      typeof idNumber === 'string' && idNumber.length <= 20
        ? await persons.idForIdNumber(idNumber)
        : undefined;
    if (!personId) throw await refuse('not-linked', undefined, notLinked(subject));
    const existing = await identity.accounts.byPerson(personId);
    account = existing
      ? await linkCitizen(identity, existing, subject, context)
      : await newCitizen(identity, subject, personId, claims, context);
    if (!account) throw await refuse('linked-to-another-subject', existing, linkedElsewhere());
  }
  const now = identity.now();
  if (account.disabled_at || (account.locked_until && account.locked_until > now))
    throw await refuse('locked-or-disabled', account, unusable());
  return account;
}

async function newCitizen(
  identity: IdentityServices,
  subject: string,
  personId: string,
  claims: OidcClaims,
  context: AuditContext,
): Promise<AccountRow | undefined> {
  const username = citizenUsername(subject);
  const name =
    typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : username;
  try {
    return await createAccount(
      identity,
      { username, displayName: name, role: 'citizen', personId, oidcSubject: subject },
      context,
    );
  } catch (error) {
    // Two first sign-ins at once: the other one created it.
    const raced =
      error instanceof ApiError && error.status === 409 && (await identity.accounts.byPerson(personId));
    if (raced) return raced.oidc_subject === subject ? raced : undefined;
    throw error;
  }
}

/**
 * The person's existing account for this subject: a citizen account not yet linked to any provider
 * identity is linked to this one (audited, in one transaction); one linked to another subject, or not a
 * citizen's, is not handed over (undefined) — an ID-number claim alone must not take over an account.
 */
async function linkCitizen(
  identity: IdentityServices,
  account: AccountRow,
  subject: string,
  context: AuditContext,
): Promise<AccountRow | undefined> {
  if (account.role !== 'citizen') return undefined;
  if (account.oidc_subject !== null) return account.oidc_subject === subject ? account : undefined;
  return identity.db.transaction().execute(async (trx) => {
    const linked = await trx
      .updateTable('account')
      .set({ oidc_subject: subject })
      .where('account_id', '=', account.account_id)
      .where('oidc_subject', 'is', null)
      .returningAll()
      .executeTakeFirst();
    // Linked meanwhile by another sign-in: to this subject is fine, to another is not.
    if (!linked) {
      const now = await identity.accounts.byId(account.account_id, trx);
      return now?.oidc_subject === subject ? now : undefined;
    }
    await identity.audit.append(trx, context, [
      {
        action: 'link-oidc',
        recordType: 'account',
        recordId: account.account_id,
        details: { subject },
      },
    ]);
    return linked;
  });
}

/** Starts a session exactly as password sign-in does, its audit entry naming the method. */
export async function startOidcSession(
  identity: IdentityServices,
  account: AccountRow,
  from: { ip: string | null; userAgent: string | null },
): Promise<SignedIn> {
  return identity.db.transaction().execute(async (trx) => {
    const session = await identity.sessions.start(trx, account.account_id, from);
    await identity.audit.append(trx, { actor: actorOf(account), ip: from.ip, purpose: null }, [
      {
        action: 'sign-in',
        recordType: 'session',
        recordId: account.account_id,
        details: { method: 'oidc' },
      },
    ]);
    return { account, ...session };
  });
}
