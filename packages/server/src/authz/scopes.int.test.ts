import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Actor } from '@safetynet/core/authz/actor';
import { reaches, registryScope } from '@safetynet/core/authz/scope';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { buildServer } from '../http/app.ts';
import { addAccount, type Client, signedIn } from '../http/test-clients.ts';
import { actorOf } from '../identity/accounts.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { loadSyntheticCity } from '../synth/load.ts';
import { householdReach, householdsInScope, personReach, personsInScope } from './registry-scope-sql.ts';

const LINGYA = '64000080';
const FENGSHAN = '64000120';
const today = new Date().toISOString().slice(0, 10);

let database: Database;
let app: FastifyInstance;
let lingyaClerk: Client;
const actors: Actor[] = [];
let caseloadHousehold: string;
let citizenPerson: string;

before(async () => {
  database = await openTestDatabase();
  await loadSyntheticCity(database, { scale: 0.001, seed: 7 });
  const protector = new IdProtector(resolveIdKeys(process.env, database));
  app = await buildServer({ database, protector });
  await database.db
    .insertInto('team')
    .values({ team_id: 't1', name_zh: '一組', name_en: 'Team 1' })
    .execute();
  const clerk = await addAccount(database, protector, {
    username: 'clerk-lingya',
    role: 'district-clerk',
    districts: [LINGYA],
  });
  const worker = await addAccount(database, protector, {
    username: 'worker',
    role: 'social-worker',
    teamId: 't1',
  });
  const supervisor = await addAccount(database, protector, {
    username: 'boss',
    role: 'supervisor',
    teamId: 't1',
  });
  const { rows } = await sql<{ household_id: string; person_id: string }>`
    SELECT m.household_id, m.person_id FROM household_membership m
    JOIN household_version h ON h.household_id = m.household_id
    WHERE h.district_code = ${FENGSHAN} AND m.valid_to IS NULL ORDER BY m.household_id LIMIT 1`.execute(
    database.db,
  );
  caseloadHousehold = rows[0]!.household_id;
  await database.db
    .insertInto('caseload_assignment')
    .values({
      assignment_id: randomUUID(),
      household_id: caseloadHousehold,
      worker_account_id: worker.account_id,
    })
    .execute();
  const other = await sql<{ person_id: string }>`
    SELECT m.person_id FROM household_membership m
    JOIN household_version h ON h.household_id = m.household_id
    WHERE h.district_code = ${LINGYA} AND m.valid_to IS NULL ORDER BY m.person_id LIMIT 1`.execute(
    database.db,
  );
  citizenPerson = other.rows[0]!.person_id;
  const citizen = await addAccount(database, protector, {
    username: 'citizen',
    role: 'citizen',
    personId: citizenPerson,
  });
  for (const account of [clerk, worker, supervisor, citizen]) actors.push(actorOf(account));
  actors.push({
    kind: 'client',
    id: 'k',
    name: 'agency',
    role: 'api-client',
    scopes: ['registry:read'],
    districts: [FENGSHAN],
  });
  lingyaClerk = await signedIn(app, 'clerk-lingya');
});
after(async () => {
  await app.close();
  await database.close();
});

