import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Actor, ANONYMOUS, ROLE_IDS } from '@safetynet/core/authz/actor';
import { permits } from '@safetynet/core/authz/policy';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { actorOf } from '../identity/accounts.ts';
import { RegistryCommands } from '../registry/commands.ts';
import { type RouteEntry, routeTable } from './app.ts';
import { addAccount, openTestServer, signedIn } from './test-clients.ts';

/**
 * Every route, malformed: wrong path parameters, unknown and wrong-typed query values, bodies that are not
 * JSON, are too large, too deep, of the wrong shape, with each field of the wrong type or an unknown one —
 * sent by an actor who holds the route's permission, so the input reaches validation and the handler.
 * No answer may be a 5xx or show internals, and nothing may be written (only the audit log, sessions and
 * alerts may grow: refusals are recorded).
 */
let database: Database;
let app: FastifyInstance;
const credentials = new Map<string, { actor: Actor; headers: Record<string, string> }>();
const LINGYA = '64000080';

// Tables that hold what users create; the audit log, sessions and alerts are expected to grow.
const DOMAIN_TABLES = [
  'person',
  'person_version',
  'household',
  'household_version',
  'household_membership',
  'income_evidence',
  'insurance_enrolment',
  'status_register',
  'account',
  'team',
  'api_client',
  'caseload_assignment',
  'protection_case',
  'break_glass_grant',
  'population_snapshot',
  'program_evaluation',
  'application',
  'application_document',
  'proposal',
  'decision',
];

before(async () => {
  const opened = await openTestServer({});
  database = opened.database;
  app = opened.app;
  const protector = opened.protector;
  const commands = new RegistryCommands(database, protector);
  const { personId } = await commands.recordPerson({
    idNumber: withCheckDigit('E22345678'),
    name: '測試',
    sex: 'F',
    birthDate: '1980-01-01',
    registeredDistrictCode: LINGYA,
    source: 'test',
  });
  await commands.recordHousehold({
    districtCode: LINGYA,
    validFrom: '2020-01-01',
    members: [{ personId, role: 'applicant' }],
    source: 'test',
  });
  await database.db
    .insertInto('team')
    .values({ team_id: 't1', name_zh: '一組', name_en: 'Team 1' })
    .execute();
  for (const role of ROLE_IDS) {
    const account = await addAccount(database, protector, {
      username: `fuzz-${role}`,
      role,
      districts: role === 'district-clerk' || role === 'reviewer' ? [LINGYA] : [],
      teamId: role === 'social-worker' || role === 'supervisor' ? 't1' : null,
      intake: role === 'social-worker',
      personId: role === 'citizen' ? personId : null,
    });
    const client = await signedIn(app, `fuzz-${role}`);
    credentials.set(role, {
      actor: actorOf(account),
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    });
  }
});
after(async () => {
  await app.close();
  await database.close();
});

/** Someone who holds the route's permission (anonymous for the public routes). */
function headersFor(route: RouteEntry): Record<string, string> {
  if (permits(ANONYMOUS, route.policy)) return {};
  for (const { actor, headers } of credentials.values()) if (permits(actor, route.policy)) return headers;
  throw new Error(`no test actor holds ${route.policy} (${route.method} ${route.url})`);
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

/** A value of another type than the schema declares. */
function wrongValueFor(schema: JsonSchema | undefined): unknown {
  const types = [schema?.type ?? schema?.anyOf?.map((s) => s.type)].flat().filter(Boolean);
  if (types.includes('string')) return { not: 'a string' };
  if (types.includes('integer') || types.includes('number')) return 'not a number';
  if (types.includes('boolean')) return 'maybe';
  if (types.includes('array')) return 'not a list';
  if (types.includes('object')) return ['not', 'an', 'object'];
  return { unexpected: [1, 2, 3] };
}

const HOSTILE_STRINGS = ['not-a-uuid', "1' OR '1'='1", '%00%ff', '../../etc/passwd', 'x'.repeat(3000)];

function malformedRequests(route: RouteEntry): InjectOptions[] {
  const requests: InjectOptions[] = [];
  const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const withParams = (value: string) =>
    params.reduce((url, name) => url.replace(`:${name}`, encodeURIComponent(value)), route.url);
  const validish = withParams('00000000-0000-4000-8000-000000000000');
  const method = route.method as InjectOptions['method'];
  for (const value of params.length > 0 ? HOSTILE_STRINGS : [])
    requests.push({ method, url: withParams(value), payload: route.method === 'GET' ? undefined : {} });
  const query = (route.schema.querystring as JsonSchema | undefined)?.properties ?? {};
  requests.push({
    method,
    url: `${validish}?unknownParameter=1`,
    payload: route.method === 'GET' ? undefined : {},
  });
  for (const [name, schema] of Object.entries(query)) {
    const wrong = wrongValueFor(schema);
    const text = typeof wrong === 'string' ? wrong : JSON.stringify(wrong);
    requests.push({ method, url: `${validish}?${name}=${encodeURIComponent(text)}` });
    requests.push({ method, url: `${validish}?${name}=${'9'.repeat(400)}` });
  }
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    const json = { 'content-type': 'application/json' };
    for (const raw of [
      'not json',
      '{"a":',
      '[]',
      'null',
      '"text"',
      '123',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
    ])
      requests.push({ method, url: validish, headers: json, payload: raw });
    requests.push({ method, url: validish, headers: json, payload: `{"x":"${'y'.repeat(1_200_000)}"}` });
    requests.push({ method, url: validish, headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    requests.push({ method, url: validish, payload: { unknownField: true } });
    const body = (route.schema.body as JsonSchema | undefined)?.properties ?? {};
    for (const [name, schema] of Object.entries(body))
      requests.push({ method, url: validish, payload: { [name]: wrongValueFor(schema) } });
  }
  return requests;
}

async function domainCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DOMAIN_TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
      database.db,
    );
    counts[table] = rows[0]!.n;
  }
  return counts;
}

test(`every route, malformed input: no 5xx, no internals, nothing written (${testEngine})`, async () => {
  const routes = routeTable(app).filter(
    (route) => !(route.method === 'DELETE' && route.url === '/api/v1/session'),
  );
  assert.ok(routes.length >= 30, `${routes.length} routes`);
  const before = await domainCounts();
  let sent = 0;
  for (const route of routes) {
    const headers = headersFor(route);
    for (const request of malformedRequests(route)) {
      const response = await app.inject({
        ...request,
        headers: { ...headers, ...(request.headers as Record<string, string> | undefined) },
      });
      sent++;
      const where = `${request.method} ${String(request.url).slice(0, 120)} → ${response.statusCode}`;
      assert.ok(response.statusCode < 500, `${where}: ${response.body.slice(0, 300)}`);
      assert.doesNotMatch(response.body, /\bat .+\.(ts|js|mjs):\d+|node_modules|Error: /, where);
      if (response.statusCode >= 400) {
        assert.match(String(response.headers['content-type']), /application\/problem\+json/, where);
        const problem = response.json();
        assert.equal(problem.status, response.statusCode, where);
        assert.ok(problem.title && problem.title_en && problem.detail && problem.detail_en, where);
      }
    }
  }
  assert.ok(sent > 300, `${sent} requests`);
  assert.deepEqual(await domainCounts(), before, 'nothing written');
});
