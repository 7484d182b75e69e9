import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { ANONYMOUS } from '@safetynet/core/authz/actor';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { buildServer } from '../http/app.ts';
import { addAccount, signedIn } from '../http/test-clients.ts';
import { changeAccount } from './account-commands.ts';
import { generateIdKeys, IdProtector } from './id-protector.ts';
import { identityServices } from './services.ts';

/** The user the test provider signs in next (its /authorize asks nobody), or a refusal. */
interface ProviderUser {
  sub: string;
  name?: string;
  national_id?: string;
}

const CLIENT_ID = 'safetynet-test';
const CLIENT_SECRET = 'test-client-secret';
const REDIRECT_URI = 'http://localhost:3000/api/v1/session/oidc/callback';

/** A minimal OpenID provider on 127.0.0.1: discovery, keys, an authorize that answers at once, a token. */
async function startProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { user: ProviderUser; nonce: string; challenge: string }>();
  const state: { user: ProviderUser | 'deny' } = { user: 'deny' };
  let issuer = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      });
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (state.user === 'deny') back.searchParams.set('error', 'access_denied');
      else {
        const code = randomBytes(16).toString('hex');
        codes.set(code, {
          user: state.user,
          nonce: url.searchParams.get('nonce') ?? '',
          challenge: url.searchParams.get('code_challenge') ?? '',
        });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const pkceOk = grant && createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      const clientOk = form.get('client_id') === CLIENT_ID && form.get('client_secret') === CLIENT_SECRET;
      if (!grant || !pkceOk || !clientOk || form.get('redirect_uri') !== REDIRECT_URI)
        return json(400, { error: 'invalid_grant' });
      const { sub, ...claims } = grant.user;
      const idToken = await new SignJWT({ ...claims, nonce: grant.nonce })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(CLIENT_ID)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let database: Database;
let protector: IdProtector;
let app: FastifyInstance;
let appWithoutOidc: FastifyInstance;
let provider: Awaited<ReturnType<typeof startProvider>>;
let registeredPersonId: string;
const citizenIdNumber = withCheckDigit('E22345678');
const OIDC_ENV = [
  'SAFETYNET_OIDC_ISSUER',
  'SAFETYNET_OIDC_CLIENT_ID',
  'SAFETYNET_OIDC_CLIENT_SECRET',
  'SAFETYNET_OIDC_REDIRECT_URI',
];

before(async () => {
  database = await openTestDatabase();
  protector = new IdProtector(generateIdKeys('test'));
  provider = await startProvider();
  for (const name of OIDC_ENV) delete process.env[name];
  appWithoutOidc = await buildServer({ database, protector });
  Object.assign(process.env, {
    SAFETYNET_OIDC_ISSUER: provider.issuer,
    SAFETYNET_OIDC_CLIENT_ID: CLIENT_ID,
    SAFETYNET_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    SAFETYNET_OIDC_REDIRECT_URI: REDIRECT_URI,
  });
  app = await buildServer({ database, protector });
  for (const name of OIDC_ENV) delete process.env[name];

  await addAccount(database, protector, {
    username: 'oidc-clerk',
    role: 'district-clerk',
    districts: ['64000080'],
  });
  const clerk = await signedIn(app, 'oidc-clerk');
  const person = await clerk.post('/persons', {
    idNumber: citizenIdNumber,
    name: '林美玲',
    sex: 'F',
    birthDate: '1980-05-01',
    registeredDistrictCode: '64000080',
  });
  assert.equal(person.status, 201);
  registeredPersonId = person.body.personId;
});
after(async () => {
  await app.close();
  await appWithoutOidc.close();
  await provider.close();
  await database.close();
});

const setCookies = (headers: Record<string, unknown>) =>
  [headers['set-cookie'] ?? []].flat().map((c) => String(c).split(';')[0] as string);

/**
 * A browser's way through: our login redirect, the provider's authorize (a real HTTP call), our callback.
 * `alter` changes the callback URL the provider sent back (a tampered state).
 */
async function throughProvider(user: ProviderUser | 'deny', alter?: (callback: URL) => void) {
  provider.state.user = user;
  const login = await app.inject({
    method: 'GET',
    url: '/api/v1/session/oidc/login?returnTo=/cases%3Fopen%3D1',
  });
  assert.equal(login.statusCode, 302, login.body);
  const authorize = new URL(String(login.headers.location));
  assert.equal(authorize.origin, provider.issuer);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(authorize.searchParams.get('nonce') && authorize.searchParams.get('state'));
  const flowCookie = setCookies(login.headers).find((c) => c.startsWith('sn_oidc='));
  assert.ok(flowCookie, 'the flow cookie is set');
  assert.match(String(login.headers['set-cookie']), /HttpOnly/i);

  const back = await fetch(authorize, { redirect: 'manual' });
  assert.equal(back.status, 302);
  const callback = new URL(String(back.headers.get('location')));
  alter?.(callback);
  const answer = await app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: flowCookie },
  });
  const session = setCookies(answer.headers).find((c) => c.startsWith('sn_session=') && c !== 'sn_session=');
  return { answer, session };
}

