import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { ApiError, outOfScope } from '../../api-error.ts';
import {
  currentEntitlements,
  type EntitlementRow,
  entitlementReachSql,
} from '../../benefits/entitlements.ts';
import {
  type PaymentRow,
  type PaymentRunRow,
  paymentRun,
  runMonthlyPayments,
} from '../../benefits/payment-run.ts';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { Uuid } from '../schemas.ts';
import { Nullable } from './identity-fields.ts';

/** 給付資格與撥款 Entitlements (in versions) and the monthly payment runs. */
const Month = Type.String({
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM',
  examples: ['2024-06'],
});

const Entitlement = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  decisionId: Uuid,
  program: Type.String(),
  entity: Type.String({ enum: ['person', 'household'] }),
  entityId: Uuid,
  payeePersonId: Uuid,
  districtCode: Type.String(),
  monthlyAmountNtd: Type.Integer(),
  firstMonth: Type.String(),
  lastMonth: Nullable(Type.String()),
  reason: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const Payment = Type.Object({
  id: Uuid,
  kind: Type.String({ enum: ['monthly', 'grant'] }),
  period: Type.String(),
  entitlementVersion: Type.Union([Type.Integer(), Type.Null()]),
  amountNtd: Type.Integer(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const Run = Type.Object({
  id: Uuid,
  period: Type.String(),
  status: Type.String({ enum: ['running', 'completed'] }),
  startedAt: Type.String({ format: 'date-time' }),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  payments: Type.Integer(),
  amountNtd: Type.Integer(),
  progress: Type.Object(
    {
      entitlementsTotal: Type.Union([Type.Integer(), Type.Null()]),
      entitlementsDone: Type.Integer(),
    },
    {
      description: '進度 The entitlements the run walks through and how many it has done (after each chunk)',
    },
  ),
});

const RunSummary = Type.Object({
  runId: Uuid,
  period: Type.String(),
  status: Type.Literal('completed'),
  created: Type.Integer(),
  alreadyPaid: Type.Integer(),
  payments: Type.Integer(),
  totalNtd: Type.Integer(),
});

const entitlementView = (e: EntitlementRow) => ({
  id: e.entitlement_id,
  version: e.version,
  decisionId: e.decision_id,
  program: e.program_id,
  entity: e.entity,
  entityId: e.entity_id,
  payeePersonId: e.payee_person_id,
  districtCode: e.district_code,
  monthlyAmountNtd: e.monthly_amount_ntd,
  firstMonth: e.first_month,
  lastMonth: e.last_month,
  reason: e.reason,
  createdAt: new Date(e.created_at).toISOString(),
});

const paymentView = (p: PaymentRow) => ({
  id: p.payment_id,
  kind: p.kind,
  period: p.period,
  entitlementVersion: p.entitlement_version,
  amountNtd: p.amount_ntd,
  status: p.status,
  createdAt: new Date(p.created_at).toISOString(),
});

function runJson(run: PaymentRunRow) {
  return {
    id: run.run_id,
    period: run.period,
    status: run.status,
    startedAt: new Date(run.started_at).toISOString(),
    completedAt: run.completed_at ? new Date(run.completed_at).toISOString() : null,
    payments: run.payments,
    amountNtd: Number(run.amount_ntd),
    progress: { entitlementsTotal: run.entitlements_total, entitlementsDone: run.entitlements_done },
  };
}

export const paymentRoutes =
  (deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;

    app.post(
      '/payment-runs',
      {
        config: { policy: 'payments:run' },
        schema: {
          tags: ['benefits'],
          summary:
            '執行每月撥款 Run a month’s payments: one per entitlement in force, exactly once (again: only what is missing)',
          body: Type.Object({ period: Month }, { additionalProperties: false }),
          response: { 200: RunSummary },
        },
      },
      async (request) =>
        runMonthlyPayments(deps.database, request.body.period, {
          log: deps.identity.audit,
          context: request.audit,
        }),
    );

    app.get(
      '/payment-runs/:period',
      {
        config: { policy: 'payments:run' },
        schema: {
          tags: ['benefits'],
          summary: '撥款批次狀態 A month’s payment run: status, number of payments and amount',
          params: Type.Object({ period: Month }, { additionalProperties: false }),
          response: { 200: Run },
        },
      },
      async (request) => {
        const run = await paymentRun(db, request.params.period);
        if (!run) throw new ApiError(404, '該月份尚未執行撥款', 'no payment run for this month');
        return runJson(run);
      },
    );

    app.get(
      '/payment-runs',
      {
        config: { policy: 'payments:run' },
        schema: {
          tags: ['benefits'],
          summary: '撥款批次 The payment runs, newest month first (the last 24)',
          response: { 200: Type.Object({ items: Type.Array(Run) }) },
        },
      },
      async () => {
        const runs = await db
          .selectFrom('payment_run')
          .selectAll()
          .orderBy('period', 'desc')
          .limit(24)
          .execute();
        return { items: runs.map(runJson) };
      },
    );

    app.get(
      '/entitlements',
      {
        config: { policy: 'entitlements:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '給付資格清單 Entitlements within one’s reach (district, own household, or own programs), latest versions',
          querystring: Type.Object(
            {
              program: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })),
              entityId: Type.Optional(Uuid),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(Entitlement) }) },
        },
      },
      async (request) => {
        const rows = await currentEntitlements(db, {
          actor: request.actor,
          ...(request.query.program ? { programId: request.query.program } : {}),
          ...(request.query.entityId ? { entityId: request.query.entityId } : {}),
          ...(request.query.limit ? { limit: request.query.limit } : {}),
        });
        request.auditReads.push({
          action: 'list',
          recordType: 'entitlement',
          recordId: null,
          details: { ids: rows.map((r) => r.entitlement_id) },
        });
        return { items: rows.map(entitlementView) };
      },
    );

    app.get(
      '/entitlements/:id',
      {
        config: { policy: 'entitlements:read' },
        schema: {
          tags: ['benefits'],
          summary: '給付資格明細 An entitlement: every version and its payments',
          params: Type.Object({ id: Uuid }, { additionalProperties: false }),
          response: {
            200: Type.Object({ id: Uuid, versions: Type.Array(Entitlement), payments: Type.Array(Payment) }),
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        const { rows } = await sql<EntitlementRow & { reachable: boolean }>`SELECT e.*,
            (${entitlementReachSql(request.actor)}) AS reachable
          FROM entitlement e WHERE entitlement_id = ${id} ORDER BY version`.execute(db);
        if (rows.length === 0) throw new ApiError(404, '查無此給付資格', 'no such entitlement');
        if (!rows.every((r) => r.reachable)) throw outOfScope();
        const payments = await db
          .selectFrom('payment')
          .selectAll()
          .where('entitlement_id', '=', id)
          .orderBy('period')
          .execute();
        request.auditReads.push({
          action: 'read',
          recordType: 'entitlement',
          recordId: id,
          details: { payments: payments.length },
        });
        return {
          id,
          versions: rows.map(({ reachable: _, ...row }) => entitlementView(row)),
          payments: payments.map(paymentView),
        };
      },
    );
  };
