import { randomUUID } from 'node:crypto';
import { type MatchOutcome, matchOfDeposit, rateInHundredths } from '@safetynet/core/benefits/asset-match';
import { ageOn, isIsoDate, lastDayOfMonth } from '@safetynet/core/calendar';
import { formatNtd } from '@safetynet/core/money';
import type { ParameterSet } from '@safetynet/rules';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AssetDepositTable, AssetProgramId, Schema } from '../db/schema.ts';
import { asOfSql } from '../registry/dated-sql.ts';
import {
  type AssetAccountRow,
  type AssetAccountServices,
  balanceOf,
  reachableAccount,
  todayOf,
} from './asset-accounts.ts';
import type { Acting } from './benefit-services.ts';

export type AssetDepositRow = Selectable<AssetDepositTable>;

/** The rules' parameters each program's deposits are matched by (`parameters.valueOn(id, date)`). */
export const ASSET_ACCOUNT_PARAMETERS = {
  'children-future-account': {
    annualMatchCap: 'asset-building.children-future-account.annual-match-cap',
    ageLimit: 'asset-building.children-future-account.age-limit',
  },
  'youth-development-account': {
    matchRates: [1, 2, 3].map((y) => `asset-building.youth-development-account.match-rate-year-${y}`),
    maxMonthlySaving: 'asset-building.youth-development-account.max-monthly-saving',
  },
  'youth-savings-account': { matchRate: 'asset-building.youth-savings-account.match-rate' },
} as const;

