import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { taipeiDay } from '@safetynet/core/calendar';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { testEngine } from '../db/test-database.ts';
import { addAccount, anonymous, openTestServer, signedIn } from '../http/test-clients.ts';
import { pdfText, pdftotextMissing } from '../notices/pdf-text.ts';
import { RegistryCommands } from '../registry/commands.ts';
import { validThrough } from './certificates.ts';

/**
 * Eligibility certificates end to end: a citizen issues one for their household, lists it and downloads
 * it; anyone checks it by its code and sees only what it states; a change to the stored row, a revocation
 * and the end of its validity each show at the check; nobody else reads or revokes it.
 */
const LINGYA = '64000080';
const FENGSHAN = '64000120';
const HOLDER_ID = withCheckDigit('E22000011');
const ADDRESS = '高雄市苓雅區四維三路2號';
let database: Database;
let app: FastifyInstance;
/** The server's clock runs as the real one, moved by this much (to pass a certificate's validity). */
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const world = { holder: '', household: '', neighbour: '', bare: '' };

before(async () => {
  const opened = await openTestServer({ identity: { now } });
  database = opened.database;
  app = opened.app;
  const commands = new RegistryCommands(database, opened.protector);
  const person = async (idNumber: string, name: string) =>
    (
      await commands.recordPerson({
        idNumber,
        name,
        sex: 'M',
        birthDate: '1970-05-05',
        registeredDistrictCode: LINGYA,
        source: 'certificate-test',
      })
    ).personId;
  const household = async (district: string, members: string[], address: string | null = null) =>
    (
      await commands.recordHousehold({
        districtCode: district,
        address,
        validFrom: '2020-01-01',
        members: members.map((personId, k) => ({ personId, role: k === 0 ? 'applicant' : 'child' })),
        source: 'certificate-test',
      })
    ).householdId;
  world.holder = await person(HOLDER_ID, '王小明');
  const child = await person(withCheckDigit('E12000012'), '王小華');
  world.neighbour = await person(withCheckDigit('S22000013'), '林大同');
  world.bare = await person(withCheckDigit('E22000014'), '陳無身');
  world.household = await household(LINGYA, [world.holder, child], ADDRESS);
  const neighbourHousehold = await household(FENGSHAN, [world.neighbour]);
  await household(LINGYA, [world.bare]);
  const status = (householdId: string, kind: 'low_income' | 'mid_low_income', category: string | null) => ({
    status_id: randomUUID(),
    status: kind,
    household_id: householdId,
    person_id: null,
    category,
    valid_from: '2024-01-01',
    source: 'certificate-test',
  });
  await database.db
    .insertInto('status_register')
    .values([status(world.household, 'low_income', '2'), status(neighbourHousehold, 'mid_low_income', null)])
    .execute();
  await database.db
    .insertInto('disability_certificate')
    .values({
      evidence_id: randomUUID(),
      person_id: world.holder,
      valid_from: '2022-03-01',
      source: 'certificate-test',
      level: 'moderate',
      icf_category: 1,
    })
    .execute();
  const { protector } = opened;
  await addAccount(database, protector, { username: 'holder', role: 'citizen', personId: world.holder });
  await addAccount(database, protector, {
    username: 'neighbour',
    role: 'citizen',
    personId: world.neighbour,
  });
  await addAccount(database, protector, { username: 'bare', role: 'citizen', personId: world.bare });
  await addAccount(database, protector, {
    username: 'clerk-lingya',
    role: 'district-clerk',
    districts: [LINGYA],
  });
  await addAccount(database, protector, {
    username: 'clerk-fengshan',
    role: 'district-clerk',
    districts: [FENGSHAN],
  });
});
after(async () => {
  await app.close();
  await database.close();
});

const today = () => taipeiDay(now());

