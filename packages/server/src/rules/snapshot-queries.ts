import { isIsoDate } from '@safetynet/core/calendar';
import { MEMBER_ROLES } from '@safetynet/core/registry/vocabulary';
import { HOUSEHOLD_FACTS, PERSON_FACTS } from '@safetynet/rules';

/**
 * The SQL that reads the registry as it was on a date into the rules' facts, one query per table, each
 * returning small integers (day numbers, enum indexes, sums) so the client parses numbers, not dates or
 * words. Each is sent as COPY (…) TO STDOUT, which has no parameters: the date is checked and inlined.
 */

/** Per logical record, the version in force on `on` (see db/as-of.ts: the same rule as raw SQL). */
function asOf(table: string, key: string, on: string, columns: string): string {
  // Only the columns needed are sorted (narrow rows sort in memory, wide ones spill at city scale).
  return `(SELECT ${columns} FROM (
    SELECT DISTINCT ON (${key}) valid_to, ${columns}
    FROM ${table}
    WHERE valid_from <= DATE '${on}'
    ORDER BY ${key}, valid_from DESC, recorded_at DESC, version_id DESC
  ) latest WHERE valid_to IS NULL OR valid_to > DATE '${on}')`;
}

/**
 * `CASE column WHEN 'a' THEN 0 WHEN 'b' THEN 1 … ELSE 0 END`: the index of a registry word among a fact's
 * values (the facts use the registry's words; a word the fact lacks becomes its first value, `none`).
 */
