import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { API_SCOPES, type ApiScope, isApiScope } from '@safetynet/core/authz/actor';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import { apiClientView } from '../../identity/api-clients.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { IdParams, Uuid } from '../schemas.ts';
import { bad, checkDistricts, Districts, Nullable } from './identity-fields.ts';

/**
 * 介接系統管理 API clients (other agencies' systems): created with their scopes and districts, the token
 * shown once; revoked at once. Both are written to the audit log in the transaction that makes them.
 */
const ApiClient = Type.Object({
  id: Uuid,
  name: Type.String(),
  tokenPrefix: Type.String(),
  scopes: Type.Array(Type.String()),
  districts: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const apiClientRoutes =
  (identity: IdentityServices): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api-clients',
      {
        config: { policy: 'api-clients:manage' },
        schema: {
          tags: ['identity'],
          summary: '介接系統列表 API clients (their token prefixes, never the tokens)',
          response: { 200: Type.Object({ items: Type.Array(ApiClient) }) },
        },
      },
      async () => ({ items: (await identity.apiClients.list()).map(apiClientView) }),
    );

    app.post(
      '/api-clients',
      {
        config: { policy: 'api-clients:manage' },
        schema: {
          tags: ['identity'],
          summary: '建立介接系統 Create an API client: the token is shown this once (only its hash is kept)',
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 100, examples: ['衛生局長照系統'] }),
              scopes: Type.Array(Type.String({ enum: Object.keys(API_SCOPES) }), {
                minItems: 1,
                uniqueItems: true,
              }),
              districts: Type.Optional({
                ...Districts,
                description: 'Districts whose records it reads (or wholeCity: true)',
              }),
              wholeCity: Type.Optional(
                Type.Boolean({ description: '全市 Every district: must be said, never a default' }),
              ),
              expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
            },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object({
              ...ApiClient.properties,
              token: Type.String({ description: 'Send as `Authorization: Bearer <token>`; shown only now' }),
            }),
          },
        },
      },
      async (request, reply) => {
        const { name, scopes } = request.body;
        // Deny by default: a client reads the whole city only when that is asked for in so many words.
        const districts = request.body.districts ?? [];
        if (districts.length > 0 === (request.body.wholeCity === true))
          throw bad(
            'body.districts',
            '請指定行政區，或以 wholeCity: true 表示全市（二擇一）',
            'give the districts it may read, or wholeCity: true for the whole city (one of the two)',
          );
        for (const scope of scopes)
          if (!isApiScope(scope)) throw bad('body.scopes', '未知的範圍', `unknown scope: ${scope}`);
        checkDistricts('body.districts', districts);
        const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
        if (expiresAt && expiresAt.getTime() <= identity.now().getTime())
          throw bad('body.expiresAt', '到期時間須在未來', 'the expiry must be in the future');
        const created = await identity.db.transaction().execute(async (trx) => {
          const taken = await trx
            .selectFrom('api_client')
            .select('client_id')
            .where('name', '=', name)
            .executeTakeFirst();
          if (taken)
            throw new ApiError(
              409,
              `介接系統名稱已存在：${name}`,
              `an API client is already named ${name}`,
              'body.name',
            );
          const result = await identity.apiClients.create(trx, {
            name,
            scopes: scopes as ApiScope[],
            districts,
            expiresAt,
            createdBy: request.actor.id as string,
          });
          await identity.audit.append(trx, request.audit, [
            {
              action: 'create',
              recordType: 'api-client',
              recordId: result.client.client_id,
              details: { name, scopes, districts, tokenPrefix: result.client.token_prefix },
            },
          ]);
          return result;
        });
        return reply.code(201).send({ ...apiClientView(created.client), token: created.token });
      },
    );

    app.delete(
      '/api-clients/:id',
      {
        config: { policy: 'api-clients:manage' },
        schema: {
          tags: ['identity'],
          summary: '撤銷介接系統 Revoke an API client’s token (at once; kept for the record)',
          params: IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await identity.db.transaction().execute(async (trx) => {
          const revoked = await identity.apiClients.revoke(trx, id);
          if (!revoked) {
            const exists = await trx
              .selectFrom('api_client')
              .select('client_id')
              .where('client_id', '=', id)
              .executeTakeFirst();
            if (!exists) throw new ApiError(404, `找不到介接系統：${id}`, `API client not found: ${id}`);
            throw new ApiError(409, '此介接系統的權杖已撤銷', 'this API client’s token is already revoked');
          }
          await identity.audit.append(trx, request.audit, [
            { action: 'revoke', recordType: 'api-client', recordId: id, details: { name: revoked.name } },
          ]);
        });
        return reply.code(204).send(null);
      },
    );
  };
