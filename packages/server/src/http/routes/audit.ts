import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import { maskActorName, maskDetails, maskIp } from '../../audit/audit-mask.ts';
import { parseAuditHead, verifyAuditLog } from '../../audit/audit-verify.ts';
import type { Schema } from '../../db/schema.ts';

/**
 * The audit log for auditors: entries newest first, personal data masked (audit-mask.ts), and the chain's
 * verification. Reading the log is itself recorded (an entry 'read' or 'verify' of record type
 * 'audit-log'), written before the answer leaves (auth.ts).
 */
export interface AuditRouteContext {
  db: Kysely<Schema>;
  /** The chain's key (auditChainKey). */
  key: Buffer;
}

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    kind: Type.String(),
    id: Nullable(Type.String()),
    name: Type.String({ description: 'Citizens masked to the first character' }),
    role: Type.String(),
  }),
  action: Type.String(),
  recordType: Type.String(),
  recordId: Nullable(Type.String()),
  ip: Nullable(Type.String({ description: 'IPv4 without its last octet, IPv6 its first three groups' })),
  purpose: Nullable(Type.String()),
  details: Type.Unknown({ description: 'Names and ID numbers masked' }),
});

const Problem = Type.String({ enum: ['altered', 'deleted', 'inserted'] });
const Verification = Type.Object({
  ok: Type.Boolean(),
  count: Type.Optional(Type.Integer()),
  head: Type.Optional(Nullable(Type.Object({ seq: Type.Integer(), hash: Type.String() }))),
  problem: Type.Optional(Problem),
  seq: Type.Optional(Type.Integer()),
  message: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
  checked: Type.Optional(Type.Integer()),
});

const MAX_LIMIT = 500;

export const auditRoutes =
  ({ db, key }: AuditRouteContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/audit',
      {
        config: { policy: 'audit:read' },
        schema: {
          tags: ['identity'],
          summary: '稽核紀錄（新到舊，個資遮蔽） Audit entries, newest first, personal data masked',
          querystring: Type.Object(
            {
              actor: Type.Optional(
                Type.String({ maxLength: 100, description: 'Account or client id, or name' }),
              ),
              action: Type.Optional(Type.String({ maxLength: 64 })),
              recordType: Type.Optional(Type.String({ maxLength: 64 })),
              recordId: Type.Optional(Type.String({ maxLength: 200 })),
              from: Type.Optional(Type.String({ format: 'date-time', description: 'At or after' })),
              to: Type.Optional(Type.String({ format: 'date-time', description: 'Before' })),
              before: Type.Optional(
                Type.Integer({ minimum: 1, description: 'Entries before this seq (next page)' }),
              ),
              limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 50 }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              entries: Type.Array(Entry),
              next: Nullable(Type.Integer({ description: 'Pass as `before` for the next page' })),
            }),
          },
        },
      },
      async (request) => {
        const { actor, action, recordType, recordId, from, to, before, limit } = request.query;
        let query = db
          .selectFrom('audit_entry')
          .selectAll()
          .orderBy('seq', 'desc')
          .limit(limit + 1);
        if (actor)
          query = query.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_name', '=', actor)]));
        if (action) query = query.where('action', '=', action);
        if (recordType) query = query.where('record_type', '=', recordType);
        if (recordId) query = query.where('record_id', '=', recordId);
        if (from) query = query.where('at', '>=', new Date(from));
        if (to) query = query.where('at', '<', new Date(to));
        if (before) query = query.where('seq', '<', String(before));
        const rows = await query.execute();
        const page = rows.slice(0, limit);
        const entries = page.map((row) => ({
          seq: Number(row.seq),
          at: row.at.toISOString(),
          actor: {
            kind: row.actor_kind,
            id: row.actor_id,
            name: maskActorName(row.actor_kind, row.actor_name),
            role: row.role,
          },
          action: row.action,
          recordType: row.record_type,
          recordId: row.record_id,
          ip: maskIp(row.ip),
          purpose: row.purpose,
          details: maskDetails(JSON.parse(row.details)),
        }));
        const next = rows.length > limit ? (entries[entries.length - 1]?.seq ?? null) : null;
        request.auditReads.push({
          action: 'read',
          recordType: 'audit-log',
          recordId: null,
          details: {
            filters: { actor, action, recordType, recordId, from, to, before },
            returned: entries.length,
          },
        });
        return { entries, next };
      },
    );

    app.get(
      '/audit/verify',
      {
        config: { policy: 'audit:verify' },
        schema: {
          tags: ['identity'],
          summary:
            '驗證稽核紀錄鏈 Verify the audit log’s hash chain: the first altered, deleted or inserted entry, else the count and head',
          querystring: Type.Object(
            {
              expectHead: Type.Optional(
                Type.String({
                  description: 'A head recorded earlier, `<seq>:<hash hex>`: detects a cut-off tail',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Verification },
        },
      },
      async (request) => {
        const text = request.query.expectHead;
        const expectHead = text === undefined ? undefined : parseAuditHead(text);
        if (text !== undefined && !expectHead)
          throw new ApiError(
            400,
            'expectHead 格式須為 <序號>:<64 位十六進位雜湊>',
            'expectHead must be <seq>:<64 hex digits>',
            'expectHead',
          );
        const result = await verifyAuditLog(db, key, { expectHead });
        request.auditReads.push({
          action: 'verify',
          recordType: 'audit-log',
          recordId: null,
          details: result.ok
            ? { ok: true, count: result.count, headSeq: result.head?.seq ?? null }
            : { ok: false, problem: result.problem, seq: result.seq },
        });
        return result;
      },
    );
  };