/** How one program matches a deposit on a date; `rate` null when the rules do not know it. */
interface MatchTerms {
  rate: { numerator: number; denominator: number } | null;
  /** The running total the rate is applied to: the month's own deposits, or the year's. */
  window: 'month' | 'year';
  yearlyCapNtd?: number;
  monthlyOwnCapNtd?: number;
  /** Deposits until this age (exclusive). */
  ageLimit?: number;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function termsOn(parameters: ParameterSet, account: AssetAccountRow, on: string): MatchTerms {
  const program: AssetProgramId = account.program_id;
  if (program === 'children-future-account') {
    // 000 參(一)1(2)「政府與家長每年各存入最高1.5萬元」: the government deposits what the family did (the
    // rules' formula: min(deposits this year, cap)), up to the yearly cap; deposits until 18 (「0歲到18歲」).
    const ids = ASSET_ACCOUNT_PARAMETERS[program];
    return {
      rate: { numerator: 1, denominator: 1 },
      window: 'year',
      yearlyCapNtd: parameters.valueOn(ids.annualMatchCap, on),
      ageLimit: parameters.valueOn(ids.ageLimit, on),
    };
  }
  if (program === 'youth-development-account') {
    // 000 參(一)1(1)「每月固定儲蓄1,000至3,000元…提撥率第一年1:0.6、第二年1:0.8、第三年1:1」: the programme
    // year counts from the month of opening (that month is month 0, as the rules count it).
    const ids = ASSET_ACCOUNT_PARAMETERS[program];
    const month = monthIndex(on) - monthIndex(account.opened_on);
    if (month >= 36)
      throw new ApiError(
        409,
        '青年發展帳戶之三年期間已滿，不再存款',
        'the youth development account’s three years are over: no more deposits',
      );
    return {
      rate: rateInHundredths(parameters.valueOn(ids.matchRates[Math.floor(month / 12)]!, on)),
      window: 'month',
      monthlyOwnCapNtd: parameters.valueOn(ids.maxMonthlySaving, on),
    };
  }
  // 001 三(二)1 gives no match rate for 存薪當young: the parameter is 'unknown' and no match is made.
  const entry = parameters.entryOn(ASSET_ACCOUNT_PARAMETERS[program].matchRate, on);
  const rate = entry && entry.value !== 'unknown' ? rateInHundredths(entry.value) : null;
  return { rate, window: 'month' };
}

async function sums(trx: Kysely<Schema>, accountId: string, from: string, to: string) {
  const { rows } = await sql<{ own: string; matched: string }>`SELECT
      coalesce(sum(amount_ntd) FILTER (WHERE kind = 'own'), 0)::text AS own,
      coalesce(sum(amount_ntd) FILTER (WHERE kind = 'match'), 0)::text AS matched
    FROM asset_deposit WHERE account_id = ${accountId} AND deposited_on BETWEEN ${from} AND ${to}`.execute(
    trx,
  );
  return { own: Number(rows[0]?.own ?? 0), matched: Number(rows[0]?.matched ?? 0) };
}

export interface DepositInput {
  amountNtd: number;
  /** Default today. */
  depositedOn?: string;
  idempotencyKey: string;
}

export interface DepositOutcome {
  deposit: AssetDepositRow;
  match: AssetDepositRow | null;
  /** Why the match is less than the rate gives, or absent. */
  matchNote: { zh: string; en: string } | null;
  created: boolean;
  balanceNtd: number;
}

const RATE_UNKNOWN = {
  zh: '市府提撥率未知（參數未定），本筆不予提撥',
  en: 'the city’s match rate is not known (parameter unknown): no match for this deposit',
};

/**
 * The holder's own deposit and, in the same transaction, the government's match by the program's rate,
 * limited by the yearly cap on the year's matches. The account row is locked first, so two deposits at
 * once are figured one after the other and cannot both fit under a cap. A retry with the same key returns
 * the first deposit.
 */
export async function recordDeposit(
  services: AssetAccountServices,
  who: Acting,
  accountId: string,
  input: DepositInput,
): Promise<DepositOutcome> {
  await reachableAccount(services, who, accountId, 'asset-accounts:write');
  const today = todayOf(services);
  const depositedOn = input.depositedOn ?? today;
  if (!isIsoDate(depositedOn) || depositedOn > today)
    throw new ApiError(
      400,
      '存款日期須為今日或之前',
      'the deposit date is today or earlier',
      'body.depositedOn',
    );
  if (!Number.isSafeInteger(input.amountNtd) || input.amountNtd <= 0)
    throw new ApiError(400, '金額須為正整數', 'the amount is a positive whole NTD', 'body.amountNtd');
  return services.database.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('asset_account')
      .selectAll()
      .where('account_id', '=', accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const first = await trx
      .selectFrom('asset_deposit')
      .selectAll()
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (first) return retried(trx, accountId, first, input);
    if (account.status !== 'open')
      throw new ApiError(409, '此帳戶已結清，不得存款', 'this account is closed: no deposits');
    if (depositedOn < account.opened_on)
      throw new ApiError(
        400,
        '存款日期早於開戶日',
        'the deposit date is before the opening',
        'body.depositedOn',
      );
    const terms = termsOn(services.parameters, account, depositedOn);
    if (terms.ageLimit !== undefined) await mustBeUnder(trx, account, depositedOn, terms.ageLimit);

    const year = depositedOn.slice(0, 4);
    const windowFrom = terms.window === 'month' ? `${depositedOn.slice(0, 7)}-01` : `${year}-01-01`;
    const windowTo = terms.window === 'month' ? lastDayOfMonth(depositedOn.slice(0, 7)) : `${year}-12-31`;
    const window = await sums(trx, accountId, windowFrom, windowTo);
    const inYear =
      terms.window === 'year' ? window : await sums(trx, accountId, `${year}-01-01`, `${year}-12-31`);
    if (terms.monthlyOwnCapNtd !== undefined && window.own + input.amountNtd > terms.monthlyOwnCapNtd)
      throw new ApiError(
        422,
        `超過每月自存上限：本月已存 ${formatNtd(window.own)} 元，上限 ${formatNtd(terms.monthlyOwnCapNtd)} 元`,
        `over the monthly saving limit: ${formatNtd(window.own)} NTD saved this month, the limit is ${formatNtd(terms.monthlyOwnCapNtd)} NTD`,
        'body.amountNtd',
      );
    let outcome: MatchOutcome | null = null;
    if (terms.rate)
      outcome = matchOfDeposit({
        amountNtd: input.amountNtd,
        windowOwnBeforeNtd: window.own,
        windowMatchedBeforeNtd: window.matched,
        yearMatchedBeforeNtd: inYear.matched,
        rate: terms.rate,
        ...(terms.yearlyCapNtd !== undefined ? { yearlyCapNtd: terms.yearlyCapNtd } : {}),
      });

    const recordedBy = who.actor.id!;
    const deposit = await trx
      .insertInto('asset_deposit')
      .values({
        deposit_id: randomUUID(),
        account_id: accountId,
        deposited_on: depositedOn,
        kind: 'own',
        amount_ntd: input.amountNtd,
        own_deposit_id: null,
        idempotency_key: input.idempotencyKey,
        recorded_by: recordedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        // The same key used at once on another account (this account's retries wait for its lock).
        if (error.code === '23505') throw keyReused();
        throw error;
      });
    const match =
      outcome && outcome.matchNtd > 0
        ? await trx
            .insertInto('asset_deposit')
            .values({
              deposit_id: randomUUID(),
              account_id: accountId,
              deposited_on: depositedOn,
              kind: 'match',
              amount_ntd: outcome.matchNtd,
              own_deposit_id: deposit.deposit_id,
              idempotency_key: null,
              recorded_by: recordedBy,
            })
            .returningAll()
            .executeTakeFirstOrThrow()
        : null;
    await services.audit.append(trx, who.audit, [
      {
        action: 'deposit',
        recordType: 'asset-account',
        recordId: accountId,
        details: {
          depositId: deposit.deposit_id,
          depositedOn,
          amountNtd: input.amountNtd,
          matchNtd: match?.amount_ntd ?? 0,
          ...(outcome?.limitedByCap ? { uncappedMatchNtd: outcome.uncappedNtd } : {}),
        },
      },
    ]);
    const matchNote = !terms.rate
      ? RATE_UNKNOWN
      : outcome?.limitedByCap
        ? capNote(year, terms.yearlyCapNtd!, outcome)
        : null;
    return { deposit, match, matchNote, created: true, balanceNtd: await balanceOf(trx, accountId) };
  });
}

