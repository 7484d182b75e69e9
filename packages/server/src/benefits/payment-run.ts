import { randomUUID } from 'node:crypto';
import { type IsoMonth, isIsoMonth } from '@safetynet/core/calendar';
import { withinYearlyCap, yearOf } from '@safetynet/core/entitlement-months';
import { formatNtd } from '@safetynet/core/money';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { countRunInReports } from '../db/migrations/0019_report_rollup.ts';
import type { PaymentRunTable, PaymentTable, Schema } from '../db/schema.ts';
import { deductOverpayments } from './overpayment-recovery.ts';

/**
 * The monthly payment run (每月撥款) and one-off grants, exactly once. The database holds the guarantee:
 * one monthly payment per entitlement and month, one grant per program and event (unique indexes of
 * 0004_benefits.ts), written with ON CONFLICT DO NOTHING. So a run repeated, run twice at once, or resumed
 * after the process was killed writes each payment once; the run's totals are counted from the payment
 * rows at the end, never from a counter a crash could have left behind.
 */
export type PaymentRow = Selectable<PaymentTable>;
export type PaymentRunRow = Selectable<PaymentRunTable>;

export interface RunSummary {
  runId: string;
  period: IsoMonth;
  status: 'completed';
  /** Payments this call wrote. */
  created: number;
  /** Payments of the month that were already there (an earlier or concurrent call). */
  alreadyPaid: number;
  payments: number;
  totalNtd: number;
  /** Taken from this month's payments for open overpayments (overpayment-recovery.ts). */
  deductedNtd: number;
}

export interface RunOptions {
  /** Entitlements per transaction. */
  chunkSize?: number;
  /** Lanes walked at once on PostgreSQL (default 2: the machines' cores). */
  lanes?: number;
  onProgress?(done: number, total: number): void;
}

/** How many entitlements have a version begun by the month (what the run walks through). */
async function countCandidates(db: Kysely<Schema>, period: IsoMonth): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT entitlement_id)::int AS n
    FROM entitlement WHERE first_month <= ${period}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function runMonthlyPayments(
  database: Database,
  period: IsoMonth,
  trail: AuditTrail,
  options: RunOptions = {},
): Promise<RunSummary> {
  if (!isIsoMonth(period))
    throw new ApiError(400, '月份須為 YYYY-MM', 'period must be a YYYY-MM month', 'period');
  const chunkSize = options.chunkSize ?? 5000;
  const db = database.db;
  const startedBy = trail.context.actor.kind === 'staff' ? trail.context.actor.id : null;
  const run = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('payment_run')
      .values({
        run_id: randomUUID(),
        period,
        status: 'running',
        started_by: startedBy,
        started_at: new Date(),
      })
      .onConflict((oc) => oc.column('period').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted)
      await trail.log.append(trx, trail.context, [
        { action: 'create', recordType: 'payment-run', recordId: inserted.run_id, details: { period } },
      ]);
    return (
      inserted ??
      (await trx.selectFrom('payment_run').selectAll().where('period', '=', period).executeTakeFirstOrThrow())
    );
  });

  const total = await countCandidates(db, period);
  let done = 0;
  let created = 0;
  options.onProgress?.(0, total);
  // Written after each chunk's commit, for whoever follows the run (GET /payment-runs/{period}).
  const recordProgress = () =>
    db
      .updateTable('payment_run')
      // Lanes finish chunks in any order: the count only goes up.
      .set({
        entitlements_total: total,
        entitlements_done: sql`GREATEST(entitlements_done, ${Math.min(done, total)}::int)`,
      })
      .where('run_id', '=', run.run_id)
      .execute();
  await recordProgress();
  // Lanes: disjoint ranges of entitlement ids walked at once, each on its own connection, so PostgreSQL's
  // work (index upkeep, the foreign-key checks) runs on every core; the embedded engine has one connection.
  const lanes = database.engine === 'postgresql' ? (options.lanes ?? 2) : 1;
  const bounds = laneBounds(lanes);
  const walkLane = async (from: string, to: string | null) => {
    let after = from;
    for (;;) {
      const chunk = await payChunk(db, { period, runId: run.run_id, after, before: to, chunkSize }, trail);
      if (!chunk.last || chunk.scanned === 0) break;
      after = chunk.last;
      done += chunk.scanned;
      created += chunk.created;
      options.onProgress?.(Math.min(done, total), total);
      await recordProgress();
      if (chunk.scanned < chunkSize) break;
    }
  };
  await Promise.all(bounds.map((from, k) => walkLane(from, bounds[k + 1] ?? null)));
  // Open overpayments are taken from the month's payments before the totals are counted.
  const { deductedNtd } = await deductOverpayments(database, period, trail);

  return db.transaction().execute(async (trx) => {
    // The run's payments counted into the reports' rollup at once (migrations/0019), unless an earlier
    // attempt of the run got here: the payments written since were counted as they were written.
    const counting = await trx
      .selectFrom('payment_run')
      .select('counted_in_reports')
      .where('run_id', '=', run.run_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!counting.counted_in_reports) {
      const [before, after] = countRunInReports(period).split('$1');
      await sql`${sql.raw(before!)}${run.run_id}::uuid${sql.raw(after!)}`.execute(trx);
    }
    const { rows } = await sql<{ n: number; amount: string }>`SELECT count(*)::int AS n,
      coalesce(sum(amount_ntd) FILTER (WHERE status <> 'cancelled'), 0)::text AS amount FROM payment
      WHERE kind = 'monthly' AND period = ${period}`.execute(trx);
    const payments = rows[0]?.n ?? 0;
    const totalNtd = Number(rows[0]?.amount ?? 0);
    await trx
      .updateTable('payment_run')
      .set({
        status: 'completed',
        completed_at: new Date(),
        payments,
        amount_ntd: sql`${totalNtd}::bigint`,
        entitlements_total: total,
        entitlements_done: total,
        counted_in_reports: true,
      })
      .where('run_id', '=', run.run_id)
      .execute();
    await trail.log.append(trx, trail.context, [
      {
        action: 'complete',
        recordType: 'payment-run',
        recordId: run.run_id,
        details: { period, payments, amountNtd: totalNtd, created, deductedNtd },
      },
    ]);
    return {
      runId: run.run_id,
      period,
      status: 'completed' as const,
      created,
      alreadyPaid: payments - created,
      payments,
      totalNtd,
      deductedNtd,
    };
  });
}

