import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * The annual review (年度調查) of every entitlement in force (benefits/annual-review.ts).
 *
 * annual_review: one per year, effective from the year's January (YYYY-01), with the rules' version and
 * the registry snapshot it was evaluated on. 'running' while items are written, 'open' while clerks
 * confirm them; `runs` counts the times it was run (an item's `run`: the last run that wrote or changed it).
 * annual_review_item: one per entitlement in force in the effective month (UNIQUE: running the review
 * again refreshes the unconfirmed items, it never adds a second one). The entitlement's stable columns
 * (program, entity, payee, district) are copied so the items are scoped like entitlements (copies of the
 * entitlement's, whose foreign keys hold them: a city's items are written without checking each again).
 * 'continue' keeps the amount, 'change' makes a new version from the effective month, 'end' ends the entitlement with
 * the month before; `applied_version` is the version confirmation wrote (null for 'continue').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE annual_review (
  review_id uuid PRIMARY KEY,
  year integer NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2200),
  effective_month text NOT NULL CHECK (effective_month ~ '^[0-9]{4}-01$'),
  rules_version text NOT NULL,
  snapshot_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'open')),
  runs integer NOT NULL DEFAULT 1 CHECK (runs > 0),
  created_by uuid REFERENCES account,
  created_at timestamptz NOT NULL DEFAULT now(),
  refreshed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE annual_review_item (
  item_id uuid PRIMARY KEY,
  review_id uuid NOT NULL REFERENCES annual_review,
  run integer NOT NULL,
  entitlement_id uuid NOT NULL,
  entitlement_version integer NOT NULL CHECK (entitlement_version > 0),
  program_id text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('person', 'household')),
  entity_id uuid NOT NULL,
  payee_person_id uuid NOT NULL,
  district_code text NOT NULL,
  current_amount_ntd integer NOT NULL CHECK (current_amount_ntd >= 0),
  outcome text NOT NULL CHECK (outcome IN ('continue', 'change', 'end')),
  new_amount_ntd integer CHECK (new_amount_ntd >= 0),
  reasons jsonb NOT NULL DEFAULT '[]',
  confirmed_by uuid REFERENCES account,
  confirmed_at timestamptz,
  applied_version integer,
  notice_issued boolean NOT NULL DEFAULT false,
  notice_issued_at timestamptz,
  UNIQUE (review_id, entitlement_id),
  CHECK ((outcome = 'end') = (new_amount_ntd IS NULL)),
  CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
);
CREATE INDEX annual_review_item_queue ON annual_review_item (review_id, district_code, outcome);
`,
  );
}
