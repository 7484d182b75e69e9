import type {
  DISABILITY_LEVELS,
  INCOME_TYPES,
  INSURANCE_SCHEMES,
  MEMBER_ROLES,
  PLACEMENT_TYPES,
  PROPERTY_KINDS,
  PROPERTY_TYPES,
  REGISTER_STATUSES,
  SCHOOL_LEVELS,
  WORK_ABILITY_REASONS,
} from '@safetynet/core/registry/vocabulary';
import type { ColumnType, Generated, Selectable } from 'kysely';

/** Kysely's view of the schema (migrations/). Dates are `YYYY-MM-DD` strings, int8 strings (type-parsers.ts). */

type IsoDate = string;
type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>;

/** Columns every dated (versioned) table has. */
export interface DatedColumns {
  version_id: Generated<Int8>;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  recorded_at: Generated<Date>;
  source: string;
}

export interface DistrictTable {
  code: string;
  name_zh: string;
  name_en: string;
  postal_code: string;
  registered_population: number;
}

export type IdNumberKind = 'national_id' | 'resident_new' | 'resident_old';

export interface PersonTable {
  person_id: string;
  id_number_kind: IdNumberKind;
  id_number_cipher: Buffer;
  id_number_index: Buffer;
  created_at: Generated<Date>;
}

export interface PersonVersionTable extends DatedColumns {
  person_id: string;
  name_zh: string;
  sex: 'M' | 'F';
  birth_date: IsoDate;
  registered_district_code: string | null;
  city_registration_date: IsoDate | null;
  residence_district_code: string | null;
  death_date: IsoDate | null;
}

export interface HouseholdTable {
  household_id: string;
  external_ref: string | null;
  created_at: Generated<Date>;
}

export interface HouseholdVersionTable extends DatedColumns {
  household_id: string;
  district_code: string;
  address: string | null;
}

export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface HouseholdMembershipTable extends DatedColumns {
  membership_id: string;
  household_id: string;
  person_id: string;
  role: MemberRole;
}

interface PersonEvidence extends DatedColumns {
  evidence_id: string;
  person_id: string;
}

export type IncomeType = (typeof INCOME_TYPES)[number];
export interface IncomeEvidenceTable extends PersonEvidence {
  income_type: IncomeType;
  monthly_amount_ntd: number;
}

export type PropertyKind = (typeof PROPERTY_KINDS)[number];
export type PropertyType = (typeof PROPERTY_TYPES)[number];
export interface PropertyEvidenceTable extends PersonEvidence {
  property_kind: PropertyKind;
  property_type: PropertyType;
  value_ntd: Int8;
  excluded_reason: string | null;
}

export type DisabilityLevel = (typeof DISABILITY_LEVELS)[number];
export interface DisabilityCertificateTable extends PersonEvidence {
  level: DisabilityLevel;
  icf_category: number;
}

export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export interface SchoolEnrolmentTable extends PersonEvidence {
  school_level: SchoolLevel;
  day_program: Generated<boolean>;
  grade: number | null;
}

export interface TaxBracketTable extends PersonEvidence {
  tax_year: number;
  marginal_rate_pct: number;
}

export type WorkAbilityReason = (typeof WORK_ABILITY_REASONS)[number];
export interface WorkAbilityTable extends PersonEvidence {
  able_to_work: boolean;
  reason: WorkAbilityReason;
}

export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export interface PlacementTable extends PersonEvidence {
  placement_type: PlacementType;
  facility_name: string | null;
  publicly_funded: Generated<boolean>;
}

/** migrations/0012_insurance_enrolment.ts */
export type InsuranceScheme = (typeof INSURANCE_SCHEMES)[number];
export interface InsuranceEnrolmentTable extends PersonEvidence {
  scheme: InsuranceScheme;
  monthly_premium_ntd: number;
  premium_paid_by_government: Generated<boolean>;
}

export type RegisterStatus = (typeof REGISTER_STATUSES)[number];
export interface StatusRegisterTable extends DatedColumns {
  status_id: string;
  status: RegisterStatus;
  household_id: string | null;
  person_id: string | null;
  category: string | null;
}

