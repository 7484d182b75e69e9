import { ANONYMOUS } from '@safetynet/core/authz/actor';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { type AccountInput, createAccount } from '../identity/account-commands.ts';
import type { AccountRow } from '../identity/accounts.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { type IdentityOptions, identityServices } from '../identity/services.ts';
import { buildServer } from './app.ts';

/**
 * For tests: accounts made through the same command as the API's, and HTTP clients signed in through
 * `POST /api/v1/session` that carry the session cookie and CSRF token like a browser would.
 */
export const TEST_PASSWORD = 'correct-horse-battery';

export async function addAccount(
  database: Database,
  protector: IdProtector,
  input: Omit<AccountInput, 'displayName'> & { displayName?: string },
): Promise<AccountRow> {
  const identity = identityServices(database.db, protector);
  return createAccount(
    identity,
    { displayName: input.username, password: TEST_PASSWORD, ...input },
    { actor: { ...ANONYMOUS, name: 'test-setup' }, ip: null, purpose: null },
  );
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  body: any;
  headers: Record<string, unknown>;
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<Answer>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<Answer>;
  put(url: string, payload?: unknown): Promise<Answer>;
  patch(url: string, payload?: unknown): Promise<Answer>;
  delete(url: string): Promise<Answer>;
  /** The raw request with this client's credentials (url relative to /api/v1). */
  inject(options: InjectOptions & { url: string }): Promise<Answer>;
  cookie: string;
  csrfToken: string;
}

function answer(response: Awaited<ReturnType<FastifyInstance['inject']>>): Answer {
  let body: unknown;
  try {
    body = response.body ? response.json() : undefined;
  } catch {
    body = response.body;
  }
  return { status: response.statusCode, body, headers: response.headers };
}

function client(app: FastifyInstance, headers: Record<string, string>, cookie = '', csrfToken = ''): Client {
  const inject = async (options: InjectOptions & { url: string }) =>
    answer(
      await app.inject({
        ...options,
        url: `/api/v1${options.url}`,
        headers: { ...headers, ...(options.headers as Record<string, string>) },
      }),
    );
  return {
    cookie,
    csrfToken,
    inject,
    get: (url, extra) => inject({ method: 'GET', url, headers: extra ?? {} }),
    post: (url, payload, extra) =>
      inject({ method: 'POST', url, payload: (payload ?? {}) as object, headers: extra ?? {} }),
    put: (url, payload) => inject({ method: 'PUT', url, payload: (payload ?? {}) as object }),
    patch: (url, payload) => inject({ method: 'PATCH', url, payload: (payload ?? {}) as object }),
    delete: (url) => inject({ method: 'DELETE', url }),
  };
}

/** Nobody signed in. */
export function anonymous(app: FastifyInstance): Client {
  return client(app, {});
}

/** Signs in with a username (TEST_PASSWORD unless given) and returns a client acting as that account. */
export async function signedIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} answered ${response.statusCode}: ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = response.json().csrfToken as string;
  return client(app, { cookie, 'x-csrf-token': csrfToken }, cookie, csrfToken);
}

/** An API client's bearer token. */
export function withToken(app: FastifyInstance, token: string): Client {
  return client(app, { authorization: `Bearer ${token}` });
}

/** Rate limits high enough for tests that sign in and call routes many times from one address. */
export const GENEROUS_RATE_LIMITS = { signInPerMinute: 10_000, publicPerMinute: 100_000 };

/** A fresh test database (test-database.ts: embedded, or PostgreSQL) with the server over it. */
export async function openTestServer(
  options: { identity?: IdentityOptions; protector?: IdProtector } = {},
): Promise<{ database: Database; protector: IdProtector; app: FastifyInstance }> {
  const database = await openTestDatabase();
  const protector = options.protector ?? new IdProtector(generateIdKeys('test'));
  const identity = { rateLimits: GENEROUS_RATE_LIMITS, ...options.identity };
  const app = await buildServer({ database, protector, identity });
  return { database, protector, app };
}
