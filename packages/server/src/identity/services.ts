import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AuditLog } from '../audit/audit-log.ts';
import type { Schema } from '../db/schema.ts';
import { AccountRepository } from './accounts.ts';
import { ApiClientStore } from './api-clients.ts';
import type { IdProtector } from './id-protector.ts';
import { type Clock, DEFAULT_SESSION_POLICY, type SessionPolicy, SessionStore } from './sessions.ts';

/** After `maxFailures` wrong passwords in a row an account is locked for `minutes`. */
export interface LockoutPolicy {
  maxFailures: number;
  minutes: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, minutes: 15 };

/**
 * Requests per minute: signing in (per address and username, and per address across usernames against
 * password spraying) and the public endpoints (per address). Without `signInPerAddressPerMinute`, three
 * usernames' worth of `signInPerMinute` (at least 30).
 */
export interface RateLimits {
  signInPerMinute: number;
  signInPerAddressPerMinute?: number;
  publicPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerMinute: 10,
  signInPerAddressPerMinute: 30,
  publicPerMinute: 300,
};

/**
 * At most `max` events per key in any minute (a sliding log, in memory: one process's count, as the route
 * limits are). Stale keys are swept when the map grows, so anonymous addresses cannot grow it forever.
 */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();
  constructor(
    readonly max: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an event for the key; false (nothing recorded) when the key already had `max` this window. */
  take(key: string, now: number): boolean {
    if (this.events.size > 10_000) this.sweep(now);
    const recent = (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.max) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(now);
    this.events.set(key, recent);
    return true;
  }

  private sweep(now: number) {
    for (const [key, times] of this.events)
      if (!times.some((at) => at > now - this.windowMs)) this.events.delete(key);
  }
}

interface RouteRateLimit {
  max: number;
  timeWindow: string;
  hook: 'preHandler';
  keyGenerator?: (request: FastifyRequest) => string;
}

export interface IdentityOptions {
  rateLimits?: RateLimits;
  sessionPolicy?: SessionPolicy;
  lockoutPolicy?: LockoutPolicy;
  /** The time (tests move it to expire sessions and grants). */
  now?: Clock;
}

/** What the auth hooks and the identity routes share: the stores, the audit log, the clock. */
export interface IdentityServices {
  db: Kysely<Schema>;
  accounts: AccountRepository;
  sessions: SessionStore;
  apiClients: ApiClientStore;
  audit: AuditLog;
  now: Clock;
  lockout: LockoutPolicy;
  sessionPolicy: SessionPolicy;
  csrfKey: Buffer;
  /** Route configs for @fastify/rate-limit. */
  signInRateLimit: RouteRateLimit;
  /** The same limit for password changes, per address and account. */
  passwordChangeRateLimit: RouteRateLimit;
  /** Sign-in attempts per address across usernames (the route checks it before the password). */
  signInPerAddress: SlidingWindow;
  publicRateLimit: RouteRateLimit;
}

export function identityServices(
  db: Kysely<Schema>,
  protector: IdProtector,
  options: IdentityOptions = {},
): IdentityServices {
  const now = options.now ?? (() => new Date());
  const sessionPolicy = options.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  return {
    db,
    accounts: new AccountRepository(db),
    sessions: new SessionStore(db, sessionPolicy, now),
    apiClients: new ApiClientStore(db, now),
    audit: new AuditLog(protector.derivedKey('audit-chain')),
    now,
    lockout: options.lockoutPolicy ?? DEFAULT_LOCKOUT_POLICY,
    sessionPolicy,
    csrfKey: protector.derivedKey('csrf'),
    signInRateLimit: {
      max: rateLimits.signInPerMinute,
      timeWindow: '1 minute',
      hook: 'preHandler',
      // After the body is parsed: one address guessing one account's password is what is limited.
      keyGenerator: (request) =>
        `${request.ip}|${String((request.body as { username?: unknown })?.username ?? '')}`,
    },
    passwordChangeRateLimit: {
      max: rateLimits.signInPerMinute,
      timeWindow: '1 minute',
      hook: 'preHandler',
      keyGenerator: (request) => `${request.ip}|${request.session?.account.account_id ?? ''}`,
    },
    signInPerAddress: new SlidingWindow(
      rateLimits.signInPerAddressPerMinute ?? Math.max(30, 3 * rateLimits.signInPerMinute),
    ),
    publicRateLimit: { max: rateLimits.publicPerMinute, timeWindow: '1 minute', hook: 'preHandler' },
  };
}
