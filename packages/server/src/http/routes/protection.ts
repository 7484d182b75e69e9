import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BREAK_GLASS_MINUTES, BREAK_GLASS_REASON_MIN_LENGTH } from '@safetynet/core/authz/break-glass';
import { protectionAccess } from '@safetynet/core/authz/scope';
import { Type } from 'typebox';
import type { ProtectionKind } from '../../db/schema.ts';
import type { IdentityServices } from '../../identity/services.ts';
import {
  type ProtectionCaseListItem,
  ProtectionCaseRepository,
  type ProtectionCaseRow,
} from '../../protection/cases.ts';
import {
  assignCase,
  breakGlass,
  caseNotFound,
  closeCase,
  type ProtectionServices,
  refuse,
  reportCase,
} from '../../protection/commands.ts';
import { DistrictCode, IdParams, Page, Paging, Uuid } from '../schemas.ts';
import { pageOf } from './context.ts';

const Kind = Type.String({
  enum: ['child', 'domestic-violence', 'elder', 'disability', 'sexual-assault'],
  description:
    '兒少 child / 家庭暴力 domestic-violence / 老人 elder / 身心障礙 disability / 性侵害 sexual-assault',
});
const Status = Type.String({
  enum: ['reported', 'assigned', 'closed'],
  description: '已通報 reported / 已指派 assigned / 已結案 closed',
});
const DateTime = Type.String({ format: 'date-time' });
const MaybeDateTime = Type.Union([DateTime, Type.Null()]);

/** What a list shows: never the summary or the subject. */
const CaseListItem = Type.Object({
  id: Uuid,
  kind: Kind,
  districtCode: Type.String(),
  status: Status,
  reportedAt: DateTime,
  assignedAt: MaybeDateTime,
  closedAt: MaybeDateTime,
});

const CaseStatus = Type.Object({ id: Uuid, status: Status });

const CaseDetail = Type.Object({
  ...CaseListItem.properties,
  subjectPersonId: Type.Union([Uuid, Type.Null()]),
  summary: Type.String(),
  reportedBy: Uuid,
  assignedWorkerId: Type.Union([Uuid, Type.Null()]),
  access: Type.String({
    enum: ['assigned', 'supervisor', 'intake', 'break-glass'],
    description: '取得存取的依據 Why this caller may read the case (need-to-know or break-glass)',
  }),
  accessUntil: Type.Union([DateTime, Type.Null()], {
    description: 'When break-glass access ends (null for need-to-know access)',
  }),
});

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

function listItem(row: ProtectionCaseListItem | ProtectionCaseRow) {
  return {
    id: row.case_id,
    kind: row.kind,
    districtCode: row.district_code,
    status: row.status,
    reportedAt: new Date(row.reported_at).toISOString(),
    assignedAt: iso(row.assigned_at),
    closedAt: iso(row.closed_at),
  };
}