test(`a citizen issues a certificate of their household's statuses; a repeat the same day returns it (${testEngine})`, async () => {
  const holder = await signedIn(app, 'holder');
  const issued = await holder.post('/me/certificates');
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  assert.match(issued.body.code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.equal(issued.body.holderName, '王○明');
  assert.equal(issued.body.householdId, world.household);
  assert.deepEqual(
    issued.body.statuses.map((s: { status: string; nameZh: string }) => [s.status, s.nameZh]),
    [
      ['low_income', '低收入戶（第2類）'],
      ['disability', '身心障礙者（中度）'],
    ],
  );
  assert.equal(issued.body.issuedOn, today());
  assert.equal(issued.body.validUntil, validThrough(today()));
  assert.equal(issued.body.state, 'valid');

  const again = await holder.post('/me/certificates');
  assert.equal(again.status, 200);
  assert.equal(again.body.id, issued.body.id);

  const audit = await database.db
    .selectFrom('audit_entry')
    .select(['action', 'actor_kind'])
    .where('record_type', '=', 'certificate')
    .where('record_id', '=', issued.body.id)
    .execute();
  assert.deepEqual(audit, [{ action: 'issue', actor_kind: 'citizen' }]);

  const listed = await holder.get('/me/certificates');
  assert.equal(listed.status, 200);
  assert.deepEqual(
    listed.body.items.map((c: { id: string }) => c.id),
    [issued.body.id],
  );
});

test('three months: the day before the same date three months on, clamped to the month', () => {
  assert.equal(validThrough('2024-06-30'), '2024-09-29');
  assert.equal(validThrough('2024-11-30'), '2025-02-27');
  assert.equal(validThrough('2024-01-01'), '2024-03-31');
});

test('a household without a status to certify is told so (422, both languages)', async () => {
  const bare = await signedIn(app, 'bare');
  const refused = await bare.post('/me/certificates');
  assert.equal(refused.status, 422);
  assert.match(refused.body.detail, /沒有可證明的福利身分/);
  assert.match(refused.body.detail_en, /no status to certify/);
  const staff = await signedIn(app, 'clerk-lingya');
  assert.equal((await staff.post('/me/certificates')).status, 403, 'staff hold no certificates');
});

test('the public check: genuine and current, only what the certificate states', async () => {
  const holder = await signedIn(app, 'holder');
  const [certificate] = (await holder.get('/me/certificates')).body.items;
  const checked = await anonymous(app).get(`/certificates/verify/${certificate.code}`);
  assert.equal(checked.status, 200, JSON.stringify(checked.body));
  assert.equal(checked.body.status, 'genuine');
  assert.equal(checked.body.genuine, true);
  assert.equal(checked.body.current, true);
  assert.equal(checked.body.holderName, '王○明');
  assert.deepEqual(
    checked.body.statuses.map((s: { status: string }) => s.status),
    ['low_income', 'disability'],
  );
  assert.equal(checked.body.issuedOn, certificate.issuedOn);
  assert.equal(checked.body.validUntil, certificate.validUntil);
  const text = JSON.stringify(checked.body);
  for (const secret of [HOLDER_ID, ADDRESS, world.household, world.holder, '王小明', '四維'])
    assert.ok(!text.includes(secret), `the check shows ${secret}`);
  assert.doesNotMatch(text, /[A-Z][12]\d{8}/, 'no ID number');

  // Typed from paper: lower case, no dashes, O for 0 and I/L for 1.
  const typed = certificate.code.toLowerCase().replaceAll('-', '').replaceAll('0', 'o').replaceAll('1', 'l');
  assert.equal((await anonymous(app).get(`/certificates/verify/${typed}`)).body.status, 'genuine');

  const verifications = await database.db
    .selectFrom('audit_entry')
    .select(['actor_kind', 'actor_id', 'ip'])
    .where('action', '=', 'verify')
    .where('record_id', '=', certificate.id)
    .execute();
  assert.ok(verifications.length >= 2);
  assert.ok(verifications.every((v) => v.actor_kind === 'anonymous' && v.actor_id === null && v.ip === null));

  const unknown = await anonymous(app).get('/certificates/verify/ZZZZ-ZZZZ-ZZZZ');
  assert.equal(unknown.status, 404);
  assert.match(String(unknown.headers['content-type']), /application\/problem\+json/);
  assert.match(unknown.body.detail, /查無此驗證碼/);
  assert.equal((await anonymous(app).get('/certificates/verify/not-a-code')).status, 404);
});

test('the PDF: its text in Chinese has the title, the masked name, a status, the ROC date and the code', {
  skip: pdftotextMissing,
}, async () => {
  const holder = await signedIn(app, 'holder');
  const [certificate] = (await holder.get('/me/certificates')).body.items;
  const raw = await app.inject({
    method: 'GET',
    url: `/api/v1/me/certificates/${certificate.id}/pdf`,
    headers: { cookie: holder.cookie },
  });
  assert.equal(raw.statusCode, 200);
  assert.match(String(raw.headers['content-type']), /application\/pdf/);
  const text = pdfText(raw.rawPayload);
  const [year, month, day] = certificate.issuedOn.split('-').map(Number);
  for (const expected of [
    '資格證明書',
    '高雄市政府社會局',
    '王○明',
    '低收入戶（第2類）',
    `民國${year - 1911}年${month}月${day}日`,
    certificate.code,
    `/verify/${certificate.code}`,
  ])
    assert.ok(text.includes(expected), `${expected} not in the PDF's text:\n${text}`);
  assert.ok(!text.includes(HOLDER_ID) && !text.includes('王小明'));
});

test('another citizen neither reads nor revokes it; a clerk of another district cannot revoke it', async () => {
  const holder = await signedIn(app, 'holder');
  const [certificate] = (await holder.get('/me/certificates')).body.items;
  const neighbour = await signedIn(app, 'neighbour');
  assert.equal((await neighbour.get(`/me/certificates/${certificate.id}/pdf`)).status, 403);
  assert.equal(
    (await neighbour.post(`/certificates/${certificate.id}/revoke`, { reason: '不是我的' })).status,
    403,
  );
  assert.deepEqual((await neighbour.get('/me/certificates')).body.items, []);
  const clerk = await signedIn(app, 'clerk-fengshan');
  assert.equal((await clerk.post(`/certificates/${certificate.id}/revoke`, { reason: '他區' })).status, 403);
  assert.equal((await anonymous(app).get(`/certificates/verify/${certificate.code}`)).body.status, 'genuine');
  const denied = await database.db
    .selectFrom('audit_entry')
    .select('action')
    .where('record_id', '=', certificate.id)
    .where('action', '=', 'denied')
    .execute();
  assert.equal(denied.length, 3);
});

test('a change to the stored statuses shows: the check says not genuine and states nothing', async () => {
  const holder = await signedIn(app, 'holder');
  const [certificate] = (await holder.get('/me/certificates')).body.items;
  await sql`UPDATE certificate SET statuses = ${JSON.stringify([{ status: 'mid_low_income' }])}::jsonb
    WHERE certificate_id = ${certificate.id}`.execute(database.db);
  const checked = await anonymous(app).get(`/certificates/verify/${certificate.code}`);
  assert.equal(checked.status, 200);
  assert.equal(checked.body.status, 'not-genuine');
  assert.equal(checked.body.genuine, false);
  assert.equal(checked.body.current, false);
  assert.deepEqual(checked.body.statuses, []);
  assert.equal(checked.body.holderName, null);
  // A later validity written in the row does not check either.
  await sql`UPDATE certificate SET statuses = ${JSON.stringify([
    { category: '2', status: 'low_income' },
    { status: 'disability', level: 'moderate' },
  ])}::jsonb WHERE certificate_id = ${certificate.id}`.execute(database.db);
  assert.equal((await anonymous(app).get(`/certificates/verify/${certificate.code}`)).body.status, 'genuine');
  await sql`UPDATE certificate SET valid_until = '2099-12-31' WHERE certificate_id = ${certificate.id}`.execute(
    database.db,
  );
  assert.equal(
    (await anonymous(app).get(`/certificates/verify/${certificate.code}`)).body.status,
    'not-genuine',
  );
  await sql`UPDATE certificate SET valid_until = ${certificate.validUntil} WHERE certificate_id = ${certificate.id}`.execute(
    database.db,
  );
});

test('revoked by its holder: the check says revoked; the same day a new one may be issued', async () => {
  const holder = await signedIn(app, 'holder');
  const [certificate] = (await holder.get('/me/certificates')).body.items;
  assert.equal((await holder.post(`/certificates/${certificate.id}/revoke`, { reason: '  ' })).status, 400);
  const revoked = await holder.post(`/certificates/${certificate.id}/revoke`, {
    reason: '資料有誤，重新申請',
  });
  assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
  assert.equal(revoked.body.state, 'revoked');
  assert.equal(
    (await holder.post(`/certificates/${certificate.id}/revoke`, { reason: '再撤銷' })).status,
    409,
  );
  const checked = await anonymous(app).get(`/certificates/verify/${certificate.code}`);
  assert.equal(checked.body.status, 'revoked');
  assert.equal(checked.body.genuine, true);
  assert.equal(checked.body.current, false);
  assert.equal(checked.body.revokedOn, today());

  const fresh = await holder.post('/me/certificates');
  assert.equal(fresh.status, 201);
  assert.notEqual(fresh.body.id, certificate.id);
  const listed = (await holder.get('/me/certificates')).body.items;
  assert.deepEqual(
    listed.map((c: { id: string; state: string }) => [c.id, c.state]),
    [
      [fresh.body.id, 'valid'],
      [certificate.id, 'revoked'],
    ],
  );
});

test("a clerk of the household's district revokes; the audit log has it", async () => {
  const neighbour = await signedIn(app, 'neighbour');
  const issued = await neighbour.post('/me/certificates');
  assert.equal(issued.status, 201);
  assert.deepEqual(
    issued.body.statuses.map((s: { nameZh: string }) => s.nameZh),
    ['中低收入戶'],
  );
  const lingya = await signedIn(app, 'clerk-lingya');
  assert.equal((await lingya.post(`/certificates/${issued.body.id}/revoke`, { reason: '他區' })).status, 403);
  const clerk = await signedIn(app, 'clerk-fengshan');
  // The clerk finds it among the household's certificates; another district's clerk finds none.
  const household = issued.body.householdId;
  const listed = await clerk.get(`/certificates?household=${household}`);
  assert.equal(listed.status, 200);
  assert.ok(listed.body.items.some((c: { id: string }) => c.id === issued.body.id));
  assert.deepEqual((await lingya.get(`/certificates?household=${household}`)).body.items, []);
  assert.equal((await neighbour.get(`/certificates?household=${household}`)).status, 403);
  const revoked = await clerk.post(`/certificates/${issued.body.id}/revoke`, { reason: '戶內人口異動' });
  assert.equal(revoked.status, 200);
  const entry = await database.db
    .selectFrom('audit_entry')
    .select(['actor_kind', 'role'])
    .where('record_id', '=', issued.body.id)
    .where('action', '=', 'revoke')
    .executeTakeFirstOrThrow();
  assert.deepEqual(entry, { actor_kind: 'staff', role: 'district-clerk' });
  assert.equal((await anonymous(app).get(`/certificates/verify/${issued.body.code}`)).body.status, 'revoked');
});

test('after its validity the check says expired', async () => {
  const holder = await signedIn(app, 'holder');
  const current = (await holder.get('/me/certificates')).body.items.find(
    (c: { state: string }) => c.state === 'valid',
  );
  assert.ok(current);
  const [year, month, day] = current.validUntil.split('-').map(Number);
  offsetMs = Date.UTC(year, month - 1, day + 1, 12) - Date.now();
  try {
    const checked = await anonymous(app).get(`/certificates/verify/${current.code}`);
    assert.equal(checked.body.status, 'expired');
    assert.equal(checked.body.genuine, true);
    assert.equal(checked.body.current, false);
  } finally {
    offsetMs = 0;
  }
  assert.equal((await anonymous(app).get(`/certificates/verify/${current.code}`)).body.status, 'genuine');
});
