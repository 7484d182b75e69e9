import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

/**
 * The rules' stored inputs and outputs.
 *
 * population_snapshot: the registry as it was on a date, as the rules read it (one typed array per fact,
 * stored as bytes). A month's evaluation runs on a snapshot, so it can be re-run and explained later on
 * exactly the same facts, and loading a city for the rules is reading a few dozen values instead of
 * resolving every dated record again.
 *
 * program_evaluation: one run of every program over a snapshot (optionally with what-if parameter
 * overrides); program_total: recipients and amounts per program and district; program_result: the
 * entities found eligible or undetermined (the rest are not eligible), with the conditions left open.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE population_snapshot (
  snapshot_id uuid PRIMARY KEY,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  as_of date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  persons integer NOT NULL CHECK (persons >= 0),
  households integer NOT NULL CHECK (households >= 0)
);
CREATE INDEX population_snapshot_period ON population_snapshot (period, created_at DESC);

-- Little-endian typed arrays; ids as newline-separated text. Stored uncompressed (EXTERNAL): typed arrays
-- compress poorly and slowly.
CREATE TABLE population_snapshot_column (
  snapshot_id uuid NOT NULL REFERENCES population_snapshot ON DELETE CASCADE,
  entity text NOT NULL CHECK (entity IN ('person', 'household')),
  name text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (snapshot_id, entity, name)
);
ALTER TABLE population_snapshot_column ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE program_evaluation (
  evaluation_id uuid PRIMARY KEY,
  snapshot_id uuid NOT NULL REFERENCES population_snapshot ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  overrides jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  compute_ms integer NOT NULL CHECK (compute_ms >= 0)
);
CREATE INDEX program_evaluation_period ON program_evaluation (period, created_at DESC);

CREATE TABLE program_total (
  evaluation_id uuid NOT NULL REFERENCES program_evaluation ON DELETE CASCADE,
  program_id text NOT NULL,
  district_code text REFERENCES district,
  eligible integer NOT NULL CHECK (eligible >= 0),
  undetermined integer NOT NULL CHECK (undetermined >= 0),
  amount_ntd bigint NOT NULL CHECK (amount_ntd >= 0)
);
CREATE INDEX program_total_evaluation ON program_total (evaluation_id, program_id);

CREATE TABLE program_result (
  evaluation_id uuid NOT NULL REFERENCES program_evaluation ON DELETE CASCADE,
  program_id text NOT NULL,
  entity text NOT NULL CHECK (entity IN ('person', 'household')),
  entity_id uuid NOT NULL,
  eligible boolean,
  amount_ntd integer CHECK (amount_ntd >= 0),
  -- the codes of the conditions left open, space-separated
  open_codes text NOT NULL DEFAULT ''
);
CREATE INDEX program_result_entity ON program_result (entity_id, evaluation_id);
CREATE INDEX program_result_program ON program_result (evaluation_id, program_id);
`,
  );
}