test(`lists and single records agree: every person and household, every actor (${testEngine})`, async () => {
  const persons = await database.db.selectFrom('person').select('person_id').execute();
  const households = await database.db.selectFrom('household').select('household_id').execute();
  assert.ok(persons.length > 100);
  // Each record's reach once (what opening it checks), then every actor's scope against it.
  const personReaches = await Promise.all(persons.map((p) => personReach(database.db, p.person_id, today)));
  const householdReaches = await Promise.all(
    households.map((h) => householdReach(database.db, h.household_id, today)),
  );
  for (const actor of actors) {
    const scope = registryScope(actor, 'registry:read');
    const listedPersons = personsInScope(scope, today);
    const listedHouseholds = householdsInScope(scope, today);
    const inList = new Set(
      listedPersons
        ? (await sql<{ person_id: string }>`${listedPersons}`.execute(database.db)).rows.map(
            (r) => r.person_id,
          )
        : persons.map((p) => p.person_id),
    );
    const householdsInList = new Set(
      listedHouseholds
        ? (await sql<{ household_id: string }>`${listedHouseholds}`.execute(database.db)).rows.map(
            (r) => r.household_id,
          )
        : households.map((h) => h.household_id),
    );
    let reached = 0;
    for (const [k, { person_id }] of persons.entries()) {
      const single = reaches(scope, personReaches[k]!);
      assert.equal(
        inList.has(person_id),
        single,
        `${actor.name}: person ${person_id} list ${inList.has(person_id)}`,
      );
      if (single) reached++;
    }
    for (const [k, { household_id }] of households.entries()) {
      const single = reaches(scope, householdReaches[k]!);
      assert.equal(householdsInList.has(household_id), single, `${actor.name}: household ${household_id}`);
    }
    assert.ok(reached > 0 && reached < persons.length, `${actor.name} reaches some, not all (${reached})`);
  }
});

test(`a clerk's search shows only their district; another district's person is refused (${testEngine})`, async () => {
  const listed = await lingyaClerk.get('/persons?pageSize=100');
  assert.equal(listed.status, 200);
  assert.ok(listed.body.total > 0);
  for (const person of listed.body.items)
    assert.ok((await personReach(database.db, person.id, today))!.districts.includes(LINGYA), person.id);
  const elsewhere = await lingyaClerk.get(`/persons?district=${FENGSHAN}&pageSize=5`);
  for (const person of elsewhere.body.items) {
    // Only Fengshan-registered persons who belong to a Lingya household can appear.
    const reach = (await personReach(database.db, person.id, today))!;
    assert.ok(reach.districts.includes(LINGYA));
  }
  const { rows } = await sql<{ household_id: string }>`
    SELECT household_id FROM household_version WHERE district_code = ${FENGSHAN} LIMIT 1`.execute(
    database.db,
  );
  assert.equal((await lingyaClerk.get(`/households/${rows[0]!.household_id}`)).status, 403);
});

test(`a social worker reads their caseload's household and nothing else; the citizen their own (${testEngine})`, async () => {
  const worker = await signedIn(app, 'worker');
  assert.equal((await worker.get(`/households/${caseloadHousehold}`)).status, 200);
  const listed = await worker.get('/households');
  assert.deepEqual(
    listed.body.items.map((h: { id: string }) => h.id),
    [caseloadHousehold],
  );
  const boss = await signedIn(app, 'boss');
  assert.equal((await boss.get(`/households/${caseloadHousehold}`)).status, 200, "the team's caseload");
  const citizen = await signedIn(app, 'citizen');
  const mine = await citizen.get('/me/household');
  assert.equal(mine.status, 200);
  assert.equal(mine.body.households.length, 1);
  const householdId = mine.body.households[0].id;
  assert.equal((await citizen.get(`/households/${householdId}`)).status, 200);
  assert.equal((await citizen.get(`/households/${caseloadHousehold}`)).status, 403);
  assert.equal((await citizen.get('/persons')).status, 403, 'no search for citizens');
  assert.equal((await citizen.get(`/persons/${citizenPerson}/id-number`)).status, 403);
  assert.equal((await lingyaClerk.get('/me/household')).status, 403, 'staff use /households');
});

