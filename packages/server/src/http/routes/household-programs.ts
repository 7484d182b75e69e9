import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isIsoMonth } from '@safetynet/core/calendar';
import {
  type CalculateResponse,
  calculate,
  type ParameterSet,
  type Population,
  PROGRAMS,
} from '@safetynet/rules';
import { caseOfHousehold } from '@safetynet/rules/engine/case-of';
import { Type } from 'typebox';
import { RegistryError } from '../../registry/errors.ts';
import type { SnapshotCache } from '../../rules/snapshot-store.ts';
import { calculationJson } from '../calculation-json.ts';
import type { RegistryGuard } from '../registry-guard.ts';
import { CalculateResponseSchema } from '../rules-schemas.ts';

/**
 * `GET /api/v1/households/{id}/programs?period=YYYY-MM`: which programs a stored household and its members
 * qualify for in a month, and why — the household as the month's registry snapshot holds it, evaluated
 * alone with every condition explained, with the facts it was evaluated on.
 */
export interface HouseholdProgramsContext {
  parameters: ParameterSet;
  snapshots: SnapshotCache;
  guard: RegistryGuard;
}

const indexes = new WeakMap<Population, Map<string, number>>();

function householdIndex(population: Population, id: string): number | undefined {
  let index = indexes.get(population);
  if (!index) {
    index = new Map(population.households.id.map((householdId, k) => [householdId, k]));
    indexes.set(population, index);
  }
  return index.get(id);
}

export function householdProgramsRoutes({
  parameters,
  snapshots,
  guard,
}: HouseholdProgramsContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/households/:id/programs',
      {
        config: { policy: 'eligibility:read' },
        schema: {
          tags: ['rules'],
          summary:
            '戶內各方案資格與理由 Which programs a stored household and its members qualify for, and why',
          description:
            '該月份戶籍快照（月底）中的此戶，單獨試算各方案並說明每一條件；並列出所依據之事實。' +
            'The household as the month’s registry snapshot (its last day) holds it, evaluated alone: each ' +
            'program’s eligibility and amount with every condition explained, as `POST /calculate` answers, and ' +
            'the facts it was evaluated on (`case`). The snapshot is taken on first use.',
          params: Type.Object({ id: Type.String({ format: 'uuid', description: '家戶代碼 Household id' }) }),
          querystring: Type.Object({
            period: Type.String({ description: '月份 YYYY-MM', example: '2024-06' }),
            programs: Type.Optional(
              Type.String({
                description: '方案代碼，以逗號分隔 Program ids, comma-separated (default: all)',
              }),
            ),
          }),
          response: {
            200: Type.Object({
              period: Type.String(),
              snapshotId: Type.String(),
              case: Type.Object(
                {},
                { additionalProperties: true, description: '所依據之事實 The facts used' },
              ),
              results: CalculateResponseSchema.properties.results,
              parameters: CalculateResponseSchema.properties.parameters,
            }),
          },
        },
        // The explanation is written like calculate's (fixed texts reused), with the period, snapshot and case.
        serializerCompiler: () => (data) => {
          const { period, snapshotId, facts, response } = data as {
            period: string;
            snapshotId: string;
            facts: unknown;
            response: CalculateResponse;
          };
          return `{"period":${JSON.stringify(period)},"snapshotId":${JSON.stringify(snapshotId)},"case":${JSON.stringify(facts)},${calculationJson(response).slice(1)}`;
        },
      },
      async (request) => {
        const { period } = request.query;
        if (!isIsoMonth(period))
          throw new RegistryError(
            400,
            '月份須為 YYYY-MM',
            'period must be a YYYY-MM month',
            'querystring.period',
          );
        const programs = request.query.programs?.split(',');
        const unknown = programs?.find((id) => !PROGRAMS.has(id));
        if (unknown)
          throw new RegistryError(
            400,
            `未知的方案：${unknown}`,
            `unknown program: ${unknown}`,
            'querystring.programs',
          );
        await guard.household(request, request.params.id, 'eligibility:read');
        const { info, population } = await snapshots.population(period);
        const k = householdIndex(population, request.params.id);
        if (k === undefined)
          throw new RegistryError(
            404,
            `${period} 月底之戶籍快照中無此戶`,
            `no such household in the registry snapshot of the end of ${period}`,
          );
        const facts = caseOfHousehold(population, k);
        const response = calculate({ period, ...facts, ...(programs ? { programs } : {}) }, parameters);
        request.auditReads.push({
          action: 'read-eligibility',
          recordType: 'household',
          recordId: request.params.id,
          details: { period, snapshotId: info.snapshotId },
        });
        return { period, snapshotId: info.snapshotId, facts, response } as never;
      },
    );
  };
}
