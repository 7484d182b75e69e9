import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import { MASKED_VIEWER } from '../../registry/viewer.ts';
import { type RouteContext, today } from './context.ts';

/**
 * 我的家戶 A citizen's own household(s) as the registry holds them today: members, evidence and statuses,
 * ID numbers masked. The citizen portal starts here; staff use the registry routes.
 */
export const meRoutes =
  (ctx: RouteContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/me/household',
      {
        config: { policy: 'registry:read' },
        schema: {
          tags: ['identity'],
          summary: '我的家戶 The signed-in citizen’s household(s) today',
          response: {
            200: Type.Object({
              personId: Type.String(),
              households: Type.Array(Type.Object({}, { additionalProperties: true })),
            }),
          },
        },
      },
      async (request) => {
        const actor = request.actor;
        if (actor.kind !== 'citizen')
          throw new ApiError(
            403,
            '此功能僅供民眾帳號使用',
            'this is for citizen accounts; staff use /households',
          );
        const on = today();
        const found = await ctx.households.search({
          memberPersonId: actor.personId,
          asOf: on,
          limit: 10,
          offset: 0,
        });
        const households = [];
        for (const { id } of found.items) {
          const household = await ctx.households.get(id, on, MASKED_VIEWER);
          if (household) households.push(household);
          request.auditReads.push({ action: 'read', recordType: 'household', recordId: id });
        }
        return { personId: actor.personId, households };
      },
    );
  };