test(`full ID numbers only through the logged reveal (${testEngine})`, async () => {
  const listed = await lingyaClerk.get('/persons?pageSize=1');
  const person = listed.body.items[0];
  assert.match(person.idNumber, /\*/, 'masked in lists');
  const revealed = await lingyaClerk.get(`/persons/${person.id}/id-number`, { 'x-purpose': '補助申請核對' });
  assert.equal(revealed.status, 200);
  assert.match(revealed.body.idNumber, /^[A-Z][0-9A-D][0-9]{8}$/);
  const entry = await database.db
    .selectFrom('audit_entry')
    .selectAll()
    .where('action', '=', 'reveal-id-number')
    .where('record_id', '=', person.id)
    .executeTakeFirstOrThrow();
  assert.equal(entry.actor_name, 'clerk-lingya');
  assert.equal(entry.purpose, '補助申請核對');
  assert.doesNotMatch(entry.details, new RegExp(revealed.body.idNumber), 'the number itself is not logged');
});

test(`a clerk cannot pull another district's person into their reach, nor learn their id by ID number (${testEngine})`, async () => {
  const { rows } = await sql<{ person_id: string; household_id: string }>`
    SELECT m.person_id, m.household_id FROM household_membership m
    JOIN household_version h ON h.household_id = m.household_id
    WHERE h.district_code = ${FENGSHAN} AND m.valid_to IS NULL ORDER BY m.person_id LIMIT 1`.execute(
    database.db,
  );
  const outsider = rows[0]!.person_id;
  assert.equal((await lingyaClerk.get(`/persons/${outsider}`)).status, 403);
  const pulled = await lingyaClerk.post('/households', {
    districtCode: LINGYA,
    validFrom: today,
    members: [{ personId: outsider, role: 'applicant' }],
  });
  assert.equal(pulled.status, 403, 'a new household of theirs with the outsider in it');
  const { rows: lingyaHouseholds } = await sql<{ household_id: string }>`
    SELECT household_id FROM household_version WHERE district_code = ${LINGYA} ORDER BY household_id LIMIT 1`.execute(
    database.db,
  );
  const joined = await lingyaClerk.post(`/households/${lingyaHouseholds[0]!.household_id}/members`, {
    personId: outsider,
    role: 'other',
    validFrom: today,
  });
  assert.equal(joined.status, 403, 'nor as a member of one');
  assert.equal((await lingyaClerk.get(`/persons/${outsider}`)).status, 403, 'still out of reach');

  // Someone the city knows nothing of (no district, no household) may be brought in.
  const newcomer = await lingyaClerk.post('/persons', {
    idNumber: withCheckDigit('E29999999'),
    name: '遷入者',
    sex: 'F',
    birthDate: '1990-01-01',
    registeredDistrictCode: null,
  });
  assert.equal(newcomer.status, 201);
  const housed = await lingyaClerk.post('/households', {
    districtCode: LINGYA,
    validFrom: today,
    members: [{ personId: newcomer.body.personId, role: 'applicant' }],
  });
  assert.equal(housed.status, 201);

  // The outsider's ID number: no id back, and the attempt is on the record.
  const revealed = await database.db
    .selectFrom('person')
    .select('id_number_cipher')
    .where('person_id', '=', outsider)
    .executeTakeFirstOrThrow();
  const idNumber = new IdProtector(resolveIdKeys(process.env, database)).open(
    revealed.id_number_cipher,
    outsider,
  );
  const again = await lingyaClerk.post('/persons', {
    idNumber,
    name: '冒名',
    sex: 'M',
    birthDate: '1990-01-01',
    registeredDistrictCode: null,
  });
  assert.equal(again.status, 409);
  assert.doesNotMatch(JSON.stringify(again.body), new RegExp(outsider));
  const denied = await database.db
    .selectFrom('audit_entry')
    .select('details')
    .where('action', '=', 'denied')
    .where('record_id', '=', outsider)
    .execute();
  assert.ok(denied.some((entry) => entry.details.includes('id-number')));
  const noPurpose = await lingyaClerk.get(`/persons/${newcomer.body.personId}/id-number`);
  assert.equal(noPurpose.status, 400, 'a full ID number needs a stated purpose');
  assert.equal(noPurpose.body.errors[0].field, 'headers.x-purpose');
});
