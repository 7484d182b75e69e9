import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ParameterSet } from '@safetynet/rules';
import { type Selectable, sql } from 'kysely';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import type { BenefitServices } from '../../benefits/benefit-services.ts';
import { entitlementReachSql } from '../../benefits/entitlements.ts';
import { applyLifeEvent, evaluateIncomeChange, type LifeEvent } from '../../benefits/life-events.ts';
import type { Database } from '../../db/database.ts';
import type { OverpaymentTable } from '../../db/schema.ts';
import type { IdentityServices } from '../../identity/services.ts';
import type { SnapshotCache } from '../../rules/snapshot-store.ts';
import { ChangedEntitlement, Overpayment, overpaymentToApi, Settlement } from '../overpayment-schemas.ts';
import type { RegistryGuard } from '../registry-guard.ts';
import { IsoDate, Uuid } from '../schemas.ts';

/** 生活事件與溢領 Life events that end or change entitlements, and the overpayments they reveal. */
const Result = Type.Object({ changed: Type.Array(ChangedEntitlement), ...Settlement });

export const lifeEventRoutes =
  (deps: {
    database: Database;
    identity: IdentityServices;
    guard: RegistryGuard;
    parameters: ParameterSet;
    snapshots: SnapshotCache;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const db = deps.database.db;
    // What the rules' evaluation needs (evaluation.ts); no decision is made here.
    const services: BenefitServices = {
      database: deps.database,
      audit: deps.identity.audit,
      parameters: deps.parameters,
      snapshots: deps.snapshots,
      now: deps.identity.now,
      onDecided: async () => {},
    };

    app.post(
      '/life-events',
      {
        config: { policy: 'registry:write' },
        schema: {
          tags: ['benefits'],
          summary:
            '登錄生活事件 A death, a move out of the city or an income change: ends or changes the person’s entitlements from the month after, paid months beyond become overpayments',
          body: Type.Object(
            {
              kind: Type.String({ enum: ['death', 'moved-out', 'income-change'] }),
              personId: Uuid,
              effectiveDate: IsoDate,
              note: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Result },
        },
      },
      async (request) => {
        const { kind, personId, effectiveDate, note } = request.body;
        await deps.guard.person(request, personId, 'registry:write');
        const today = deps.identity.now().toISOString().slice(0, 10);
        if (effectiveDate > today)
          throw new ApiError(
            400,
            '事實發生日不得晚於今天',
            'the event cannot be in the future',
            'effectiveDate',
          );
        const trail = { log: deps.identity.audit, context: request.audit };
        const base = { personId, effectiveDate, ...(note ? { note } : {}) };
        // The rules' evaluation takes a registry snapshot: before the event's transaction.
        const event: LifeEvent =
          kind === 'income-change'
            ? {
                ...base,
                kind: 'income-change',
                evaluations: await evaluateIncomeChange(services, personId, effectiveDate),
              }
            : { ...base, kind: kind as 'death' | 'moved-out' };
        return db.transaction().execute((trx) => applyLifeEvent(trx, event, { trail }));
      },
    );

    app.get(
      '/overpayments',
      {
        config: { policy: 'entitlements:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '溢領清單 Overpayments of the entitlements within one’s reach, with what is still to recover',
          querystring: Type.Object(
            {
              status: Type.Optional(Type.String({ enum: ['open', 'recovered', 'waived'] })),
              program: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })),
              payeePersonId: Type.Optional(Uuid),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(Overpayment) }) },
        },
      },
      async (request) => {
        const { status, program, payeePersonId, limit } = request.query;
        const conditions = [
          sql`o.entitlement_id IN (SELECT entitlement_id FROM entitlement WHERE ${entitlementReachSql(request.actor)})`,
        ];
        if (status) conditions.push(sql`o.status = ${status}`);
        if (program) conditions.push(sql`o.program_id = ${program}`);
        if (payeePersonId) conditions.push(sql`o.payee_person_id = ${payeePersonId}`);
        const { rows } = await sql<
          Selectable<OverpaymentTable> & { outstanding: number }
        >`SELECT o.*, (o.amount_ntd - coalesce((SELECT sum(r.amount_ntd) FROM overpayment_recovery r
            WHERE r.overpayment_id = o.overpayment_id), 0))::int AS outstanding
          FROM overpayment o WHERE ${sql.join(conditions, sql` AND `)}
          ORDER BY o.created_at DESC, o.overpayment_id LIMIT ${limit ?? 500}`.execute(db);
        request.auditReads.push({
          action: 'list',
          recordType: 'overpayment',
          recordId: null,
          details: { ids: rows.map((r) => r.overpayment_id) },
        });
        return {
          items: rows.map((o) => overpaymentToApi(o, o.outstanding)),
        };
      },
    );
  };
