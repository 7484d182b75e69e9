import { randomUUID } from 'node:crypto';
import type { Permission } from '@safetynet/core/authz/policy';
import { reaches, registryScope } from '@safetynet/core/authz/scope';
import { isIsoDate } from '@safetynet/core/calendar';
import type { ParameterSet } from '@safetynet/rules';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError, outOfScope } from '../api-error.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { personReach, personsInScope } from '../authz/registry-scope-sql.ts';
import type { Database } from '../db/database.ts';
import type { AssetAccountTable, AssetProgramId, Schema } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import type { SnapshotCache } from '../rules/snapshot-store.ts';
import type { ApplicationRow } from './applications.ts';
import type { Acting } from './benefit-services.ts';
import { evaluateApplication } from './evaluation.ts';

/**
 * Asset-building accounts (脫貧自立 理財脫貧策略, 000 參(一)1; 001 三(二)1–2): a clerk opens an account for
 * a holder the rules find qualified, deposits are matched by the program's rate within its caps
 * (asset-account-deposits.ts), statements and the six-month follow-up list (asset-account-statements.ts).
 */
export interface AssetAccountServices {
  database: Database;
  audit: AuditLog;
  parameters: ParameterSet;
  snapshots: SnapshotCache;
  protector: IdProtector;
  now: () => Date;
}

export type AssetAccountRow = Selectable<AssetAccountTable>;

export const ASSET_PROGRAMS: readonly AssetProgramId[] = [
  'youth-development-account',
  'children-future-account',
  'youth-savings-account',
];

/**
 * Conditions the rules check of a running account, not of the holder: that the account exists, is in its
 * three years, this month's saving. At opening the account does not exist yet, so these do not refuse it.
 */
const ACCOUNT_CONDITIONS = new Set([
  'account-opened',
  'account-joined',
  'in-the-three-account-years',
  'monthly-saving-1000-to-3000',
]);

export const todayOf = (services: Pick<AssetAccountServices, 'now'>) =>
  services.now().toISOString().slice(0, 10);

/** Refuses (403, audited) unless the actor reaches the holder with the permission (as the registry does). */
export async function mustReachHolder(
  services: AssetAccountServices,
  who: Acting,
  permission: Permission,
  holderPersonId: string,
  record: { type: string; id: string },
): Promise<void> {
  const reach = await personReach(services.database.db, holderPersonId, todayOf(services));
  if (reach && reaches(registryScope(who.actor, permission), reach)) return;
  await services.audit.appendAlone(services.database.db, who.audit, [
    { action: 'denied', recordType: record.type, recordId: record.id, details: { policy: permission } },
  ]);
  throw outOfScope();
}

/** The account, refused (403, audited) unless the actor reaches its holder; 404 when there is none. */
export async function reachableAccount(
  services: AssetAccountServices,
  who: Acting,
  accountId: string,
  permission: Permission,
): Promise<AssetAccountRow> {
  const account = await services.database.db
    .selectFrom('asset_account')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw new ApiError(404, `找不到帳戶：${accountId}`, `no such asset account: ${accountId}`);
  await mustReachHolder(services, who, permission, account.holder_person_id, {
    type: 'asset-account',
    id: accountId,
  });
  return account;
}

/** The holder's household and its district on a date. */
async function householdOn(db: Kysely<Schema>, personId: string, on: string) {
  const { rows } = await sql<{ household_id: string; district_code: string }>`
    SELECT m.household_id, h.district_code
    FROM ${asOfSql('household_membership', sql`person_id = ${personId}`, on)} m
    JOIN ${asOfSql('household_version', sql`household_id IN (SELECT household_id FROM household_membership WHERE person_id = ${personId})`, on)} h
      ON h.household_id = m.household_id
    ORDER BY (m.role = 'applicant') DESC, m.household_id LIMIT 1`.execute(db);
  return rows[0];
}

export interface OpenInput {
  holderPersonId: string;
  programId: string;
  /** Default today. */
  openedOn?: string;
}