function indexOf(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE 0 END`;
}

const day = (column: string) => `(${column} - DATE '1970-01-01')`;

export interface SnapshotQuery {
  name: string;
  /** Whose facts the lines carry (default: a person's). */
  entity?: 'household';
  /** The columns of each line, in order. */
  columns: readonly string[];
  sql: string;
}

/** The queries for the registry as on `on`; every line is keyed by a person (or household) uuid. */
export function snapshotQueries(on: string): SnapshotQuery[] {
  if (!isIsoDate(on)) throw new Error(`not a date: ${on}`);
  const districtIndex = indexOf('x.district_code', HOUSEHOLD_FACTS.district.type.values);
  return [
    {
      // Persons alive on the date with their household, grouped by household, applicant first.
      name: 'members',
      columns: [
        'household',
        'person',
        'role',
        'birthDate',
        'sex',
        'registeredInCity',
        'registeredSince',
        'residesInCity',
        'district',
      ],
      // A person alive on the date in no household (a homeless person, most often) is a household of one,
      // keyed by the person's own id, in the district they live or are registered in.
      sql: `WITH m AS ${asOf('household_membership', 'membership_id', on, 'household_id, person_id, role')},
        p AS (SELECT * FROM ${asOf(
          'person_version',
          'person_id',
          on,
          'person_id, birth_date, sex, registered_district_code, city_registration_date, residence_district_code, death_date',
        )} alive WHERE death_date IS NULL OR death_date > DATE '${on}'),
        h AS ${asOf('household_version', 'household_id', on, 'household_id, district_code')},
        placed AS (
          SELECT m.household_id, m.person_id, ${indexOf('m.role', MEMBER_ROLES)} AS role, h.district_code
          FROM m JOIN h USING (household_id)
          UNION ALL
          SELECT p.person_id, p.person_id, 0, coalesce(p.residence_district_code, p.registered_district_code)
          FROM p WHERE NOT EXISTS (SELECT 1 FROM m JOIN h USING (household_id) WHERE m.person_id = p.person_id))
        SELECT x.household_id, x.person_id, x.role,
          ${day('p.birth_date')}, (p.sex = 'F')::int, (p.registered_district_code IS NOT NULL)::int,
          coalesce(${day('p.city_registration_date')}, ${day('p.birth_date')}),
          (p.residence_district_code IS NOT NULL)::int, ${districtIndex}
        FROM placed x JOIN p USING (person_id)
        ORDER BY x.household_id, x.role <> 0, x.person_id`,
    },
    {
      // D0050078 第5-1條: work income (wages, business), income from property, other income; monthly.
      name: 'income',
      columns: ['person', 'earnedIncomeNtd', 'propertyIncomeNtd', 'otherIncomeNtd'],
      sql: `SELECT person_id,
          sum(monthly_amount_ntd) FILTER (WHERE income_type IN ('earned', 'business')),
          sum(monthly_amount_ntd) FILTER (WHERE income_type IN ('property', 'interest', 'rent')),
          sum(monthly_amount_ntd) FILTER (WHERE income_type IN ('pension', 'other'))
        FROM ${asOf('income_evidence', 'evidence_id', on, 'person_id, income_type, monthly_amount_ntd')} e
        GROUP BY person_id`,
    },
    {
      // Property excluded by D0050078 第5-2條 (excluded_reason) does not count.
      name: 'property',
      columns: ['person', 'movablePropertyNtd', 'immovablePropertyNtd'],
      sql: `SELECT person_id,
          sum(value_ntd) FILTER (WHERE property_kind = 'movable'),
          sum(value_ntd) FILTER (WHERE property_kind = 'immovable')
        FROM ${asOf('property_evidence', 'evidence_id', on, 'person_id, property_kind, value_ntd, excluded_reason')} e
        WHERE excluded_reason IS NULL
        GROUP BY person_id`,
    },
    {
      // The highest level among valid certificates.
      name: 'disability',
      columns: ['person', 'disabilityLevel'],
      sql: `SELECT person_id, max(${indexOf('level', PERSON_FACTS.disabilityLevel.type.values)})
        FROM ${asOf('disability_certificate', 'evidence_id', on, 'person_id, level')} e
        GROUP BY person_id`,
    },
    {
      name: 'school',
      columns: ['person', 'schoolLevel', 'schoolGrade', 'dayProgram'],
      sql: `SELECT DISTINCT ON (person_id) person_id, ${indexOf('school_level', PERSON_FACTS.schoolLevel.type.values)},
          coalesce(grade, 0), day_program::int
        FROM ${asOf('school_enrolment', 'evidence_id', on, 'person_id, school_level, grade, day_program')} e
        ORDER BY person_id, school_level DESC`,
    },
    {
      name: 'tax',
      columns: ['person', 'taxRatePct'],
      sql: `SELECT DISTINCT ON (person_id) person_id, marginal_rate_pct
        FROM ${asOf('tax_bracket', 'evidence_id', on, 'person_id, tax_year, marginal_rate_pct')} e
        ORDER BY person_id, tax_year DESC`,
    },
    {
      // Able, or a reason the rules do not know (looking for work, other): `none`.
      name: 'work',
      columns: ['person', 'workInability', 'registeredUnemployed'],
      sql: `SELECT DISTINCT ON (person_id) person_id,
          CASE WHEN able_to_work THEN 0 ELSE ${indexOf('reason', PERSON_FACTS.workInability.type.values)} END,
          (reason = 'unemployed_seeking')::int
        FROM ${asOf('work_ability', 'evidence_id', on, 'person_id, able_to_work, reason')} e
        ORDER BY person_id`,
    },
    {
      name: 'placement',
      columns: ['person', 'placement', 'placedSince'],
      sql: `SELECT DISTINCT ON (person_id) person_id, ${indexOf('placement_type', PERSON_FACTS.placement.type.values)}, ${day('valid_from')}
        FROM ${asOf('placement', 'evidence_id', on, 'person_id, placement_type, valid_from')} e
        ORDER BY person_id, valid_from DESC`,
    },
    {
      // The self-paid NHI premium, whether another budget pays it, and cash-benefit insurance premiums.
      name: 'insurance',
      columns: ['person', 'nhiPremiumNtd', 'nhiPremiumPaidByGovernment', 'cashInsurancePremiumNtd'],
      sql: `SELECT person_id,
          sum(monthly_premium_ntd) FILTER (WHERE scheme = 'nhi' AND NOT premium_paid_by_government),
          bool_or(scheme = 'nhi' AND premium_paid_by_government)::int,
          sum(monthly_premium_ntd) FILTER (WHERE scheme <> 'nhi')
        FROM ${asOf('insurance_enrolment', 'evidence_id', on, 'person_id, scheme, monthly_premium_ntd, premium_paid_by_government')} e
        GROUP BY person_id`,
    },
    {
      // The low-income class (款別) on the household's low-income register entry (0 = none given).
      name: 'household-status',
      entity: 'household',
      columns: ['household', 'lowIncomeClass'],
      sql: `SELECT household_id, max(CASE WHEN category ~ '^[1-9]$' THEN category::int ELSE 0 END)
        FROM ${asOf('status_register', 'status_id', on, 'household_id, status, category')} e
        WHERE household_id IS NOT NULL AND status = 'low_income'
        GROUP BY household_id`,
    },
    {
      name: 'status',
      columns: ['person', 'livingAlone', 'homeless'],
      sql: `SELECT person_id, bool_or(status = 'senior_living_alone')::int, bool_or(status = 'homeless')::int
        FROM ${asOf('status_register', 'status_id', on, 'person_id, status')} e
        WHERE person_id IS NOT NULL
        GROUP BY person_id`,
    },
  ];
}