export interface Schema {
  district: DistrictTable;
  person: PersonTable;
  person_version: PersonVersionTable;
  household: HouseholdTable;
  household_version: HouseholdVersionTable;
  household_membership: HouseholdMembershipTable;
  income_evidence: IncomeEvidenceTable;
  property_evidence: PropertyEvidenceTable;
  disability_certificate: DisabilityCertificateTable;
  school_enrolment: SchoolEnrolmentTable;
  tax_bracket: TaxBracketTable;
  work_ability: WorkAbilityTable;
  placement: PlacementTable;
  insurance_enrolment: InsuranceEnrolmentTable;
  status_register: StatusRegisterTable;
  population_snapshot: PopulationSnapshotTable;
  population_snapshot_column: PopulationSnapshotColumnTable;
  program_evaluation: ProgramEvaluationTable;
  program_total: ProgramTotalTable;
  program_result: ProgramResultTable;
  team: TeamTable;
  account: AccountTable;
  session: SessionTable;
  api_client: ApiClientTable;
  caseload_assignment: CaseloadAssignmentTable;
  protection_case: ProtectionCaseTable;
  break_glass_grant: BreakGlassGrantTable;
  security_alert: SecurityAlertTable;
  audit_entry: AuditEntryTable;
  application: ApplicationTable;
  application_program: ApplicationProgramTable;
  application_document: ApplicationDocumentTable;
  proposal: ProposalTable;
  decision: DecisionTable;
  entitlement: EntitlementTable;
  payment_run: PaymentRunTable;
  payment: PaymentTable;
  backfill: BackfillTable;
}

/** migrations/0002_rules.ts */
export interface PopulationSnapshotTable {
  snapshot_id: string;
  period: string;
  as_of: IsoDate;
  created_at: Generated<Date>;
  persons: number;
  households: number;
}

export interface PopulationSnapshotColumnTable {
  snapshot_id: string;
  entity: 'person' | 'household';
  name: string;
  data: Buffer;
}

export interface ProgramEvaluationTable {
  evaluation_id: string;
  snapshot_id: string;
  period: string;
  overrides: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  compute_ms: number;
}

export interface ProgramTotalTable {
  evaluation_id: string;
  program_id: string;
  district_code: string | null;
  eligible: number;
  undetermined: number;
  amount_ntd: Int8;
}

export interface ProgramResultTable {
  evaluation_id: string;
  program_id: string;
  entity: 'person' | 'household';
  entity_id: string;
  eligible: boolean | null;
  amount_ntd: number | null;
  open_codes: string;
}

/** The dated tables and the column that names their logical record. */
export const DATED_TABLES = {
  person_version: 'person_id',
  household_version: 'household_id',
  household_membership: 'membership_id',
  income_evidence: 'evidence_id',
  property_evidence: 'evidence_id',
  disability_certificate: 'evidence_id',
  school_enrolment: 'evidence_id',
  tax_bracket: 'evidence_id',
  work_ability: 'evidence_id',
  placement: 'evidence_id',
  insurance_enrolment: 'evidence_id',
  status_register: 'status_id',
} as const satisfies Partial<Record<keyof Schema, string>>;

export type DatedTable = keyof typeof DATED_TABLES;
export type Row<T extends keyof Schema> = Selectable<Schema[T]>;

/** migrations/0003_identity.ts */
export interface TeamTable {
  team_id: string;
  name_zh: string;
  name_en: string;
  district_code: string | null;
}

type JsonList = ColumnType<string[], string, string>;

