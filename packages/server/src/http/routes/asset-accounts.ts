import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { depositView, recordDeposit } from '../../benefits/asset-account-deposits.ts';
import { followUpList, statementOf, statementPdf } from '../../benefits/asset-account-statements.ts';
import {
  ASSET_PROGRAMS,
  type AssetAccountServices,
  accountView,
  balanceOf,
  closeAccount,
  listAccounts,
  openAccount,
  reachableAccount,
} from '../../benefits/asset-accounts.ts';
import type { Acting } from '../../benefits/benefit-services.ts';
import { Text } from '../application-schemas.ts';
import { DistrictCode, IdParams, IsoDate, Page, Paging, Uuid } from '../schemas.ts';
import { pageOf } from './context.ts';

/**
 * 脫貧儲蓄帳戶 Asset-building accounts: 幸福DNA青年發展帳戶, 兒少未來教育及發展帳戶, 存薪當young. Scoped like
 * the registry: a clerk their districts, a social worker or supervisor their caseload.
 */
const acting = (request: FastifyRequest): Acting => ({ actor: request.actor, audit: request.audit });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Program = Type.String({ enum: [...ASSET_PROGRAMS] });
const Money = Type.Integer({ description: 'NTD' });
const Note = Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]);

const AccountView = Type.Object({
  id: Uuid,
  programId: Program,
  holderPersonId: Uuid,
  householdId: Uuid,
  districtCode: Type.String(),
  openedOn: IsoDate,
  openedBy: Uuid,
  status: Type.String({ enum: ['open', 'closed'] }),
  closedOn: Nullable(IsoDate),
  closeReason: Nullable(Type.String()),
});

const DepositView = Type.Object({
  id: Uuid,
  accountId: Uuid,
  depositedOn: IsoDate,
  kind: Type.String({ enum: ['own', 'match'] }),
  amountNtd: Money,
  ownDepositId: Nullable(Uuid),
  recordedBy: Uuid,
  recordedAt: Type.String(),
});

const Statement = Type.Object({
  account: AccountView,
  year: Type.Integer(),
  openingBalanceNtd: Money,
  entries: Type.Array(
    Type.Object({
      depositId: Uuid,
      date: IsoDate,
      kind: Type.String({ enum: ['own', 'match'] }),
      amountNtd: Money,
      ownDepositId: Nullable(Uuid),
      balanceNtd: Money,
    }),
  ),
  totals: Type.Object({ ownNtd: Money, matchNtd: Money, depositsNtd: Money }),
  closingBalanceNtd: Money,
});

const FollowUp = Type.Object({
  accountId: Uuid,
  programId: Program,
  holder: Type.Object({
    personId: Uuid,
    name: Nullable(Type.String()),
    idNumber: Type.String({ description: 'Masked', examples: ['E12*****83'] }),
  }),
  districtCode: Type.String(),
  openedOn: IsoDate,
  lastDepositOn: Nullable(IsoDate),
  monthsWithoutDeposit: Type.Integer(),
});

