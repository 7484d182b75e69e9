import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EVENT_TYPES, HOUSEHOLD_FACTS, loadParameters, PERSON_FACTS, PROGRAMS } from '@safetynet/rules';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { buildServer } from './app.ts';
import { FOUR_PERSON_HOUSEHOLD } from './rules-schemas.ts';

const parameters = loadParameters();
let database: Database;
let app: FastifyInstance;
before(async () => {
  database = await openTestDatabase();
  app = await buildServer({ database, protector: new IdProtector(generateIdKeys('test')), parameters });
});
after(async () => {
  await app.close();
  await database.close();
});

const calculate = async (payload: unknown, server = app) => {
  const response = await server.inject({
    method: 'POST',
    url: '/api/v1/calculate',
    payload: payload as object,
  });
  return { status: response.statusCode, body: response.json(), response };
};
const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  return { status: response.statusCode, body: response.json() };
};

/** The 4-person household of the API's example with some of its facts replaced. */
const withPerson = (id: string, facts: Record<string, unknown>) => ({
  ...FOUR_PERSON_HOUSEHOLD,
  persons: { ...FOUR_PERSON_HOUSEHOLD.persons, [id]: facts },
});

interface ReasonJson {
  code: string;
  passed: boolean | null;
  reference: string;
  message: { zh: string; en: string };
  threshold: number | null;
  value: number | null;
  because?: { program: string; entity: string; id: string };
}

interface ResultJson {
  program: string;
  entity: string;
  id: string;
  eligible: boolean | null;
  requested: boolean;
  reasons: ReasonJson[];
}

const keyOf = (r: { program: string; entity: string; id: string }) => `${r.program} ${r.entity} ${r.id}`;

test(`calculate: a 4-person household, every condition explained with its reference (${testEngine})`, async () => {
  const { status, body } = await calculate(FOUR_PERSON_HOUSEHOLD);
  assert.equal(status, 200);
  assert.equal(body.results.length, 1);
  const [result] = body.results;
  assert.equal(result.program, 'low-income-status');
  assert.equal(result.entity, 'household');
  assert.equal(result.id, 'h1');
  assert.equal(result.requested, true);
  assert.equal(typeof result.eligible, 'boolean');
  const income = result.reasons.find(
    (r: ReasonJson) => r.code === 'income-per-capita-at-most-minimum-living-cost',
  ) as ReasonJson;
  assert.equal(income.value, 28_000 / 4, 'the father’s 28,000 shared by four');
  assert.equal(income.threshold, parameters.valueOn('social-assistance.minimum-living-cost', '2024-06-01'));
  for (const reason of result.reasons as ReasonJson[]) {
    assert.ok(reason.reference && reason.message.zh && reason.message.en, reason.code);
    assert.ok(reason.passed === null || typeof reason.passed === 'boolean');
  }
  const cost = body.parameters.find((p: { id: string }) => p.id === 'social-assistance.minimum-living-cost');
  const entry = parameters.entryOn('social-assistance.minimum-living-cost', '2024-06-01')!;
  assert.deepEqual(cost, {
    id: 'social-assistance.minimum-living-cost',
    value: entry.value,
    effectiveFrom: entry.from,
    source: entry.source.reference,
    confidence: entry.source.confidence,
  });
});

test(`calculate: without a program list, every program for every person or household (${testEngine})`, async () => {
  const { programs: _, ...everything } = FOUR_PERSON_HOUSEHOLD;
  const { status, body } = await calculate(everything);
  assert.equal(status, 200);
  const seen = new Set(body.results.map((r: { program: string }) => r.program));
  assert.deepEqual([...seen].sort(), [...PROGRAMS.keys()].sort());
  for (const [id, program] of PROGRAMS) {
    const count = body.results.filter((r: { program: string }) => r.program === id).length;
    assert.equal(count, program.entity === 'person' ? 4 : 1, id);
  }
  // Every program was asked for: each result once, and every `because` refers to one of them.
  const keys = new Set(body.results.map(keyOf));
  assert.equal(keys.size, body.results.length, 'no result twice');
  for (const result of body.results as ResultJson[]) {
    assert.equal(result.requested, true, result.program);
    for (const reason of result.reasons)
      if (reason.because) assert.ok(keys.has(keyOf(reason.because)), `${result.program}: ${reason.code}`);
  }
  assert.ok(
    body.results.some((r: ResultJson) => r.reasons.some((reason) => reason.because)),
    'some program depends on another',
  );
});

