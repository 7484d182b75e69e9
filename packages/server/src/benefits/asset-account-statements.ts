import { registryScope } from '@safetynet/core/authz/scope';
import { isIsoDate } from '@safetynet/core/calendar';
import { maskIdNumber } from '@safetynet/core/identity/id-number';
import { PROGRAMS } from '@safetynet/rules';
import { sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import { personsInScope } from '../authz/registry-scope-sql.ts';
import { renderAssetStatement } from '../notices/asset-statement.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import { type AssetAccountServices, accountView, reachableAccount, todayOf } from './asset-accounts.ts';
import type { Acting } from './benefit-services.ts';

/** A year's statement of an account: the balance brought forward, each deposit and match, the totals. */
export async function statementOf(
  services: AssetAccountServices,
  who: Acting,
  accountId: string,
  year: number,
) {
  const account = await reachableAccount(services, who, accountId, 'asset-accounts:read');
  const db = services.database.db;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows: opening } = await sql<{ total: string }>`SELECT coalesce(sum(amount_ntd), 0)::text AS total
    FROM asset_deposit WHERE account_id = ${accountId} AND deposited_on < ${from}`.execute(db);
  const rows = await db
    .selectFrom('asset_deposit')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('deposited_on', '>=', from)
    .where('deposited_on', '<=', to)
    .orderBy('deposited_on')
    .orderBy('recorded_at')
    // A match right after its own deposit.
    .orderBy(sql`coalesce(own_deposit_id, deposit_id)`)
    .orderBy('kind', 'desc')
    .execute();
  const openingBalanceNtd = Number(opening[0]?.total ?? 0);
  let balance = openingBalanceNtd;
  let ownNtd = 0;
  let matchNtd = 0;
  const entries = rows.map((row) => {
    balance += row.amount_ntd;
    if (row.kind === 'own') ownNtd += row.amount_ntd;
    else matchNtd += row.amount_ntd;
    return {
      depositId: row.deposit_id,
      date: row.deposited_on,
      kind: row.kind,
      amountNtd: row.amount_ntd,
      ownDepositId: row.own_deposit_id,
      balanceNtd: balance,
    };
  });
  return {
    account: accountView(account),
    year,
    openingBalanceNtd,
    entries,
    totals: { ownNtd, matchNtd, depositsNtd: ownNtd + matchNtd },
    closingBalanceNtd: balance,
  };
}

/** The year's statement as a PDF in Traditional Chinese (notices/asset-statement.ts), the holder's ID masked. */
export async function statementPdf(
  services: AssetAccountServices,
  who: Acting,
  accountId: string,
  year: number,
): Promise<{ pdf: Buffer; referenceNumber: string }> {
  const statement = await statementOf(services, who, accountId, year);
  const today = todayOf(services);
  const holderId = statement.account.holderPersonId;
  const { rows } = await sql<{ name_zh: string | null; id_number_cipher: Buffer }>`
    SELECT v.name_zh, p.id_number_cipher FROM person p
    LEFT JOIN ${asOfSql('person_version', sql`person_id = ${holderId}`, today)} v ON v.person_id = p.person_id
    WHERE p.person_id = ${holderId}`.execute(services.database.db);
  const holder = rows[0]!;
  const program = PROGRAMS.get(statement.account.programId)!;
  const referenceNumber = `AS-${year}-${accountId.slice(0, 8)}`;
  const pdf = await renderAssetStatement({
    referenceNumber,
    holderName: holder.name_zh ?? '',
    holderIdNumber: maskIdNumber(services.protector.open(holder.id_number_cipher, holderId)),
    program: { zh: program.nameZh, en: program.nameEn },
    accountId,
    year,
    openingBalanceNtd: statement.openingBalanceNtd,
    entries: statement.entries,
    totals: statement.totals,
    closingBalanceNtd: statement.closingBalanceNtd,
    issuedOn: today,
  });
  return { pdf, referenceNumber };
}

/** The date `months` calendar months before, clamped to the month's end (2024-08-31 − 6 → 2024-02-29). */
export function monthsBefore(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole calendar months from one date to a later one (2024-01-15 → 2024-07-14 is 5). */
export function monthsBetween(from: string, to: string): number {
  let months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7));
  if (Number(to.slice(8, 10)) < Number(from.slice(8, 10))) months--;
  return Math.max(0, months);
}

/** 000 參(一)1(2)「針對6個月內未有存款之帳戶，由社工人員進行輔導」 */
export const FOLLOW_UP_MONTHS = 6;

/**
 * Open accounts with no own deposit in the six months up to a date (none since opening counts from the
 * opening), for social workers to follow up: the holder (ID masked), district, last deposit, months since.
 */
export async function followUpList(
  services: AssetAccountServices,
  who: Acting,
  filter: { district?: string; asOf?: string; page: number; pageSize: number },
) {
  const asOf = filter.asOf ?? todayOf(services);
  if (!isIsoDate(asOf))
    throw new ApiError(400, '日期須為 YYYY-MM-DD', 'asOf must be a YYYY-MM-DD date', 'querystring.asOf');
  const cutoff = monthsBefore(asOf, FOLLOW_UP_MONTHS);
  const within = personsInScope(registryScope(who.actor, 'asset-accounts:read'), todayOf(services));
  const db = services.database.db;
  const scoped = within ? sql`AND a.holder_person_id IN (${within})` : sql``;
  const district = filter.district ? sql`AND a.district_code = ${filter.district}` : sql``;
  const due = sql`WITH c AS (
      SELECT a.*, (SELECT max(d.deposited_on) FROM asset_deposit d
        WHERE d.account_id = a.account_id AND d.kind = 'own' AND d.deposited_on <= ${asOf}) AS last_deposit_on
      FROM asset_account a
      WHERE a.status = 'open' AND a.opened_on <= ${asOf} ${scoped} ${district}
    ), due AS (SELECT * FROM c WHERE coalesce(c.last_deposit_on, c.opened_on) <= ${cutoff})`;
  const { rows: count } = await sql<{ n: number }>`${due} SELECT count(*)::int AS n FROM due`.execute(db);
  const { rows } = await sql<{
    account_id: string;
    program_id: string;
    holder_person_id: string;
    district_code: string;
    opened_on: string;
    last_deposit_on: string | null;
    name_zh: string | null;
    id_number_cipher: Buffer;
  }>`${due} SELECT u.account_id, u.program_id, u.holder_person_id, u.district_code,
      u.opened_on::text AS opened_on, u.last_deposit_on::text AS last_deposit_on, v.name_zh, p.id_number_cipher
    FROM due u
    JOIN person p ON p.person_id = u.holder_person_id
    LEFT JOIN ${asOfSql('person_version', sql`person_id IN (SELECT holder_person_id FROM due)`, asOf)} v
      ON v.person_id = u.holder_person_id
    ORDER BY coalesce(u.last_deposit_on, u.opened_on), u.account_id
    LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`.execute(db);
  return {
    asOf,
    items: rows.map((row) => ({
      accountId: row.account_id,
      programId: row.program_id,
      holder: {
        personId: row.holder_person_id,
        name: row.name_zh,
        idNumber: maskIdNumber(services.protector.open(row.id_number_cipher, row.holder_person_id)),
      },
      districtCode: row.district_code,
      openedOn: row.opened_on,
      lastDepositOn: row.last_deposit_on,
      monthsWithoutDeposit: monthsBetween(row.last_deposit_on ?? row.opened_on, asOf),
    })),
    total: count[0]?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
