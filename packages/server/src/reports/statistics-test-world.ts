import { randomUUID } from 'node:crypto';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { addAccount, type Client, openTestServer, signedIn } from '../http/test-clients.ts';
import { RegistryCommands } from '../registry/commands.ts';

/**
 * For the statistics tests (statistics.int.test.ts, statistics-api.int.test.ts): persons born on each age
 * band's edge, a record whose sex changed during the period, someone born on 29 February, a household
 * program's payee, payments that count and some that do not, and districts with 1, 2, 3 and more
 * recipients for the open-data suppression. Payments are written as rows (the payment run is tested on its
 * own); the statistics are then recomputed from those rows with `counted` and `tally`.
 */
export const SENIOR = 'senior-living-allowance'; // 中低收入老人生活津貼 (person)
export const CHILD = 'low-income-child-allowance'; // 低收入戶子女生活扶助 (person)
export const LIVING = 'low-income-living-allowance'; // 低收入戶家庭生活補助 (household)
export const GIFT = 'double-ninth-gift'; // 重陽節敬老禮金 (person): the suppression cases
export const LINGYA = '64000080';
export const FENGSHAN = '64000120';
export const [YANCHENG, GUSHAN, ZUOYING, NANZI] = ['64000010', '64000020', '64000030', '64000040'];

// One world per test file (each file runs in a process of its own).
let database: Database;
let commands: RegistryCommands;
/** Each fixture person's sex and birth date as of the end of 2024-06 (what the counts must use). */
export const persons = new Map<string, { sex: 'M' | 'F'; birthDate: string }>();
let serial = 0;

async function person(sex: 'M' | 'F', birthDate: string): Promise<string> {
  serial++;
  const { personId } = await commands.recordPerson({
    idNumber: withCheckDigit(`${sex === 'M' ? 'E1' : 'E2'}${String(7_100_000 + serial).padStart(7, '0')}`),
    name: '統計',
    sex,
    birthDate,
    registeredDistrictCode: LINGYA,
    validFrom: '2000-01-01',
    source: 'test',
  });
  persons.set(personId, { sex, birthDate });
  return personId;
}

let grant = 0;
async function pay(p: {
  program: string;
  personId: string;
  period: string;
  district?: string;
  amount?: number;
  status?: 'pending' | 'sent' | 'paid' | 'returned' | 'failed' | 'cancelled';
  household?: string;
}) {
  await database.db
    .insertInto('payment')
    .values({
      payment_id: randomUUID(),
      kind: 'grant',
      run_id: null,
      program_id: p.program,
      entitlement_id: null,
      entitlement_version: null,
      period: p.period,
      payee_person_id: p.personId,
      entity: p.household ? 'household' : 'person',
      entity_id: p.household ?? p.personId,
      district_code: p.district ?? LINGYA,
      amount_ntd: p.amount ?? 1_000,
      grant_key: `statistics-${++grant}`,
      status: p.status ?? 'paid',
      household_id: p.household ?? null,
    })
    .execute();
}

/** Birthdays on the last day of June 2024 and the day after, around each band's edge: [sex, birth, band]. */
export const BOUNDARIES: ['M' | 'F', string, string][] = [
  ['F', '2018-06-30', '6-11'],
  ['M', '2018-07-01', '0-5'],
  ['F', '2012-06-30', '12-17'],
  ['M', '2012-07-01', '6-11'],
  ['M', '2006-06-30', '18-24'],
  ['F', '2006-07-01', '12-17'],
  ['F', '1999-06-30', '25-44'],
  ['M', '1999-07-01', '18-24'],
  ['M', '1979-06-30', '45-64'],
  ['F', '1979-07-01', '25-44'],
  ['F', '1959-06-30', '65-74'],
  ['M', '1959-07-01', '45-64'],
  ['M', '1949-06-30', '75+'],
  ['F', '1949-07-01', '65-74'],
];

export interface StatisticsWorld {
  database: Database;
  app: FastifyInstance;
  statistician: Client;
  ids: { boundary: string[]; changed: string; leapling: string; payee: string; household: string };
}