const keyReused = () =>
  new ApiError(
    409,
    '此冪等鍵已用於另一筆不同之存款',
    'this idempotency key was used for a different deposit',
    'headers.idempotency-key',
  );

function capNote(year: string, cap: number, outcome: MatchOutcome) {
  return {
    zh: `已達 ${year} 年政府相對提撥上限 ${formatNtd(cap)} 元：本筆依提撥率應提撥 ${formatNtd(outcome.uncappedNtd)} 元，實際提撥 ${formatNtd(outcome.matchNtd)} 元`,
    en: `the ${year} government match cap of ${formatNtd(cap)} NTD is reached: ${formatNtd(outcome.uncappedNtd)} NTD by the rate, ${formatNtd(outcome.matchNtd)} NTD matched`,
  };
}

/** The first deposit under this key, if it was this same deposit; otherwise the key was reused (409). */
async function retried(
  trx: Kysely<Schema>,
  accountId: string,
  first: AssetDepositRow,
  input: DepositInput,
): Promise<DepositOutcome> {
  if (
    first.account_id !== accountId ||
    first.amount_ntd !== input.amountNtd ||
    (input.depositedOn !== undefined && input.depositedOn !== first.deposited_on)
  )
    throw keyReused();
  const match = await trx
    .selectFrom('asset_deposit')
    .selectAll()
    .where('own_deposit_id', '=', first.deposit_id)
    .executeTakeFirst();
  return {
    deposit: first,
    match: match ?? null,
    matchNote: null,
    created: false,
    balanceNtd: await balanceOf(trx, accountId),
  };
}

/** 「(0歲到18歲)」: deposits until the holder's birthday at the age limit. */
async function mustBeUnder(trx: Kysely<Schema>, account: AssetAccountRow, on: string, limit: number) {
  const { rows } = await sql<{ birth_date: string }>`SELECT v.birth_date::text AS birth_date
    FROM ${asOfSql('person_version', sql`person_id = ${account.holder_person_id}`, on)} v`.execute(trx);
  const birth = rows[0]?.birth_date;
  if (birth && ageOn(birth, on) >= limit)
    throw new ApiError(
      409,
      `帳戶持有人已滿 ${limit} 歲，不再存款`,
      `the holder has reached ${limit}: no more deposits`,
    );
}

export function depositView(d: AssetDepositRow) {
  return {
    id: d.deposit_id,
    accountId: d.account_id,
    depositedOn: d.deposited_on,
    kind: d.kind,
    amountNtd: d.amount_ntd,
    ownDepositId: d.own_deposit_id,
    recordedBy: d.recorded_by,
    recordedAt: new Date(d.recorded_at).toISOString(),
  };
}
