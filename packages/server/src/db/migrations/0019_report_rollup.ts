import { type Kysely, sql } from 'kysely';

/**
 * The half-year work report over a full city (issue 7: about four million payments, ≤ 5 s).
 *
 * report_recipient keeps, per calendar year, program, recipient, household and district, the payments
 * counted by the reports (reports/figures.ts: pending, sent or paid) and their amounts month by month
 * (t01…t12, a01…a12). A report then reads a recipient's row instead of their six or twelve payments.
 * - A monthly payment run's payments are counted in at the run's end, all at once, in the transaction that
 *   marks the run `counted_in_reports` (countRunInReports).
 * - Everything else is counted by triggers on payment in the statement that writes it: an insert (a grant, a
 *   payment of a run already counted in: a run resumed) adds what it counts; an update (a payment sent,
 *   paid, returned, cancelled, reduced) takes away what the old rows counted and adds what the new rows
 *   count. Payments of a run not yet counted in are left to the run's end, which reads them as they are
 *   then; an update waits for a run's end under way (it shares a lock on the run's row), so a change is
 *   counted once, by one or the other. Rows are written in key order, so concurrent writers cannot deadlock.
 * Each row is updated once a month: half of each page is left free so that the new version stays on its
 * page without touching the index. Rows written before this migration are counted by the backfill
 * `report-recipient` (db/backfills.ts).
 *
 * person_version_report lets the registry as on a day (db/as-of.ts) be resolved for the whole city by reading
 * an index in order, for the report's population counts (reports/half-year-queries.ts).
 */
const MONTHS = Array.from({ length: 12 }, (_, m) => String(m + 1).padStart(2, '0'));
const KEY = 'year, program_id, entity_id, household_id, district_code';
const COUNTS = [...MONTHS.map((m) => `t${m}`), ...MONTHS.map((m) => `a${m}`)];

/** The payments counted by the reports (reports/figures.ts COUNTED_STATUSES). */
const COUNTED = "p.status IN ('pending', 'sent', 'paid')";
/** …and already in the rollup's reach: a grant (no run), or a payment of a run counted in at its end. */
const IN_REACH =
  '(p.run_id IS NULL OR p.run_id IN (SELECT run_id FROM payment_run WHERE counted_in_reports))';

/** The counted part of a set of payment rows (`source`, as `p`), times `sign`, per key. */
const contributions = (source: string, sign: string, where: string) =>
  `SELECT left(p.period, 4) AS year, p.program_id, p.entity_id, p.household_id, p.district_code, ${MONTHS.map(
    (m) => `${sign} * (substr(p.period, 6, 2) = '${m}')::int AS t${m}`,
  ).join(', ')}, ${MONTHS.map(
    (m) =>
      `${sign} * CASE WHEN substr(p.period, 6, 2) = '${m}' THEN p.amount_ntd ELSE 0 END::bigint AS a${m}`,
  ).join(', ')} FROM ${source} p WHERE ${where}`;

/**
 * Rows in key order, compared byte by byte (the same groups as the key's own collation, which is
 * deterministic, at a fraction of the cost of sorting by it).
 */
const KEY_ORDER =
  'year COLLATE "C", program_id COLLATE "C", entity_id, household_id, district_code COLLATE "C"';

/** Adds the summed contributions of `rows` (a query) to report_recipient. */
const upsert = (rows: string) =>
  `INSERT INTO report_recipient (${KEY}, ${COUNTS.join(', ')}) SELECT ${KEY_ORDER}, ${COUNTS.map((c) => `sum(${c})`).join(', ')} FROM (${rows}) c GROUP BY ${KEY_ORDER} HAVING ${COUNTS.map((c) => `sum(${c}) <> 0`).join(' OR ')} ORDER BY ${KEY_ORDER} ON CONFLICT (${KEY}) DO UPDATE SET ${COUNTS.map((c) => `${c} = report_recipient.${c} + excluded.${c}`).join(', ')}`;