/** A server over a fresh database with the fixtures below and a statistician signed in. */
export async function openStatisticsWorld(): Promise<StatisticsWorld> {
  const opened = await openTestServer();
  database = opened.database;
  const app = opened.app;
  commands = new RegistryCommands(database, opened.protector);
  await addAccount(database, opened.protector, { username: 'stat-1', role: 'statistician' });
  const statistician = await signedIn(app, 'stat-1');
  const boundaryIds: string[] = [];

  for (const [sex, birth] of BOUNDARIES) boundaryIds.push(await person(sex, birth));
  // Recorded as a woman born 1950; from March 2024 the record says man; a birth date recorded from August
  // (after the period) must not count.
  const changed = await person('F', '1950-01-01');
  await commands.recordPersonChange(changed, { validFrom: '2024-03-01', sex: 'M', source: 'test' });
  await commands.recordPersonChange(changed, {
    validFrom: '2024-08-01',
    birthDate: '1940-01-01',
    source: 'test',
  });
  persons.set(changed, { sex: 'M', birthDate: '1950-01-01' });
  const leapling = await person('F', '2000-02-29');
  const payee = await person('M', '1970-05-05');
  const other = await person('F', '1972-01-01');
  const household = (
    await commands.recordHousehold({
      districtCode: FENGSHAN,
      validFrom: '2020-01-01',
      members: [
        { personId: payee, role: 'applicant' },
        { personId: other, role: 'spouse' },
      ],
      source: 'test',
    })
  ).householdId;

  // The child allowance in March for every boundary person; the senior allowance monthly for five of them.
  for (const id of boundaryIds) await pay({ program: CHILD, personId: id, period: '2024-03', amount: 2_500 });
  const seniors = [...boundaryIds.slice(10), changed];
  for (const month of ['01', '02', '03', '04', '05', '06'])
    for (const id of seniors)
      await pay({ program: SENIOR, personId: id, period: `2024-${month}`, amount: 7_759 });
  // Not counted: returned, failed and cancelled payments, and months outside the period.
  await pay({ program: SENIOR, personId: boundaryIds[1]!, period: '2024-02', status: 'returned' });
  await pay({ program: SENIOR, personId: boundaryIds[1]!, period: '2024-03', status: 'failed' });
  await pay({ program: SENIOR, personId: boundaryIds[1]!, period: '2024-04', status: 'cancelled' });
  await pay({ program: SENIOR, personId: boundaryIds[0]!, period: '2023-12' });
  await pay({ program: SENIOR, personId: boundaryIds[0]!, period: '2024-07' });
  await pay({ program: SENIOR, personId: boundaryIds[2]!, period: '2024-06', status: 'pending' });
  await pay({
    program: SENIOR,
    personId: boundaryIds[3]!,
    period: '2024-06',
    status: 'sent',
    district: FENGSHAN,
  });
  // A household program, paid to the household's payee.
  for (const month of ['01', '02', '03'])
    await pay({
      program: LIVING,
      personId: payee,
      household,
      period: `2024-${month}`,
      district: FENGSHAN,
      amount: 12_000,
    });
  // 29 February: 17 at the end of February 2018, 18 at the end of March.
  await pay({ program: CHILD, personId: leapling, period: '2018-02' });
  await pay({ program: CHILD, personId: leapling, period: '2018-03' });

  // Suppression: April 2, 1, 3 and 10 recipients in four districts; May 2 and 4; June 2 alone.
  const gift: string[] = [];
  for (let k = 0; k < 16; k++) gift.push(await person(k % 2 ? 'M' : 'F', '1950-03-03'));
  const spread = async (period: string, counts: [string, number][]) => {
    let next = 0;
    for (const [district, count] of counts)
      for (let k = 0; k < count; k++)
        await pay({ program: GIFT, personId: gift[next++]!, period, district, amount: 1_500 });
  };
  await spread('2024-04', [
    [YANCHENG, 2],
    [GUSHAN, 1],
    [ZUOYING, 3],
    [NANZI, 10],
  ]);
  await spread('2024-05', [
    [YANCHENG, 2],
    [NANZI, 4],
  ]);
  await spread('2024-06', [[YANCHENG, 2]]);
  return { database, app, statistician, ids: { boundary: boundaryIds, changed, leapling, payee, household } };
}

/** The counted payments of a period, read row by row (the independent count). */
export async function counted(database: Database, from: string, to: string) {
  const rows = await database.db.selectFrom('payment').selectAll().execute();
  return rows.filter(
    (r) => r.period >= from && r.period <= to && ['pending', 'sent', 'paid'].includes(r.status as string),
  );
}

export function tally(rows: Awaited<ReturnType<typeof counted>>) {
  return {
    persons: new Set(rows.map((r) => r.entity_id)).size,
    personTimes: rows.length,
    households: new Set(rows.flatMap((r) => (r.household_id ? [r.household_id] : []))).size,
    amountNtd: rows.reduce((sum, r) => sum + r.amount_ntd, 0),
  };
}
