import { isIsoMonth } from '@safetynet/core/calendar';
import { Evaluation } from './engine/evaluate.ts';
import { type ExplainedResult, Explainer } from './engine/explain.ts';
import {
  buildPopulation,
  type EventFacts,
  FactError,
  type HouseholdFacts,
  type PersonFacts,
} from './engine/facts.ts';
import type { ProgramDefinition } from './engine/program.ts';
import type { ParameterValue } from './parameters/parameter.ts';
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

/** A parameter used, as the response shows it. */
export interface ParameterUsed {
  id: string;
  value: number | 'unknown';
  effectiveFrom: string;
  source: string;
  confidence: string;
}

export interface CalculateResponse {
  /**
   * Every entity's result of each program asked for, then the results they depend on that were not asked
   * for (`requested: false`), each once: a condition that is another program's result refers to it.
   */
  results: ExplainedResult[];
  /** The parameters of every program in `results`, as in force in the period, by id. */
  parameters: ParameterUsed[];
}

/** A parameter value's entry, made once per value (the values live as long as their parameter set). */
const usedEntries = new WeakMap<ParameterValue, ParameterUsed>();
export function usedEntry(id: string, value: ParameterValue): ParameterUsed {
  let entry = usedEntries.get(value);
  if (entry === undefined || entry.id !== id) {
    entry = {
      id,
      value: value.value,
      effectiveFrom: value.from,
      source: value.source.reference,
      confidence: value.source.confidence,
    };
    usedEntries.set(value, entry);
  }
  return entry;
}

/** A parameter set's ids in the order the response lists them, sorted once per set (a set does not change). */
const listedOrder = new WeakMap<ParameterSet, string[]>();
function orderOf(parameters: ParameterSet): string[] {
  let order = listedOrder.get(parameters);
  if (order === undefined) {
    order = parameters.ids().sort((a, b) => a.localeCompare(b));
    listedOrder.set(parameters, order);
  }
  return order;
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
  const explainer = new Explainer(evaluation, new Set(ids));
  for (const id of ids) explainer.addProgram(id);
  const results = explainer.finish();
  const used = new Map<string, ParameterValue>();
  for (const result of explainer.programs) {
    for (const [parameterId, value] of result.parametersUsed) used.set(parameterId, value);
  }
  const listed: ParameterUsed[] = [];
  for (const parameterId of orderOf(parameters)) {
    const value = used.get(parameterId);
    if (value !== undefined) listed.push(usedEntry(parameterId, value));
  }
  return { results, parameters: listed };
}