test(`calculate: a condition that is another program's result refers to it, listed once and marked not asked for (${testEngine})`, async () => {
  const { status, body } = await calculate({
    ...FOUR_PERSON_HOUSEHOLD,
    programs: ['low-income-student-allowance'],
  });
  assert.equal(status, 200);
  const results = body.results as ResultJson[];
  const asked = results.filter((r) => r.program === 'low-income-student-allowance');
  assert.deepEqual(
    asked.map((r) => [r.id, r.requested]),
    Object.keys(FOUR_PERSON_HOUSEHOLD.persons).map((id) => [id, true]),
  );
  // Each person's condition refers to the household's low-income status, explained once, after them.
  assert.deepEqual(
    results.slice(asked.length).map((r) => [r.program, r.entity, r.id, r.requested]),
    [['low-income-status', 'household', 'h1', false]],
  );
  const household = results[asked.length]!;
  assert.ok(household.reasons.some((r) => r.code === 'income-per-capita-at-most-minimum-living-cost'));
  for (const person of asked) {
    const reason = person.reasons.find((r) => r.code === 'low-income-household')!;
    assert.deepEqual(reason.because, { program: 'low-income-status', entity: 'household', id: 'h1' });
    assert.equal(reason.passed, household.eligible);
  }
  // The parameters of the result depended on are listed too.
  assert.ok(body.parameters.some((p: { id: string }) => p.id === 'social-assistance.minimum-living-cost'));
  // Asked for as well: listed once, as asked for.
  const both = await calculate({
    ...FOUR_PERSON_HOUSEHOLD,
    programs: ['low-income-student-allowance', 'low-income-status'],
  });
  const statuses = (both.body.results as ResultJson[]).filter((r) => r.program === 'low-income-status');
  assert.deepEqual(
    statuses.map((r) => r.requested),
    [true],
  );
});

test(`calculate: the parameters given at start-up are the ones used (${testEngine})`, async () => {
  const strict = parameters.withOverrides([{ id: 'social-assistance.minimum-living-cost', value: 5_000 }]);
  const server = await buildServer({
    database,
    protector: new IdProtector(generateIdKeys('test')),
    parameters: strict,
  });
  try {
    const { body } = await calculate(FOUR_PERSON_HOUSEHOLD, server);
    assert.equal(body.results[0].eligible, false, '7,000 a person is over a 5,000 minimum living cost');
    assert.equal(
      body.parameters.find((p: { id: string }) => p.id === 'social-assistance.minimum-living-cost').value,
      5_000,
    );
  } finally {
    await server.close();
  }
});

test(`calculate: bad input is a problem naming the field, in both languages (${testEngine})`, async () => {
  const father = FOUR_PERSON_HOUSEHOLD.persons.father;
  const cases: [string, unknown, string][] = [
    ['unknown field', withPerson('father', { ...father, incomee: 1 }), 'body.persons.father.incomee'],
    [
      'birth date after the period',
      withPerson('son', { birthDate: '2024-07-01' }),
      'body.persons.son.birthDate',
    ],
    [
      'negative income',
      withPerson('father', { ...father, earnedIncomeNtd: -1 }),
      'body.persons.father.earnedIncomeNtd',
    ],
    ['unknown program', { ...FOUR_PERSON_HOUSEHOLD, programs: ['no-such-program'] }, 'body.programs.0'],
    ['a month that does not exist', { ...FOUR_PERSON_HOUSEHOLD, period: '2024-13' }, 'body.period'],
    ['a required fact missing', withPerson('son', { sex: 'M' }), 'body.persons.son.birthDate'],
    [
      'an unknown role',
      {
        ...FOUR_PERSON_HOUSEHOLD,
        households: { h1: { members: { ...FOUR_PERSON_HOUSEHOLD.households.h1.members, son: 'cousin' } } },
      },
      'body.households.h1.members.son',
    ],
    [
      'an unknown household field',
      {
        ...FOUR_PERSON_HOUSEHOLD,
        households: { h1: { ...FOUR_PERSON_HOUSEHOLD.households.h1, rent: 1 } },
      },
      'body.households.h1.rent',
    ],
    [
      'a member who is not in persons',
      {
        ...FOUR_PERSON_HOUSEHOLD,
        households: {
          h1: { members: { ...FOUR_PERSON_HOUSEHOLD.households.h1.members, uncle: 'other' } },
        },
      },
      'body.households.h1.members.uncle',
    ],
    [
      'an unknown event type',
      { ...FOUR_PERSON_HOUSEHOLD, events: [{ type: 'meteor', household: 'h1', date: '2024-06-01' }] },
      'body.events.0.type',
    ],
    ['an unknown top-level field', { ...FOUR_PERSON_HOUSEHOLD, asOf: '2024-06-01' }, 'body.asOf'],
  ];
  for (const [what, payload, field] of cases) {
    const { status, body, response } = await calculate(payload);
    assert.equal(status, 400, `${what}: ${response.body}`);
    assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    assert.ok(
      body.errors.some((e: { field: string }) => e.field === field),
      `${what}: ${field} named in ${response.body}`,
    );
    for (const error of body.errors) assert.ok(error.message_zh && error.message_en, what);
    assert.ok(body.title && body.title_en && body.detail && body.detail_en, what);
    assert.match(body.detail_en, new RegExp(field.replace(/\./g, '\\.')), what);
    assert.doesNotMatch(response.body, /at .*\.ts:\d+|stack/i, what);
  }
});

