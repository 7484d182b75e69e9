import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Benefit administration (mission map §3): applications, four-eyes decisions, entitlements and payments.
 *
 * application: one request for one or more programs, online or at a district office, routed to the
 * district office of the applicant's residence; `version` makes concurrent changes conflict instead of
 * overwrite. application_document: the evidence attached (what it is; files are kept elsewhere).
 * proposal: a clerk's proposed outcome per program; decision: a reviewer's, never the proposer's (CHECK),
 * storing what it rested on — the rules' explanation, the facts, the parameters and the rules' version —
 * so it can be shown again exactly as made after rules and registry have changed.
 * entitlement: what an approved decision grants per month, in versions (a change is a new version).
 * payment: money out, exactly once — a monthly payment per entitlement and month, a one-off grant per
 * event — enforced by unique keys, so a run repeated or resumed after a crash writes nothing twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE application (
  application_id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('online', 'office')),
  applicant_person_id uuid NOT NULL REFERENCES person,
  household_id uuid REFERENCES household,
  district_code text NOT NULL REFERENCES district,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review', 'decided', 'appealed',
    'redecided', 'withdrawn')),
  submitted_at timestamptz,
  due_date date,
  created_by uuid REFERENCES account,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  idempotency_key text UNIQUE
);
CREATE INDEX application_queue ON application (district_code, status, due_date);
CREATE INDEX application_applicant ON application (applicant_person_id);

CREATE TABLE application_program (
  application_id uuid NOT NULL REFERENCES application,
  program_id text NOT NULL,
  PRIMARY KEY (application_id, program_id)
);

CREATE TABLE application_document (
  document_id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES application,
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  evidence_id uuid,
  added_by uuid REFERENCES account,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_document_application ON application_document (application_id);

CREATE TABLE proposal (
  proposal_id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES application,
  proposed_by uuid NOT NULL REFERENCES account,
  proposed_at timestamptz NOT NULL,
  outcomes jsonb NOT NULL,
  note text,
  status text NOT NULL CHECK (status IN ('open', 'decided', 'withdrawn'))
);
CREATE UNIQUE INDEX proposal_open ON proposal (application_id) WHERE status = 'open';

CREATE TABLE decision (
  decision_id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES application,
  proposal_id uuid NOT NULL REFERENCES proposal,
  program_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('initial', 'appeal')),
  outcome text NOT NULL CHECK (outcome IN ('approved', 'rejected')),
  entity text NOT NULL CHECK (entity IN ('person', 'household')),
  entity_id uuid NOT NULL,
  monthly_amount_ntd integer CHECK (monthly_amount_ntd >= 0),
  reasons jsonb NOT NULL,
  explanation jsonb NOT NULL,
  evidence jsonb NOT NULL,
  parameters jsonb NOT NULL,
  rules_version text NOT NULL,
  proposed_by uuid NOT NULL REFERENCES account,
  decided_by uuid NOT NULL REFERENCES account,
  decided_at timestamptz NOT NULL,
  supersedes uuid REFERENCES decision,
  CHECK (proposed_by <> decided_by)
);
CREATE INDEX decision_application ON decision (application_id, program_id, decided_at);

CREATE TABLE entitlement (
  entitlement_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  decision_id uuid NOT NULL REFERENCES decision,
  program_id text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('person', 'household')),
  entity_id uuid NOT NULL,
  payee_person_id uuid NOT NULL REFERENCES person,
  district_code text NOT NULL REFERENCES district,
  monthly_amount_ntd integer NOT NULL CHECK (monthly_amount_ntd >= 0),
  first_month text NOT NULL CHECK (first_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  last_month text CHECK (last_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND last_month >= first_month),
  reason text NOT NULL,
  created_by uuid REFERENCES account,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entitlement_id, version)
);
CREATE INDEX entitlement_program ON entitlement (program_id, first_month);
CREATE INDEX entitlement_payee ON entitlement (payee_person_id);

CREATE TABLE payment_run (
  run_id uuid PRIMARY KEY,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('running', 'completed')),
  started_by uuid REFERENCES account,
  started_at timestamptz NOT NULL,
  completed_at timestamptz,
  payments integer NOT NULL DEFAULT 0,
  amount_ntd bigint NOT NULL DEFAULT 0,
  UNIQUE (period)
);

CREATE TABLE payment (
  payment_id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('monthly', 'grant')),
  run_id uuid REFERENCES payment_run,
  program_id text NOT NULL,
  entitlement_id uuid,
  entitlement_version integer,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  payee_person_id uuid NOT NULL REFERENCES person,
  entity text NOT NULL CHECK (entity IN ('person', 'household')),
  entity_id uuid NOT NULL,
  district_code text NOT NULL REFERENCES district,
  amount_ntd integer NOT NULL CHECK (amount_ntd > 0),
  grant_key text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'paid', 'returned', 'failed',
    'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'monthly') = (entitlement_id IS NOT NULL AND grant_key IS NULL)),
  FOREIGN KEY (entitlement_id, entitlement_version) REFERENCES entitlement (entitlement_id, version)
);
CREATE UNIQUE INDEX payment_once_a_month ON payment (entitlement_id, period) WHERE kind = 'monthly';
CREATE UNIQUE INDEX payment_once_an_event ON payment (program_id, grant_key) WHERE kind = 'grant';
CREATE INDEX payment_by_run ON payment (run_id);
CREATE INDEX payment_payee_year ON payment (payee_person_id, program_id, period);
`,
  );
}
