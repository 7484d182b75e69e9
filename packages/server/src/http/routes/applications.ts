import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import {
  applicationInFull,
  applicationView,
  decisionAsMade,
  listApplications,
} from '../../benefits/application-queries.ts';
import { attachDocument, fileApplication, withdraw } from '../../benefits/applications.ts';
import { type Acting, type BenefitServices, todayOf } from '../../benefits/benefit-services.ts';
import { decisionNoticeOf } from '../../benefits/decision-notice-of.ts';
import { decide, proposeOutcome } from '../../benefits/decisions.ts';
import { renderDecisionNotice } from '../../notices/decision-notice.ts';
import {
  ApplicationInFull,
  ApplicationView,
  ClaimedEvent,
  DecisionAnswer,
  DecisionAsMade,
  Month,
  ProgramId,
  ProposalAnswer,
  ReasonInput,
  Status,
  Text,
} from '../application-schemas.ts';
import { IdParams, Page, Paging, Uuid } from '../schemas.ts';
import { pageOf } from './context.ts';

/** 申請與核定 Applications, four-eyes proposals and decisions, and decisions as they were made. */
const acting = (request: FastifyRequest): Acting => ({ actor: request.actor, audit: request.audit });
export function applicationRoutes(services: BenefitServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/applications',
      {
        config: { policy: 'applications:create' },
        schema: {
          tags: ['benefits'],
          summary:
            '提出申請（民眾線上為本戶、承辦人臨櫃） File an application: a citizen online for their household, a clerk at the office',
          description:
            '分案至申請人居住地之區公所；處理期限依各方案法定期間（未定者二個月）之最早者。' +
            'Routed to the district office of the applicant’s residence; due by the earliest processing period ' +
            'of its programs. An `Idempotency-Key` header makes a retry return the same application (200).',
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          }),
          body: Type.Object(
            {
              applicantPersonId: Uuid,
              programs: Type.Array(ProgramId, { minItems: 1, maxItems: 20 }),
              period: Type.Optional(Month),
              events: Type.Optional(Type.Array(ClaimedEvent, { maxItems: 20 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: ApplicationView, 201: ApplicationView },
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const { application, created } = await fileApplication(services, acting(request), {
          ...request.body,
          ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
        });
        const programs = [...new Set(request.body.programs)].sort();
        return reply
          .code(created ? 201 : 200)
          .send(applicationView(application, programs, todayOf(services)));
      },
    );

    app.get(
      '/applications',
      {
        config: { policy: 'applications:read' },
        schema: {
          tags: ['benefits'],
          summary: '申請案件佇列（本區或本戶） The application queue of the caller’s districts or household',
          querystring: Type.Object(
            {
              status: Type.Optional(Status),
              overdue: Type.Optional(
                Type.Boolean({ description: '逾期未決 Past the due date, not decided' }),
              ),
              program: Type.Optional(ProgramId),
              household: Type.Optional(Uuid),
              ...Paging,
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(ApplicationView) },
        },
      },
      async (request) => {
        const { page, pageSize } = pageOf(request.query);
        const { status, overdue, program, household } = request.query;
        const result = await listApplications(services, acting(request), {
          ...(status ? { status } : {}),
          ...(overdue ? { overdue } : {}),
          ...(program ? { program } : {}),
          ...(household ? { household } : {}),
          page,
          pageSize,
        });
        request.auditReads.push({
          action: 'list',
          recordType: 'application',
          recordId: null,
          details: { ids: result.items.map((item) => item.id) },
        });
        return result;
      },
    );

    app.get(
      '/applications/:id',
      {
        config: { policy: 'applications:read' },
        schema: {
          tags: ['benefits'],
          summary: '申請案件（含文件、擬辦、決定） An application with its documents, proposal and decisions',
          params: IdParams,
          response: { 200: ApplicationInFull },
        },
      },
      async (request) => {
        const result = await applicationInFull(services, acting(request), request.params.id);
        request.auditReads.push({ action: 'read', recordType: 'application', recordId: request.params.id });
        return result;
      },
    );

    app.post(
      '/applications/:id/documents',
      {
        config: { policy: 'applications:create' },
        schema: {
          tags: ['benefits'],
          summary: '補附文件 Attach a document (what it is; the file is kept elsewhere)',
          params: IdParams,
          body: Type.Object(
            {
              kind: Text(64, '文件種類 Kind'),
              description: Text(500, '說明 Description'),
              evidenceId: Type.Optional(Uuid),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const document = await attachDocument(services, acting(request), request.params.id, request.body);
        return reply.code(201).send({
          id: document.document_id,
          kind: document.kind,
          description: document.description,
          evidenceId: document.evidence_id,
        });
      },
    );

    app.post(
      '/applications/:id/withdraw',
      {
        config: { policy: 'applications:create' },
        schema: {
          tags: ['benefits'],
          summary: '撤回申請（決定前） Withdraw an application before it is decided',
          params: IdParams,
          body: Type.Object({}, { additionalProperties: false }),
          response: { 200: Type.Object({ id: Uuid, status: Status, version: Type.Integer() }) },
        },
      },
      async (request) => {
        const application = await withdraw(services, acting(request), request.params.id);
        return { id: application.application_id, status: application.status, version: application.version };
      },
    );

    app.post(
      '/applications/:id/proposal',
      {
        config: { policy: 'applications:propose' },
        schema: {
          tags: ['benefits'],
          summary:
            '擬辦（本區承辦人） Propose the outcome per program (a clerk of the application’s district)',
          description:
            '依規則評估申請月份之戶況；駁回須附理由（預設為未符之條件），規則認定不符而擬核准須附說明。' +
            'The rules evaluate the household as of the application’s month; a rejection needs reasons (default: ' +
            'the conditions not met); approving what the rules find not met needs a note.',
          params: IdParams,
          body: Type.Object(
            {
              outcomes: Type.Array(
                Type.Object(
                  {
                    program: ProgramId,
                    outcome: Type.String({ enum: ['approved', 'rejected'] }),
                    reasons: Type.Optional(Type.Array(ReasonInput, { maxItems: 50 })),
                  },
                  { additionalProperties: false },
                ),
                { minItems: 1, maxItems: 20 },
              ),
              note: Type.Optional(Text(2000, '擬辦說明 Note')),
            },
            { additionalProperties: false },
          ),
          response: { 201: ProposalAnswer },
        },
      },
      async (request, reply) => {
        const { proposal, version, outcomes } = await proposeOutcome(
          services,
          acting(request),
          request.params.id,
          {
            outcomes: request.body.outcomes as never,
            ...(request.body.note ? { note: request.body.note } : {}),
          },
        );
        return reply.code(201).send({
          id: proposal.proposal_id,
          applicationId: request.params.id,
          version,
          outcomes: outcomes.map((o) => ({
            program: o.program,
            outcome: o.outcome,
            eligible: o.eligible,
            amountNtd: o.amountNtd,
            reasons: o.reasons,
          })),
        });
      },
    );

    app.post(
      '/applications/:id/decision',
      {
        config: { policy: 'applications:decide' },
        schema: {
          tags: ['benefits'],
          summary:
            '核定（本區審核人員，不得為擬辦者） Decide on the proposal (a reviewer of the district, not the proposer)',
          description:
            '兩位審核人員同時核定時僅一位成功，另一位得 409。Two reviewers deciding at once: exactly one wins, the other gets 409.',
          params: IdParams,
          body: Type.Object(
            {
              version: Type.Optional(Type.Integer({ minimum: 1, description: '案件版本 The version read' })),
              rejections: Type.Optional(
                Type.Array(
                  Type.Object(
                    { program: ProgramId, reasons: Type.Optional(Type.Array(ReasonInput, { maxItems: 50 })) },
                    { additionalProperties: false },
                  ),
                  {
                    maxItems: 20,
                    description:
                      '改為駁回之方案與理由（預設為未符之條件） Programs proposed for approval that the reviewer rejects, with reasons (default: the conditions not met)',
                  },
                ),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: DecisionAnswer },
        },
      },
      async (request, reply) => {
        const { decisions, version } = await decide(
          services,
          acting(request),
          request.params.id,
          request.body,
        );
        return reply.code(201).send({
          applicationId: request.params.id,
          status: 'decided',
          version,
          decisions: decisions.map((d) => ({
            id: d.decisionId,
            program: d.programId,
            outcome: d.outcome,
            monthlyAmountNtd: d.monthlyAmountNtd,
          })),
        });
      },
    );

    app.get(
      '/decisions/:id',
      {
        config: { policy: 'applications:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '決定（原樣）：理由、依據事實、參數與規則版本 A decision exactly as made: explanation, evidence, parameters, rules version',
          params: IdParams,
          response: { 200: DecisionAsMade },
        },
      },
      async (request) => {
        const decision = await decisionAsMade(services, acting(request), request.params.id);
        request.auditReads.push({ action: 'read', recordType: 'decision', recordId: request.params.id });
        return decision;
      },
    );

    app.get(
      '/decisions/:id/notice.pdf',
      {
        config: { policy: 'applications:read' },
        schema: {
          tags: ['benefits'],
          summary:
            '核定通知書（PDF） The decision notice as a PDF in Traditional Chinese (ROC dates, how to appeal)',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const notice = await decisionNoticeOf(services, acting(request), request.params.id);
        // A stored decision the notice cannot state (e.g. a rejection without reasons) is a conflict, not a 500.
        const pdf = await renderDecisionNotice(notice).catch((error: unknown) => {
          if (!(error instanceof RangeError)) throw error;
          throw new ApiError(
            409,
            `此決定無法產生通知書：${error.message}`,
            `this decision cannot be stated in a notice: ${error.message}`,
          );
        });
        request.auditReads.push({
          action: 'read-notice',
          recordType: 'decision',
          recordId: request.params.id,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="notice-${notice.referenceNumber}.pdf"`)
          .send(pdf);
      },
    );
  };
}
