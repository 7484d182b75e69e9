import { randomUUID } from 'node:crypto';
import type { ApiScope, ClientActor } from '@safetynet/core/authz/actor';
import type { Kysely, Selectable } from 'kysely';
import type { ApiClientTable, Schema } from '../db/schema.ts';
import { type Clock, newToken, tokenHash } from './sessions.ts';

/**
 * Other agencies' systems call the API with a bearer token: `snk_<prefix>_<secret>`. The token is shown
 * once, at creation; the database keeps its SHA-256. Scopes say what it may do, districts which records;
 * an administrator can revoke it, and it can expire.
 */
export const TOKEN_PREFIX = 'snk_';

export type ApiClientRow = Selectable<ApiClientTable>;

export interface ApiClientView {
  id: string;
  name: string;
  tokenPrefix: string;
  scopes: string[];
  districts: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function apiClientView(row: ApiClientRow): ApiClientView {
  return {
    id: row.client_id,
    name: row.name,
    tokenPrefix: row.token_prefix,
    scopes: row.scopes,
    districts: row.districts,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export class ApiClientStore {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly now: Clock,
  ) {}

  async create(
    trx: Kysely<Schema>,
    input: {
      name: string;
      scopes: ApiScope[];
      districts: string[];
      expiresAt: Date | null;
      createdBy: string;
    },
  ): Promise<{ client: ApiClientRow; token: string }> {
    const secret = newToken();
    const prefix = secret.slice(0, 8);
    const token = `${TOKEN_PREFIX}${prefix}_${secret.slice(8)}`;
    const client = await trx
      .insertInto('api_client')
      .values({
        client_id: randomUUID(),
        name: input.name,
        token_hash: tokenHash(token),
        token_prefix: `${TOKEN_PREFIX}${prefix}`,
        scopes: JSON.stringify(input.scopes),
        districts: JSON.stringify(input.districts),
        created_by: input.createdBy,
        expires_at: input.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { client, token };
  }

  list(): Promise<ApiClientRow[]> {
    return this.db.selectFrom('api_client').selectAll().orderBy('name').execute();
  }

  async revoke(trx: Kysely<Schema>, clientId: string): Promise<ApiClientRow | undefined> {
    return trx
      .updateTable('api_client')
      .set({ revoked_at: this.now() })
      .where('client_id', '=', clientId)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /** The client a bearer token belongs to, while it is neither revoked nor expired. */
  async resolve(token: string): Promise<ClientActor | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = await this.db
      .selectFrom('api_client')
      .selectAll()
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    const now = this.now();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at.getTime() <= now.getTime()))
      return undefined;
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000)
      await this.db
        .updateTable('api_client')
        .set({ last_used_at: now })
        .where('client_id', '=', row.client_id)
        .execute();
    return {
      kind: 'client',
      id: row.client_id,
      name: row.name,
      role: 'api-client',
      scopes: row.scopes as ApiScope[],
      districts: row.districts,
    };
  }
}
