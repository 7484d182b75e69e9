import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES } from '@safetynet/core/authz/actor';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ApiError, signInRequired } from '../../api-error.ts';
import { type AccountRow, accountView } from '../../identity/accounts.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { tokenHash } from '../../identity/sessions.ts';
import { changePassword, signIn, signOut } from '../../identity/sign-in.ts';
import { SESSION_COOKIE } from '../auth.ts';

const Account = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String({ enum: Object.keys(ROLES) }),
  roleName: Type.Object({ zh: Type.String(), en: Type.String() }),
  districts: Type.Array(Type.String()),
  programs: Type.Array(Type.String()),
  teamId: Type.Union([Type.String(), Type.Null()]),
  intake: Type.Boolean(),
  facilityRef: Type.Union([Type.String(), Type.Null()]),
  personId: Type.Union([Type.String(), Type.Null()]),
  locked: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});

const SessionInfo = Type.Object({
  account: Account,
  expiresAt: Type.String({ format: 'date-time' }),
  csrfToken: Type.String({
    description: 'Send as the x-csrf-token header with every POST, PUT, PATCH and DELETE',
  }),
});

const tooManySignIns = () =>
  new ApiError(
    429,
    '此位址登入嘗試過於頻繁，請稍後再試',
    'too many sign-in attempts from this address; try again in a minute',
  );

export const SessionInfoSchema = SessionInfo;

function sessionInfo(account: AccountRow, expiresAt: Date, csrfToken: string, now: Date) {
  const view = accountView(account, now);
  const role = ROLES[view.role];
  return {
    account: { ...view, roleName: { zh: role.zh, en: role.en } },
    expiresAt: expiresAt.toISOString(),
    csrfToken,
  };
}

/** Sets the session cookie (HttpOnly, SameSite=Strict, Secure when the request came over TLS). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export const sessionRoutes =
  (identity: IdentityServices): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/session',
      {
        config: { policy: 'public:read', csrfExempt: true, rateLimit: identity.signInRateLimit },
        schema: {
          tags: ['identity'],
          summary: '登入 Sign in: sets the session cookie and returns the CSRF token',
          body: Type.Object(
            {
              username: Type.String({ minLength: 1, maxLength: 64, examples: ['district-clerk'] }),
              password: Type.String({ minLength: 1, maxLength: 256, examples: ['demo-password'] }),
            },
            { additionalProperties: false },
          ),
          response: { 200: SessionInfo },
        },
      },
      async (request, reply) => {
        // Per address across usernames (password spraying), before argon2 runs; the route's own limit
        // above is per address and username.
        if (!identity.signInPerAddress.take(request.ip, identity.now().getTime())) throw tooManySignIns();
        const signedIn = await signIn(identity, request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
        // The CSRF token is bound to the new session (auth.ts: getUserInfo).
        const csrfToken = reply.generateCsrf({ userInfo: tokenHash(signedIn.token).toString('hex') });
        return sessionInfo(signedIn.account, signedIn.expiresAt, csrfToken, identity.now());
      },
    );

    app.get(
      '/session',
      {
        config: { policy: 'session:self' },
        schema: {
          tags: ['identity'],
          summary: '目前登入 The signed-in account, the session’s expiry and a CSRF token',
          response: { 200: SessionInfo },
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session) throw signInRequired();
        const csrfToken = reply.generateCsrf({ userInfo: session.hash.toString('hex') });
        return sessionInfo(session.account, session.expiresAt, csrfToken, identity.now());
      },
    );

    app.delete(
      '/session',
      {
        config: { policy: 'session:self' },
        schema: { tags: ['identity'], summary: '登出 Sign out', response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        if (!request.session) throw signInRequired();
        await signOut(identity, request.session, request.audit);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/session/password',
      {
        config: { policy: 'session:self', rateLimit: identity.passwordChangeRateLimit },
        schema: {
          tags: ['identity'],
          summary: '變更密碼 Change one’s password (other sessions of the account end)',
          body: Type.Object(
            {
              currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
              newPassword: Type.String({ minLength: 1, maxLength: 256 }),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        if (!request.session) throw signInRequired();
        await changePassword(identity, request.session, request.body, request.audit);
        return reply.code(204).send(null);
      },
    );
  };
