import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type CalculateRequest, calculate, type ParameterSet, PROGRAMS } from '@safetynet/rules';
import type { ParameterValue } from '@safetynet/rules/parameters/parameter';
import { Type } from 'typebox';
import { RegistryError } from '../../registry/errors.ts';
import { calculationBytes } from '../calculation-json.ts';
import {
  CalculateBody,
  CalculateResponseSchema,
  ParameterDetail,
  ParameterQuery,
  ParameterSummary,
  ProgramSchema,
  RulesIdParams,
} from '../rules-schemas.ts';

/** What the rules routes need: the parameters, loaded once when the server starts. */
export interface RulesContext {
  parameters: ParameterSet;
  /** @fastify/rate-limit's route config for these public routes (none in the CLI's in-process server). */
  rateLimit?: object | undefined;
}

function programJson(id: string) {
  const p = PROGRAMS.get(id);
  if (!p) {
    throw new RegistryError(404, `找不到方案：${id}`, `program not found: ${id}`);
  }
  return {
    id: p.id,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    kind: p.kind,
    entity: p.entity,
    period: p.period,
    legalBasis: [...p.legalBasis],
    parameters: [...p.parameters],
  };
}

const valueJson = (v: ParameterValue) => ({
  from: v.from,
  value: v.value,
  source: {
    kind: v.source.kind,
    reference: v.source.reference,
    confidence: v.source.confidence,
    ...(v.source.note !== undefined ? { note: v.source.note } : {}),
  },
});

export const rulesRoutes =
  (ctx: RulesContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { parameters, rateLimit } = ctx;
    const parameterOf = (id: string) => {
      if (!parameters.has(id))
        throw new RegistryError(404, `找不到參數：${id}`, `parameter not found: ${id}`);
      return parameters.get(id);
    };

    app.post(
      '/calculate',
      {
        config: { policy: 'rules:read', rateLimit },
        schema: {
          tags: ['rules'],
          summary: '試算 Calculate eligibility and amounts for a case, with every reason explained',
          description:
            '一個案件（一或數戶）於一個月份之各方案資格、金額與理由（含法令依據、數值與門檻）。' +
            '條件為另一方案之結果時，以 because 指向 results 中該結果（未請求者亦列出，requested 為 false）。' +
            'Eligibility and amounts of each program for a case (one or a few households) in a month, each ' +
            'condition with its legal reference, the case’s value and the threshold. A condition that is ' +
            'another program’s result refers to that result by `because` ({program, entity, id}); every ' +
            'result is in `results` once, those only depended on with `requested: false`. Persons and ' +
            'households are keyed by ids of your choosing. Unknown fields and impossible values (a birth ' +
            'date after the period, a negative income, an unknown program) are a 400 naming the field.',
          body: CalculateBody,
          response: { 200: CalculateResponseSchema },
        },
      },
      // The rules' explanation is already shaped as the response (nulls for unknown numbers, references
      // for dependencies). The schema documents it; calculationBytes writes it as UTF-8, reusing each
      // condition's fixed text between requests, and bytes are sent as they are.
      async (request, reply) => {
        const response = calculate(request.body as unknown as CalculateRequest, parameters);
        return reply.type('application/json; charset=utf-8').send(calculationBytes(response) as never);
      },
    );

    app.get(
      '/programs',
      {
        config: { policy: 'rules:read', rateLimit },
        schema: {
          tags: ['rules'],
          summary: '方案目錄 Every program encoded as rules, with its legal basis and parameters',
          response: { 200: Type.Object({ items: Type.Array(ProgramSchema) }) },
        },
      },
      async () => ({ items: [...PROGRAMS.keys()].map(programJson) }),
    );

    app.get(
      '/programs/:id',
      {
        config: { policy: 'rules:read', rateLimit },
        schema: {
          tags: ['rules'],
          summary: '方案 One program by its catalog id',
          params: RulesIdParams,
          response: { 200: ProgramSchema },
        },
      },
      async (request) => programJson(request.params.id),
    );

    app.get(
      '/parameters',
      {
        config: { policy: 'rules:read', rateLimit },
        schema: {
          tags: ['rules'],
          summary: '參數 Every parameter of the rules with its description and unit',
          response: { 200: Type.Object({ items: Type.Array(ParameterSummary) }) },
        },
      },
      async () => ({
        items: parameters.ids().map((id) => {
          const p = parameters.get(id);
          return { id, descriptionZh: p.descriptionZh, descriptionEn: p.descriptionEn, unit: p.unit };
        }),
      }),
    );

    app.get(
      '/parameters/:id',
      {
        config: { policy: 'rules:read', rateLimit },
        schema: {
          tags: ['rules'],
          summary:
            '參數歷程 A parameter’s dated values with their sources; with ?on=, also the value in force that day',
          params: RulesIdParams,
          querystring: ParameterQuery,
          response: { 200: ParameterDetail },
        },
      },
      async (request) => {
        const p = parameterOf(request.params.id);
        const { on } = request.query;
        const inForce = on === undefined ? undefined : parameters.entryOn(p.id, on);
        return {
          id: p.id,
          descriptionZh: p.descriptionZh,
          descriptionEn: p.descriptionEn,
          unit: p.unit,
          values: p.values.map(valueJson),
          ...(on === undefined ? {} : { on, inForce: inForce ? valueJson(inForce) : null }),
        };
      },
    );
  };
