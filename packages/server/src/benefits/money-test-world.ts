import assert from 'node:assert/strict';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { FastifyInstance } from 'fastify';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { addAccount, type Client, openTestServer, signedIn } from '../http/test-clients.ts';
import { RegistryCommands } from '../registry/commands.ts';
import { benefitWorld } from './benefit-fixtures.ts';

/**
 * For the money journey tests (journey-money.int.test.ts, grants-api.int.test.ts): a server with a clerk,
 * two reviewers and a program officer of 苓雅區 signed in, and helpers that record persons and households
 * and take an application through proposal to decision by the API.
 */
export const LINGYA = '64000080';

export interface MoneyWorld {
  database: Database;
  app: FastifyInstance;
  trail: AuditTrail;
  clerk: Client;
  reviewer: Client;
  reviewer2: Client;
  officer: Client;
  person(birthDate: string, registered?: string): Promise<string>;
  family(members: { personId: string; role: 'applicant' | 'spouse' | 'child' }[]): Promise<string>;
  /** Filed at the office, proposed for approval, decided: the reviewer's answer. */
  approve(
    applicant: string,
    program: string,
    period: string,
    events?: unknown[],
    note?: string,
  ): Promise<{ id: string; decided: Awaited<ReturnType<Client['post']>> }>;
  commands: RegistryCommands;
}

export async function openMoneyWorld(prefix: string, idBase: number): Promise<MoneyWorld> {
  const opened = await openTestServer();
  const { database, app, protector } = opened;
  const commands = new RegistryCommands(database, protector);
  const { trail } = await benefitWorld(database, protector);
  const names = {
    clerk: `${prefix}-clerk`,
    reviewer: `${prefix}-reviewer`,
    reviewer2: `${prefix}-reviewer2`,
  };
  await addAccount(database, protector, {
    username: names.clerk,
    role: 'district-clerk',
    districts: [LINGYA],
  });
  await addAccount(database, protector, { username: names.reviewer, role: 'reviewer', districts: [LINGYA] });
  await addAccount(database, protector, { username: names.reviewer2, role: 'reviewer', districts: [LINGYA] });
  await addAccount(database, protector, {
    username: `${prefix}-officer`,
    role: 'program-officer',
    programs: ['senior-living-allowance'],
  });
  const clerk = await signedIn(app, names.clerk);
  const reviewer = await signedIn(app, names.reviewer);
  const reviewer2 = await signedIn(app, names.reviewer2);
  const officer = await signedIn(app, `${prefix}-officer`);
  let serial = idBase;
  const person = async (birthDate: string, registered = '1990-01-01') => {
    serial++;
    return (
      await commands.recordPerson({
        idNumber: withCheckDigit(`E2${String(serial).padStart(7, '0')}`),
        name: '王測試',
        sex: 'F',
        birthDate,
        registeredDistrictCode: LINGYA,
        cityRegistrationDate: registered,
        validFrom: registered,
        source: 'test',
      })
    ).personId;
  };
  const family = async (members: { personId: string; role: 'applicant' | 'spouse' | 'child' }[]) =>
    (
      await commands.recordHousehold({
        districtCode: LINGYA,
        validFrom: '2020-01-01',
        members,
        source: 'test',
      })
    ).householdId;
  const approve: MoneyWorld['approve'] = async (applicant, program, period, events, note) => {
    const filed = await clerk.post('/applications', {
      applicantPersonId: applicant,
      programs: [program],
      period,
      ...(events ? { events } : {}),
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const proposed = await clerk.post(`/applications/${filed.body.id}/proposal`, {
      outcomes: [{ program, outcome: 'approved' }],
      ...(note ? { note } : {}),
    });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
    return {
      id: filed.body.id as string,
      decided: await reviewer.post(`/applications/${filed.body.id}/decision`, {}),
    };
  };
  return { database, app, trail, clerk, reviewer, reviewer2, officer, person, family, approve, commands };
}