/** Entitlement-id ranges for `lanes` lanes: each lane starts after its bound and stops before the next. */
function laneBounds(lanes: number): string[] {
  return Array.from({ length: lanes }, (_, k) => {
    const lead = Math.floor((k * 0x100000000) / lanes) - (k === 0 ? 0 : 1);
    return k === 0
      ? '00000000-0000-0000-0000-000000000000'
      : `${lead.toString(16).padStart(8, '0')}-ffff-ffff-ffff-ffffffffffff`;
  });
}

interface ChunkInput {
  period: IsoMonth;
  runId: string;
  /** Entitlement ids after this one (exclusive)… */
  after: string;
  /** …and up to this one (inclusive), or to the end. */
  before: string | null;
  chunkSize: number;
}

/** One transaction: the next chunk of a lane's entitlements paid for the month (those unpaid). */
function payChunk(db: Kysely<Schema>, input: ChunkInput, trail: AuditTrail) {
  const { period, runId, after, before, chunkSize } = input;
  const upTo = before === null ? sql`` : sql`AND entitlement_id <= ${before}::uuid`;
  return db.transaction().execute(async (trx) => {
    // The version in force (core/entitlement-months.ts): the highest version begun by the month, if it
    // has not ended and pays something. Keyset over entitlement ids, so a resumed run walks the same way.
    const { rows } = await sql<{ last: string | null; scanned: number; created: number; amount: string }>`
      WITH chunk AS (
        SELECT DISTINCT ON (entitlement_id) * FROM entitlement
        WHERE first_month <= ${period} AND entitlement_id > ${after}::uuid ${upTo}
        ORDER BY entitlement_id, version DESC
        LIMIT ${chunkSize}
      ), written AS (
        INSERT INTO payment (payment_id, kind, run_id, program_id, entitlement_id, entitlement_version, period,
          payee_person_id, entity, entity_id, district_code, amount_ntd, household_id)
        SELECT gen_random_uuid(), 'monthly', ${runId}::uuid, program_id, entitlement_id, version, ${period},
          payee_person_id, entity, entity_id, district_code, monthly_amount_ntd, household_id
        FROM chunk
        WHERE (last_month IS NULL OR last_month >= ${period}) AND monthly_amount_ntd > 0
        ON CONFLICT (entitlement_id, period) WHERE kind = 'monthly' DO NOTHING
        RETURNING amount_ntd
      )
      SELECT (SELECT entitlement_id::text FROM chunk ORDER BY entitlement_id DESC LIMIT 1) AS last,
        (SELECT count(*)::int FROM chunk) AS scanned,
        (SELECT count(*)::int FROM written) AS created,
        (SELECT coalesce(sum(amount_ntd), 0)::text FROM written) AS amount`.execute(trx);
    const result = rows[0]!;
    if (result.created > 0)
      await trail.log.append(trx, trail.context, [
        {
          action: 'create',
          recordType: 'payment-run',
          recordId: runId,
          details: { period, payments: result.created, amountNtd: Number(result.amount), after },
        },
      ]);
    return result;
  });
}

export function paymentRun(db: Kysely<Schema>, period: IsoMonth): Promise<PaymentRunRow | undefined> {
  return db.selectFrom('payment_run').selectAll().where('period', '=', period).executeTakeFirst();
}

