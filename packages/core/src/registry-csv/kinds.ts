import {
  DISABILITY_LEVELS,
  INCOME_TYPES,
  INSURANCE_SCHEMES,
  MARGINAL_RATES,
  MEMBER_ROLES,
  PLACEMENT_TYPES,
  PROPERTY_KINDS,
  PROPERTY_TYPES,
  REGISTER_STATUSES,
  SCHOOL_LEVELS,
  WORK_ABILITY_REASONS,
} from '../registry/vocabulary.ts';
import type { Column, ColumnType } from './columns.ts';

/** Every CSV kind with its columns, in the order files are imported (references first). */
const text = (maxLength: number): ColumnType => ({ kind: 'text', maxLength });
const date: ColumnType = { kind: 'date' };
const enumOf = (values: readonly (string | number)[]): ColumnType => ({
  kind: 'enum',
  values: values.map(String),
});
const col = (name: string, type: ColumnType, required = true): Column => ({ name, type, required });
const opt = (name: string, type: ColumnType): Column => col(name, type, false);

const dated = [col('valid_from', date), opt('valid_to', date), opt('source', text(200))];
const byPerson = col('id_number', { kind: 'idNumber' });

export const CSV_KINDS = {
  persons: [
    byPerson,
    col('name', text(100)),
    col('sex', enumOf(['M', 'F'])),
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
  memberships: [col('household_ref', text(64)), byPerson, col('role', enumOf(MEMBER_ROLES)), ...dated],
  income: [
    byPerson,
    col('income_type', enumOf(INCOME_TYPES)),
    col('monthly_amount_ntd', { kind: 'integer', min: 0, max: 100_000_000 }),
    ...dated,
  ],
  property: [
    byPerson,
    col('property_kind', enumOf(PROPERTY_KINDS)),
    col('property_type', enumOf(PROPERTY_TYPES)),
    col('value_ntd', { kind: 'integer', min: 0, max: 1_000_000_000_000 }),
    opt('excluded_reason', text(200)),
    ...dated,
  ],
  disability: [
    byPerson,
    col('level', enumOf(DISABILITY_LEVELS)),
    col('icf_category', { kind: 'integer', min: 1, max: 8 }),
    ...dated,
  ],
  school: [
    byPerson,
    col('school_level', enumOf(SCHOOL_LEVELS)),
    opt('day_program', { kind: 'boolean' }),
    opt('grade', { kind: 'integer', min: 1, max: 7 }),
    ...dated,
  ],
  'tax-bracket': [
    byPerson,
    col('tax_year', { kind: 'integer', min: 1990, max: 2100 }),
    col('marginal_rate_pct', enumOf(MARGINAL_RATES)),
    ...dated,
  ],
  'work-ability': [
    byPerson,
    col('able_to_work', { kind: 'boolean' }),
    col('reason', enumOf(WORK_ABILITY_REASONS)),
    ...dated,
  ],
  placement: [
    byPerson,
    col('placement_type', enumOf(PLACEMENT_TYPES)),
    opt('facility_name', text(200)),
    opt('publicly_funded', { kind: 'boolean' }),
    ...dated,
  ],
  insurance: [
    byPerson,
    col('scheme', enumOf(INSURANCE_SCHEMES)),
    col('monthly_premium_ntd', { kind: 'integer', min: 0, max: 1_000_000 }),
    opt('premium_paid_by_government', { kind: 'boolean' }),
    ...dated,
  ],
  statuses: [
    col('status', enumOf(REGISTER_STATUSES)),
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
  insurance: 'insurance_enrolment',
} as const;
export type EvidenceCsvKind = keyof typeof EVIDENCE_TABLES;
