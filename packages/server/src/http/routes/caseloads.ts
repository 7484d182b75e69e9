import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StaffActor } from '@safetynet/core/authz/actor';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { forbidden } from '../../api-error.ts';
import { assignCaseload, assignmentView, endCaseload, teamCaseload } from '../../identity/caseloads.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { Uuid } from '../schemas.ts';
import { Nullable } from './identity-fields.ts';

/** 個案量指派 Supervisors put households on the caseloads of their own team's social workers. */
const Assignment = Type.Object({
  id: Uuid,
  householdId: Uuid,
  workerId: Uuid,
  assignedBy: Nullable(Type.String()),
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Nullable(Type.String({ format: 'date-time' })),
});

/** caseload:assign is held by supervisors only, who are staff. */
function supervisorOf(request: FastifyRequest): StaffActor {
  if (request.actor.kind !== 'staff') throw forbidden();
  return request.actor;
}

export const caseloadRoutes =
  (identity: IdentityServices): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/caseloads',
      {
        config: { policy: 'caseload:assign' },
        schema: {
          tags: ['identity'],
          summary: '組內個案量 The open caseload assignments of one’s team',
          querystring: Type.Object({ workerId: Type.Optional(Uuid) }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(Assignment) }) },
        },
      },
      async (request) => {
        const items = (await teamCaseload(identity, supervisorOf(request), request.query.workerId)).map(
          assignmentView,
        );
        request.auditReads.push({
          action: 'list',
          recordType: 'caseload',
          recordId: null,
          details: { ids: items.map((item) => item.id), householdIds: items.map((item) => item.householdId) },
        });
        return { items };
      },
    );

    app.post(
      '/caseloads',
      {
        config: { policy: 'caseload:assign' },
        schema: {
          tags: ['identity'],
          summary:
            '指派個案 Assign a household to a social worker of one’s team (again: the open assignment)',
          body: Type.Object({ householdId: Uuid, workerId: Uuid }, { additionalProperties: false }),
          response: { 200: Assignment, 201: Assignment },
        },
      },
      async (request, reply) => {
        const { assignment, created } = await assignCaseload(
          identity,
          supervisorOf(request),
          request.body,
          request.audit,
        );
        return reply.code(created ? 201 : 200).send(assignmentView(assignment));
      },
    );

    app.post(
      '/caseloads/:assignmentId/end',
      {
        config: { policy: 'caseload:assign' },
        schema: {
          tags: ['identity'],
          summary: '結束指派 End a caseload assignment (the worker no longer reaches the household)',
          params: Type.Object({ assignmentId: Uuid }, { additionalProperties: false }),
          response: { 200: Assignment },
        },
      },
      async (request) =>
        assignmentView(
          await endCaseload(identity, supervisorOf(request), request.params.assignmentId, request.audit),
        ),
    );
  };