async function signInAs(user: ProviderUser) {
  const { answer, session } = await throughProvider(user);
  assert.equal(answer.statusCode, 302, answer.body);
  assert.equal(answer.headers.location, '/cases?open=1', 'back to returnTo');
  assert.ok(session, 'a session cookie is set');
  const me = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: session } });
  assert.equal(me.statusCode, 200, me.body);
  return me.json().account;
}

async function auditDetails(action: string) {
  const rows = await database.db
    .selectFrom('audit_entry')
    .select(['details', 'record_id'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    recordId: row.record_id,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<
      string,
      unknown
    >,
  }));
}

test(`a staff account an administrator linked signs in through the provider (${testEngine})`, async () => {
  const staff = await addAccount(database, protector, {
    username: 'oidc-worker',
    role: 'district-clerk',
    districts: ['64000080'],
  });
  const unlinked = await throughProvider({ sub: 'staff-1', name: 'Worker' });
  assert.equal(unlinked.answer.statusCode, 403, 'not linked yet: staff accounts are never made from OIDC');
  assert.match(unlinked.answer.json().detail_en, /ask an administrator to link/);

  const identity = identityServices(database.db, protector);
  const admin = { actor: { ...ANONYMOUS, name: 'test-admin' }, ip: null, purpose: null };
  await changeAccount(identity, staff.account_id, { oidcSubject: `${provider.issuer}|staff-1` }, admin);
  const account = await signInAs({ sub: 'staff-1', name: 'Worker' });
  assert.equal(account.username, 'oidc-worker');
  assert.equal(account.role, 'district-clerk');
  const signIns = await auditDetails('sign-in');
  assert.deepEqual(signIns.at(-1), { recordId: staff.account_id, details: { method: 'oidc' } });

  await changeAccount(identity, staff.account_id, { disabled: true }, admin);
  const disabled = await throughProvider({ sub: 'staff-1' });
  assert.equal(disabled.answer.statusCode, 403, 'a disabled account is refused');
  assert.equal(disabled.session, undefined);
});

test(`a registered citizen gets a citizen account bound to the person, reused next time (${testEngine})`, async () => {
  const first = await signInAs({
    sub: 'citizen-1',
    name: '林美玲',
    national_id: citizenIdNumber.toLowerCase(),
  });
  assert.equal(first.role, 'citizen');
  assert.equal(first.personId, registeredPersonId);
  assert.equal(first.displayName, '林美玲');
  assert.match(first.username, /^c-[0-9a-f]{12}$/);
  const second = await signInAs({ sub: 'citizen-1', national_id: citizenIdNumber });
  assert.equal(second.id, first.id, 'the second sign-in reuses the account');
  const accounts = await database.db
    .selectFrom('account')
    .select(['password_hash', 'oidc_subject'])
    .where('person_id', '=', registeredPersonId)
    .execute();
  assert.deepEqual(accounts, [{ password_hash: null, oidc_subject: `${provider.issuer}|citizen-1` }]);
  const created = (await auditDetails('create')).filter((entry) => entry.recordId === first.id);
  assert.equal(created.length, 1, 'the account creation is audited once');
});

