import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * 施政計畫與預算 The bureau's annual plan and its budget (docs/budget.md), as the plan prints it:
 * categories (類), items (項) and an optional sub-item, each with its budget in thousand NTD (千元, the
 * printed unit), and the programs whose payments measure a line's execution. A program belongs to at most
 * one line of a year (the primary key of budget_line_program).
 *
 * A line is never overwritten without a trace: each version of it (its entry, a copy, every amendment) is
 * a row of budget_line_amendment with who, when and why, written with the line and its audit entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE budget_plan (
  plan_year integer PRIMARY KEY CHECK (plan_year BETWEEN 1912 AND 2200),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 1000),
  copied_from_year integer REFERENCES budget_plan,
  created_by uuid REFERENCES account,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE budget_line (
  line_id uuid PRIMARY KEY,
  plan_year integer NOT NULL REFERENCES budget_plan,
  position integer NOT NULL CHECK (position > 0),
  category text NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
  item text NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
  sub_item text CHECK (length(sub_item) BETWEEN 1 AND 200),
  note text CHECK (length(note) BETWEEN 1 AND 500),
  budget_thousand_ntd integer NOT NULL CHECK (budget_thousand_ntd >= 0),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  UNIQUE (plan_year, position),
  UNIQUE (line_id, plan_year)
);
CREATE UNIQUE INDEX budget_line_once ON budget_line (plan_year, category, item, coalesce(sub_item, ''));
CREATE TABLE budget_line_program (
  plan_year integer NOT NULL,
  program_id text NOT NULL,
  line_id uuid NOT NULL,
  PRIMARY KEY (plan_year, program_id),
  FOREIGN KEY (line_id, plan_year) REFERENCES budget_line (line_id, plan_year)
);
CREATE INDEX budget_line_program_line ON budget_line_program (line_id);
CREATE TABLE budget_line_amendment (
  amendment_id uuid PRIMARY KEY,
  line_id uuid NOT NULL REFERENCES budget_line,
  version integer NOT NULL CHECK (version > 0),
  budget_thousand_ntd integer NOT NULL CHECK (budget_thousand_ntd >= 0),
  previous_budget_thousand_ntd integer CHECK (previous_budget_thousand_ntd >= 0),
  program_ids jsonb NOT NULL CHECK (jsonb_typeof(program_ids) = 'array'),
  previous_program_ids jsonb CHECK (jsonb_typeof(previous_program_ids) = 'array'),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  amended_by uuid REFERENCES account,
  amended_by_name text NOT NULL,
  amended_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (line_id, version),
  CHECK ((version = 1) = (previous_budget_thousand_ntd IS NULL)),
  CHECK ((version = 1) = (previous_program_ids IS NULL))
);
`,
  );
}
