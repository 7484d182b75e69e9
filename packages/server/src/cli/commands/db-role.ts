import { type Kysely, sql } from 'kysely';
import { configFromEnv, openDatabase } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import { type Command, UsageError } from '../command.ts';

/**
 * `safetynet db grant-app-role <role>`: the role the server should connect as, run by the database's owner
 * after `safetynet migrate`. It may read and write the application's tables but only read and append
 * the audit log: UPDATE, DELETE and TRUNCATE on audit_entry are revoked (the triggers refuse them to
 * everyone anyway; without the privilege, even disabling a trigger does not help this role). Run it
 * again after a migration adds tables.
 */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const BAD_ROLE_NAME =
  '角色名稱須為小寫英數與底線 / the role name must be lowercase letters, digits and underscores';

export interface GrantResult {
  role: string;
  created: boolean;
  login: boolean;
  database: string;
}

export async function grantAppRole(
  db: Kysely<Schema>,
  role: string,
  password?: string,
): Promise<GrantResult> {
  if (!ROLE_NAME.test(role)) throw new UsageError(BAD_ROLE_NAME);
  const id = sql.id(role);
  return db.transaction().execute(async (trx) => {
    const existing = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ${role}`.execute(trx);
    const created = existing.rows[0]?.n === 0;
    const login = password === undefined ? sql`NOLOGIN` : sql`LOGIN PASSWORD ${sql.lit(password)}`;
    if (created) await sql`CREATE ROLE ${id} ${login}`.execute(trx);
    else if (password !== undefined) await sql`ALTER ROLE ${id} ${login}`.execute(trx);
    const current = await sql<{ name: string }>`SELECT current_database() AS name`.execute(trx);
    const database = current.rows[0]!.name;
    const statements = [
      sql`GRANT CONNECT ON DATABASE ${sql.id(database)} TO ${id}`,
      sql`GRANT USAGE ON SCHEMA public TO ${id}`,
      sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${id}`,
      sql`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${id}`,
      // Tables the owner creates later (migrations) get the same rights; audit_entry stays as below.
      sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${id}`,
      sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${id}`,
      sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${id}`,
      sql`GRANT SELECT, INSERT ON audit_entry TO ${id}`,
    ];
    for (const statement of statements) await statement.execute(trx);
    const canLogin = await sql<{
      login: boolean;
    }>`SELECT rolcanlogin AS login FROM pg_roles WHERE rolname = ${role}`.execute(trx);
    return { role, created, login: canLogin.rows[0]?.login === true, database };
  });
}

export const dbCommand: Command = {
  name: 'db',
  summary:
    '資料庫管理：grant-app-role 建立應用程式角色 Database administration: `grant-app-role <role>` (PostgreSQL).',
  usage: 'grant-app-role <role>',
  options: {
    password: {
      type: 'string',
      description:
        '讓角色可登入並設定密碼（否則 NOLOGIN） Let the role log in with this password (else NOLOGIN)',
    },
  },
  async run(options, positionals) {
    const [sub, role, ...extra] = positionals;
    if (sub !== 'grant-app-role' || !role || extra.length > 0)
      throw new UsageError('用法 usage: safetynet db grant-app-role <role> [--password <password>]');
    if (!ROLE_NAME.test(role)) throw new UsageError(BAD_ROLE_NAME);
    const database = await openDatabase(configFromEnv());
    try {
      if (database.engine !== 'postgresql') {
        console.error(
          '此指令僅適用於 PostgreSQL（請設定 DATABASE_URL）；內嵌資料庫只有一個使用者，沒有角色可授權。\n' +
            'This command is for PostgreSQL only (set DATABASE_URL): the embedded database has a single user and no roles to grant.',
        );
        return 1;
      }
      const password = typeof options.password === 'string' ? options.password : undefined;
      const result = await grantAppRole(database.db, role, password);
      console.log(
        `${result.created ? '已建立 Created' : '已更新 Updated'} role ${result.role} (${result.login ? 'LOGIN' : 'NOLOGIN'}) on ${result.database}: ` +
          '可讀寫資料表，稽核紀錄僅可讀取與新增 read/write on the tables; audit_entry SELECT and INSERT only.',
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
