import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Identity, permissions and audit (mission map §9, protection data of §4).
 *
 * account: staff and citizens (a citizen bound to one registry person); what a role covers is in columns
 * (districts, programs, team, intake, facility). Passwords are argon2id hashes; sessions and API tokens
 * are stored as SHA-256 hashes of the secrets handed out, never the secrets.
 *
 * audit_entry: append-only and hash-chained. Each entry's hash covers its content and the previous
 * entry's hash; seq has no gaps (entries are numbered under a table lock, see audit-log.ts), so a deleted,
 * inserted or altered entry breaks the chain. Triggers refuse UPDATE, DELETE and TRUNCATE to everyone,
 * the owner included; `safetynet db grant-app-role` additionally leaves the application's role only
 * SELECT and INSERT on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE team (
  team_id text PRIMARY KEY CHECK (team_id ~ '^[a-z0-9-]{2,64}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  district_code text REFERENCES district
);

CREATE TABLE account (
  account_id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('citizen', 'district-clerk', 'program-officer', 'reviewer',
    'social-worker', 'supervisor', 'provider', 'statistician', 'auditor', 'admin')),
  password_hash text,
  districts jsonb NOT NULL DEFAULT '[]',
  programs jsonb NOT NULL DEFAULT '[]',
  team_id text REFERENCES team,
  intake boolean NOT NULL DEFAULT false,
  facility_ref text,
  person_id uuid REFERENCES person,
  oidc_subject text UNIQUE,
  failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
  locked_until timestamptz,
  password_changed_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'citizen') = (person_id IS NOT NULL))
);
CREATE UNIQUE INDEX account_citizen_person ON account (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX account_team ON account (team_id);

CREATE TABLE session (
  session_hash bytea PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX session_account ON session (account_id);

CREATE TABLE api_client (
  client_id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  token_hash bytea NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  scopes jsonb NOT NULL,
  districts jsonb NOT NULL DEFAULT '[]',
  created_by uuid REFERENCES account,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Which social worker carries which household (個案量); an ended assignment is kept.
CREATE TABLE caseload_assignment (
  assignment_id uuid PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household,
  worker_account_id uuid NOT NULL REFERENCES account,
  assigned_by uuid REFERENCES account,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE UNIQUE INDEX caseload_open ON caseload_assignment (household_id, worker_account_id) WHERE ended_at IS NULL;
CREATE INDEX caseload_worker ON caseload_assignment (worker_account_id) WHERE ended_at IS NULL;

CREATE TABLE protection_case (
  case_id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('child', 'domestic-violence', 'elder', 'disability', 'sexual-assault')),
  subject_person_id uuid REFERENCES person,
  district_code text NOT NULL REFERENCES district,
  status text NOT NULL CHECK (status IN ('reported', 'assigned', 'closed')),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
  reported_by uuid NOT NULL REFERENCES account,
  reported_at timestamptz NOT NULL DEFAULT now(),
  assigned_worker_id uuid REFERENCES account,
  assigned_by uuid REFERENCES account,
  assigned_at timestamptz,
  closed_at timestamptz,
  CHECK ((status = 'reported') = (assigned_worker_id IS NULL))
);
CREATE INDEX protection_case_worker ON protection_case (assigned_worker_id);
CREATE INDEX protection_case_status ON protection_case (status);

CREATE TABLE break_glass_grant (
  grant_id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account,
  case_id uuid NOT NULL REFERENCES protection_case,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > granted_at)
);
CREATE INDEX break_glass_grant_account ON break_glass_grant (account_id, case_id, expires_at);

CREATE TABLE security_alert (
  alert_id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('break-glass', 'account-locked')),
  raised_at timestamptz NOT NULL DEFAULT now(),
  account_id uuid REFERENCES account,
  record_type text,
  record_id text,
  detail text NOT NULL
);
CREATE INDEX security_alert_raised ON security_alert (raised_at DESC);

CREATE TABLE audit_entry (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor_kind text NOT NULL,
  actor_id text,
  actor_name text NOT NULL,
  role text NOT NULL,
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text,
  ip text,
  purpose text,
  details text NOT NULL,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL UNIQUE
);
CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id, at);

-- (the body on one line: runScript splits statements at a line-final semicolon)
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only (稽核紀錄不得修改或刪除)' USING ERRCODE = '42501'; END $$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;
`,
  );
}
