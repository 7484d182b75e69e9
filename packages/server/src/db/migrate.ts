import { type Kysely, type Migration, Migrator } from 'kysely';
import { runBackfills } from './backfills.ts';
import * as registry from './migrations/0001_registry.ts';
import * as rules from './migrations/0002_rules.ts';
import * as identity from './migrations/0003_identity.ts';
import * as benefits from './migrations/0004_benefits.ts';
import * as bank from './migrations/0005_bank.ts';
import * as overpayments from './migrations/0006_overpayments.ts';
import * as appeals from './migrations/0007_appeals.ts';
import * as annualReview from './migrations/0008_annual_review.ts';
import * as assetAccounts from './migrations/0009_asset_accounts.ts';
import * as grantClaims from './migrations/0010_grant_claims.ts';
import * as caseloadIndexes from './migrations/0011_caseload_indexes.ts';
import * as insuranceEnrolment from './migrations/0012_insurance_enrolment.ts';
import * as paymentRunSpeed from './migrations/0013_payment_run_speed.ts';
import * as certificates from './migrations/0014_certificates.ts';
import * as paymentRunProgress from './migrations/0015_payment_run_progress.ts';
import * as applicationHousehold from './migrations/0016_application_household.ts';
import * as reportHousehold from './migrations/0017_report_household.ts';
import * as budgetPlan from './migrations/0018_budget_plan.ts';
import * as reportRollup from './migrations/0019_report_rollup.ts';
import { seedReferenceData } from './reference-data.ts';
import type { Schema } from './schema.ts';

/** Forward-only: migrations have no `down`. Schema changes here; data backfills go in their own steps. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_registry': registry,
  '0002_rules': rules,
  '0003_identity': identity,
  '0004_benefits': benefits,
  '0005_bank': bank,
  '0006_overpayments': overpayments,
  '0007_appeals': appeals,
  '0008_annual_review': annualReview,
  '0009_asset_accounts': assetAccounts,
  '0010_grant_claims': grantClaims,
  '0011_caseload_indexes': caseloadIndexes,
  '0012_insurance_enrolment': insuranceEnrolment,
  '0013_payment_run_speed': paymentRunSpeed,
  '0014_certificates': certificates,
  '0015_payment_run_progress': paymentRunProgress,
  '0016_application_household': applicationHousehold,
  '0017_report_household': reportHousehold,
  '0018_budget_plan': budgetPlan,
  '0019_report_rollup': reportRollup,
};

export async function migrateToLatest(db: Kysely<Schema>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  await seedReferenceData(db);
  await runBackfills(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
