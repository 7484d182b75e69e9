import { fromDayNumber } from '../calendar.ts';

/** The tables the synthetic city fills, with their columns in the order rows are written. */
export const SYNTH_TABLES = {
  person: ['person_id', 'id_number_kind', 'id_number'],
  person_version: [
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'name_zh',
    'sex',
    'birth_date',
    'registered_district_code',
    'city_registration_date',
    'residence_district_code',
    'death_date',
  ],
  household: ['household_id'],
  household_version: ['household_id', 'valid_from', 'valid_to', 'source', 'district_code', 'address'],
  household_membership: [
    'membership_id',
    'household_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'role',
  ],
  income_evidence: [
    'evidence_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'income_type',
    'monthly_amount_ntd',
  ],
  property_evidence: [
    'evidence_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'property_kind',
    'property_type',
    'value_ntd',
    'excluded_reason',
  ],
  disability_certificate: [
    'evidence_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'level',
    'icf_category',
  ],
  school_enrolment: [
    'evidence_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'school_level',
    'day_program',
    'grade',
  ],
  tax_bracket: [
    'evidence_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'tax_year',
    'marginal_rate_pct',
  ],
  work_ability: ['evidence_id', 'person_id', 'valid_from', 'valid_to', 'source', 'able_to_work', 'reason'],
  placement: [
    'evidence_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'placement_type',
    'facility_name',
    'publicly_funded',
  ],
  insurance_enrolment: [
    'evidence_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'scheme',
    'monthly_premium_ntd',
    'premium_paid_by_government',
  ],
  status_register: [
    'status_id',
    'status',
    'household_id',
    'person_id',
    'valid_from',
    'valid_to',
    'source',
    'category',
  ],
} as const;

export type SynthTable = keyof typeof SYNTH_TABLES;
export type Cell = string | number | boolean | null;
export type SyntheticChunk = { [T in SynthTable]: Cell[][] };

export function emptyChunk(): SyntheticChunk {
  return Object.fromEntries(Object.keys(SYNTH_TABLES).map((t) => [t, []])) as unknown as SyntheticChunk;
}

export const SOURCE = 'synthetic';

/** ISO dates by day number, memoized: the generator writes millions of dates from a few thousand days. */
const isoByDay = new Map<number, string>();
export function isoDay(dayNumber: number): string {
  let iso = isoByDay.get(dayNumber);
  if (iso === undefined) {
    iso = fromDayNumber(dayNumber);
    isoByDay.set(dayNumber, iso);
  }
  return iso;
}