/** 保護個案 Protection cases: need-to-know access, break-glass, every read and change audited. */
export const protectionRoutes =
  (identity: IdentityServices): FastifyPluginAsyncTypebox =>
  async (app) => {
    const services: ProtectionServices = { identity, cases: new ProtectionCaseRepository(identity.db) };

    app.post(
      '/protection-cases',
      {
        config: { policy: 'protection:report' },
        schema: {
          tags: ['protection'],
          summary: '通報保護案件 Report a protection case (the reporter does not see it afterwards)',
          body: Type.Object(
            {
              kind: Kind,
              subjectPersonId: Type.Optional(Uuid),
              districtCode: DistrictCode,
              summary: Type.String({
                minLength: 1,
                maxLength: 4000,
                description: '通報內容 What was reported',
              }),
            },
            { additionalProperties: false },
          ),
          response: { 201: CaseStatus },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const row = await reportCase(services, { ...body, kind: body.kind as ProtectionKind }, request.audit);
        return reply.code(201).send({ id: row.case_id, status: row.status });
      },
    );

    app.get(
      '/protection-cases',
      {
        config: { policy: 'protection:list' },
        schema: {
          tags: ['protection'],
          summary:
            '保護案件列表（依知悉需要） The cases the caller may open: assigned, their team’s, new reports for intake, break-glass',
          querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
          response: { 200: Page(CaseListItem) },
        },
      },
      async (request) => {
        const { page, pageSize, offset } = pageOf(request.query);
        const result = await services.cases.visibleTo(request.actor, identity.now(), {
          limit: pageSize,
          offset,
        });
        const items = result.items.map(listItem);
        request.auditReads.push({
          action: 'list',
          recordType: 'protection-case',
          recordId: null,
          details: { ids: items.map((item) => item.id) },
        });
        return { items, total: result.total, page, pageSize };
      },
    );

    app.get(
      '/protection-cases/:id',
      {
        config: { policy: 'protection:read' },
        schema: {
          tags: ['protection'],
          summary:
            '讀取保護案件 A protection case, with the basis of the caller’s access (audited with x-purpose)',
          params: IdParams,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const now = identity.now();
        const row = await services.cases.byId(request.params.id);
        if (!row) throw caseNotFound(request.params.id);
        const reach = await services.cases.reachOf(row, request.actor, now);
        const access = protectionAccess(request.actor, reach, now);
        if (!access) return refuse(services, request.audit, row.case_id, 'read');
        request.auditReads.push({
          action: 'read',
          recordType: 'protection-case',
          recordId: row.case_id,
          details: { access, purpose: request.audit.purpose },
        });
        return {
          ...listItem(row),
          subjectPersonId: row.subject_person_id,
          summary: row.summary,
          reportedBy: row.reported_by,
          assignedWorkerId: row.assigned_worker_id,
          access,
          accessUntil: access === 'break-glass' ? iso(reach.breakGlassUntil) : null,
        };
      },
    );

    app.post(
      '/protection-cases/:id/assign',
      {
        config: { policy: 'protection:assign' },
        schema: {
          tags: ['protection'],
          summary: '指派保護案件 A supervisor assigns the case to a social worker of their own team',
          params: IdParams,
          body: Type.Object({ workerId: Uuid }, { additionalProperties: false }),
          response: { 200: CaseStatus },
        },
      },
      async (request) => {
        const row = await assignCase(services, request.params.id, request.body.workerId, request.audit);
        return { id: row.case_id, status: row.status };
      },
    );

    app.post(
      '/protection-cases/:id/close',
      {
        config: { policy: 'protection:read' },
        schema: {
          tags: ['protection'],
          summary: '結案 The assigned worker or their supervisor closes the case',
          params: IdParams,
          body: Type.Object({}, { additionalProperties: false }),
          response: { 200: CaseStatus },
        },
      },
      async (request) => {
        const row = await closeCase(services, request.params.id, request.audit);
        return { id: row.case_id, status: row.status };
      },
    );

    app.post(
      '/protection-cases/:id/break-glass',
      {
        config: { policy: 'protection:break-glass' },
        schema: {
          tags: ['protection'],
          summary: `緊急調閱 Break-glass: ${BREAK_GLASS_MINUTES} minutes of access, a security alert, audited`,
          params: IdParams,
          body: Type.Object(
            {
              reason: Type.String({
                maxLength: 1000,
                description: `緊急調閱理由 Why (at least ${BREAK_GLASS_REASON_MIN_LENGTH} characters)`,
              }),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ caseId: Uuid, grantId: Uuid, expiresAt: DateTime }) },
        },
      },
      async (request, reply) => {
        const grant = await breakGlass(services, request.params.id, request.body.reason, request.audit);
        return reply.code(201).send({
          caseId: request.params.id,
          grantId: grant.grantId,
          expiresAt: grant.expiresAt.toISOString(),
        });
      },
    );
  };
