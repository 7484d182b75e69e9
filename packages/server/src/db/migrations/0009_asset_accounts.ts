import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * Asset-building accounts (脫貧儲蓄帳戶: 幸福DNA青年發展帳戶, 兒少未來教育及發展帳戶, 存薪當young;
 * benefits/asset-accounts.ts). One open account per holder and program; deposits are the holder's own and
 * the government's match of one own deposit (at most one match each, in the same account). No withdrawal
 * kind: the withdrawal rules are not in the references this system rests on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE asset_account (
  account_id uuid PRIMARY KEY,
  program_id text NOT NULL CHECK (program_id IN ('youth-development-account', 'children-future-account', 'youth-savings-account')),
  holder_person_id uuid NOT NULL REFERENCES person,
  household_id uuid NOT NULL REFERENCES household,
  district_code text NOT NULL REFERENCES district,
  opened_on date NOT NULL,
  opened_by uuid NOT NULL REFERENCES account,
  opened_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on date,
  closed_by uuid REFERENCES account,
  close_reason text CHECK (length(close_reason) BETWEEN 1 AND 1000),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL AND closed_by IS NOT NULL AND close_reason IS NOT NULL)),
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE UNIQUE INDEX asset_account_one_open ON asset_account (holder_person_id, program_id) WHERE status = 'open';
CREATE INDEX asset_account_by_district ON asset_account (district_code, program_id, status);
CREATE TABLE asset_deposit (
  deposit_id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES asset_account,
  deposited_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('own', 'match')),
  amount_ntd integer NOT NULL CHECK (amount_ntd > 0),
  own_deposit_id uuid UNIQUE,
  own_kind text GENERATED ALWAYS AS (CASE WHEN kind = 'match' THEN 'own' END) STORED,
  idempotency_key text UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  recorded_by uuid NOT NULL REFERENCES account,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'match') = (own_deposit_id IS NOT NULL)),
  CHECK ((kind = 'own') = (idempotency_key IS NOT NULL)),
  UNIQUE (deposit_id, account_id, kind),
  FOREIGN KEY (own_deposit_id, account_id, own_kind) REFERENCES asset_deposit (deposit_id, account_id, kind)
);
CREATE INDEX asset_deposit_by_account ON asset_deposit (account_id, deposited_on);
`,
  );
}
