import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLE_IDS, ROLES } from '@safetynet/core/authz/actor';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import { changeAccount, createAccount } from '../../identity/account-commands.ts';
import { type AccountRow, accountView } from '../../identity/accounts.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { DistrictCode, IdParams, Page, Paging, Uuid } from '../schemas.ts';
import { apiClientRoutes } from './api-clients.ts';
import { caseloadRoutes } from './caseloads.ts';
import { pageOf } from './context.ts';
import { bad, checkDistricts, Districts, Nullable } from './identity-fields.ts';
import { SessionInfoSchema } from './session.ts';

/**
 * 帳號管理 The administration endpoints: accounts and teams (administrators) and security alerts here;
 * API clients (api-clients.ts) and caseload assignment (caseloads.ts) registered with them. Every change
 * is written to the audit log in the transaction that makes it.
 */
const Account = SessionInfoSchema.properties.account;
const Username = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$', examples: ['lingya-clerk'] });
const DisplayName = Type.String({ minLength: 1, maxLength: 100, examples: ['苓雅區公所 王承辦'] });
const Role = Type.String({ enum: ROLE_IDS });
const Password = Type.String({ maxLength: 256, description: 'At least 12 characters, not the username' });
const Programs = Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), {
  maxItems: 100,
  uniqueItems: true,
});
const TeamId = Type.String({ pattern: '^[a-z0-9-]{2,64}$', examples: ['lingya-team-1'] });
const FacilityRef = Type.String({ minLength: 1, maxLength: 100 });

const Team = Type.Object({
  id: TeamId,
  nameZh: Type.String(),
  nameEn: Type.String(),
  districtCode: Nullable(Type.String()),
});

const Alert = Type.Object({
  id: Uuid,
  kind: Type.String({ enum: ['break-glass', 'account-locked'] }),
  raisedAt: Type.String({ format: 'date-time' }),
  accountId: Nullable(Type.String()),
  recordType: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
  detail: Type.String(),
});

