import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isIsoDate, isIsoMonth } from '@safetynet/core/calendar';
import { type ParameterOverride, type ParameterSet, PROGRAMS } from '@safetynet/rules';
import { Type } from 'typebox';
import { RegistryError } from '../../registry/errors.ts';
import { simulate } from '../../rules/simulate.ts';
import type { SnapshotCache } from '../../rules/snapshot-store.ts';

/** `POST /api/v1/simulate`: what-if parameter overrides → recipients and cost deltas over the stored city. */
export interface SimulateContext {
  parameters: ParameterSet;
  snapshots: SnapshotCache;
}

const Figures = Type.Object({
  recipients: Type.Integer({ description: '符合人數或戶數 Eligible persons or households' }),
  undetermined: Type.Integer({ description: '無法判定 Undetermined (an unknown parameter)' }),
  amountNtd: Type.Integer({ description: '金額（新臺幣元）Amount for the month (NTD)' }),
});
const Comparison = {
  baseline: Figures,
  scenario: Figures,
  delta: Figures,
};

const SimulateBody = Type.Object(
  {
    period: Type.String({
      description: '月份 YYYY-MM: the stored population as on its last day',
      example: '2024-06',
    }),
    overrides: Type.Array(
      Type.Object(
        {
          id: Type.String({
            description: '參數代碼 Parameter id',
            example: 'social-assistance.minimum-living-cost',
          }),
          value: Type.Optional(Type.Number({ minimum: 0, description: '新數值 A new value' })),
          factorPercent: Type.Optional(
            Type.Number({
              minimum: -99,
              maximum: 1000,
              description: '調整百分比 Change in percent, e.g. 5 = +5%',
            }),
          ),
          from: Type.Optional(
            Type.String({ description: '自何日起 From this date (YYYY-MM-DD); default: always' }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    programs: Type.Optional(
      Type.Array(Type.String(), { description: '方案代碼 Program ids (default: all)' }),
    ),
  },
  {
    additionalProperties: false,
    example: {
      period: '2024-06',
      overrides: [{ id: 'social-assistance.minimum-living-cost', factorPercent: 5 }],
    },
  },
);

export function simulateRoutes({ parameters, snapshots }: SimulateContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/simulate',
      {
        config: { policy: 'statistics:read' },
        schema: {
          tags: ['rules'],
          summary:
            '政策試算 What-if: parameter overrides → recipients and cost deltas by program and district',
          description:
            'Evaluates every program (or those named) over the stored population of the month twice, with the parameters in force and with the overrides, and compares them by program and district. The month’s registry snapshot is taken on first use (`safetynet evaluate` takes it too).',
          body: SimulateBody,
          response: {
            200: Type.Object({
              period: Type.String(),
              snapshotId: Type.String(),
              persons: Type.Integer(),
              households: Type.Integer(),
              computeMs: Type.Integer(),
              programs: Type.Array(
                Type.Object({
                  program: Type.String(),
                  ...Comparison,
                  districts: Type.Array(
                    Type.Object({ district: Type.Union([Type.String(), Type.Null()]), ...Comparison }),
                  ),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const body = request.body;
        if (!isIsoMonth(body.period))
          throw new RegistryError(400, '月份須為 YYYY-MM', 'period must be a YYYY-MM month', 'body.period');
        const overrides: ParameterOverride[] = body.overrides.map((o, n) => {
          const field = `body.overrides.${n}`;
          if (!parameters.has(o.id))
            throw new RegistryError(400, `未知的參數：${o.id}`, `unknown parameter: ${o.id}`, `${field}.id`);
          if ((o.value === undefined) === (o.factorPercent === undefined))
            throw new RegistryError(
              400,
              '須擇一提供 value 或 factorPercent',
              'give either value or factorPercent',
              field,
            );
          if (o.from !== undefined && !isIsoDate(o.from))
            throw new RegistryError(
              400,
              '須為 YYYY-MM-DD 日期',
              'must be a YYYY-MM-DD date',
              `${field}.from`,
            );
          const from = o.from === undefined ? {} : { from: o.from };
          return o.value !== undefined
            ? { id: o.id, value: o.value, ...from }
            : { id: o.id, factorPercent: o.factorPercent!, ...from };
        });
        const programs = body.programs ?? [...PROGRAMS.keys()];
        const unknown = programs.find((id) => !PROGRAMS.has(id));
        if (unknown)
          throw new RegistryError(
            400,
            `未知的方案：${unknown}`,
            `unknown program: ${unknown}`,
            'body.programs',
          );
        const { info, population } = await snapshots.population(body.period);
        return simulate(population, info, parameters, overrides, programs);
      },
    );
  };
}
