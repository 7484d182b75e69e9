import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Actor } from '@safetynet/core/authz/actor';
import { addDays } from '@safetynet/core/calendar';
import { PROGRAMS } from '@safetynet/rules';
import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import { ApiError, outOfScope } from '../../api-error.ts';
import { entitlementReachSql } from '../../benefits/entitlements.ts';
import {
  type OverpaymentRow,
  outstanding,
  recordRepayment,
  setRecoveryMethod,
  waiveOverpayment,
} from '../../benefits/overpayment-recovery.ts';
import type { Database } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { renderRepaymentNotice } from '../../notices/repayment-notice.ts';
import { addresseeName } from '../../registry/addressee-name.ts';
import { Overpayment, overpaymentToApi } from '../overpayment-schemas.ts';
import { Uuid } from '../schemas.ts';
import { Nullable } from './identity-fields.ts';

/** 溢領追回 One overpayment: its recoveries, repayments received, the recovery method, a waiver. */
const Recovery = Type.Object({
  id: Uuid,
  kind: Type.String({ enum: ['deduction', 'repayment'] }),
  paymentId: Nullable(Uuid),
  amountNtd: Type.Integer(),
  recordedAt: Type.String({ format: 'date-time' }),
});

const OverpaymentInFull = Type.Object({ ...Overpayment.properties, recoveries: Type.Array(Recovery) });

const Params = Type.Object({ id: Uuid }, { additionalProperties: false });

/** The overpayment if it exists (404) and the actor reaches its entitlement (403). */
async function reachable(db: Kysely<Schema>, actor: Actor, id: string): Promise<OverpaymentRow> {
  const { rows } = await sql<OverpaymentRow & { reachable: boolean }>`SELECT o.*,
      EXISTS (SELECT 1 FROM entitlement e WHERE e.entitlement_id = o.entitlement_id
        AND ${entitlementReachSql(actor)}) AS reachable
    FROM overpayment o WHERE o.overpayment_id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) throw new ApiError(404, '查無此溢領紀錄', 'no such overpayment');
  if (!row.reachable) throw outOfScope();
  return row;
}

async function inFull(db: Kysely<Schema>, id: string) {
  const o = await db
    .selectFrom('overpayment')
    .selectAll()
    .where('overpayment_id', '=', id)
    .executeTakeFirstOrThrow();
  const recoveries = await db
    .selectFrom('overpayment_recovery')
    .selectAll()
    .where('overpayment_id', '=', id)
    .orderBy('recorded_at')
    .orderBy('recovery_id')
    .execute();
  return {
    ...overpaymentToApi(o, await outstanding(db, id)),
    recoveries: recoveries.map((r) => ({
      id: r.recovery_id,
      kind: r.kind,
      paymentId: r.payment_id,
      amountNtd: r.amount_ntd,
      recordedAt: new Date(r.recorded_at).toISOString(),
    })),
  };
}

export const overpaymentRoutes =
  (deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;

    app.get(
      '/overpayments/:id',
      {
        config: { policy: 'entitlements:read' },
        schema: {
          tags: ['benefits'],
          summary: '溢領明細 An overpayment: its deductions and repayments and what is still to recover',
          params: Params,
          response: { 200: OverpaymentInFull },
        },
      },
      async (request) => {
        await reachable(db, request.actor, request.params.id);
        request.auditReads.push({
          action: 'read',
          recordType: 'overpayment',
          recordId: request.params.id,
          details: {},
        });
        return inFull(db, request.params.id);
      },
    );

    app.get(
      '/overpayments/:id/notice.pdf',
      {
        config: { policy: 'entitlements:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '溢領款繳回通知書（PDF） The request to repay what is outstanding, in Traditional Chinese (ROC dates, due in 30 days, how to appeal)',
          params: Params,
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const o = await reachable(db, request.actor, id);
        const rest = await outstanding(db, id);
        if (o.status !== 'open' || rest <= 0)
          throw new ApiError(409, '此溢領已無待繳回金額', 'nothing of this overpayment is left to repay');
        const name = await addresseeName(db, o.payee_person_id);
        const program = PROGRAMS.get(o.program_id);
        const issuedOn = deps.identity.now().toISOString().slice(0, 10);
        const pdf = await renderRepaymentNotice({
          referenceNumber: `高市社助字第${Number(issuedOn.slice(0, 4)) - 1911}${id.slice(0, 8).toUpperCase()}號`,
          payeeName: name,
          program: { zh: program?.nameZh ?? o.program_id, en: program?.nameEn ?? o.program_id },
          period: o.period,
          amountNtd: o.amount_ntd,
          outstandingNtd: rest,
          reason: o.reason,
          issuedOn,
          dueOn: addDays(issuedOn, 30),
        });
        request.auditReads.push({ action: 'read-notice', recordType: 'overpayment', recordId: id });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="repayment-notice-${id}.pdf"`)
          .send(pdf);
      },
    );

    app.post(
      '/overpayments/:id/repayments',
      {
        config: { policy: 'overpayments:manage' },
        schema: {
          tags: ['benefits'],
          summary:
            '登錄繳回 A repayment received for an overpayment (at most what is outstanding); the same idempotencyKey again is the first',
          params: Params,
          body: Type.Object(
            {
              amountNtd: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
              idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: OverpaymentInFull, 201: OverpaymentInFull },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await reachable(db, request.actor, id);
        const { amountNtd, idempotencyKey } = request.body;
        const { created } = await db
          .transaction()
          .execute((trx) =>
            recordRepayment(
              trx,
              id,
              amountNtd,
              { log: deps.identity.audit, context: request.audit },
              idempotencyKey ? { idempotencyKey } : {},
            ),
          );
        return reply.code(created ? 201 : 200).send(await inFull(db, id));
      },
    );

    app.post(
      '/overpayments/:id/waive',
      {
        config: { policy: 'overpayments:waive' },
        schema: {
          tags: ['benefits'],
          summary: '註銷溢領 Waive what is left of an overpayment, with the reason (a reviewer)',
          params: Params,
          body: Type.Object(
            { reason: Type.String({ minLength: 1, maxLength: 500 }) },
            { additionalProperties: false },
          ),
          response: { 200: OverpaymentInFull },
        },
      },
      async (request) => {
        const { id } = request.params;
        await reachable(db, request.actor, id);
        await db.transaction().execute((trx) =>
          waiveOverpayment(trx, id, request.body.reason, {
            log: deps.identity.audit,
            context: request.audit,
          }),
        );
        return inFull(db, id);
      },
    );

    app.post(
      '/overpayments/:id/recovery',
      {
        config: { policy: 'overpayments:manage' },
        schema: {
          tags: ['benefits'],
          summary:
            '變更追回方式 Recover an open overpayment by deduction from later payments or by repayment from now on',
          params: Params,
          body: Type.Object(
            { method: Type.String({ enum: ['deduction', 'repayment'] }) },
            { additionalProperties: false },
          ),
          response: { 200: OverpaymentInFull },
        },
      },
      async (request) => {
        const { id } = request.params;
        await reachable(db, request.actor, id);
        await db.transaction().execute((trx) =>
          setRecoveryMethod(trx, id, request.body.method as 'deduction' | 'repayment', {
            log: deps.identity.audit,
            context: request.audit,
          }),
        );
        return inFull(db, id);
      },
    );
  };
