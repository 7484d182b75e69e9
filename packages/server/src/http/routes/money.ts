import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { ApiError, outOfScope } from '../../api-error.ts';
import {
  type EntitlementRow,
  entitlementReachSql,
  entitlementVersions,
} from '../../benefits/entitlements.ts';
import { changeAndSettle } from '../../benefits/life-events.ts';
import type { PaymentRow } from '../../benefits/payment-run.ts';
import type { Database } from '../../db/database.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { Month } from '../application-schemas.ts';
import { ChangedEntitlement, Settlement } from '../overpayment-schemas.ts';
import { Uuid } from '../schemas.ts';
import { Nullable } from './identity-fields.ts';
import { overpaymentRoutes } from './overpayments.ts';

/** 一次性給付與給付資格異動 One-off grants paid from decisions, and a clerk's change of an entitlement. */
const Grant = Type.Object({
  id: Uuid,
  program: Type.String(),
  grantKey: Type.String(),
  period: Type.String(),
  payeePersonId: Uuid,
  entity: Type.String({ enum: ['person', 'household'] }),
  entityId: Uuid,
  districtCode: Type.String(),
  amountNtd: Type.Integer(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const ChangeResult = Type.Object({ changed: ChangedEntitlement, ...Settlement });

export const moneyRoutes =
  (deps: { database: Database; identity: IdentityServices }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;
    await app.register(overpaymentRoutes(deps));

    app.get(
      '/grants',
      {
        config: { policy: 'entitlements:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '一次性給付清單 One-off grants (birth allowance, emergency aid, subsidies…) within one’s reach, newest first',
          querystring: Type.Object(
            {
              program: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })),
              person: Type.Optional(Uuid),
              year: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(Grant) }) },
        },
      },
      async (request) => {
        const { program, person, year, limit } = request.query;
        // A payment carries the entitlement's stable columns, so the same reach applies to it.
        const conditions = [sql`kind = 'grant'`, entitlementReachSql(request.actor)];
        if (program) conditions.push(sql`program_id = ${program}`);
        if (person)
          conditions.push(
            sql`(payee_person_id = ${person} OR (entity = 'person' AND entity_id = ${person}))`,
          );
        if (year) conditions.push(sql`period BETWEEN ${`${year}-01`} AND ${`${year}-12`}`);
        const { rows } = await sql<PaymentRow>`SELECT * FROM payment
          WHERE ${sql.join(conditions, sql` AND `)}
          ORDER BY created_at DESC, payment_id LIMIT ${limit ?? 500}`.execute(db);
        request.auditReads.push({
          action: 'list',
          recordType: 'payment',
          recordId: null,
          details: { kind: 'grant', ids: rows.map((r) => r.payment_id) },
        });
        return {
          items: rows.map((p) => ({
            id: p.payment_id,
            program: p.program_id,
            grantKey: p.grant_key ?? '',
            period: p.period,
            payeePersonId: p.payee_person_id,
            entity: p.entity,
            entityId: p.entity_id,
            districtCode: p.district_code,
            amountNtd: p.amount_ntd,
            status: p.status,
            createdAt: new Date(p.created_at).toISOString(),
          })),
        };
      },
    );

    app.post(
      '/entitlements/:id/versions',
      {
        config: { policy: 'entitlements:change' },
        schema: {
          tags: ['benefits'],
          summary:
            '變更給付資格 A new version from a month: a new amount and/or a last month, with the reason; months already paid beyond it become overpayments',
          params: Type.Object({ id: Uuid }, { additionalProperties: false }),
          body: Type.Object(
            {
              fromMonth: Month,
              monthlyAmountNtd: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
              lastMonth: Type.Optional(Nullable(Month)),
              reason: Type.String({ minLength: 1, maxLength: 400 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: ChangeResult },
        },
      },
      async (request) => {
        const { id } = request.params;
        const { fromMonth, monthlyAmountNtd, lastMonth, reason } = request.body;
        if (monthlyAmountNtd === undefined && lastMonth === undefined)
          throw new ApiError(
            400,
            '須指定新月額或末月',
            'give a new monthly amount or a last month',
            'monthlyAmountNtd',
          );
        const trail = { log: deps.identity.audit, context: request.audit };
        return db.transaction().execute(async (trx) => {
          // Locked, so a concurrent change waits and then sees this version (changeEntitlement's key
          // refuses the one that does not).
          const { rows } = await sql<EntitlementRow & { reachable: boolean }>`SELECT e.*,
              (${entitlementReachSql(request.actor)}) AS reachable
            FROM entitlement e WHERE entitlement_id = ${id} ORDER BY version FOR UPDATE`.execute(trx);
          if (rows.length === 0) throw new ApiError(404, '查無此給付資格', 'no such entitlement');
          if (!rows.every((r) => r.reachable)) throw outOfScope();
          const versions = await entitlementVersions(trx, id);
          const settlement = await changeAndSettle(
            trx,
            versions,
            {
              from: fromMonth,
              ...(monthlyAmountNtd === undefined ? {} : { monthlyAmountNtd }),
              ...(lastMonth === undefined ? {} : { lastMonth }),
              reason,
            },
            'manual-change',
            trail,
          );
          if (settlement.audit.length) await trail.log.append(trx, trail.context, settlement.audit);
          return {
            changed: settlement.changed,
            overpayments: settlement.overpayments,
            correctedPayments: settlement.correctedPayments,
          };
        });
      },
    );
  };
