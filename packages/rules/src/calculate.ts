import { isIsoMonth } from '@safetynet/core/calendar';
import { Evaluation } from './engine/evaluate.ts';
import { type ExplainedResult, explainResult } from './engine/explain.ts';
import {
  buildPopulation,
  type EventFacts,
  FactError,
  type HouseholdFacts,
  type PersonFacts,
} from './engine/facts.ts';
import type { ProgramDefinition } from './engine/program.ts';
import type { ParameterSet } from './parameters/parameter-set.ts';
import { PROGRAMS } from './programs/index.ts';

/** A single case: the request of `POST /api/v1/calculate` and `safetynet calc`. */
export interface CalculateRequest {
  period: string;
  persons: Record<string, PersonFacts>;
  households: Record<string, HouseholdFacts>;
  events?: EventFacts[];
  programs?: string[];
}

export interface CalculateResponse {
  results: ExplainedResult[];
  parameters: {
    id: string;
    value: number | 'unknown';
    effectiveFrom: string;
    source: string;
    confidence: string;
  }[];
}

/** Evaluates a case (a population of one or a few households) with full explanations. */
export function calculate(
  request: CalculateRequest,
  parameters: ParameterSet,
  programs: ReadonlyMap<string, ProgramDefinition> = PROGRAMS,
): CalculateResponse {
  if (!isIsoMonth(request.period)) {
    throw new FactError([{ field: 'period', zh: '須為 YYYY-MM 月份', en: 'must be a YYYY-MM month' }]);
  }
  const ids = request.programs ?? [...programs.keys()];
  const unknown = ids.filter((id) => !programs.has(id));
  if (unknown.length) {
    throw new FactError(
      unknown.map((id) => ({ field: 'programs', zh: `未知的方案：${id}`, en: `unknown program: ${id}` })),
    );
  }
  const population = buildPopulation(
    request.period,
    request.persons,
    request.households,
    request.events ?? [],
  );
  const evaluation = new Evaluation(population, parameters, programs);
  const results: ExplainedResult[] = [];
  const used = new Map<string, CalculateResponse['parameters'][number]>();
  for (const id of ids) {
    const result = evaluation.result(id);
    const count = result.entity === 'person' ? population.persons.count : population.households.count;
    for (let i = 0; i < count; i++) results.push(explainResult(evaluation, id, i));
    for (const [parameterId, entry] of result.parametersUsed) {
      used.set(parameterId, {
        id: parameterId,
        value: entry.value,
        effectiveFrom: entry.from,
        source: entry.source.reference,
        confidence: entry.source.confidence,
      });
    }
  }
  return { results, parameters: [...used.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}
