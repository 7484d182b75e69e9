import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { ASSET_PROGRAMS } from './asset-accounts.ts';
import { approvedDecision, type BenefitWorld, benefitWorld, household } from './benefit-fixtures.ts';
import { grantEntitlements } from './entitlements.ts';

let database: Database;
let world: BenefitWorld;

before(async () => {
  database = await openTestDatabase();
  world = await benefitWorld(database, new IdProtector(generateIdKeys('grants')));
});
after(async () => {
  await database.close();
});

test(`an approved asset-building account is no monthly entitlement; a living allowance is (${testEngine})`, async () => {
  const own = await household(world);
  const decide = (program: string, entity: 'person' | 'household', entityId: string) =>
    approvedDecision(database, world, {
      ...own,
      program,
      entity,
      entityId,
      monthlyAmountNtd: 2_000,
      period: '2024-06',
    });
  const accounts = await Promise.all(ASSET_PROGRAMS.map((program) => decide(program, 'person', own.child)));
  const allowance = await decide('low-income-living-allowance', 'household', own.householdId);
  const granted = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, [...accounts, allowance], world.trail));
  // The account's money moves as deposits and their matches, never through the monthly payment run.
  assert.deepEqual(
    granted.map((g) => g.program_id),
    ['low-income-living-allowance'],
  );
  const rows = await database.db
    .selectFrom('entitlement')
    .select('program_id')
    .where(
      'decision_id',
      'in',
      accounts.map((d) => d.decision_id),
    )
    .execute();
  assert.equal(rows.length, 0);
});
