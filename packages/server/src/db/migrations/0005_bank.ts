import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Bank transfers of the payment runs (docs/bank-transfer-file.md).
 *
 * payee_bank_account: where a payee is paid; the account number is personal data, sealed with the
 * IdProtector (the person's id as associated data), never stored in clear.
 * bank_file: one transfer file of a month (a month has more than one when returned payments are sent
 * again), its creation date and SHA-256; bank_file_item: what each detail record said, a snapshot (the
 * account sealed for the item), so the same file can be written again byte for byte after a payee's
 * account changed.
 * payment.attempt: a returned or failed payment is sent again as the SAME payment row (the unique index
 * on entitlement and month stays whole): back to 'pending' with attempt + 1. bank_return: the bank's
 * answer per payment and attempt, once (its primary key makes importing a returns file twice a no-op).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE payee_bank_account (
  person_id uuid PRIMARY KEY REFERENCES person,
  bank_code text NOT NULL CHECK (bank_code ~ '^[0-9]{3}$'),
  branch_code text NOT NULL CHECK (branch_code ~ '^[0-9]{4}$'),
  account_cipher bytea NOT NULL,
  updated_by uuid REFERENCES account,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE payment ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt > 0);

CREATE TABLE bank_file (
  file_id uuid PRIMARY KEY,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  sequence integer NOT NULL CHECK (sequence > 0),
  created_on date NOT NULL,
  created_by uuid REFERENCES account,
  created_at timestamptz NOT NULL DEFAULT now(),
  payments integer NOT NULL CHECK (payments > 0),
  amount_ntd bigint NOT NULL CHECK (amount_ntd > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  UNIQUE (period, sequence)
);

CREATE TABLE bank_file_item (
  file_id uuid NOT NULL REFERENCES bank_file,
  line integer NOT NULL CHECK (line > 0),
  payment_id uuid NOT NULL REFERENCES payment,
  attempt integer NOT NULL CHECK (attempt > 0),
  bank_code text NOT NULL,
  branch_code text NOT NULL,
  account_cipher bytea NOT NULL,
  payee_name text NOT NULL,
  amount_ntd integer NOT NULL CHECK (amount_ntd > 0),
  PRIMARY KEY (file_id, line),
  UNIQUE (payment_id, attempt)
);

CREATE TABLE bank_return (
  payment_id uuid NOT NULL REFERENCES payment,
  attempt integer NOT NULL CHECK (attempt > 0),
  status text NOT NULL CHECK (status IN ('paid', 'returned', 'failed')),
  reason_code text NOT NULL CHECK (reason_code ~ '^[0-9A-Za-z]{0,8}$'),
  file_sha256 text NOT NULL,
  imported_by uuid REFERENCES account,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (payment_id, attempt)
);
`,
  );
}
