import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Appeals (訴願/申復) against a decision (benefits/appeals.ts). One appeal per decision: filed by the
 * applicant or a clerk for them within 30 days of the decision (訴願法第 14 條), decided by a reviewer of
 * the district other than the original decider. 'changed' writes a new decision (kind 'appeal',
 * supersedes the original), named here as `redecision_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE appeal (
  appeal_id uuid PRIMARY KEY,
  decision_id uuid NOT NULL UNIQUE REFERENCES decision,
  application_id uuid NOT NULL REFERENCES application,
  district_code text NOT NULL REFERENCES district,
  filed_by uuid NOT NULL REFERENCES account,
  filed_at timestamptz NOT NULL,
  grounds text NOT NULL CHECK (length(grounds) BETWEEN 1 AND 4000),
  status text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'decided')),
  outcome text CHECK (outcome IN ('upheld', 'changed')),
  decided_by uuid REFERENCES account,
  decided_at timestamptz,
  redecision_id uuid REFERENCES decision,
  CHECK ((status = 'decided') = (outcome IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL)),
  CHECK ((outcome = 'changed') = (redecision_id IS NOT NULL))
);
CREATE INDEX appeal_queue ON appeal (district_code, status, filed_at);
CREATE INDEX appeal_application ON appeal (application_id);
`,
  );
}
