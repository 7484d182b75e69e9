import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  type AppealServices,
  appealView,
  decideAppeal,
  fileAppeal,
  listAppeals,
} from '../../benefits/appeals.ts';
import type { Acting } from '../../benefits/benefit-services.ts';
import { ReasonInput, Text } from '../application-schemas.ts';
import { IdParams, Page, Paging, Uuid } from '../schemas.ts';
import { pageOf } from './context.ts';

/** 訴願 Appeals against a decision, and the reviewer's decision on them (four eyes again). */
const acting = (request: FastifyRequest): Acting => ({ actor: request.actor, audit: request.audit });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const AppealView = Type.Object({
  id: Uuid,
  decisionId: Uuid,
  applicationId: Uuid,
  districtCode: Type.String(),
  filedBy: Uuid,
  filedAt: Type.String(),
  grounds: Type.String(),
  status: Type.String({ enum: ['filed', 'decided'] }),
  outcome: Nullable(Type.String({ enum: ['upheld', 'changed'] })),
  decidedBy: Nullable(Uuid),
  decidedAt: Nullable(Type.String()),
  redecisionId: Nullable(Uuid),
});

export function appealRoutes(services: AppealServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/decisions/:id/appeal',
      {
        config: { policy: 'applications:create' },
        schema: {
          tags: ['benefits'],
          summary:
            '對決定提起訴願（申請人或承辦人代為，決定後 30 日內） Appeal a decision (the applicant, or a clerk for them, within 30 days)',
          description:
            '訴願法第 14 條：期間自決定之日起算 30 日；逾期 409。The Appeal Act art. 14: within 30 days of the decision; later answers 409.',
          params: IdParams,
          body: Type.Object(
            { grounds: Text(4000, '訴願理由 The grounds of the appeal') },
            { additionalProperties: false },
          ),
          response: { 201: AppealView },
        },
      },
      async (request, reply) => {
        const appeal = await fileAppeal(services, acting(request), request.params.id, request.body);
        return reply.code(201).send(appealView(appeal));
      },
    );

    app.post(
      '/appeals/:id/decision',
      {
        config: { policy: 'applications:decide' },
        schema: {
          tags: ['benefits'],
          summary:
            '訴願決定（本區審核人員，不得為原核定者） Decide an appeal (a reviewer of the district, not the original decider)',
          description:
            '維持或變更；變更則作成新決定（取代原決定）並於同一交易調整給付資格。Upheld or changed: a change writes a new decision superseding the original and applies it to the entitlements in the same transaction.',
          params: IdParams,
          body: Type.Object(
            {
              outcome: Type.String({ enum: ['upheld', 'changed'] }),
              decision: Type.Optional(Type.String({ enum: ['approved', 'rejected'] })),
              monthlyAmountNtd: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
              reasons: Type.Optional(Type.Array(ReasonInput, { maxItems: 50 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ appeal: AppealView, redecisionId: Nullable(Uuid) }) },
        },
      },
      async (request, reply) => {
        const { outcome, decision: decided, monthlyAmountNtd, reasons } = request.body;
        const { appeal, decision } = await decideAppeal(services, acting(request), request.params.id, {
          outcome: outcome as 'upheld' | 'changed',
          ...(decided ? { decision: decided as 'approved' | 'rejected' } : {}),
          ...(monthlyAmountNtd !== undefined ? { monthlyAmountNtd } : {}),
          ...(reasons ? { reasons } : {}),
        });
        return reply
          .code(201)
          .send({ appeal: appealView(appeal), redecisionId: decision?.decision_id ?? null });
      },
    );

    app.get(
      '/appeals',
      {
        config: { policy: 'applications:read' },
        schema: {
          tags: ['benefits'],
          summary: '訴願案件（本區或本戶） The appeals of the caller’s districts or household',
          querystring: Type.Object(
            { status: Type.Optional(Type.String({ enum: ['filed', 'decided'] })), ...Paging },
            { additionalProperties: false },
          ),
          response: { 200: Page(AppealView) },
        },
      },
      async (request) => {
        const { page, pageSize } = pageOf(request.query);
        const { status } = request.query;
        const result = await listAppeals(services, acting(request), {
          ...(status ? { status: status as 'filed' | 'decided' } : {}),
          page,
          pageSize,
        });
        request.auditReads.push({
          action: 'list',
          recordType: 'appeal',
          recordId: null,
          details: { ids: result.items.map((item) => item.id) },
        });
        return result;
      },
    );
  };
}
