import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Overpayments (溢領) and their recovery (benefits/life-events.ts, benefits/overpayment-recovery.ts).
 *
 * overpayment: what a payment paid for a month beyond what the entitlement, as a later event changed it,
 * was due for that month — one per payment (a later event on the same month raises the open amount).
 * The payment itself stays as it was ('paid' is what the bank did). recovery 'deduction' (default): taken
 * from the payee's next payments of the same program; 'repayment': the payee pays it back.
 * overpayment_recovery: each amount recovered, a deduction from one later payment or a repayment
 * received; an overpayment is 'recovered' when its entries add up to its amount.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE overpayment (
  overpayment_id uuid PRIMARY KEY,
  payment_id uuid NOT NULL UNIQUE REFERENCES payment,
  entitlement_id uuid NOT NULL,
  program_id text NOT NULL,
  payee_person_id uuid NOT NULL REFERENCES person,
  district_code text NOT NULL REFERENCES district,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount_ntd integer NOT NULL CHECK (amount_ntd > 0),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  recovery text NOT NULL DEFAULT 'deduction' CHECK (recovery IN ('deduction', 'repayment')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'recovered', 'waived')),
  created_by uuid REFERENCES account,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX overpayment_open ON overpayment (payee_person_id, program_id) WHERE status = 'open';

CREATE TABLE overpayment_recovery (
  recovery_id uuid PRIMARY KEY,
  overpayment_id uuid NOT NULL REFERENCES overpayment,
  kind text NOT NULL CHECK (kind IN ('deduction', 'repayment')),
  payment_id uuid REFERENCES payment,
  amount_ntd integer NOT NULL CHECK (amount_ntd > 0),
  recorded_by uuid REFERENCES account,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'deduction') = (payment_id IS NOT NULL))
);
CREATE INDEX overpayment_recovery_of ON overpayment_recovery (overpayment_id);
CREATE UNIQUE INDEX overpayment_deducted_once ON overpayment_recovery (overpayment_id, payment_id)
  WHERE kind = 'deduction';
CREATE INDEX overpayment_recovery_payment ON overpayment_recovery (payment_id);
`,
  );
}
