import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { type Actor, ANONYMOUS } from '@safetynet/core/authz/actor';
import { isPermission, PERMISSIONS, type Permission, permits } from '@safetynet/core/authz/policy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, forbidden, signInRequired } from '../api-error.ts';
import type { AuditContext, AuditRecord } from '../audit/audit-log.ts';
import { actorOf } from '../identity/accounts.ts';
import type { IdentityServices } from '../identity/services.ts';
import type { ActiveSession } from '../identity/sessions.ts';

/**
 * The one way in. Every request gets an actor (a session cookie, an API client's bearer token, or
 * anonymous); every /api route names the permission it needs in `config.policy` and is refused before
 * its body is even validated when the actor does not hold it. A route without a policy stops the server
 * from starting. Reads of personal data that a handler notes in `request.auditReads` are written to the
 * audit log before the answer leaves; if that write fails, the answer does not leave.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route needs (policy.ts). Required on every /api route. */
    policy?: Permission;
    /** Cookie-authenticated unsafe requests need a CSRF token, except these (signing in). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    session: ActiveSession | undefined;
    audit: AuditContext;
    auditReads: AuditRecord[];
  }
}

export const SESSION_COOKIE = 'sn_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token)
    throw new ApiError(401, '授權標頭格式有誤', 'malformed Authorization header');
  return token;
}

function purposeOf(request: FastifyRequest): string | null {
  const header = request.headers['x-purpose'];
  const value = Array.isArray(header) ? header[0] : header;
  return value ? value.slice(0, 200) : null;
}

export async function registerAuth(app: FastifyInstance, identity: IdentityServices): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const policy = route.config?.policy;
    if (!policy || !isPermission(policy))
      throw new Error(
        `${[route.method].flat().join(',')} ${route.url}: every API route names its permission (config.policy)`,
      );
    // The OpenAPI description says who may call each route; the public ones need no credential.
    const who = `權限 Permission: \`${policy}\` — ${PERMISSIONS[policy]}`;
    const schema = route.schema ?? {};
    route.schema = {
      ...schema,
      description: schema.description ? `${schema.description}\n\n${who}` : who,
      ...(policy === 'public:read' || policy === 'rules:read' ? { security: [] } : {}),
    };
  });

  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: 'auto' },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
    // Tokens are bound to the session: a token from another session (or none) is refused.
    getUserInfo: (request) => request.session?.hash.toString('hex') ?? 'anonymous',
    csrfOpts: { hmacKey: identity.csrfKey },
  });

  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', undefined);
  app.decorateRequest('audit', null as never);
  app.decorateRequest('auditReads', null as never);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    request.auditReads = [];
    const bearer = bearerOf(request);
    if (bearer) {
      const client = await identity.apiClients.resolve(bearer);
      if (!client)
        throw new ApiError(401, '存取權杖無效、已撤銷或已過期', 'the token is unknown, revoked or expired');
      request.actor = client;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const session = await identity.sessions.resume(token);
        if (session) {
          request.session = session;
          request.actor = actorOf(session.account);
        } else reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    request.audit = { actor: request.actor, ip: request.ip, purpose: purposeOf(request) };

    const policy = request.routeOptions.config?.policy;
    if (!policy) return; // not an API route (docs, openapi.json, 404s)
    if (!permits(request.actor, policy)) {
      if (request.actor.kind === 'anonymous') throw signInRequired();
      await identity.audit.appendAlone(identity.db, request.audit, [
        {
          action: 'denied',
          recordType: 'route',
          recordId: `${request.method} ${request.routeOptions.url}`,
          details: { policy },
        },
      ]);
      throw forbidden();
    }
  });
  // A cookie-authenticated change must carry the session's CSRF token (the plugin answers 403 itself).
  app.addHook('onRequest', (request, reply, done) => {
    const config = request.routeOptions.config;
    if (request.session && UNSAFE.has(request.method) && config?.policy && !config.csrfExempt)
      app.csrfProtection(request, reply, done);
    else done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.auditReads?.length && reply.statusCode < 400)
      await identity.audit.appendAlone(identity.db, request.audit, request.auditReads);
    return payload;
  });
}