test(`programs: the catalog and one program, 404 for an unknown id (${testEngine})`, async () => {
  const { status, body } = await get('/programs');
  assert.equal(status, 200);
  assert.deepEqual(
    body.items.map((p: { id: string }) => p.id),
    [...PROGRAMS.keys()],
  );
  for (const item of body.items) {
    const program = PROGRAMS.get(item.id)!;
    assert.deepEqual(item, {
      id: program.id,
      nameZh: program.nameZh,
      nameEn: program.nameEn,
      kind: program.kind,
      entity: program.entity,
      period: program.period,
      legalBasis: program.legalBasis,
      parameters: program.parameters,
    });
  }
  const one = await get('/programs/low-income-status');
  assert.equal(one.status, 200);
  assert.equal(one.body.nameZh, PROGRAMS.get('low-income-status')!.nameZh);
  const unknown = await get('/programs/no-such-program');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.detail_en, 'program not found: no-such-program');
  assert.ok(unknown.body.title && unknown.body.detail);
});

test(`parameters: ids with descriptions and units; one with its dated sources; the value on a date (${testEngine})`, async () => {
  const list = await get('/parameters');
  assert.equal(list.status, 200);
  assert.deepEqual(
    list.body.items.map((p: { id: string }) => p.id),
    parameters.ids(),
  );
  for (const item of list.body.items)
    assert.ok(item.descriptionZh && item.descriptionEn && item.unit, item.id);

  const id = 'social-assistance.minimum-living-cost';
  const history = await get(`/parameters/${id}`);
  assert.equal(history.status, 200);
  assert.equal(history.body.values.length, parameters.get(id).values.length);
  for (const value of history.body.values) {
    assert.match(value.from, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(['seed', 'law', 'url', 'reference'].includes(value.source.kind));
    assert.ok(value.source.reference);
    assert.match(value.source.confidence, /^[ABC]$/);
  }
  assert.equal(history.body.inForce, undefined, 'only with ?on=');

  const on = await get(`/parameters/${id}?on=2024-03-01`);
  assert.equal(on.body.on, '2024-03-01');
  const entry = parameters.entryOn(id, '2024-03-01')!;
  assert.equal(on.body.inForce.value, entry.value);
  assert.equal(on.body.inForce.from, entry.from);
  assert.equal(on.body.inForce.source.reference, entry.source.reference);
  assert.equal((await get(`/parameters/${id}?on=1900-01-01`)).body.inForce, null, 'before the first value');

  const bad = await get(`/parameters/${id}?on=2024-02-30`);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'querystring.on');
  const unknown = await get('/parameters/no.such-parameter');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.detail_en, 'parameter not found: no.such-parameter');
});

test(`OpenAPI: every fact documented with its description and example, and the request examples (${testEngine})`, async () => {
  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  for (const path of [
    '/api/v1/programs',
    '/api/v1/programs/{id}',
    '/api/v1/parameters',
    '/api/v1/parameters/{id}',
  ])
    assert.ok(spec.paths[path]?.get, path);
  const media = spec.paths['/api/v1/calculate'].post.requestBody.content['application/json'];
  assert.deepEqual(media.examples.fourPersonHousehold.value, FOUR_PERSON_HOUSEHOLD);
  assert.equal(Object.keys(media.examples.fourPersonHousehold.value.persons).length, 4);
  // The response's example is a shortened real answer.
  const example = spec.paths['/api/v1/calculate'].post.responses['200'].content['application/json'].schema
    .example as { results: ResultJson[] };
  const real = (await calculate({ ...FOUR_PERSON_HOUSEHOLD, programs: ['low-income-student-allowance'] }))
    .body.results as ResultJson[];
  for (const shown of example.results) {
    const actual = real.find((r) => keyOf(r) === keyOf(shown))!;
    assert.deepEqual({ ...shown, reasons: [] }, { ...actual, reasons: [] }, keyOf(shown));
    for (const reason of shown.reasons)
      assert.deepEqual(
        reason,
        actual.reasons.find((r) => r.code === reason.code),
        reason.code,
      );
  }
  const body = media.schema;
  const documented = (
    what: string,
    properties: Record<string, { description?: string; example?: unknown }>,
    table: Record<string, { zh: string; en: string; example: unknown }>,
  ) => {
    for (const [name, fact] of Object.entries(table)) {
      const schema = properties[name];
      assert.ok(schema, `${what}.${name} is in the schema`);
      assert.ok(schema.description?.includes(fact.zh) && schema.description.includes(fact.en), name);
      assert.deepEqual(schema.example, fact.example, `${what}.${name} example`);
    }
  };
  documented('persons', body.properties.persons.additionalProperties.properties, PERSON_FACTS);
  documented('households', body.properties.households.additionalProperties.properties, HOUSEHOLD_FACTS);
  const branches = body.properties.events.items.oneOf as {
    title: string;
    properties: Record<string, { description?: string; example?: unknown }>;
  }[];
  assert.deepEqual(
    branches.map((b) => b.title),
    Object.keys(EVENT_TYPES),
  );
  for (const branch of branches)
    documented(
      `events.${branch.title}`,
      branch.properties,
      EVENT_TYPES[branch.title as keyof typeof EVENT_TYPES].fields,
    );
});