test(`anyone else is refused with a problem, in both languages (${testEngine})`, async () => {
  for (const user of [{ sub: 'stranger' }, { sub: 'stranger', national_id: withCheckDigit('A12345678') }]) {
    const { answer, session } = await throughProvider(user);
    assert.equal(answer.statusCode, 403);
    assert.equal(answer.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(answer.json().detail && answer.json().detail_en);
    assert.equal(session, undefined);
  }
  const refusals = await auditDetails('sign-in-failed');
  assert.ok(refusals.some((r) => r.details.method === 'oidc' && r.details.reason === 'not-linked'));
});

test(`a tampered state, the provider's refusal and a foreign returnTo are problems, not sign-ins (${testEngine})`, async () => {
  const tampered = await throughProvider({ sub: 'citizen-1', national_id: citizenIdNumber }, (callback) =>
    callback.searchParams.set('state', 'forged-state'),
  );
  assert.equal(tampered.answer.statusCode, 400);
  assert.match(tampered.answer.json().detail_en, /sign-in flow/);
  assert.equal(tampered.session, undefined);

  const denied = await throughProvider('deny');
  assert.equal(denied.answer.statusCode, 401);
  assert.match(denied.answer.json().detail_en, /access_denied/);
  assert.doesNotMatch(denied.answer.body, /at .*\.ts/, 'no stack trace');

  const noCookie = await app.inject({ method: 'GET', url: '/api/v1/session/oidc/callback?code=x&state=y' });
  assert.equal(noCookie.statusCode, 400);

  for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
    const login = await app.inject({
      method: 'GET',
      url: `/api/v1/session/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
    });
    assert.equal(login.statusCode, 400, returnTo);
  }
});

test(`without an issuer OIDC is off: both routes answer 404 (${testEngine})`, async () => {
  for (const url of ['/api/v1/session/oidc/login', '/api/v1/session/oidc/callback?code=x&state=y']) {
    const answer = await appWithoutOidc.inject({ method: 'GET', url });
    assert.equal(answer.statusCode, 404);
    assert.equal(answer.json().detail_en, 'OIDC sign-in is not configured');
  }
  const spec = (await appWithoutOidc.inject({ method: 'GET', url: '/openapi.json' })).json();
  assert.ok(spec.paths['/api/v1/session/oidc/login'].get, 'documented even when off');
  assert.ok(spec.paths['/api/v1/session/oidc/callback'].get);
});

test(`an ID-number claim does not take over a citizen account linked to another subject (${testEngine})`, async () => {
  await signInAs({ sub: 'citizen-1', national_id: citizenIdNumber });
  const { answer, session } = await throughProvider({ sub: 'impostor', national_id: citizenIdNumber });
  assert.equal(answer.statusCode, 403);
  assert.match(answer.json().detail_en, /linked to another identity-provider account/);
  assert.match(answer.json().detail, /已連結其他身分提供者帳號/);
  assert.equal(session, undefined, 'no session');
  const refusals = await auditDetails('sign-in-failed');
  assert.equal(refusals.at(-1)?.details.reason, 'linked-to-another-subject');
  assert.equal(refusals.at(-1)?.details.subject, `${provider.issuer}|impostor`);
  const account = await database.db
    .selectFrom('account')
    .select('oidc_subject')
    .where('person_id', '=', registeredPersonId)
    .executeTakeFirstOrThrow();
  assert.equal(account.oidc_subject, `${provider.issuer}|citizen-1`, 'the link is unchanged');
});

test(`a citizen account without a provider link is linked on first sign-in, audited (${testEngine})`, async () => {
  const idNumber = withCheckDigit('F22345679');
  const clerk = await signedIn(app, 'oidc-clerk');
  const person = await clerk.post('/persons', {
    idNumber,
    name: '陳志明',
    sex: 'M',
    birthDate: '1975-03-02',
    registeredDistrictCode: '64000080',
  });
  assert.equal(person.status, 201, JSON.stringify(person.body));
  const citizen = await addAccount(database, protector, {
    username: 'citizen-with-password',
    role: 'citizen',
    personId: person.body.personId,
  });
  assert.equal(citizen.oidc_subject, null);
  const account = await signInAs({ sub: 'citizen-2', national_id: idNumber });
  assert.equal(account.id, citizen.account_id, 'the existing account, not a new one');
  const linked = await database.db
    .selectFrom('account')
    .select('oidc_subject')
    .where('account_id', '=', citizen.account_id)
    .executeTakeFirstOrThrow();
  assert.equal(linked.oidc_subject, `${provider.issuer}|citizen-2`);
  const links = (await auditDetails('link-oidc')).filter((entry) => entry.recordId === citizen.account_id);
  assert.deepEqual(links, [
    { recordId: citizen.account_id, details: { subject: `${provider.issuer}|citizen-2` } },
  ]);
  const other = await throughProvider({ sub: 'citizen-3', national_id: idNumber });
  assert.equal(other.answer.statusCode, 403, 'once linked, another subject is refused');
});
