import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Insurance enrolment evidence (the insurers' records): the NHI premium a person pays themselves (the
 * senior and disability NHI premium subsidies read it; none when another government budget pays it), and
 * the cash-benefit insurances (labour, farmers', civil-service, military) whose insured are not in the
 * national pension (國民年金法 第7條). Dated like the other evidence tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE insurance_enrolment (
  version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  scheme text NOT NULL CHECK (scheme IN ('nhi', 'labour', 'farmers', 'civil_service', 'military')),
  monthly_premium_ntd integer NOT NULL CHECK (monthly_premium_ntd >= 0),
  premium_paid_by_government boolean NOT NULL DEFAULT false
);
CREATE INDEX insurance_enrolment_person ON insurance_enrolment (person_id);
`,
  );
}
