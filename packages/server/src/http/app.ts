import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Permission } from '@safetynet/core/authz/policy';
import { loadParameters, type ParameterSet } from '@safetynet/rules';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { auditChainKey } from '../audit/audit-verify.ts';
import type { OnDecided } from '../benefits/benefit-services.ts';
import { payDecisionGrants } from '../benefits/decision-grants.ts';
import { grantEntitlements } from '../benefits/entitlements.ts';
import type { Database } from '../db/database.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { oidcSettingsFromEnv } from '../identity/oidc.ts';
import { type IdentityOptions, identityServices } from '../identity/services.ts';
import { RegistryCommands } from '../registry/commands.ts';
import { HouseholdRepository } from '../registry/households.ts';
import { PersonRepository } from '../registry/persons.ts';
import { SnapshotCache } from '../rules/snapshot-store.ts';
import { registerAuth } from './auth.ts';
import { refuseNonFiniteNumbers } from './finite-numbers.ts';
import { problem, registerProblemHandlers, sendProblem } from './problem.ts';
import { RegistryGuard } from './registry-guard.ts';
import { accountRoutes } from './routes/accounts.ts';
import { annualReviewRoutes } from './routes/annual-reviews.ts';
import { appealRoutes } from './routes/appeals.ts';
import { applicationRoutes } from './routes/applications.ts';
import { assetAccountRoutes } from './routes/asset-accounts.ts';
import { auditRoutes } from './routes/audit.ts';
import { bankTransferRoutes } from './routes/bank-transfers.ts';
import { budgetRoutes } from './routes/budget.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { householdProgramsRoutes } from './routes/household-programs.ts';
import { householdRoutes } from './routes/households.ts';
import { lifeEventRoutes } from './routes/life-events.ts';
import { meRoutes } from './routes/me.ts';
import { moneyRoutes } from './routes/money.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { payeeAccountRoutes } from './routes/payee-accounts.ts';
import { paymentRoutes } from './routes/payments.ts';
import { personRoutes } from './routes/persons.ts';
import { protectionRoutes } from './routes/protection.ts';
import { reportRoutes } from './routes/reports.ts';
import { rulesRoutes } from './routes/rules.ts';
import { sessionRoutes } from './routes/session.ts';
import { simulateRoutes } from './routes/simulate.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import { registerWebApp } from './web-app.ts';

export const VERSION = '0.1.0';

export interface RouteEntry {
  method: string;
  url: string;
  /** The permission it needs (auth.ts refuses routes without one). */
  policy: Permission;
  /** Its request schemas (body, querystring, params), for tests that send it wrong input. */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

const ROUTE_TABLES = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every API route (method and path) the server registered: for tests that must cover all of them. */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return ROUTE_TABLES.get(app) ?? [];
}

export interface ServerOptions {
  database: Database;
  protector: IdProtector;
  /** The rules' parameters (default: the package's parameter files, read once here, not per request). */
  parameters?: ParameterSet;
  logger?: boolean;
  /** Session, lockout and rate-limit policies and the clock (defaults: production's). */
  identity?: IdentityOptions;
  /**
   * Called inside a decision's transaction with the decisions written (default: approved cash decisions
   * become entitlements, on the audit record with the decision).
   */
  onDecided?: OnDecided;
  /** The web app's build to serve (default: packages/app/dist). */
  webAppDir?: string;
}

/** Fastify with the API's validation (the same for every route) and problem-details errors. */
function baseApp(logger: boolean) {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy, its X-Forwarded-* headers give the client's address (audit log, rate limits)
    // and whether the request came over TLS (the session cookie's Secure flag). Only when told so.
    trustProxy: process.env.SAFETYNET_TRUST_PROXY === '1',
    // Malformed URLs and over-long path parameters, answered by the router itself: problem details too.
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      sendProblem(reply, {
        ...(tooLong
          ? problem(414, '網址參數過長', 'a path parameter is too long')
          : problem(400, '網址格式有誤', 'the URL is malformed')),
        instance: request.url,
      });
    },
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
        // Events are told apart by their `type` (see fact-schemas.ts).
        discriminator: true,
        // Documentation only (OpenAPI examples), not validation.
        keywords: ['example', 'x-examples'],
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerProblemHandlers(app);
  refuseNonFiniteNumbers(app);
  return app;
}

/**
 * Only the rules routes under /api/v1, without a database or documentation: what `safetynet calc` runs
 * a case through, so a case file is validated and answered exactly as the API would.
 */
export async function buildRulesServer(parameters: ParameterSet): Promise<FastifyInstance> {
  const app = baseApp(false);
  await app.register(rulesRoutes({ parameters }), { prefix: '/api/v1' });
  return app;
}

