import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * The registry (mission map §1): districts, persons, households, memberships, evidence and status
 * registers.
 *
 * Nothing is overwritten. Every dated table holds versions of a logical record (`*_id`):
 *   valid_from   the day the fact starts to hold (a new version from a later day supersedes the earlier one
 *                from that day on: a name change, a move),
 *   valid_to     the first day it no longer holds (exclusive; NULL = open): a certificate's expiry, the end
 *                of a membership,
 *   recorded_at  when we learned it; a later version with the same valid_from corrects an earlier one.
 * "As on date D" = per logical record, the latest-recorded version of the latest segment starting on or
 * before D, kept only if D < valid_to (see `as-of.ts`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE district (
  code text PRIMARY KEY CHECK (code ~ '^64000[0-3][0-9]0$'),
  name_zh text NOT NULL UNIQUE,
  name_en text NOT NULL,
  postal_code text NOT NULL,
  registered_population integer NOT NULL CHECK (registered_population > 0)
);

CREATE TABLE person (
  person_id uuid PRIMARY KEY,
  id_number_kind text NOT NULL CHECK (id_number_kind IN ('national_id', 'resident_new', 'resident_old')),
  id_number_cipher bytea NOT NULL,
  id_number_index bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE person_version (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  sex text NOT NULL CHECK (sex IN ('M', 'F')),
  birth_date date NOT NULL,
  registered_district_code text REFERENCES district,
  city_registration_date date,
  residence_district_code text REFERENCES district,
  death_date date CHECK (death_date >= birth_date)
);
CREATE INDEX person_version_asof ON person_version (person_id, valid_from DESC, recorded_at DESC);
-- text_pattern_ops: prefix search (LIKE '王%') whatever the collation
CREATE INDEX person_version_name ON person_version (name_zh text_pattern_ops);
CREATE INDEX person_version_district ON person_version (registered_district_code);

-- external_ref: the household's number in the sending system (戶號 or an office's own key), for transfers.
CREATE TABLE household (
  household_id uuid PRIMARY KEY,
  external_ref text UNIQUE CHECK (length(external_ref) BETWEEN 1 AND 64),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE household_version (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  district_code text NOT NULL REFERENCES district,
  address text
);
CREATE INDEX household_version_asof ON household_version (household_id, valid_from DESC, recorded_at DESC);
CREATE INDEX household_version_district ON household_version (district_code);

CREATE TABLE household_membership (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  membership_id uuid NOT NULL,
  household_id uuid NOT NULL REFERENCES household,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  role text NOT NULL CHECK (role IN ('applicant', 'spouse', 'lineal_relative', 'child', 'other'))
);
CREATE INDEX household_membership_asof ON household_membership (membership_id, valid_from DESC, recorded_at DESC);
CREATE INDEX household_membership_household ON household_membership (household_id);
CREATE INDEX household_membership_person ON household_membership (person_id);

-- Evidence: each kind its own table with the same dated columns. Evidence is always read per person (the
-- person index narrows it first), so it needs no index on its own dated key.
CREATE TABLE income_evidence (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  income_type text NOT NULL
    CHECK (income_type IN ('earned', 'business', 'property', 'interest', 'pension', 'rent', 'other')),
  monthly_amount_ntd integer NOT NULL CHECK (monthly_amount_ntd >= 0)
);
CREATE INDEX income_evidence_person ON income_evidence (person_id);

CREATE TABLE property_evidence (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  property_kind text NOT NULL CHECK (property_kind IN ('movable', 'immovable')),
  property_type text NOT NULL
    CHECK (property_type IN ('deposit', 'securities', 'investment', 'vehicle', 'land', 'building', 'other')),
  value_ntd bigint NOT NULL CHECK (value_ntd >= 0),
  excluded_reason text
);
CREATE INDEX property_evidence_person ON property_evidence (person_id);

CREATE TABLE disability_certificate (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  level text NOT NULL CHECK (level IN ('mild', 'moderate', 'severe', 'profound')),
  icf_category smallint NOT NULL CHECK (icf_category BETWEEN 1 AND 8)
);
CREATE INDEX disability_certificate_person ON disability_certificate (person_id);

CREATE TABLE school_enrolment (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  school_level text NOT NULL CHECK (school_level IN ('preschool', 'elementary', 'junior_high', 'senior_high',
    'junior_college', 'university', 'graduate')),
  day_program boolean NOT NULL DEFAULT true,
  grade smallint CHECK (grade BETWEEN 1 AND 7)
);
CREATE INDEX school_enrolment_person ON school_enrolment (person_id);

CREATE TABLE tax_bracket (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  tax_year smallint NOT NULL CHECK (tax_year BETWEEN 1990 AND 2100),
  marginal_rate_pct smallint NOT NULL CHECK (marginal_rate_pct IN (0, 5, 12, 20, 30, 40))
);
CREATE INDEX tax_bracket_person ON tax_bracket (person_id);

CREATE TABLE work_ability (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  able_to_work boolean NOT NULL,
  reason text NOT NULL CHECK (reason IN ('able', 'student', 'disability', 'illness', 'caregiver', 'pregnancy',
    'unemployed_seeking', 'other'))
);
CREATE INDEX work_ability_person ON work_ability (person_id);

CREATE TABLE placement (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  placement_type text NOT NULL CHECK (placement_type IN ('foster_family', 'kinship', 'child_institution',
    'senior_institution', 'disability_institution', 'psychiatric_institution', 'shelter')),
  facility_name text,
  publicly_funded boolean NOT NULL DEFAULT false
);
CREATE INDEX placement_person ON placement (person_id);

-- Status registers: household statuses (low-income, mid-low-income) and person statuses.
CREATE TABLE status_register (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('low_income', 'mid_low_income', 'senior_living_alone', 'homeless')),
  household_id uuid REFERENCES household,
  person_id uuid REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  category text,
  CHECK (CASE WHEN status IN ('low_income', 'mid_low_income')
    THEN household_id IS NOT NULL AND person_id IS NULL
    ELSE person_id IS NOT NULL AND household_id IS NULL END),
  CHECK (category IS NULL OR status = 'low_income')
);
CREATE INDEX status_register_asof ON status_register (status_id, valid_from DESC, recorded_at DESC);
CREATE INDEX status_register_household ON status_register (household_id);
CREATE INDEX status_register_person ON status_register (person_id);
`,
  );
}
