import { randomUUID } from 'node:crypto';
import { addMonths, type IsoMonth } from '@safetynet/core/calendar';
import {
  ELIGIBLE,
  type Evaluation,
  loadParameters,
  NOT_ELIGIBLE,
  type ParameterSet,
  type Population,
  PROGRAMS,
} from '@safetynet/rules';
import { sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { ReviewOutcome } from '../db/schema.ts';
import { EVIDENCE_TABLES } from '../registry/evidence-kinds.ts';
import { evaluateCity } from '../rules/evaluate-city.ts';
import { latestSnapshot, loadSnapshot, makeSnapshot, type SnapshotInfo } from '../rules/snapshot-store.ts';
import {
  amountChanged,
  explainEnded,
  failedReasons,
  NOT_IN_REGISTRY,
  openReasons,
  PAYEE_GONE,
  type ReviewReason,
  type ToExplain,
} from './annual-review-reasons.ts';
import { rulesVersion } from './evaluation.ts';

export type { ReviewReason } from './annual-review-reasons.ts';

/**
 * The annual review (年度調查): every entitlement in force in January of the year evaluated again with that
 * year's parameters on the registry as it now stands, set-based — one snapshot of the month, the programs
 * with entitlements evaluated over the whole city at once, each entitlement's entity looked up by index —
 * giving one item per entitlement: continue (eligible, same amount), change (eligible, another amount) or
 * end (not eligible, or no longer in the registry: died, moved away). Clerks confirm the items
 * (annual-review-confirm.ts); nothing changes an entitlement before that.
 */

export interface ReviewSummary {
  reviewId: string;
  year: number;
  effectiveMonth: IsoMonth;
  snapshotId: string;
  reviewed: number;
  continue: number;
  change: number;
  end: number;
  /** Items kept as confirmed by an earlier run (not evaluated again). */
  confirmedBefore: number;
  /** Seconds spent taking a new snapshot (0 when the month's snapshot was still current). */
  snapshotSeconds: number;
  seconds: number;
}

export interface ReviewOptions {
  parameters?: ParameterSet;
  /** Items per statement (and transaction). */
  chunkSize?: number;
  /** At most this many households of ended items explained in full (default 2,000; the rest: first condition). */
  explainLimit?: number;
  onProgress?(stage: 'snapshot' | 'evaluate' | 'write', done: number, total: number): void;
}

interface Active {
  entitlement_id: string;
  version: number;
  program_id: string;
  entity: 'person' | 'household';
  entity_id: string;
  payee_person_id: string;
  district_code: string;
  monthly_amount_ntd: number;
}

const REGISTRY_TABLES = [
  'person_version',
  'household_version',
  'household_membership',
  'status_register',
  ...EVIDENCE_TABLES,
];

/**
 * The month's newest snapshot when nothing was recorded in the registry since it was taken; a new one
 * otherwise (taking one resolves the whole registry: about a minute for the full city, so it is reused).
 */
export async function currentSnapshot(
  database: Database,
  period: IsoMonth,
): Promise<{ info: SnapshotInfo; taken: boolean }> {
  const latest = await latestSnapshot(database, period);
  if (latest) {
    const checks = await Promise.all(
      REGISTRY_TABLES.map(async (table) => {
        const { rows } = await sql<{ newer: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}
            WHERE recorded_at > (SELECT created_at FROM population_snapshot WHERE snapshot_id = ${latest.snapshotId}))
            AS newer`.execute(database.db);
        return rows[0]?.newer === true;
      }),
    );
    if (!checks.some(Boolean)) return { info: latest, taken: false };
  }
  return { info: await makeSnapshot(database, period), taken: true };
}

/** Each wanted id's index in a population's id column (the column is walked once). */
function indexesOf(ids: string[], wanted: Set<string>): Map<string, number> {
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  for (let i = 0; i < ids.length; i++) if (wanted.has(ids[i]!)) found.set(ids[i]!, i);
  return found;
}

interface Item {
  active: Active;
  outcome: ReviewOutcome;
  new_amount: number | null;
  reasons: ReviewReason[];
}

/** The outcome for each active entitlement, from one city evaluation. */
function outcomesOf(
  active: Active[],
  population: Population,
  evaluation: Evaluation,
  toExplain: ToExplain[],
): Item[] {
  // Ended with a condition not met: explained in full afterwards (explainEnded).
  const explained = (a: Active, index: number, reasons: ReviewReason[]) => {
    const household = a.entity === 'person' ? population.persons.household[index]! : index;
    toExplain.push({ program: a.program_id, entity: a.entity, entityId: a.entity_id, household, reasons });
    return reasons;
  };
  // Persons: those entitled themselves, and the payees of household entitlements (an applicant who died
  // or left stops the household's allowance, as a life event would: life-events.ts).
  const persons = indexesOf(
    population.persons.id,
    new Set(active.map((a) => (a.entity === 'person' ? a.entity_id : a.payee_person_id))),
  );
  const households = indexesOf(
    population.households.id,
    new Set(active.filter((a) => a.entity === 'household').map((a) => a.entity_id)),
  );
  return active.map((a): Item => {
    const base = { active: a };
    const index = (a.entity === 'person' ? persons : households).get(a.entity_id);
    if (index === undefined || !PROGRAMS.has(a.program_id))
      return { ...base, outcome: 'end', new_amount: null, reasons: [NOT_IN_REGISTRY] };
    if (a.entity === 'household' && !persons.has(a.payee_person_id))
      return { ...base, outcome: 'end', new_amount: null, reasons: [PAYEE_GONE] };
    const result = evaluation.result(a.program_id);
    const state = result.eligible[index];
    if (state === NOT_ELIGIBLE)
      return {
        ...base,
        outcome: 'end',
        new_amount: null,
        reasons: explained(a, index, failedReasons(evaluation, population, a.program_id, index)),
      };
    if (state !== ELIGIBLE)
      return {
        ...base,
        outcome: 'continue',
        new_amount: a.monthly_amount_ntd,
        reasons: openReasons(evaluation, a.program_id, index),
      };
    const amount = result.amountNtd ? result.amountNtd[index]! : a.monthly_amount_ntd;
    if (amount <= 0)
      return {
        ...base,
        outcome: 'end',
        new_amount: null,
        reasons: [
          {
            code: 'amount-zero',
            reference: '',
            message: { zh: '依本年度標準核算金額為零', en: "this year's parameters give no amount" },
          },
        ],
      };
    if (amount === a.monthly_amount_ntd)
      return { ...base, outcome: 'continue', new_amount: amount, reasons: [] };
    return {
      ...base,
      outcome: 'change',
      new_amount: amount,
      reasons: [amountChanged(a.monthly_amount_ntd, amount)],
    };
  });
}

export async function runAnnualReview(
  database: Database,
  year: number,
  trail: AuditTrail,
  options: ReviewOptions = {},
): Promise<ReviewSummary> {
  if (!Number.isInteger(year) || year < 2000 || year > 2200)
    throw new ApiError(400, '年度須為西元年（如 2024）', 'year must be a year such as 2024', 'year');
  const started = performance.now();
  const effectiveMonth = `${year}-01`;
  const parameters = options.parameters ?? loadParameters();
  const chunkSize = options.chunkSize ?? 5000;
  const db = database.db;
  const createdBy = trail.context.actor.kind === 'staff' ? trail.context.actor.id : null;

  // The entitlements in force are read while the registry's snapshot is checked and loaded: the version in
  // force in the month (core/entitlement-months.ts; payment-run.ts states it alike).
  const reading = sql<Active>`SELECT entitlement_id, version, program_id, entity, entity_id, payee_person_id,
      district_code, monthly_amount_ntd FROM (
        SELECT DISTINCT ON (entitlement_id) * FROM entitlement WHERE first_month <= ${effectiveMonth}
        ORDER BY entitlement_id, version DESC) v
      WHERE (last_month IS NULL OR last_month >= ${effectiveMonth}) AND monthly_amount_ntd > 0
      ORDER BY entitlement_id`.execute(db);
  reading.catch(() => {}); // awaited below; a failure meanwhile is not an unhandled rejection
  options.onProgress?.('snapshot', 0, 1);
  const snapshotStarted = performance.now();
  const { info, taken } = await currentSnapshot(database, effectiveMonth);
  const snapshotSeconds = taken ? (performance.now() - snapshotStarted) / 1000 : 0;
  const population = await loadSnapshot(database, info);
  const { rows: active } = await reading;
  options.onProgress?.('snapshot', 1, 1);

  const programs = [...new Set(active.map((a) => a.program_id))].filter((id) => PROGRAMS.has(id)).sort();
  const { evaluation } = evaluateCity(population, parameters, programs, (done, total) =>
    options.onProgress?.('evaluate', done, total),
  );
  const toExplain: ToExplain[] = [];
  const items = outcomesOf(active, population, evaluation, toExplain);
  explainEnded(toExplain, population, parameters, effectiveMonth, options.explainLimit ?? 2000);

  const review = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('annual_review')
      .values({
        review_id: randomUUID(),
        year,
        effective_month: effectiveMonth,
        rules_version: rulesVersion(parameters),
        snapshot_id: info.snapshotId,
        status: 'running',
        runs: 1,
        created_by: createdBy,
      })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          status: 'running',
          rules_version: rulesVersion(parameters),
          snapshot_id: info.snapshotId,
          runs: sql`annual_review.runs + 1`,
          refreshed_at: sql`now()`,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await trail.log.append(trx, trail.context, [
      {
        action: row.runs === 1 ? 'create' : 'update',
        recordType: 'annual-review',
        recordId: row.review_id,
        details: { year, effectiveMonth, snapshotId: info.snapshotId, run: row.runs },
      },
    ]);
    return row;
  });

  // Unconfirmed items are written again (the same row: unique per entitlement) where anything differs;
  // confirmed ones are kept. Each chunk travels as one array per column (parsed by the server at once).
  let written = 0;
  options.onProgress?.('write', 0, items.length);
  for (let start = 0; start < items.length; start += chunkSize) {
    const chunk = items.slice(start, start + chunkSize);
    const column = <T>(of: (item: Item) => T) => chunk.map(of);
    await sql`INSERT INTO annual_review_item (item_id, review_id, run, entitlement_id, entitlement_version,
        program_id, entity, entity_id, payee_person_id, district_code, current_amount_ntd, outcome,
        new_amount_ntd, reasons)
      SELECT gen_random_uuid(), ${review.review_id}::uuid, ${review.runs}::int, x.id, x.version, x.program,
        x.entity, x.entity_id, x.payee, x.district, x.amount, x.outcome, x.new_amount, x.reasons::jsonb
      FROM unnest(${column((i) => i.active.entitlement_id)}::uuid[], ${column((i) => i.active.version)}::int[],
        ${column((i) => i.active.program_id)}::text[], ${column((i) => i.active.entity)}::text[],
        ${column((i) => i.active.entity_id)}::uuid[], ${column((i) => i.active.payee_person_id)}::uuid[],
        ${column((i) => i.active.district_code)}::text[], ${column((i) => i.active.monthly_amount_ntd)}::int[],
        ${column((i) => i.outcome)}::text[], ${column((i) => i.new_amount)}::int[],
        ${column((i) => JSON.stringify(i.reasons))}::text[])
        AS x(id, version, program, entity, entity_id, payee, district, amount, outcome, new_amount, reasons)
      ON CONFLICT (review_id, entitlement_id) DO UPDATE SET run = EXCLUDED.run,
        entitlement_version = EXCLUDED.entitlement_version, district_code = EXCLUDED.district_code,
        payee_person_id = EXCLUDED.payee_person_id, current_amount_ntd = EXCLUDED.current_amount_ntd,
        outcome = EXCLUDED.outcome, new_amount_ntd = EXCLUDED.new_amount_ntd, reasons = EXCLUDED.reasons
      WHERE annual_review_item.confirmed_at IS NULL
        AND (annual_review_item.entitlement_version, annual_review_item.district_code,
          annual_review_item.payee_person_id, annual_review_item.current_amount_ntd, annual_review_item.outcome,
          annual_review_item.new_amount_ntd, annual_review_item.reasons)
        IS DISTINCT FROM (EXCLUDED.entitlement_version, EXCLUDED.district_code, EXCLUDED.payee_person_id,
          EXCLUDED.current_amount_ntd, EXCLUDED.outcome, EXCLUDED.new_amount_ntd, EXCLUDED.reasons)`.execute(
      db,
    );
    written += chunk.length;
    options.onProgress?.('write', written, items.length);
  }

  // An unconfirmed item of an earlier run whose entitlement is no longer in force is no longer due.
  // (The first run has no earlier items.)
  let gone: string[] = [];
  if (review.runs > 1) {
    const reviewed = new Set(items.map((i) => i.active.entitlement_id));
    const { rows: pending } = await sql<{ entitlement_id: string }>`SELECT entitlement_id
      FROM annual_review_item WHERE review_id = ${review.review_id} AND confirmed_at IS NULL`.execute(db);
    gone = pending.map((p) => p.entitlement_id).filter((id) => !reviewed.has(id));
  }

  return db.transaction().execute(async (trx) => {
    for (let start = 0; start < gone.length; start += chunkSize)
      await sql`DELETE FROM annual_review_item WHERE review_id = ${review.review_id} AND confirmed_at IS NULL
        AND entitlement_id = ANY(${gone.slice(start, start + chunkSize)}::uuid[])`.execute(trx);
    // Confirmed before this run began (kept as they were, in force or not).
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM annual_review_item
      WHERE review_id = ${review.review_id} AND confirmed_at < ${review.refreshed_at}`.execute(trx);
    await trx
      .updateTable('annual_review')
      .set({ status: 'open' })
      .where('review_id', '=', review.review_id)
      .execute();
    const count = (outcome: ReviewOutcome) => items.filter((i) => i.outcome === outcome).length;
    const summary: ReviewSummary = {
      reviewId: review.review_id,
      year,
      effectiveMonth,
      snapshotId: info.snapshotId,
      reviewed: items.length,
      continue: count('continue'),
      change: count('change'),
      end: count('end'),
      confirmedBefore: rows[0]?.n ?? 0,
      snapshotSeconds: Math.round(snapshotSeconds * 100) / 100,
      seconds: Math.round(performance.now() - started) / 1000,
    };
    await trail.log.append(trx, trail.context, [
      {
        action: 'update',
        recordType: 'annual-review',
        recordId: review.review_id,
        details: {
          status: 'open',
          reviewed: summary.reviewed,
          continue: summary.continue,
          change: summary.change,
          end: summary.end,
        },
      },
    ]);
    return summary;
  });
}

/** The month before the effective month: what an ended entitlement's last month becomes. */
export const monthBefore = (month: IsoMonth): IsoMonth => addMonths(month, -1);