export const accountRoutes =
  (identity: IdentityServices): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(apiClientRoutes(identity));
    await app.register(caseloadRoutes(identity));

    const view = (account: AccountRow) => {
      const shown = accountView(account, identity.now());
      const role = ROLES[shown.role];
      return { ...shown, roleName: { zh: role.zh, en: role.en } };
    };

    app.get(
      '/accounts',
      {
        config: { policy: 'accounts:manage' },
        schema: {
          tags: ['identity'],
          summary: '帳號列表 Accounts (never a password hash), optionally of one role',
          querystring: Type.Object({ role: Type.Optional(Role) }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(Account) }) },
        },
      },
      async (request) => {
        let query = identity.db.selectFrom('account').selectAll();
        if (request.query.role) query = query.where('role', '=', request.query.role);
        const items = (await query.orderBy('username').execute()).map(view);
        request.auditReads.push({
          action: 'list',
          recordType: 'account',
          recordId: null,
          details: { ids: items.map((item) => item.id) },
        });
        return { items };
      },
    );

    app.post(
      '/accounts',
      {
        config: { policy: 'accounts:manage' },
        schema: {
          tags: ['identity'],
          summary:
            '建立帳號 Create an account (without a password: signs in through the city’s identity provider only)',
          body: Type.Object(
            {
              username: Username,
              displayName: DisplayName,
              role: Role,
              password: Type.Optional(Password),
              districts: Type.Optional(Districts),
              programs: Type.Optional(Programs),
              teamId: Type.Optional(Nullable(TeamId)),
              intake: Type.Optional(Type.Boolean()),
              facilityRef: Type.Optional(Nullable(FacilityRef)),
              personId: Type.Optional(Nullable(Uuid)),
            },
            { additionalProperties: false },
          ),
          response: { 201: Account },
        },
      },
      async (request, reply) => {
        const account = await createAccount(identity, request.body, request.audit);
        return reply.code(201).send(view(account));
      },
    );

    app.patch(
      '/accounts/:id',
      {
        config: { policy: 'accounts:manage' },
        schema: {
          tags: ['identity'],
          summary:
            '變更帳號 Change an account: role, coverage, disable, unlock, reset its password (its sessions end)',
          params: IdParams,
          body: Type.Object(
            {
              displayName: Type.Optional(DisplayName),
              role: Type.Optional(Role),
              districts: Type.Optional(Districts),
              programs: Type.Optional(Programs),
              teamId: Type.Optional(Nullable(TeamId)),
              intake: Type.Optional(Type.Boolean()),
              facilityRef: Type.Optional(Nullable(FacilityRef)),
              disabled: Type.Optional(Type.Boolean()),
              unlock: Type.Optional(Type.Boolean({ description: 'true: clears a lockout' })),
              password: Type.Optional(Password),
              oidcSubject: Type.Optional(
                Nullable(
                  Type.String({
                    minLength: 3,
                    maxLength: 500,
                    description:
                      'OIDC 登入身分 `<issuer>|<sub>` (the 403 of an unlinked sign-in shows it); null unlinks',
                  }),
                ),
              ),
            },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: { 200: Account },
        },
      },
      async (request) => {
        const change = request.body;
        // An administrator locking themselves out could leave the city with no administrator at all.
        if (request.params.id === request.actor.id) {
          if (change.disabled)
            throw bad('body.disabled', '不能停用自己的帳號', 'you cannot disable your own account');
          if (change.role !== undefined && change.role !== 'admin')
            throw bad('body.role', '不能降低自己帳號的角色', 'you cannot demote your own account');
          if (change.password !== undefined)
            throw bad(
              'body.password',
              '自己的密碼請以 PUT /api/v1/session/password 變更（須輸入目前密碼）',
              'change your own password with PUT /api/v1/session/password (it asks for the current one)',
            );
        }
        return view(await changeAccount(identity, request.params.id, change, request.audit));
      },
    );

    app.get(
      '/teams',
      {
        config: { policy: 'accounts:manage' },
        schema: {
          tags: ['identity'],
          summary: '社工組列表 Social-work teams',
          response: { 200: Type.Object({ items: Type.Array(Team) }) },
        },
      },
      async () => {
        const rows = await identity.db.selectFrom('team').selectAll().orderBy('team_id').execute();
        return {
          items: rows.map((t) => ({
            id: t.team_id,
            nameZh: t.name_zh,
            nameEn: t.name_en,
            districtCode: t.district_code,
          })),
        };
      },
    );

    app.post(
      '/teams',
      {
        config: { policy: 'accounts:manage' },
        schema: {
          tags: ['identity'],
          summary: '建立社工組 Create a social-work team',
          body: Type.Object(
            {
              id: TeamId,
              nameZh: Type.String({ minLength: 1, maxLength: 100, examples: ['苓雅社工一組'] }),
              nameEn: Type.String({ minLength: 1, maxLength: 100, examples: ['Lingya team 1'] }),
              districtCode: Type.Optional(Nullable(DistrictCode)),
            },
            { additionalProperties: false },
          ),
          response: { 201: Team },
        },
      },
      async (request, reply) => {
        const { id, nameZh, nameEn } = request.body;
        const districtCode = request.body.districtCode ?? null;
        if (districtCode) checkDistricts('body.districtCode', [districtCode]);
        const team = await identity.db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('team')
            .values({ team_id: id, name_zh: nameZh, name_en: nameEn, district_code: districtCode })
            .onConflict((oc) => oc.column('team_id').doNothing())
            .returningAll()
            .executeTakeFirst();
          if (!inserted)
            throw new ApiError(409, `社工組已存在：${id}`, `team already exists: ${id}`, 'body.id');
          await identity.audit.append(trx, request.audit, [
            { action: 'create', recordType: 'team', recordId: id, details: { districtCode } },
          ]);
          return inserted;
        });
        return reply.code(201).send({ id: team.team_id, nameZh, nameEn, districtCode: team.district_code });
      },
    );

    app.get(
      '/alerts',
      {
        config: { policy: 'alerts:read' },
        schema: {
          tags: ['identity'],
          summary:
            '安全警示 Security alerts, newest first (a supervisor sees those about the cases and the accounts of their team)',
          querystring: Type.Object(
            { kind: Type.Optional(Type.String({ enum: ['break-glass', 'account-locked'] })), ...Paging },
            { additionalProperties: false },
          ),
          response: { 200: Page(Alert) },
        },
      },
      async (request) => {
        const { page, pageSize, offset } = pageOf(request.query);
        const actor = request.actor;
        let query = identity.db.selectFrom('security_alert');
        if (request.query.kind)
          query = query.where('kind', '=', request.query.kind as 'break-glass' | 'account-locked');
        // Supervisors: need to know. Alerts about the protection cases their team carries (whoever broke
        // glass on them) and the other alerts about their team's accounts. Auditors and administrators: all.
        if (actor.kind === 'staff' && actor.role === 'supervisor') {
          const teamId = actor.teamId ?? '';
          query = query.where((eb) =>
            eb.or([
              eb.and([
                eb('record_type', '=', 'protection-case'),
                eb(
                  'record_id',
                  'in',
                  eb
                    .selectFrom('protection_case as c')
                    .innerJoin('account as w', 'w.account_id', 'c.assigned_worker_id')
                    .select(sql<string>`c.case_id::text`.as('case_id'))
                    .where('w.team_id', '=', teamId),
                ),
              ]),
              eb.and([
                eb.or([eb('record_type', 'is', null), eb('record_type', '!=', 'protection-case')]),
                eb(
                  'account_id',
                  'in',
                  eb.selectFrom('account').select('account_id').where('team_id', '=', teamId),
                ),
              ]),
            ]),
          );
        }
        const [rows, count] = await Promise.all([
          query
            .selectAll()
            .orderBy('raised_at', 'desc')
            .orderBy('alert_id')
            .limit(pageSize)
            .offset(offset)
            .execute(),
          query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        request.auditReads.push({
          action: 'list',
          recordType: 'security-alert',
          recordId: null,
          details: { ids: rows.map((a) => a.alert_id) },
        });
        return {
          items: rows.map((a) => ({
            id: a.alert_id,
            kind: a.kind,
            raisedAt: a.raised_at.toISOString(),
            accountId: a.account_id,
            recordType: a.record_type,
            recordId: a.record_id,
            detail: a.detail,
          })),
          total: Number(count.n),
          page,
          pageSize,
        };
      },
    );
  };
