import { randomUUID } from 'node:crypto';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import { approvedDecision, type BenefitWorld, household } from '../benefits/benefit-fixtures.ts';
import { grantEntitlements } from '../benefits/entitlements.ts';
import { payGrant, runMonthlyPayments } from '../benefits/payment-run.ts';
import type { Database } from '../db/database.ts';

/**
 * For the work report's tests: payments over four months (the report's period is March–April 2024, with a
 * month paid before and after it) in two districts, monthly allowances and one-off grants, some returned,
 * failed or cancelled; persons around the senior age on the period's last day, dead or not registered in
 * the city; disability certificates valid or not that day; asset-building accounts open or not then.
 */
export const LINGYA = '64000080';
export const SANMIN = '64000050';
export const PERIOD = { from: '2024-03', to: '2024-04' };

let serial = 4_100_000 + Math.floor(Math.random() * 800_000);

export async function buildReportWorld(database: Database, world: BenefitWorld): Promise<void> {
  const a = await household(world, LINGYA);
  const b = await household(world, SANMIN);
  const c = await household(world, SANMIN);
  const decision = (
    h: typeof a,
    program: string,
    entity: 'person' | 'household',
    entityId: string,
    monthlyAmountNtd: number,
  ) =>
    approvedDecision(database, world, {
      ...h,
      program,
      entity,
      entityId,
      monthlyAmountNtd,
      period: '2024-02',
    });
  const decisions = [
    await decision(a, 'low-income-living-allowance', 'household', a.householdId, 12_000),
    await decision(a, 'low-income-child-allowance', 'person', a.child, 3_000),
    await decision(b, 'low-income-living-allowance', 'household', b.householdId, 10_000),
    await decision(c, 'senior-living-allowance', 'person', c.applicant, 8_000),
  ];
  await database.db.transaction().execute((trx) => grantEntitlements(trx, decisions, world.trail));
  for (const month of ['2024-02', '2024-03', '2024-04', '2024-05'])
    await runMonthlyPayments(database, month, world.trail);
  const grant = (
    h: typeof a,
    program: string,
    entity: 'person' | 'household',
    entityId: string,
    amountNtd: number,
    period: string,
  ) =>
    database.db.transaction().execute((trx) =>
      payGrant(
        trx,
        {
          program,
          grantKey: randomUUID(),
          payeePersonId: h.applicant,
          entity,
          entityId,
          districtCode: h.district,
          householdId: h.householdId,
          amountNtd,
          period,
        },
        world.trail,
      ),
    );
  await grant(a, 'emergency-aid', 'household', a.householdId, 15_000, '2024-03');
  await grant(a, 'emergency-aid', 'household', a.householdId, 10_000, '2024-04');
  await grant(b, 'emergency-aid', 'household', b.householdId, 20_000, '2024-04');
  await grant(b, 'birth-allowance', 'person', b.child, 30_000, '2024-03');
  const cancelledGrant = await grant(c, 'birth-allowance', 'person', c.child, 30_000, '2024-04');
  await grant(c, 'emergency-aid', 'household', c.householdId, 9_000, '2024-05');
  // What happened at the bank and after: these do not count.
  const status = async (
    program: string,
    entityId: string,
    period: string,
    to: 'returned' | 'failed' | 'cancelled' | 'sent' | 'paid',
  ) =>
    database.db
      .updateTable('payment')
      .set({ status: to })
      .where('program_id', '=', program)
      .where('entity_id', '=', entityId)
      .where('period', '=', period)
      .execute();
  await status('low-income-living-allowance', b.householdId, '2024-04', 'returned');
  await status('low-income-child-allowance', a.child, '2024-03', 'cancelled');
  await status('senior-living-allowance', c.applicant, '2024-02', 'failed');
  await database.db
    .updateTable('payment')
    .set({ status: 'cancelled' })
    .where('payment_id', '=', cancelledGrant.payment.payment_id)
    .execute();
  // And what did: sent and paid count as pending does.
  await status('senior-living-allowance', c.applicant, '2024-03', 'paid');
  await status('senior-living-allowance', c.applicant, '2024-04', 'sent');

  // The registry on 2024-04-30: the households' six persons (born 1980) and these.
  const person = async (birthDate: string, registered: string | null = LINGYA) =>
    (
      await world.commands.recordPerson({
        idNumber: withCheckDigit(`F2${String(++serial).padStart(7, '0')}`),
        name: '報告測試',
        sex: 'M',
        birthDate,
        registeredDistrictCode: registered,
        validFrom: '2000-01-01',
        source: 'test',
      })
    ).personId;
  const senior = await person('1950-05-01');
  await person('1959-04-30'); // 65 on the period's last day
  await person('1959-05-01'); // 64 that day
  await person('1945-01-01', null); // not registered in the city
  const dead = await person('1940-01-01');
  await world.commands.recordPersonChange(dead, {
    validFrom: '2024-04-01',
    deathDate: '2024-04-01',
    source: 'test',
  });
  const certificate = (personId: string, validFrom: string, validTo?: string) =>
    world.commands.recordEvidence(personId, 'disability', {
      validFrom,
      ...(validTo ? { validTo } : {}),
      source: 'test',
      fields: { level: 'moderate', icfCategory: 1 },
    });
  await certificate(senior, '2023-01-01');
  await certificate(c.applicant, '2020-01-01');
  await certificate(a.child, '2024-01-01', '2024-04-30'); // ended: not valid on 04-30
  await certificate(b.applicant, '2024-05-01'); // not yet
  await certificate(dead, '2020-01-01'); // dead: not in the population

  // Children's future accounts on 2024-04-30: a's and b's open, c's closed before, one opened after.
  const account = (h: typeof a, holder: string, openedOn: string, closedOn?: string) =>
    database.db
      .insertInto('asset_account')
      .values({
        account_id: randomUUID(),
        program_id: 'children-future-account',
        holder_person_id: holder,
        household_id: h.householdId,
        district_code: h.district,
        opened_on: openedOn,
        opened_by: world.clerkId,
        ...(closedOn
          ? { status: 'closed', closed_on: closedOn, closed_by: world.clerkId, close_reason: '測試' }
          : {}),
      })
      .execute();
  await account(a, a.child, '2024-01-10');
  await account(b, b.child, '2024-04-15');
  await account(c, c.child, '2023-01-01', '2024-04-01');
  await account(c, c.applicant, '2024-05-02');
}
