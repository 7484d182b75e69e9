import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import type { IdProtector } from '../../identity/id-protector.ts';
import {
  FLOW_MINUTES,
  type OidcClaims,
  type OidcSettings,
  oidcAccount,
  oidcProvider,
  openFlow,
  safeReturnPath,
  sealFlow,
  startOidcSession,
} from '../../identity/oidc.ts';
import type { IdentityServices } from '../../identity/services.ts';
import type { PersonRepository } from '../../registry/persons.ts';
import { setSessionCookie } from './session.ts';

export const FLOW_COOKIE = 'sn_oidc';
const CALLBACK_PATH = '/api/v1/session/oidc/callback';

export interface OidcRouteContext {
  identity: IdentityServices;
  persons: PersonRepository;
  protector: IdProtector;
  /** Undefined: OIDC is off and both routes answer 404. */
  settings: OidcSettings | undefined;
}

const notConfigured = () => new ApiError(404, '未設定單一登入（OIDC）', 'OIDC sign-in is not configured');

const unreachable = () =>
  new ApiError(
    503,
    '身分提供者目前無法連線，請稍後再試',
    'the identity provider cannot be reached; try again later',
  );

const flowLost = () =>
  new ApiError(
    400,
    '登入流程已逾時、遭竄改或於其他瀏覽器開始，請重新登入',
    'the sign-in flow expired, was altered or began in another browser; sign in again',
  );

/** The provider's refusal or a response that does not check out: never the library's message as is. */
const providerRefused = (code: string) =>
  new ApiError(401, `身分提供者未完成登入（${code}）`, `the identity provider did not sign you in (${code})`);

const errorCode = (value: unknown) =>
  typeof value === 'string' && /^[A-Za-z0-9_.-]{1,60}$/.test(value) ? value : 'invalid_response';

function clearFlow(reply: FastifyReply) {
  reply.clearCookie(FLOW_COOKIE, { path: CALLBACK_PATH });
}

export const oidcRoutes =
  ({ identity, persons, protector, settings }: OidcRouteContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const provider = settings ? oidcProvider(settings) : undefined;
    const flowKey = protector.derivedKey('oidc-flow');
    const configured = () => {
      if (!settings || !provider) throw notConfigured();
      return { settings, provider };
    };
    const discover = async (provider: () => Promise<oidc.Configuration>, request: FastifyRequest) => {
      try {
        return await provider();
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC discovery failed');
        throw unreachable();
      }
    };

    app.get(
      '/session/oidc/login',
      {
        config: { policy: 'public:read', rateLimit: identity.publicRateLimit },
        schema: {
          tags: ['identity'],
          summary: '單一登入 Sign in with the identity provider: a redirect there (PKCE, state, nonce)',
          querystring: Type.Object({
            returnTo: Type.Optional(
              Type.String({ maxLength: 512, description: 'A path on this site to return to (default /)' }),
            ),
          }),
        },
      },
      async (request, reply) => {
        const { settings, provider } = configured();
        const returnTo = safeReturnPath(request.query.returnTo);
        if (!returnTo)
          throw new ApiError(
            400,
            'returnTo 須為本站路徑（以 / 開頭）',
            'returnTo must be a path on this site (starting with /)',
            'querystring.returnTo',
          );
        const config = await discover(provider, request);
        const verifier = oidc.randomPKCECodeVerifier();
        const flow = {
          state: oidc.randomState(),
          nonce: oidc.randomNonce(),
          verifier,
          returnTo,
          expiresAt: identity.now().getTime() + FLOW_MINUTES * 60_000,
        };
        const url = oidc.buildAuthorizationUrl(config, {
          redirect_uri: settings.redirectUri,
          scope: 'openid profile',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state: flow.state,
          nonce: flow.nonce,
        });
        // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
        reply.setCookie(FLOW_COOKIE, sealFlow(flow, flowKey), {
          path: CALLBACK_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: FLOW_MINUTES * 60,
        });
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      '/session/oidc/callback',
      {
        config: { policy: 'public:read', csrfExempt: true, rateLimit: identity.publicRateLimit },
        schema: {
          tags: ['identity'],
          summary: '單一登入回呼 The provider’s redirect back: signs in and redirects to returnTo',
          querystring: Type.Object({
            code: Type.Optional(Type.String({ maxLength: 2048 })),
            state: Type.Optional(Type.String({ maxLength: 512 })),
            error: Type.Optional(Type.String({ maxLength: 200 })),
          }),
        },
      },
      async (request, reply) => {
        const { settings, provider } = configured();
        const flow = openFlow(request.cookies[FLOW_COOKIE], flowKey, identity.now());
        clearFlow(reply);
        if (request.query.error) throw providerRefused(errorCode(request.query.error));
        // The state binds the answer to the browser that asked: a mismatch is someone else's code.
        if (!flow || request.query.state !== flow.state) throw flowLost();
        const config = await discover(provider, request);
        const currentUrl = new URL(settings.redirectUri);
        currentUrl.search = new URL(request.url, 'http://callback.invalid').search;
        let claims: OidcClaims | undefined;
        try {
          const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
            pkceCodeVerifier: flow.verifier,
            expectedState: flow.state,
            expectedNonce: flow.nonce,
            idTokenExpected: true,
          });
          claims = tokens.claims() as OidcClaims | undefined;
        } catch (error) {
          request.log.warn({ err: error }, 'OIDC code exchange refused');
          const code =
            (error as { error?: unknown; code?: unknown }).error ?? (error as { code?: unknown }).code;
          throw providerRefused(errorCode(code));
        }
        if (!claims?.sub) throw providerRefused('missing_id_token');
        const from = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
        const account = await oidcAccount(identity, persons, settings, claims, from.ip);
        const signedIn = await startOidcSession(identity, account, from);
        setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
        return reply.redirect(flow.returnTo, 302);
      },
    );
  };