/** The HTTP API: /api/v1 routes, problem-details errors, OpenAPI at /openapi.json and its docs at /docs. */
export async function buildServer({
  database,
  protector,
  parameters = loadParameters(),
  logger = false,
  identity: identityOptions = {},
  onDecided,
  webAppDir,
}: ServerOptions): Promise<FastifyInstance> {
  const app = baseApp(logger);
  const routes: RouteEntry[] = [];
  ROUTE_TABLES.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of [route.method].flat())
      if (method !== 'HEAD')
        routes.push({
          method,
          url: route.url,
          policy: route.config?.policy as Permission,
          schema: (route.schema ?? {}) as RouteEntry['schema'],
        });
  });
  await app.register(helmet, {
    // The docs page (swagger-ui) runs inline scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  // Limits are set per route (sign-in, the public endpoints), not globally.
  await app.register(rateLimit, { global: false });
  const identity = identityServices(database.db, protector, identityOptions);
  await registerAuth(app, identity);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'SafetyNet API 社會安全網',
        version: VERSION,
        description:
          'Registry of persons, households and evidence of a city social-welfare administration, and its programs as rules (eligibility and amounts explained, dated parameters with sources). Errors are RFC 9457 problem details in Traditional Chinese and English. ID numbers are masked.',
      },
      tags: [
        { name: 'system', description: '系統 System' },
        { name: 'identity', description: '登入、帳號與稽核 Sign-in, accounts and audit' },
        { name: 'registry', description: '戶籍與人口 Persons and households' },
        { name: 'evidence', description: '佐證資料 Evidence' },
        { name: 'rules', description: '方案規則與試算 Programs, parameters and calculation' },
        {
          name: 'benefits',
          description: '申請、核定、給付與撥款 Applications, decisions, entitlements and payments',
        },
        {
          name: 'protection',
          description: '保護個案（知悉需要、緊急調閱） Protection cases, need-to-know and break-glass',
        },
        {
          name: 'reports',
          description:
            '工作報告、施政計畫預算執行、統計與開放資料 Work report, plan budget execution, statistics and open data',
        },
      ],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'sn_session',
            description:
              'POST /api/v1/session 登入後的工作階段 The session cookie from sign-in; changes also need the x-csrf-token header',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: '介接系統的存取權杖 An API client’s token (snk_…), with its scopes',
          },
        },
      },
      // Either credential, or none for the public routes (each route's summary says who may call it).
      security: [{ session: [] }, { bearer: [] }, {}],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const context = {
    database,
    protector,
    persons: new PersonRepository(database, protector),
    households: new HouseholdRepository(database, protector),
    commands: new RegistryCommands(database, protector),
    guard: new RegistryGuard(database, identity.audit),
  };
  const started = Date.now();
  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          config: { policy: 'public:read' },
          schema: {
            tags: ['system'],
            summary: '健康檢查 Health: the server and its database answer',
            response: {
              200: Type.Object({
                status: Type.Literal('ok'),
                database: Type.String({ enum: ['pglite', 'postgresql'] }),
                version: Type.String(),
                migrations: Type.Integer(),
                uptimeSeconds: Type.Integer(),
              }),
            },
          },
        },
        async () => {
          const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration`.execute(
            database.db,
          );
          return {
            status: 'ok' as const,
            database: database.engine,
            version: VERSION,
            migrations: rows[0]?.n ?? 0,
            uptimeSeconds: Math.round((Date.now() - started) / 1000),
          };
        },
      );
      await api.register(personRoutes(context));
      await api.register(householdRoutes(context));
      await api.register(rulesRoutes({ parameters, rateLimit: identity.publicRateLimit }));
      await api.register(sessionRoutes(identity));
      await api.register(accountRoutes(identity));
      await api.register(auditRoutes({ db: database.db, key: auditChainKey(protector) }));
      await api.register(oidcRoutes({ ...context, identity, settings: oidcSettingsFromEnv(process.env) }));
      await api.register(meRoutes(context));
      await api.register(protectionRoutes(identity));
      const snapshots = new SnapshotCache(database);
      await api.register(simulateRoutes({ parameters, snapshots }));
      await api.register(householdProgramsRoutes({ parameters, snapshots, guard: context.guard }));
      await api.register(
        applicationRoutes({
          database,
          audit: identity.audit,
          parameters,
          snapshots,
          now: identity.now,
          onDecided:
            onDecided ??
            (async (trx, decisions, audit) => {
              const trail = { log: identity.audit, context: audit };
              await grantEntitlements(trx, decisions, trail);
              await payDecisionGrants(trx, decisions, trail, parameters);
            }),
        }),
      );
      await api.register(appealRoutes({ database, audit: identity.audit, now: identity.now, parameters }));
      await api.register(paymentRoutes({ database, identity }));
      await api.register(moneyRoutes({ database, identity }));
      await api.register(
        lifeEventRoutes({ database, identity, guard: context.guard, parameters, snapshots }),
      );
      await api.register(bankTransferRoutes({ database, identity, protector }));
      await api.register(payeeAccountRoutes({ database, protector, guard: context.guard }));
      await api.register(annualReviewRoutes({ database, identity, parameters }));
      await api.register(reportRoutes({ database, identity }));
      await api.register(budgetRoutes({ database, identity }));
      await api.register(statisticsRoutes({ database, identity }));
      await api.register(
        assetAccountRoutes({
          database,
          audit: identity.audit,
          parameters,
          snapshots,
          protector,
          now: identity.now,
        }),
      );
      await api.register(
        certificateRoutes({
          database,
          audit: identity.audit,
          protector,
          now: identity.now,
          publicRateLimit: identity.publicRateLimit,
          publicUrl: process.env.SAFETYNET_PUBLIC_URL?.trim() || undefined,
        }),
      );
    },
    { prefix: '/api/v1' },
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerWebApp(app, webAppDir);
  return app;
}