export interface AccountTable {
  account_id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  /** JSON arrays: written as JSON text, read as arrays. */
  districts: JsonList;
  programs: JsonList;
  team_id: string | null;
  intake: Generated<boolean>;
  facility_ref: string | null;
  person_id: string | null;
  oidc_subject: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  session_hash: Buffer;
  account_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiClientTable {
  client_id: string;
  name: string;
  token_hash: Buffer;
  token_prefix: string;
  scopes: JsonList;
  districts: JsonList;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface CaseloadAssignmentTable {
  assignment_id: string;
  household_id: string;
  worker_account_id: string;
  assigned_by: string | null;
  started_at: Generated<Date>;
  ended_at: Date | null;
}

export type ProtectionKind = 'child' | 'domestic-violence' | 'elder' | 'disability' | 'sexual-assault';
export type ProtectionStatus = 'reported' | 'assigned' | 'closed';

export interface ProtectionCaseTable {
  case_id: string;
  kind: ProtectionKind;
  subject_person_id: string | null;
  district_code: string;
  status: ProtectionStatus;
  summary: string;
  reported_by: string;
  reported_at: Generated<Date>;
  assigned_worker_id: string | null;
  assigned_by: string | null;
  assigned_at: Date | null;
  closed_at: Date | null;
}

export interface BreakGlassGrantTable {
  grant_id: string;
  account_id: string;
  case_id: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
}

export interface SecurityAlertTable {
  alert_id: string;
  kind: 'break-glass' | 'account-locked';
  raised_at: Generated<Date>;
  account_id: string | null;
  record_type: string | null;
  record_id: string | null;
  detail: string;
}

export interface AuditEntryTable {
  seq: Int8;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  role: string;
  action: string;
  record_type: string;
  record_id: string | null;
  ip: string | null;
  purpose: string | null;
  details: string;
  prev_hash: Buffer;
  hash: Buffer;
}

/** migrations/0004_benefits.ts */
type Json = ColumnType<unknown, string, string>;
export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'decided'
  | 'appealed'
  | 'redecided'
  | 'withdrawn';

export interface ApplicationTable {
  application_id: string;
  reference: string;
  channel: 'online' | 'office';
  applicant_person_id: string;
  household_id: string | null;
  district_code: string;
  period: string;
  status: ApplicationStatus;
  submitted_at: Date | null;
  due_date: IsoDate | null;
  created_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
  idempotency_key: string | null;
}

export interface ApplicationProgramTable {
  application_id: string;
  program_id: string;
}

export interface ApplicationDocumentTable {
  document_id: string;
  application_id: string;
  kind: string;
  description: string;
  evidence_id: string | null;
  added_by: string | null;
  added_at: Generated<Date>;
}

export interface ProposalTable {
  proposal_id: string;
  application_id: string;
  proposed_by: string;
  proposed_at: Date;
  /** JSON: [{ program, outcome, reasons? }] */
  outcomes: Json;
  note: string | null;
  status: 'open' | 'decided' | 'withdrawn';
}

export interface DecisionTable {
  decision_id: string;
  application_id: string;
  proposal_id: string;
  program_id: string;
  kind: 'initial' | 'appeal';
  outcome: 'approved' | 'rejected';
  entity: 'person' | 'household';
  entity_id: string;
  monthly_amount_ntd: number | null;
  reasons: Json;
  explanation: Json;
  evidence: Json;
  parameters: Json;
  rules_version: string;
  proposed_by: string;
  decided_by: string;
  decided_at: Date;
  supersedes: string | null;
}

export interface EntitlementTable {
  entitlement_id: string;
  version: number;
  decision_id: string;
  program_id: string;
  entity: 'person' | 'household';
  entity_id: string;
  payee_person_id: string;
  district_code: string;
  monthly_amount_ntd: number;
  first_month: string;
  last_month: string | null;
  reason: string;
  created_by: string | null;
  created_at: Generated<Date>;
  /** migrations/0017: the household the entitlement is for (a person's: the application's household). */
  household_id: string | null;
}

export interface PaymentRunTable {
  run_id: string;
  period: string;
  status: 'running' | 'completed';
  started_by: string | null;
  started_at: Date;
  completed_at: Date | null;
  payments: Generated<number>;
  amount_ntd: Generated<Int8>;
  /** migrations/0015: the entitlements the run walks through, and how many it has done. */
  entitlements_total: number | null;
  entitlements_done: Generated<number>;
  /** migrations/0019: its payments are in the reports' rollup (counted in at the run's end). */
  counted_in_reports: Generated<boolean>;
}

export type PaymentStatus = 'pending' | 'sent' | 'paid' | 'returned' | 'failed' | 'cancelled';

export interface PaymentTable {
  payment_id: string;
  kind: 'monthly' | 'grant';
  run_id: string | null;
  program_id: string;
  entitlement_id: string | null;
  entitlement_version: number | null;
  period: string;
  payee_person_id: string;
  entity: 'person' | 'household';
  entity_id: string;
  district_code: string;
  amount_ntd: number;
  grant_key: string | null;
  status: Generated<PaymentStatus>;
  created_at: Generated<Date>;
  /** migrations/0017: a copy of the entitlement's household (a grant's: its application's). */
  household_id: string | null;
}

/** migrations/0017: data backfills done (db/backfills.ts). */
export interface BackfillTable {
  name: string;
  completed_at: Generated<Date>;
  rows: Int8;
}

/** migrations/0005_bank.ts (interfaces merge with the declarations above) */
export interface PayeeBankAccountTable {
  person_id: string;
  bank_code: string;
  branch_code: string;
  account_cipher: Buffer;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface BankFileTable {
  file_id: string;
  period: string;
  sequence: number;
  created_on: IsoDate;
  created_by: string | null;
  created_at: Generated<Date>;
  payments: number;
  amount_ntd: Int8;
  sha256: string;
}

export interface BankFileItemTable {
  file_id: string;
  line: number;
  payment_id: string;
  attempt: number;
  bank_code: string;
  branch_code: string;
  account_cipher: Buffer;
  payee_name: string;
  amount_ntd: number;
}

export interface BankReturnTable {
  payment_id: string;
  attempt: number;
  status: 'paid' | 'returned' | 'failed';
  reason_code: string;
  file_sha256: string;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface PaymentTable {
  /** 0005_bank.ts: the attempt a returned or failed payment is sent again as. */
  attempt: Generated<number>;
}

export interface Schema {
  payee_bank_account: PayeeBankAccountTable;
  bank_file: BankFileTable;
  bank_file_item: BankFileItemTable;
  bank_return: BankReturnTable;
}

/** migrations/0006_overpayments.ts */
export interface OverpaymentTable {
  overpayment_id: string;
  payment_id: string;
  entitlement_id: string;
  program_id: string;
  payee_person_id: string;
  district_code: string;
  period: string;
  amount_ntd: number;
  reason: string;
  recovery: Generated<'deduction' | 'repayment'>;
  status: Generated<'open' | 'recovered' | 'waived'>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface OverpaymentRecoveryTable {
  recovery_id: string;
  overpayment_id: string;
  kind: 'deduction' | 'repayment';
  payment_id: string | null;
  amount_ntd: number;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface Schema {
  overpayment: OverpaymentTable;
  overpayment_recovery: OverpaymentRecoveryTable;
}

/** migrations/0007_appeals.ts */
export interface AppealTable {
  appeal_id: string;
  decision_id: string;
  application_id: string;
  district_code: string;
  filed_by: string;
  filed_at: Date;
  grounds: string;
  status: Generated<'filed' | 'decided'>;
  outcome: 'upheld' | 'changed' | null;
  decided_by: string | null;
  decided_at: Date | null;
  redecision_id: string | null;
}

export interface Schema {
  appeal: AppealTable;
}

/** migrations/0009_asset_accounts.ts */
export type AssetProgramId =
  | 'youth-development-account'
  | 'children-future-account'
  | 'youth-savings-account';

export interface AssetAccountTable {
  account_id: string;
  program_id: AssetProgramId;
  holder_person_id: string;
  household_id: string;
  district_code: string;
  opened_on: IsoDate;
  opened_by: string;
  opened_at: Generated<Date>;
  status: Generated<'open' | 'closed'>;
  closed_on: IsoDate | null;
  closed_by: string | null;
  close_reason: string | null;
}

export interface AssetDepositTable {
  deposit_id: string;
  account_id: string;
  deposited_on: IsoDate;
  kind: 'own' | 'match';
  amount_ntd: number;
  /** A match: the own deposit it matches. */
  own_deposit_id: string | null;
  own_kind: ColumnType<'own' | null, never, never>;
  /** An own deposit: the caller's key (a retry returns the first). */
  idempotency_key: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface Schema {
  asset_account: AssetAccountTable;
  asset_deposit: AssetDepositTable;
}

/** migrations/0008_annual_review.ts */
export interface AnnualReviewTable {
  review_id: string;
  year: number;
  effective_month: string;
  rules_version: string;
  snapshot_id: string;
  status: 'running' | 'open';
  runs: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  refreshed_at: Generated<Date>;
}

export type ReviewOutcome = 'continue' | 'change' | 'end';

export interface AnnualReviewItemTable {
  item_id: string;
  review_id: string;
  run: number;
  entitlement_id: string;
  entitlement_version: number;
  program_id: string;
  entity: 'person' | 'household';
  entity_id: string;
  payee_person_id: string;
  district_code: string;
  current_amount_ntd: number;
  outcome: ReviewOutcome;
  new_amount_ntd: number | null;
  /** JSON: [{ code, reference, message: { zh, en } }] */
  reasons: Json;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  applied_version: number | null;
  notice_issued: Generated<boolean>;
  notice_issued_at: Date | null;
}

export interface Schema {
  annual_review: AnnualReviewTable;
  annual_review_item: AnnualReviewItemTable;
}

/** migrations/0010_grant_claims.ts */
export interface ApplicationTable {
  /** The event facts the application claims for (the rules' `events`), stored as given. */
  events: ColumnType<unknown, string | undefined, string>;
}

export interface OverpaymentRecoveryTable {
  idempotency_key: string | null;
}

/** migrations/0014_certificates.ts */
export interface CertificateTable {
  certificate_id: string;
  /** XXXX-XXXX-XXXX, Crockford base32. */
  code: string;
  holder_person_id: string;
  household_id: string;
  district_code: string;
  holder_name_masked: string;
  /** JSON: [{ status, category?, level? }] as stated (certificates/certificates.ts CertifiedStatus). */
  statuses: Json;
  issued_on: IsoDate;
  valid_until: IsoDate;
  issued_at: Date;
  issued_by: string;
  signature: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface Schema {
  certificate: CertificateTable;
}

/** migrations/0018_budget_plan.ts: the annual plan and its budget per line (docs/budget.md). */
export interface BudgetPlanTable {
  /** Gregorian; the ROC year is plan_year − 1911. */
  plan_year: number;
  source: string;
  copied_from_year: number | null;
  created_by: string | null;
  created_by_name: string;
  created_at: Generated<Date>;
}

export interface BudgetLineTable {
  line_id: string;
  plan_year: number;
  position: number;
  /** 類, as printed: 「參、社會救助」. */
  category: string;
  /** 項: 「貧困及災害救助」. */
  item: string;
  sub_item: string | null;
  /** 備考. */
  note: string | null;
  /** 千元 (thousand NTD), the plan's unit. */
  budget_thousand_ntd: number;
  version: Generated<number>;
}

export interface BudgetLineProgramTable {
  plan_year: number;
  program_id: string;
  line_id: string;
}

export interface BudgetLineAmendmentTable {
  amendment_id: string;
  line_id: string;
  version: number;
  budget_thousand_ntd: number;
  previous_budget_thousand_ntd: number | null;
  program_ids: ColumnType<string[], string, string>;
  previous_program_ids: ColumnType<string[] | null, string | null, string | null>;
  reason: string;
  amended_by: string | null;
  amended_by_name: string;
  amended_at: Generated<Date>;
}

export interface Schema {
  budget_plan: BudgetPlanTable;
  budget_line: BudgetLineTable;
  budget_line_program: BudgetLineProgramTable;
  budget_line_amendment: BudgetLineAmendmentTable;
}
