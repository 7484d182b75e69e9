import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkIdNumber } from '@safetynet/core/identity/id-number';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import { EVIDENCE_KIND_NAMES } from '../../registry/evidence-kinds.ts';
import { MASKED_VIEWER } from '../../registry/viewer.ts';
import {
  AsOfQuery,
  Change,
  DistrictCode,
  EVIDENCE_FIELD_SCHEMAS,
  IdParams,
  IsoDate,
  Page,
  Paging,
  PersonSummary,
  Source,
  Uuid,
} from '../schemas.ts';
import { districtCodeOf, notFound, pageOf, type RouteContext, today } from './context.ts';

const Sex = Type.String({ enum: ['M', 'F'], description: 'M 男 / F 女' });

export const personRoutes =
  (ctx: RouteContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/persons',
      {
        config: { policy: 'registry:search' },
        schema: {
          tags: ['registry'],
          summary: '搜尋個人 Search persons by ID number, name prefix or district (within one’s own scope)',
          querystring: Type.Object(
            {
              idNumber: Type.Optional(
                Type.String({
                  minLength: 10,
                  maxLength: 10,
                  description: 'Exact national ID or resident certificate number',
                  examples: ['E123456783'],
                }),
              ),
              name: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 50,
                  description: 'Name prefix (姓名開頭)',
                  examples: ['王'],
                }),
              ),
              district: Type.Optional(
                Type.String({
                  description: 'District code or name (64000080, 苓雅區, Lingya)',
                  examples: ['苓雅區'],
                }),
              ),
              asOf: Type.Optional(IsoDate),
              ...Paging,
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(PersonSummary) },
        },
      },
      async (request) => {
        const { page, pageSize, offset } = pageOf(request.query);
        const district = request.query.district
          ? districtCodeOf(request.query.district, 'querystring.district')
          : undefined;
        const result = await ctx.persons.search(
          {
            idNumber: request.query.idNumber,
            name: request.query.name,
            district,
            asOf: request.query.asOf ?? today(),
            limit: pageSize,
            offset,
            within: ctx.guard.personsWithin(request, 'registry:search'),
          },
          MASKED_VIEWER,
        );
        request.auditReads.push({
          action: 'list',
          recordType: 'person',
          recordId: null,
          details: {
            ids: result.items.map((item) => item.id),
            by: { idNumber: Boolean(request.query.idNumber), name: Boolean(request.query.name), district },
          },
        });
        return { ...result, page, pageSize };
      },
    );

    app.get(
      '/persons/:id',
      {
        config: { policy: 'registry:read' },
        schema: {
          tags: ['registry'],
          summary: '個人資料（指定日期） A person as on a date: details, households, evidence, statuses',
          params: IdParams,
          querystring: AsOfQuery,
          response: { 200: Type.Object({}, { additionalProperties: true }) },
        },
      },
      async (request) => {
        await ctx.guard.person(request, request.params.id, 'registry:read');
        const knownAt = request.query.knownAt ? new Date(request.query.knownAt) : undefined;
        const person = await ctx.persons.get(
          request.params.id,
          request.query.asOf ?? today(),
          MASKED_VIEWER,
          knownAt,
        );
        if (!person) throw notFound('person', request.params.id);
        request.auditReads.push({ action: 'read', recordType: 'person', recordId: request.params.id });
        return person;
      },
    );

    app.get(
      '/persons/:id/history',
      {
        config: { policy: 'registry:read' },
        schema: {
          tags: ['registry'],
          summary: '個人異動紀錄 Every dated change about a person, oldest first',
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(Change) }) },
        },
      },
      async (request) => {
        await ctx.guard.person(request, request.params.id, 'registry:read');
        const items = await ctx.persons.history(request.params.id);
        if (!items) throw notFound('person', request.params.id);
        request.auditReads.push({
          action: 'read-history',
          recordType: 'person',
          recordId: request.params.id,
        });
        return { items };
      },
    );

    app.get(
      '/persons/:id/id-number',
      {
        config: { policy: 'id-number:reveal' },
        schema: {
          tags: ['registry'],
          summary:
            '檢視完整身分證號 The full ID number (its purpose in the x-purpose header; the view is in the audit log)',
          params: IdParams,
          response: { 200: Type.Object({ personId: Uuid, idNumber: Type.String() }) },
        },
      },
      async (request) => {
        if (!request.audit.purpose)
          throw new ApiError(
            400,
            '檢視完整身分證號須於 x-purpose 標頭說明用途',
            'seeing a full ID number needs its purpose in the x-purpose header',
            'headers.x-purpose',
          );
        await ctx.guard.person(request, request.params.id, 'id-number:reveal');
        const idNumber = await ctx.persons.fullIdNumber(request.params.id);
        if (!idNumber) throw notFound('person', request.params.id);
        request.auditReads.push({
          action: 'reveal-id-number',
          recordType: 'person',
          recordId: request.params.id,
        });
        return { personId: request.params.id, idNumber };
      },
    );

    app.post(
      '/persons',
      {
        config: { policy: 'registry:write' },
        schema: {
          tags: ['registry'],
          summary: '登錄個人 Register a person (the same ID number again returns the registered person)',
          body: Type.Object(
            {
              idNumber: Type.String({ minLength: 10, maxLength: 10, examples: ['E123456783'] }),
              name: Type.String({ minLength: 1, maxLength: 100, examples: ['王小明'] }),
              sex: Sex,
              birthDate: IsoDate,
              registeredDistrictCode: Type.Union([DistrictCode, Type.Null()]),
              cityRegistrationDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
              residenceDistrictCode: Type.Optional(Type.Union([DistrictCode, Type.Null()])),
              validFrom: Type.Optional(IsoDate),
              source: Type.Optional(Source),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ personId: Uuid, created: Type.Boolean() }),
            201: Type.Object({ personId: Uuid, created: Type.Boolean() }),
          },
        },
      },
      async (request, reply) => {
        const { registeredDistrictCode, residenceDistrictCode, idNumber } = request.body;
        await ctx.guard.districts(request, 'registry:write', [registeredDistrictCode, residenceDistrictCode]);
        // Registering a number already held by someone outside one's reach would hand back their id (and
        // tell that the number is registered): refused without either, and on the record.
        const existing = checkIdNumber(idNumber).valid
          ? await ctx.persons.idForIdNumber(idNumber)
          : undefined;
        if (existing && !(await ctx.guard.mayTouch(request, existing, 'registry:write'))) {
          await ctx.guard.audit.appendAlone(ctx.database.db, request.audit, [
            {
              action: 'denied',
              recordType: 'person',
              recordId: existing,
              details: { policy: 'registry:write', via: 'id-number' },
            },
          ]);
          throw new ApiError(
            409,
            '此身分證號已登錄，且不在您的業務範圍內；請洽其戶籍所在區公所',
            'this ID number is already registered, outside your reach; ask the district office where the person is registered',
            'body.idNumber',
          );
        }
        const result = await ctx.commands.recordPerson(
          { ...request.body, sex: request.body.sex as 'M' | 'F', source: request.body.source ?? 'api' },
          ctx.guard.trail(request),
        );
        return reply.code(result.created ? 201 : 200).send(result);
      },
    );

    app.post(
      '/persons/:id/changes',
      {
        config: { policy: 'registry:write' },
        schema: {
          tags: ['registry'],
          summary: '個人異動 A change from a date on (move, name, death): a new dated version',
          params: IdParams,
          body: Type.Object(
            {
              validFrom: IsoDate,
              name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
              sex: Type.Optional(Sex),
              birthDate: Type.Optional(IsoDate),
              registeredDistrictCode: Type.Optional(Type.Union([DistrictCode, Type.Null()])),
              cityRegistrationDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
              residenceDistrictCode: Type.Optional(Type.Union([DistrictCode, Type.Null()])),
              deathDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
              source: Type.Optional(Source),
            },
            { additionalProperties: false, minProperties: 2 },
          ),
          response: {
            200: Type.Object({ versionId: Type.String(), created: Type.Boolean() }),
            201: Type.Object({ versionId: Type.String(), created: Type.Boolean() }),
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        await ctx.guard.person(request, request.params.id, 'registry:write');
        const result = await ctx.commands.recordPersonChange(
          request.params.id,
          { ...body, sex: body.sex as 'M' | 'F' | undefined, source: body.source ?? 'api' },
          ctx.guard.trail(request),
        );
        return reply.code(result.created ? 201 : 200).send(result);
      },
    );

    for (const kind of EVIDENCE_KIND_NAMES) {
      app.post(
        `/persons/:id/evidence/${kind}`,
        {
          config: { policy: 'registry:write' },
          schema: {
            tags: ['evidence'],
            summary: `登錄佐證資料 Record ${kind} evidence (with evidenceId: a new version of that record)`,
            params: IdParams,
            body: Type.Object(
              {
                evidenceId: Type.Optional(Uuid),
                validFrom: IsoDate,
                validTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
                source: Type.Optional(Source),
                ...EVIDENCE_FIELD_SCHEMAS[kind],
              },
              { additionalProperties: false },
            ),
            response: {
              200: Type.Object({ evidenceId: Uuid, created: Type.Boolean() }),
              201: Type.Object({ evidenceId: Uuid, created: Type.Boolean() }),
            },
          },
        },
        async (request, reply) => {
          const { evidenceId, validFrom, validTo, source, ...fields } = request.body as Record<
            string,
            unknown
          > & { validFrom: string };
          await ctx.guard.person(request, request.params.id, 'registry:write');
          const result = await ctx.commands.recordEvidence(
            request.params.id,
            kind,
            {
              ...(evidenceId ? { evidenceId: evidenceId as string } : {}),
              validFrom,
              validTo: (validTo as string | null | undefined) ?? null,
              source: (source as string | undefined) ?? 'api',
              fields,
            },
            ctx.guard.trail(request),
          );
          return reply.code(result.created ? 201 : 200).send(result);
        },
      );
    }
  };