/** For the backfill: every payment already written, counted into report_recipient from scratch. */
export const FILL_REPORT_RECIPIENT = upsert(contributions('payment', '1', COUNTED));

/**
 * For the end of a payment run (benefits/payment-run.ts): the run's payments, all of one month, counted in
 * at once, in key order; `$1` the run's id. Only that month's two columns are summed. Counting them chunk
 * by chunk as they were written took as long as writing them (each chunk touches recipients all over the
 * rollup).
 */
const RUN_KEY =
  'left(p.period, 4) COLLATE "C", p.program_id COLLATE "C", p.entity_id, p.household_id, p.district_code COLLATE "C"';

export function countRunInReports(month: string): string {
  const m = month.slice(5, 7);
  if (!MONTHS.includes(m)) throw new RangeError(`not a month: ${month}`);
  return `INSERT INTO report_recipient (${KEY}, t${m}, a${m}) SELECT ${RUN_KEY}, count(*), sum(p.amount_ntd) FROM payment p WHERE p.run_id = $1 AND ${COUNTED} GROUP BY ${RUN_KEY} ORDER BY ${RUN_KEY} ON CONFLICT (${KEY}) DO UPDATE SET t${m} = report_recipient.t${m} + excluded.t${m}, a${m} = report_recipient.a${m} + excluded.a${m}`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw('ALTER TABLE payment_run ADD COLUMN IF NOT EXISTS counted_in_reports boolean NOT NULL DEFAULT false')
    .execute(db);
  await sql
    .raw(`CREATE TABLE IF NOT EXISTS report_recipient (
  year text NOT NULL,
  program_id text NOT NULL,
  entity_id uuid NOT NULL,
  household_id uuid,
  district_code text NOT NULL,
  ${MONTHS.map((m) => `t${m} integer NOT NULL DEFAULT 0`).join(', ')},
  ${MONTHS.map((m) => `a${m} bigint NOT NULL DEFAULT 0`).join(', ')}
) WITH (fillfactor = 50)`)
    .execute(db);
  await sql
    .raw(
      `CREATE UNIQUE INDEX IF NOT EXISTS report_recipient_key ON report_recipient (${KEY}) NULLS NOT DISTINCT`,
    )
    .execute(db);
  await sql
    .raw(`CREATE OR REPLACE FUNCTION report_recipient_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${upsert(contributions('inserted_payment', '1', `${COUNTED} AND ${IN_REACH}`))};
  RETURN NULL;
END $$`)
    .execute(db);
  await sql
    .raw(`CREATE OR REPLACE FUNCTION report_recipient_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM payment_run WHERE run_id IN (SELECT DISTINCT run_id FROM new_payment) FOR SHARE;
  ${upsert(
    `${contributions('new_payment', '1', `${COUNTED} AND ${IN_REACH}`)} UNION ALL ${contributions('old_payment', '-1', `${COUNTED} AND ${IN_REACH}`)}`,
  )};
  RETURN NULL;
END $$`)
    .execute(db);
  await sql.raw('DROP TRIGGER IF EXISTS payment_inserted_report ON payment').execute(db);
  await sql
    .raw(`CREATE TRIGGER payment_inserted_report AFTER INSERT ON payment REFERENCING NEW TABLE AS inserted_payment
  FOR EACH STATEMENT EXECUTE FUNCTION report_recipient_inserted()`)
    .execute(db);
  await sql.raw('DROP TRIGGER IF EXISTS payment_updated_report ON payment').execute(db);
  await sql
    .raw(`CREATE TRIGGER payment_updated_report AFTER UPDATE ON payment
  REFERENCING OLD TABLE AS old_payment NEW TABLE AS new_payment
  FOR EACH STATEMENT EXECUTE FUNCTION report_recipient_updated()`)
    .execute(db);
  await sql
    .raw(`CREATE INDEX IF NOT EXISTS person_version_report ON person_version (person_id, valid_from DESC,
  recorded_at DESC, version_id DESC) INCLUDE (valid_to, sex, birth_date, death_date, registered_district_code)`)
    .execute(db);
}
