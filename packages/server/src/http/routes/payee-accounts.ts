import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setPayeeAccount } from '../../benefits/bank-file.ts';
import type { Database } from '../../db/database.ts';
import type { IdProtector } from '../../identity/id-protector.ts';
import type { RegistryGuard } from '../registry-guard.ts';
import { IdParams } from '../schemas.ts';

/**
 * 撥款帳戶 Where a payee's benefits are paid: a district clerk records it for a person within reach. The
 * account number is stored encrypted and never shown back or written to the audit log; the bank file of a
 * run is the only place it appears in clear.
 */
export function payeeAccountRoutes(ctx: {
  database: Database;
  protector: IdProtector;
  guard: RegistryGuard;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.put(
      '/persons/:id/bank-account',
      {
        config: { policy: 'registry:write' },
        schema: {
          tags: ['benefits'],
          summary: '登錄撥款帳戶 Record the bank account a person’s benefits are paid into',
          params: IdParams,
          body: Type.Object(
            {
              bankCode: Type.String({ pattern: '^[0-9]{3}$', description: '銀行代碼', examples: ['700'] }),
              branchCode: Type.String({ pattern: '^[0-9]{4}$', description: '分行代碼', examples: ['0021'] }),
              account: Type.String({
                pattern: '^[0-9]{1,14}$',
                description: '帳號',
                examples: ['00212345678901'],
              }),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await ctx.guard.person(request, request.params.id, 'registry:write');
        await ctx.database.db
          .transaction()
          .execute((trx) =>
            setPayeeAccount(trx, ctx.protector, request.params.id, request.body, ctx.guard.trail(request)),
          );
        return reply.code(204).send(null);
      },
    );
  };
}
