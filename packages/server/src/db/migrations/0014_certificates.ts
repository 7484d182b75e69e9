import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Eligibility certificates (資格證明書; certificates/certificates.ts): what a household's statuses were on
 * the day a citizen asked, signed so a change to the stored content shows, with a short code anyone holding
 * the paper may check. The holder's name is kept masked only: it is all the certificate and its public
 * check show. Revocation is recorded, never a deletion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE certificate (
  certificate_id uuid PRIMARY KEY,
  code text NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
  holder_person_id uuid NOT NULL REFERENCES person,
  household_id uuid NOT NULL REFERENCES household,
  district_code text NOT NULL REFERENCES district,
  holder_name_masked text NOT NULL,
  statuses jsonb NOT NULL CHECK (jsonb_typeof(statuses) = 'array' AND jsonb_array_length(statuses) > 0),
  issued_on date NOT NULL,
  valid_until date NOT NULL CHECK (valid_until >= issued_on),
  issued_at timestamptz NOT NULL,
  issued_by uuid NOT NULL REFERENCES account,
  signature text NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES account,
  revoke_reason text CHECK (length(revoke_reason) BETWEEN 1 AND 1000),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE UNIQUE INDEX certificate_code ON certificate (code);
CREATE INDEX certificate_holder ON certificate (holder_person_id, issued_at DESC);
CREATE INDEX certificate_household ON certificate (household_id);
`,
  );
}
