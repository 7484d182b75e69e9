import { randomUUID } from 'node:crypto';
import { ANONYMOUS, ROLES, type Role } from '@safetynet/core/authz/actor';
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import { createAccount } from './account-commands.ts';
import type { IdentityServices } from './services.ts';

/**
 * 示範帳號 The demo city's accounts: one per role, username = the role's id, password `demo-password`.
 * `district-clerk` works in 苓雅區 and `district-clerk-2` in 鳳山區; the social worker and supervisor form
 * 苓雅區's team, the worker carrying a few of its low-income households; the citizen is a member of a
 * mid-low-income household. Only for the embedded demo (or when asked for explicitly): never a default
 * on a production database.
 */
export const DEMO_PASSWORD = 'demo-password';
const LINGYA = '64000080';
const FENGSHAN = '64000120';
const DEMO_TEAM = 'lingya-social-work';
const DEMO_OFFICER_PROGRAMS = [
  'low-income-status',
  'mid-low-income-status',
  'low-income-living-allowance',
  'senior-living-allowance',
];

export interface DemoAccount {
  username: string;
  role: Role;
  note: string;
}

const DEMO_STAFF: { username: string; role: Exclude<Role, 'citizen'>; districts?: string[]; note: string }[] =
  [
    { username: 'district-clerk', role: 'district-clerk', districts: [LINGYA], note: '苓雅區 Lingya' },
    { username: 'district-clerk-2', role: 'district-clerk', districts: [FENGSHAN], note: '鳳山區 Fengshan' },
    {
      username: 'program-officer',
      role: 'program-officer',
      note: 'social assistance and senior allowances; runs payments',
    },
    { username: 'reviewer', role: 'reviewer', districts: [LINGYA, FENGSHAN], note: '苓雅區, 鳳山區' },
    { username: 'social-worker', role: 'social-worker', note: '苓雅區社工組, intake team, 5 households' },
    { username: 'supervisor', role: 'supervisor', note: '苓雅區社工組 supervisor' },
    { username: 'provider', role: 'provider', note: 'facility demo-care-centre' },
    { username: 'statistician', role: 'statistician', note: 'aggregates only' },
    { username: 'auditor', role: 'auditor', note: 'audit log, masked' },
    { username: 'admin', role: 'admin', note: 'accounts and settings' },
  ];

/** A member of a household on the mid-low-income register today, if the city has one. */
async function midLowIncomeMember(db: Kysely<Schema>, on: string): Promise<string | undefined> {
  const { rows } = await sql<{ person_id: string }>`
    SELECT m.person_id FROM ${asOfSql('status_register', sql`status = 'mid_low_income' AND household_id IS NOT NULL`, on)} s
    JOIN ${asOfSql('household_membership', sql`true`, on)} m ON m.household_id = s.household_id
    WHERE m.role = 'applicant'
    ORDER BY s.household_id LIMIT 1`.execute(db);
  return rows[0]?.person_id;
}

async function lingyaLowIncomeHouseholds(db: Kysely<Schema>, on: string, count: number): Promise<string[]> {
  const { rows } = await sql<{ household_id: string }>`
    SELECT s.household_id FROM ${asOfSql('status_register', sql`status = 'low_income' AND household_id IS NOT NULL`, on)} s
    JOIN ${asOfSql('household_version', sql`household_id IN (SELECT household_id FROM household_version WHERE district_code = ${LINGYA})`, on)} h
      ON h.household_id = s.household_id AND h.district_code = ${LINGYA}
    ORDER BY s.household_id LIMIT ${count}`.execute(db);
  return rows.map((row) => row.household_id);
}

/** Creates whichever demo accounts are missing; returns the list to print. */
export async function ensureDemoAccounts(identity: IdentityServices): Promise<DemoAccount[]> {
  const { db } = identity;
  const context = { actor: { ...ANONYMOUS, name: 'demo-setup' }, ip: null, purpose: 'demo accounts' };
  const today = new Date().toISOString().slice(0, 10);
  await db
    .insertInto('team')
    .values({
      team_id: DEMO_TEAM,
      name_zh: '苓雅區社工組',
      name_en: 'Lingya social work team',
      district_code: LINGYA,
    })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
  const listed: DemoAccount[] = [];
  for (const staff of DEMO_STAFF) {
    listed.push({ username: staff.username, role: staff.role, note: staff.note });
    if (await identity.accounts.byUsername(staff.username)) continue;
    const inTeam = staff.role === 'social-worker' || staff.role === 'supervisor';
    const account = await createAccount(
      identity,
      {
        username: staff.username,
        displayName: `示範 ${ROLES[staff.role].zh}`,
        role: staff.role,
        password: DEMO_PASSWORD,
        districts: staff.districts,
        programs: staff.role === 'program-officer' ? DEMO_OFFICER_PROGRAMS : [],
        teamId: inTeam ? DEMO_TEAM : null,
        intake: staff.role === 'social-worker',
        facilityRef: staff.role === 'provider' ? 'demo-care-centre' : null,
      },
      context,
    );
    if (staff.role === 'social-worker')
      for (const householdId of await lingyaLowIncomeHouseholds(db, today, 5))
        await db
          .insertInto('caseload_assignment')
          .values({
            assignment_id: randomUUID(),
            household_id: householdId,
            worker_account_id: account.account_id,
          })
          .execute();
  }
  if (!(await identity.accounts.byUsername('citizen'))) {
    const personId = await midLowIncomeMember(db, today);
    if (personId) {
      await createAccount(
        identity,
        { username: 'citizen', displayName: '示範民眾', role: 'citizen', password: DEMO_PASSWORD, personId },
        context,
      );
    }
  }
  if (await identity.accounts.byUsername('citizen'))
    listed.push({ username: 'citizen', role: 'citizen', note: 'member of a mid-low-income household' });
  return listed;
}