export function assetAccountRoutes(services: AssetAccountServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/asset-accounts',
      {
        config: { policy: 'asset-accounts:write' },
        schema: {
          tags: ['benefits'],
          summary: '開立脫貧儲蓄帳戶（區公所承辦人） Open an asset-building account (a district clerk)',
          description:
            '依規則審查持有人於開戶月份之資格（戶籍快照）；不符者 422 並列出未符之條件；同方案已有帳戶 409。' +
            'The rules evaluate the holder in the month of opening (the registry snapshot); one who does not ' +
            'qualify is refused with 422 and the conditions not met; a second open account of a program is 409.',
          body: Type.Object(
            { holderPersonId: Uuid, programId: Program, openedOn: Type.Optional(IsoDate) },
            { additionalProperties: false },
          ),
          response: { 201: AccountView },
        },
      },
      async (request, reply) => {
        const account = await openAccount(services, acting(request), request.body);
        return reply.code(201).send(accountView(account));
      },
    );

    app.get(
      '/asset-accounts',
      {
        config: { policy: 'asset-accounts:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '脫貧儲蓄帳戶列表（本區或個案量） Asset-building accounts of the caller’s districts or caseload',
          querystring: Type.Object(
            {
              district: Type.Optional(DistrictCode),
              program: Type.Optional(Program),
              status: Type.Optional(Type.String({ enum: ['open', 'closed'] })),
              ...Paging,
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(AccountView) },
        },
      },
      async (request) => {
        const { page, pageSize } = pageOf(request.query);
        const { district, program, status } = request.query;
        const result = await listAccounts(services, acting(request), {
          ...(district ? { district } : {}),
          ...(program ? { program } : {}),
          ...(status ? { status: status as 'open' | 'closed' } : {}),
          page,
          pageSize,
        });
        request.auditReads.push({
          action: 'list',
          recordType: 'asset-account',
          recordId: null,
          details: { ids: result.items.map((item) => item.id) },
        });
        return result;
      },
    );

    app.get(
      '/asset-accounts/follow-up',
      {
        config: { policy: 'asset-accounts:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '6 個月未存款之帳戶（社工輔導） Open accounts with no own deposit for six months, for social-worker follow-up',
          description:
            '000 參(一)1(2)「針對6個月內未有存款之帳戶，由社工人員進行輔導」。As of a date (default today); ' +
            'an account with no deposit since opening counts from the opening. ID numbers masked.',
          querystring: Type.Object(
            { district: Type.Optional(DistrictCode), asOf: Type.Optional(IsoDate), ...Paging },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              asOf: IsoDate,
              items: Type.Array(FollowUp),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
          },
        },
      },
      async (request) => {
        const { page, pageSize } = pageOf(request.query);
        const { district, asOf } = request.query;
        const result = await followUpList(services, acting(request), {
          ...(district ? { district } : {}),
          ...(asOf ? { asOf } : {}),
          page,
          pageSize,
        });
        request.auditReads.push({
          action: 'list',
          recordType: 'asset-account-follow-up',
          recordId: null,
          details: { asOf: result.asOf, ids: result.items.map((item) => item.accountId) },
        });
        return result;
      },
    );

    app.get(
      '/asset-accounts/:id',
      {
        config: { policy: 'asset-accounts:read' },
        schema: {
          tags: ['benefits'],
          summary: '帳戶與餘額 An asset-building account and its balance',
          params: IdParams,
          response: { 200: Type.Object({ account: AccountView, balanceNtd: Money }) },
        },
      },
      async (request) => {
        const account = await reachableAccount(
          services,
          acting(request),
          request.params.id,
          'asset-accounts:read',
        );
        request.auditReads.push({
          action: 'read',
          recordType: 'asset-account',
          recordId: account.account_id,
        });
        return {
          account: accountView(account),
          balanceNtd: await balanceOf(services.database.db, account.account_id),
        };
      },
    );

    app.post(
      '/asset-accounts/:id/deposits',
      {
        config: { policy: 'asset-accounts:write' },
        schema: {
          tags: ['benefits'],
          summary:
            '存款與政府相對提撥（同一交易） An own deposit and the government’s match, in one transaction',
          description:
            '提撥依方案之提撥率，受年度提撥上限限制（兒少未來帳戶每年 15,000 元，見參數）；青年發展帳戶每月自存逾上限者 422。' +
            '必須附 `Idempotency-Key`：重送回覆第一筆（200）。The match follows the program’s rate, limited by the ' +
            'yearly cap on matches (see the parameters); a youth development account’s month over the saving ' +
            'limit is 422. An `Idempotency-Key` header is required: a retry answers the first deposit (200).',
          params: IdParams,
          headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 1, maxLength: 200 }) }),
          body: Type.Object(
            {
              amountNtd: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
              depositedOn: Type.Optional(IsoDate),
            },
            { additionalProperties: false },
          ),
          response: {
            '2xx': Type.Object({
              deposit: DepositView,
              match: Type.Union([DepositView, Type.Null()]),
              matchNote: Note,
              balanceNtd: Money,
            }),
          },
        },
      },
      async (request, reply) => {
        const outcome = await recordDeposit(services, acting(request), request.params.id, {
          ...request.body,
          idempotencyKey: request.headers['idempotency-key'],
        });
        return reply.code(outcome.created ? 201 : 200).send({
          deposit: depositView(outcome.deposit),
          match: outcome.match ? depositView(outcome.match) : null,
          matchNote: outcome.matchNote,
          balanceNtd: outcome.balanceNtd,
        });
      },
    );

    app.get(
      '/asset-accounts/:id/statement',
      {
        config: { policy: 'asset-accounts:read' },
        schema: {
          tags: ['benefits'],
          summary: '年度對帳單 A year’s statement: balance brought forward, deposits and matches, totals',
          params: IdParams,
          querystring: Type.Object(
            { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
            { additionalProperties: false },
          ),
          response: { 200: Statement },
        },
      },
      async (request) => {
        const statement = await statementOf(services, acting(request), request.params.id, request.query.year);
        request.auditReads.push({
          action: 'read-statement',
          recordType: 'asset-account',
          recordId: request.params.id,
          details: { year: request.query.year },
        });
        return statement;
      },
    );

    app.get(
      '/asset-accounts/:id/statement.pdf',
      {
        config: { policy: 'asset-accounts:read' },
        schema: {
          tags: ['benefits'],
          summary: '年度對帳單（PDF） A year’s statement as a PDF in Traditional Chinese (ROC dates)',
          params: IdParams,
          querystring: Type.Object(
            { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const { pdf, referenceNumber } = await statementPdf(
          services,
          acting(request),
          request.params.id,
          request.query.year,
        );
        request.auditReads.push({
          action: 'read-statement',
          recordType: 'asset-account',
          recordId: request.params.id,
          details: { year: request.query.year, format: 'pdf' },
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="statement-${referenceNumber}.pdf"`)
          .send(pdf);
      },
    );

    app.post(
      '/asset-accounts/:id/close',
      {
        config: { policy: 'asset-accounts:write' },
        schema: {
          tags: ['benefits'],
          summary: '結清帳戶 Close an asset-building account',
          params: IdParams,
          body: Type.Object(
            { reason: Text(1000, '結清理由 Why the account is closed'), closedOn: Type.Optional(IsoDate) },
            { additionalProperties: false },
          ),
          response: { 200: AccountView },
        },
      },
      async (request) => {
        const closed = await closeAccount(services, acting(request), request.params.id, request.body);
        return accountView(closed);
      },
    );
  };
}