export async function openAccount(
  services: AssetAccountServices,
  who: Acting,
  input: OpenInput,
): Promise<AssetAccountRow> {
  const program = ASSET_PROGRAMS.find((id) => id === input.programId);
  if (!program)
    throw new ApiError(
      400,
      `非脫貧儲蓄帳戶方案：${input.programId}`,
      `not an asset-building account program: ${input.programId}`,
      'body.programId',
    );
  const today = todayOf(services);
  const openedOn = input.openedOn ?? today;
  if (!isIsoDate(openedOn) || openedOn > today)
    throw new ApiError(
      400,
      '開戶日期須為今日或之前',
      'the opening date is today or earlier',
      'body.openedOn',
    );
  if (who.actor.kind !== 'staff' || !who.actor.id)
    throw new ApiError(403, '僅區公所承辦人得開戶', 'only a district clerk opens an account');
  const db = services.database.db;
  const person = await db
    .selectFrom('person')
    .select('person_id')
    .where('person_id', '=', input.holderPersonId)
    .executeTakeFirst();
  if (!person)
    throw new ApiError(
      404,
      `找不到個人：${input.holderPersonId}`,
      `person not found: ${input.holderPersonId}`,
      'body.holderPersonId',
    );
  await mustReachHolder(services, who, 'asset-accounts:write', input.holderPersonId, {
    type: 'person',
    id: input.holderPersonId,
  });
  const home = await householdOn(db, input.holderPersonId, openedOn);
  if (!home)
    throw new ApiError(
      409,
      `${openedOn} 開戶人不屬任何家戶，無法審查資格`,
      `the holder belongs to no household on ${openedOn}: eligibility cannot be evaluated`,
    );
  const alreadyOpen = () =>
    new ApiError(409, '此人已有同方案之帳戶', 'the holder already has an open account of this program');
  const existing = await db
    .selectFrom('asset_account')
    .select('account_id')
    .where('holder_person_id', '=', input.holderPersonId)
    .where('program_id', '=', program)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (existing) throw alreadyOpen();

  // The rules on the household as the month's registry snapshot holds it (evaluation.ts), the holder as
  // the person evaluated.
  const [evaluation] = await evaluateApplication(
    { ...services, onDecided: async () => {} },
    {
      household_id: home.household_id,
      applicant_person_id: input.holderPersonId,
      period: openedOn.slice(0, 7),
    } as ApplicationRow,
    [program],
  );
  const failed = evaluation!.failed.filter((reason) => !ACCOUNT_CONDITIONS.has(reason.code));
  if (failed.length > 0)
    throw new ApiError(
      422,
      `不符開戶資格：${failed.map((r) => r.message.zh).join('；')}`,
      `does not qualify to open the account: ${failed.map((r) => r.message.en).join('; ')}`,
    );

  return db.transaction().execute(async (trx) => {
    const account = await trx
      .insertInto('asset_account')
      .values({
        account_id: randomUUID(),
        program_id: program,
        holder_person_id: input.holderPersonId,
        household_id: home.household_id,
        district_code: home.district_code,
        opened_on: openedOn,
        opened_by: who.actor.id!,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        // Two openings at once: the partial unique index keeps one open account per holder and program.
        if (error.code === '23505') throw alreadyOpen();
        throw error;
      });
    await services.audit.append(trx, who.audit, [
      {
        action: 'open',
        recordType: 'asset-account',
        recordId: account.account_id,
        details: {
          program,
          holderPersonId: input.holderPersonId,
          householdId: home.household_id,
          openedOn,
          snapshotId: evaluation!.snapshotId,
          rulesVersion: evaluation!.rulesVersion,
        },
      },
    ]);
    return account;
  });
}

export async function closeAccount(
  services: AssetAccountServices,
  who: Acting,
  accountId: string,
  input: { reason: string; closedOn?: string },
): Promise<AssetAccountRow> {
  const account = await reachableAccount(services, who, accountId, 'asset-accounts:write');
  const closedOn = input.closedOn ?? todayOf(services);
  const reason = input.reason.trim();
  if (!reason) throw new ApiError(400, '結清須敘明理由', 'closing needs a reason', 'body.reason');
  if (!isIsoDate(closedOn) || closedOn > todayOf(services) || closedOn < account.opened_on)
    throw new ApiError(
      400,
      '結清日期須在開戶日與今日之間',
      'the closing date is between the opening date and today',
      'body.closedOn',
    );
  return services.database.db.transaction().execute(async (trx) => {
    // Under the account's lock, so a deposit being recorded finishes first (or sees it closed).
    const closed = await trx
      .updateTable('asset_account')
      .set({ status: 'closed', closed_on: closedOn, closed_by: who.actor.id!, close_reason: reason })
      .where('account_id', '=', accountId)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    if (!closed) throw new ApiError(409, '此帳戶已結清', 'this account is already closed');
    const late = await trx
      .selectFrom('asset_deposit')
      .select('deposit_id')
      .where('account_id', '=', accountId)
      .where('deposited_on', '>', closedOn)
      .executeTakeFirst();
    if (late)
      throw new ApiError(
        409,
        '結清日之後仍有存款紀錄',
        'there are deposits after the closing date',
        'body.closedOn',
      );
    await services.audit.append(trx, who.audit, [
      {
        action: 'close',
        recordType: 'asset-account',
        recordId: accountId,
        details: { closedOn, reason, program: closed.program_id },
      },
    ]);
    return closed;
  });
}

export interface AccountFilter {
  district?: string;
  program?: string;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
}

/** The accounts whose holders the actor reaches (their districts or caseload), newest first. */
export async function listAccounts(services: AssetAccountServices, who: Acting, filter: AccountFilter) {
  const db = services.database.db;
  const within = personsInScope(registryScope(who.actor, 'asset-accounts:read'), todayOf(services));
  let query = db.selectFrom('asset_account');
  if (within) query = query.where(sql<boolean>`holder_person_id IN (${within})`);
  if (filter.district) query = query.where('district_code', '=', filter.district);
  if (filter.program) query = query.where('program_id', '=', filter.program as AssetProgramId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0,
  );
  const rows = await query
    .selectAll()
    .orderBy('opened_at', 'desc')
    .orderBy('account_id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: rows.map(accountView), total, page: filter.page, pageSize: filter.pageSize };
}

/** What an account's balance is: every deposit and match so far. */
export async function balanceOf(db: Kysely<Schema>, accountId: string): Promise<number> {
  const { rows } = await sql<{ total: string }>`SELECT coalesce(sum(amount_ntd), 0)::text AS total
    FROM asset_deposit WHERE account_id = ${accountId}`.execute(db);
  return Number(rows[0]?.total ?? 0);
}

export function accountView(a: AssetAccountRow) {
  return {
    id: a.account_id,
    programId: a.program_id,
    holderPersonId: a.holder_person_id,
    householdId: a.household_id,
    districtCode: a.district_code,
    openedOn: a.opened_on,
    openedBy: a.opened_by,
    status: a.status,
    closedOn: a.closed_on,
    closeReason: a.close_reason,
  };
}
