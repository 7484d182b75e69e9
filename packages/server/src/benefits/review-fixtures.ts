import { withCheckDigit } from '@safetynet/core/identity/id-number';
import type { Database } from '../db/database.ts';
import { approvedDecision, type BenefitWorld } from './benefit-fixtures.ts';
import { grantEntitlements } from './entitlements.ts';

/**
 * For the annual review's tests: a senior (born 1950, registered and living in the district, no income
 * recorded: eligible for the living allowance at its higher tier, 7,759 in 2023 and 8,329 from 2024) alone
 * in a household, and the allowance granted to them from a month at an amount.
 */
export interface Senior {
  personId: string;
  householdId: string;
  district: string;
}

export async function senior(world: BenefitWorld, n: number, district: string): Promise<Senior> {
  const personId = (
    await world.commands.recordPerson({
      idNumber: withCheckDigit(`E2${String(7_100_000 + n).padStart(7, '0')}`),
      name: `長者${n}`,
      sex: 'F',
      birthDate: '1950-03-01',
      registeredDistrictCode: district,
      residenceDistrictCode: district,
      cityRegistrationDate: '1990-01-01',
      validFrom: '1990-01-01',
      source: 'test',
    })
  ).personId;
  const { householdId } = await world.commands.recordHousehold({
    districtCode: district,
    validFrom: '2020-01-01',
    members: [{ personId, role: 'applicant' }],
    source: 'test',
  });
  return { personId, householdId, district };
}

/** The senior living allowance (中低收入老人生活津貼) granted from `period`; its entitlement id. */
export async function livingAllowance(
  database: Database,
  world: BenefitWorld,
  who: Senior,
  amountNtd: number,
  period = '2023-06',
): Promise<string> {
  const decision = await approvedDecision(database, world, {
    applicant: who.personId,
    householdId: who.householdId,
    district: who.district,
    program: 'senior-living-allowance',
    entity: 'person',
    entityId: who.personId,
    monthlyAmountNtd: amountNtd,
    period,
  });
  const [row] = await database.db.transaction().execute((trx) => grantEntitlements(trx, [decision]));
  return row!.entitlement_id;
}
