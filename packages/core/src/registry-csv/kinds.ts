import type { Column, ColumnType } from './columns.ts';

/** Every CSV kind with its columns, in the order files are imported (references first). */
const text = (maxLength: number): ColumnType => ({ kind: 'text', maxLength });
const date: ColumnType = { kind: 'date' };
const enumOf = (...values: string[]): ColumnType => ({ kind: 'enum', values });
const col = (name: string, type: ColumnType, required = true): Column => ({ name, type, required });
const opt = (name: string, type: ColumnType): Column => col(name, type, false);

const dated = [col('valid_from', date), opt('valid_to', date), opt('source', text(200))];
const byPerson = col('id_number', { kind: 'idNumber' });

export const CSV_KINDS = {
  persons: [
    byPerson,
    col('name', text(100)),
    col('sex', enumOf('M', 'F')),
    col('birth_date', date),
    opt('registered_district', { kind: 'district' }),
    opt('city_registration_date', date),
    opt('residence_district', { kind: 'district' }),
    opt('death_date', date),
    opt('valid_from', date),
    opt('source', text(200)),
  ],
  households: [
    col('household_ref', text(64)),
    col('district', { kind: 'district' }),
    opt('address', text(200)),
    ...dated,
  ],
  memberships: [
    col('household_ref', text(64)),
    byPerson,
    col('role', enumOf('applicant', 'spouse', 'lineal_relative', 'child', 'other')),
    ...dated,
  ],
  income: [
    byPerson,
    col('income_type', enumOf('earned', 'business', 'property', 'interest', 'pension', 'rent', 'other')),
    col('monthly_amount_ntd', { kind: 'integer', min: 0, max: 100_000_000 }),
    ...dated,
  ],
  property: [
    byPerson,
    col('property_kind', enumOf('movable', 'immovable')),
    col(
      'property_type',
      enumOf('deposit', 'securities', 'investment', 'vehicle', 'land', 'building', 'other'),
    ),
    col('value_ntd', { kind: 'integer', min: 0, max: 1_000_000_000_000 }),
    opt('excluded_reason', text(200)),
    ...dated,
  ],
  disability: [
    byPerson,
    col('level', enumOf('mild', 'moderate', 'severe', 'profound')),
    col('icf_category', { kind: 'integer', min: 1, max: 8 }),
    ...dated,
  ],
  school: [
    byPerson,
    col(
      'school_level',
      enumOf(
        'preschool',
        'elementary',
        'junior_high',
        'senior_high',
        'junior_college',
        'university',
        'graduate',
      ),
    ),
    opt('day_program', { kind: 'boolean' }),
    opt('grade', { kind: 'integer', min: 1, max: 7 }),
    ...dated,
  ],
  'tax-bracket': [
    byPerson,
    col('tax_year', { kind: 'integer', min: 1990, max: 2100 }),
    col('marginal_rate_pct', enumOf('0', '5', '12', '20', '30', '40')),
    ...dated,
  ],
  'work-ability': [
    byPerson,
    col('able_to_work', { kind: 'boolean' }),
    col(
      'reason',
      enumOf(
        'able',
        'student',
        'disability',
        'illness',
        'caregiver',
        'pregnancy',
        'unemployed_seeking',
        'other',
      ),
    ),
    ...dated,
  ],
  placement: [
    byPerson,
    col(
      'placement_type',
      enumOf(
        'foster_family',
        'kinship',
        'child_institution',
        'senior_institution',
        'disability_institution',
        'psychiatric_institution',
        'shelter',
      ),
    ),
    opt('facility_name', text(200)),
    opt('publicly_funded', { kind: 'boolean' }),
    ...dated,
  ],
  statuses: [
    col('status', enumOf('low_income', 'mid_low_income', 'senior_living_alone', 'homeless')),
    opt('household_ref', text(64)),
    opt('id_number', { kind: 'idNumber' }),
    opt('category', text(20)),
    ...dated,
  ],
} as const satisfies Record<string, readonly Column[]>;

export type CsvKind = keyof typeof CSV_KINDS;
export const CSV_KIND_NAMES = Object.keys(CSV_KINDS) as CsvKind[];

/** Evidence kinds and the table each goes to. */
export const EVIDENCE_TABLES = {
  income: 'income_evidence',
  property: 'property_evidence',
  disability: 'disability_certificate',
  school: 'school_enrolment',
  'tax-bracket': 'tax_bracket',
  'work-ability': 'work_ability',
  placement: 'placement',
} as const;
export type EvidenceCsvKind = keyof typeof EVIDENCE_TABLES;
