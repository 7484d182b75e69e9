import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { KAOHSIUNG_DISTRICTS } from '@safetynet/core/districts';
import { MEMBER_ROLES } from '@safetynet/core/registry/vocabulary';
import { Type } from 'typebox';
import type { MemberRole } from '../../db/schema.ts';
import { MASKED_VIEWER } from '../../registry/viewer.ts';
import {
  AsOfQuery,
  Change,
  DistrictCode,
  IdParams,
  IsoDate,
  Page,
  Paging,
  Source,
  Uuid,
} from '../schemas.ts';
import { districtCodeOf, notFound, pageOf, type RouteContext, today } from './context.ts';

const Role = Type.String({
  enum: [...MEMBER_ROLES],
  description: '申請人 / 配偶 / 直系血親 / 子女 / 其他',
});

const HouseholdSummary = Type.Object({
  id: Uuid,
  districtCode: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  validFrom: IsoDate,
});

export const householdRoutes =
  (ctx: RouteContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/households',
      {
        config: { policy: 'registry:search' },
        schema: {
          tags: ['registry'],
          summary: '搜尋家戶 Search households by district or a member’s ID number',
          querystring: Type.Object(
            {
              district: Type.Optional(Type.String({ examples: ['鳳山區'] })),
              memberIdNumber: Type.Optional(Type.String({ minLength: 10, maxLength: 10 })),
              asOf: Type.Optional(IsoDate),
              ...Paging,
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(HouseholdSummary) },
        },
      },
      async (request) => {
        const { page, pageSize, offset } = pageOf(request.query);
        const district = request.query.district
          ? districtCodeOf(request.query.district, 'querystring.district')
          : undefined;
        let memberPersonId: string | undefined;
        if (request.query.memberIdNumber) {
          memberPersonId =
            (await ctx.persons.idForIdNumber(request.query.memberIdNumber)) ??
            '00000000-0000-0000-0000-000000000000';
        }
        const result = await ctx.households.search({
          district,
          memberPersonId,
          asOf: request.query.asOf ?? today(),
          limit: pageSize,
          offset,
          within: ctx.guard.householdsWithin(request, 'registry:search'),
        });
        request.auditReads.push({
          action: 'list',
          recordType: 'household',
          recordId: null,
          details: {
            ids: result.items.map((item) => item.id),
            by: { memberIdNumber: Boolean(memberPersonId), district },
          },
        });
        return { ...result, page, pageSize };
      },
    );

    app.get(
      '/households/:id',
      {
        config: { policy: 'registry:read' },
        schema: {
          tags: ['registry'],
          summary:
            '家戶資料（指定日期） The household as on a date: members, their evidence, statuses (one query)',
          params: IdParams,
          querystring: AsOfQuery,
          response: { 200: Type.Object({}, { additionalProperties: true }) },
        },
      },
      async (request) => {
        await ctx.guard.household(request, request.params.id, 'registry:read');
        const knownAt = request.query.knownAt ? new Date(request.query.knownAt) : undefined;
        const household = await ctx.households.get(
          request.params.id,
          request.query.asOf ?? today(),
          MASKED_VIEWER,
          knownAt,
        );
        if (!household) throw notFound('household', request.params.id);
        request.auditReads.push({ action: 'read', recordType: 'household', recordId: request.params.id });
        return household;
      },
    );

    app.get(
      '/households/:id/history',
      {
        config: { policy: 'registry:read' },
        schema: {
          tags: ['registry'],
          summary: '家戶異動紀錄 Every dated change of the household, oldest first',
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(Change) }) },
        },
      },
      async (request) => {
        await ctx.guard.household(request, request.params.id, 'registry:read');
        const items = await ctx.households.history(request.params.id);
        if (!items) throw notFound('household', request.params.id);
        request.auditReads.push({
          action: 'read-history',
          recordType: 'household',
          recordId: request.params.id,
        });
        return { items };
      },
    );

    const Member = Type.Object({ personId: Uuid, role: Role }, { additionalProperties: false });
    app.post(
      '/households',
      {
        config: { policy: 'registry:write' },
        schema: {
          tags: ['registry'],
          summary: '登錄家戶 Register a household with its members (exactly one applicant)',
          body: Type.Object(
            {
              districtCode: DistrictCode,
              address: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
              validFrom: IsoDate,
              members: Type.Array(Member, { minItems: 1, maxItems: 50 }),
              source: Type.Optional(Source),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ householdId: Uuid, membershipIds: Type.Array(Uuid) }) },
        },
      },
      async (request, reply) => {
        const body = request.body;
        await ctx.guard.districts(request, 'registry:write', [body.districtCode]);
        for (const member of body.members) await ctx.guard.member(request, member.personId, 'registry:write');
        const result = await ctx.commands.recordHousehold(
          {
            ...body,
            members: body.members.map((m) => ({ personId: m.personId, role: m.role as MemberRole })),
            source: body.source ?? 'api',
          },
          ctx.guard.trail(request),
        );
        return reply.code(201).send(result);
      },
    );

    app.post(
      '/households/:id/members',
      {
        config: { policy: 'registry:write' },
        schema: {
          tags: ['registry'],
          summary: '新增成員 Add a member from a date',
          params: IdParams,
          body: Type.Object(
            { personId: Uuid, role: Role, validFrom: IsoDate, source: Type.Optional(Source) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ membershipId: Uuid, created: Type.Boolean() }),
            201: Type.Object({ membershipId: Uuid, created: Type.Boolean() }),
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        await ctx.guard.household(request, request.params.id, 'registry:write');
        await ctx.guard.member(request, body.personId, 'registry:write');
        const result = await ctx.commands.addMember(
          request.params.id,
          { ...body, role: body.role as MemberRole, source: body.source ?? 'api' },
          ctx.guard.trail(request),
        );
        return reply.code(result.created ? 201 : 200).send(result);
      },
    );

    app.post(
      '/households/:id/members/:membershipId/end',
      {
        config: { policy: 'registry:write' },
        schema: {
          tags: ['registry'],
          summary: '成員遷出 End a membership (validTo = the first day no longer a member)',
          params: Type.Object({ id: Uuid, membershipId: Uuid }, { additionalProperties: false }),
          body: Type.Object(
            { validTo: IsoDate, source: Type.Optional(Source) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ created: Type.Boolean() }) },
        },
      },
      async (request) => {
        await ctx.guard.household(request, request.params.id, 'registry:write');
        return ctx.commands.endMembership(
          request.params.id,
          request.params.membershipId,
          { validTo: request.body.validTo, source: request.body.source ?? 'api' },
          ctx.guard.trail(request),
        );
      },
    );

    app.get(
      '/districts',
      {
        config: { policy: 'public:read' },
        schema: {
          tags: ['registry'],
          summary: '高雄市38行政區 The 38 districts with their MOI codes',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  code: Type.String(),
                  nameZh: Type.String(),
                  nameEn: Type.String(),
                  postalCode: Type.String(),
                  registeredPopulation: Type.Integer(),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ items: KAOHSIUNG_DISTRICTS.map((d) => ({ ...d })) }),
    );
  };
