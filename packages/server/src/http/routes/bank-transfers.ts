import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { generateBankFile } from '../../benefits/bank-file.ts';
import { cancelPayment, importBankReturns, retryPayment } from '../../benefits/bank-returns.ts';
import type { Database } from '../../db/database.ts';
import type { IdProtector } from '../../identity/id-protector.ts';
import type { IdentityServices } from '../../identity/services.ts';
import { problem, sendProblem } from '../problem.ts';
import { Uuid } from '../schemas.ts';

/** 匯款檔與退匯 A month's bank transfer file, the bank's returns, and sending again or cancelling. */
const Month = Type.String({
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM',
  examples: ['2024-06'],
});
const PeriodParams = Type.Object({ period: Month }, { additionalProperties: false });
const PaymentParams = Type.Object({ period: Month, id: Uuid }, { additionalProperties: false });

const BankFile = Type.Object({
  id: Uuid,
  period: Type.String(),
  sequence: Type.Integer(),
  created: Type.Boolean(),
  createdOn: Type.String(),
  payments: Type.Integer(),
  totalNtd: Type.Integer(),
  sha256: Type.String(),
  /** The file itself (UTF-8 text, CRLF records; docs/bank-transfer-file.md). */
  content: Type.String(),
  missingAccounts: Type.Array(
    Type.Object({ paymentId: Uuid, payeePersonId: Uuid, amountNtd: Type.Integer() }),
  ),
});

const PaymentState = Type.Object({ id: Uuid, status: Type.String(), attempt: Type.Integer() });

export const bankTransferRoutes =
  (deps: {
    database: Database;
    identity: IdentityServices;
    protector: IdProtector;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const trail = (request: { audit: Parameters<IdentityServices['audit']['append']>[1] }) => ({
      log: deps.identity.audit,
      context: request.audit,
    });

    app.post(
      '/payment-runs/:period/bank-file',
      {
        config: { policy: 'payments:run' },
        schema: {
          tags: ['benefits'],
          summary:
            '產生匯款檔 The month’s bank transfer file: pending payments with an account become sent; none pending: the latest file again',
          params: PeriodParams,
          response: { 200: BankFile },
        },
      },
      async (request) => {
        const result = await generateBankFile(
          deps.database,
          deps.protector,
          request.params.period,
          trail(request),
        );
        if (!result.created)
          request.auditReads.push({
            action: 'read',
            recordType: 'bank-file',
            recordId: result.file.file_id,
            details: { period: result.file.period, sequence: result.file.sequence },
          });
        return {
          id: result.file.file_id,
          period: result.file.period,
          sequence: result.file.sequence,
          created: result.created,
          createdOn: result.file.created_on,
          payments: result.file.payments,
          totalNtd: Number(result.file.amount_ntd),
          sha256: result.file.sha256,
          content: result.content.toString('utf8'),
          missingAccounts: result.missingAccounts,
        };
      },
    );

    app.post(
      '/payment-runs/:period/returns',
      {
        config: { policy: 'payments:run' },
        schema: {
          tags: ['benefits'],
          summary:
            '匯入退匯資料 Import the bank’s returns (CSV reference,status,reason): all lines or none; the same file again changes nothing',
          params: PeriodParams,
          body: Type.Object(
            { csv: Type.String({ minLength: 1, maxLength: 5_000_000 }) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              lines: Type.Integer(),
              applied: Type.Integer(),
              unchanged: Type.Integer(),
              sha256: Type.String(),
            }),
          },
        },
      },
      async (request, reply) => {
        const result = await importBankReturns(deps.database, request.body.csv, trail(request), {
          period: request.params.period,
        });
        if (result.rejected.length > 0)
          return sendProblem(
            reply,
            problem(
              400,
              `退匯檔有 ${result.rejected.length} 行無法匯入，整份未匯入`,
              `${result.rejected.length} lines cannot be imported: nothing was imported`,
              result.rejected.slice(0, 100).map((r) => ({
                field: `csv.line.${r.line}`,
                message_zh: r.zh,
                message_en: r.en,
              })),
            ),
          );
        return {
          lines: result.lines,
          applied: result.applied,
          unchanged: result.unchanged,
          sha256: result.sha256,
        };
      },
    );

    for (const change of ['retry', 'cancel'] as const)
      app.post(
        `/payment-runs/:period/payments/:id/${change}`,
        {
          config: { policy: 'payments:run' },
          schema: {
            tags: ['benefits'],
            summary:
              change === 'retry'
                ? '重新匯款 Send a returned or failed payment again (the same payment, attempt + 1, pending for the next file)'
                : '取消款項 Cancel a pending, returned or failed payment',
            params: PaymentParams,
            response: { 200: PaymentState },
          },
        },
        async (request) => {
          const { period, id } = request.params;
          const updated = await deps.database.db
            .transaction()
            .execute((trx) =>
              (change === 'retry' ? retryPayment : cancelPayment)(trx, id, trail(request), period),
            );
          return { id: updated.payment_id, status: updated.status, attempt: updated.attempt };
        },
      );
  };