export interface GrantInput {
  program: string;
  /** The event the grant is for (a birth, a disaster, a bill): the same key pays once. */
  grantKey: string;
  payeePersonId: string;
  entity: 'person' | 'household';
  entityId: string;
  districtCode: string;
  /** The household the grant is for (a person's: the application's), for the reports' household counts. */
  householdId?: string | null;
  amountNtd: number;
  period: IsoMonth;
  /** The program's yearly cap per payee, from the rules' parameters (grantCapParameter). */
  yearlyCapNtd?: number;
}

/**
 * The parameter each capped grant program's yearly cap comes from (`parameters.valueOn(id, date)`).
 * The medical subsidy's cap depends on the payee's status; low-income is the default tier here.
 */
export const GRANT_CAP_PARAMETERS: Record<string, string> = {
  'medical-subsidy': 'social-assistance.medical-subsidy.annual-cap-low-income',
  'hospital-nursing-subsidy': 'social-assistance.hospital-nursing-subsidy.annual-cap-low-income',
  'special-circumstance-medical-subsidy': 'children.special-circumstance.medical-yearly-cap',
  'vulnerable-child-medical-subsidy': 'children.vulnerable-child-medical.yearly-cap',
};

/** What a payee has been paid by a program in a year (cancelled, returned and failed payments do not count). */
export async function paidInYear(trx: Kysely<Schema>, program: string, payee: string, year: string) {
  const { rows } = await sql<{ amount: string }>`SELECT coalesce(sum(amount_ntd), 0)::text AS amount
    FROM payment WHERE program_id = ${program} AND payee_person_id = ${payee}
      AND period >= ${`${year}-01`} AND period <= ${`${year}-12`}
      AND status NOT IN ('cancelled', 'returned', 'failed')`.execute(trx);
  return Number(rows[0]?.amount ?? 0);
}

/**
 * A one-off grant through the ledger, inside the caller's transaction: once per program and grant key (a
 * repeat returns the first payment), refused with 409 when the year's payments of the program to the
 * payee would exceed the cap. A lock per program and payee keeps two grants at once from both fitting.
 */
export async function payGrant(
  trx: Kysely<Schema>,
  input: GrantInput,
  trail: AuditTrail,
): Promise<{ payment: PaymentRow; created: boolean }> {
  if (!isIsoMonth(input.period))
    throw new ApiError(400, '月份須為 YYYY-MM', 'period must be a YYYY-MM month');
  if (!Number.isSafeInteger(input.amountNtd) || input.amountNtd <= 0)
    throw new ApiError(400, '金額須為正整數', 'the amount is a positive whole NTD', 'amountNtd');
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`grant:${input.program}:${input.payeePersonId}`}))`.execute(
    trx,
  );
  const existing = await trx
    .selectFrom('payment')
    .selectAll()
    .where('kind', '=', 'grant')
    .where('program_id', '=', input.program)
    .where('grant_key', '=', input.grantKey)
    .executeTakeFirst();
  if (existing) return { payment: existing, created: false };
  if (input.yearlyCapNtd !== undefined) {
    const year = yearOf(input.period);
    const paid = await paidInYear(trx, input.program, input.payeePersonId, year);
    if (!withinYearlyCap(paid, input.amountNtd, input.yearlyCapNtd))
      throw new ApiError(
        409,
        `超過年度補助上限：${year} 年已補助 ${formatNtd(paid)} 元，上限 ${formatNtd(input.yearlyCapNtd)} 元`,
        `over the yearly cap: ${formatNtd(paid)} NTD paid in ${year}, the cap is ${formatNtd(input.yearlyCapNtd)} NTD`,
        'amountNtd',
      );
  }
  const payment = await trx
    .insertInto('payment')
    .values({
      payment_id: randomUUID(),
      kind: 'grant',
      run_id: null,
      program_id: input.program,
      entitlement_id: null,
      entitlement_version: null,
      period: input.period,
      payee_person_id: input.payeePersonId,
      entity: input.entity,
      entity_id: input.entityId,
      district_code: input.districtCode,
      household_id: input.householdId ?? (input.entity === 'household' ? input.entityId : null),
      amount_ntd: input.amountNtd,
      grant_key: input.grantKey,
    })
    .onConflict((oc) => oc.columns(['program_id', 'grant_key']).where('kind', '=', 'grant').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!payment) {
    const first = await trx
      .selectFrom('payment')
      .selectAll()
      .where('kind', '=', 'grant')
      .where('program_id', '=', input.program)
      .where('grant_key', '=', input.grantKey)
      .executeTakeFirstOrThrow();
    return { payment: first, created: false };
  }
  await trail.log.append(trx, trail.context, [
    {
      action: 'create',
      recordType: 'payment',
      recordId: payment.payment_id,
      details: {
        kind: 'grant',
        program: input.program,
        grantKey: input.grantKey,
        amountNtd: input.amountNtd,
      },
    },
  ]);
  return { payment, created: true };
}
