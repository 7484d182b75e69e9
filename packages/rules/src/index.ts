export { type CalculateRequest, type CalculateResponse, calculate, type ParameterUsed } from './calculate.ts';
export {
  ELIGIBLE,
  Evaluation,
  type EvaluationOptions,
  NOT_ELIGIBLE,
  type ProgramResult,
  UNDETERMINED,
} from './engine/evaluate.ts';
export {
  type ExplainedResult,
  Explainer,
  explainResult,
  type Reason,
  type ResultRef,
} from './engine/explain.ts';
export { type FactSpec, type FactType, NO_DAY } from './engine/fact-spec.ts';
export {
  buildPopulation,
  EVENT_TYPES,
  type EventFacts,
  FactError,
  type FactProblem,
  HOUSEHOLD_FACTS,
  type HouseholdFacts,
  PERSON_FACTS,
  type PersonFacts,
} from './engine/facts.ts';
export type { PartResults } from './engine/narrowed-result.ts';
export type { Population } from './engine/population.ts';
export type { ProgramDefinition } from './engine/program.ts';
export { loadParameters } from './parameters/load.ts';
export { type ParameterOverride, ParameterSet } from './parameters/parameter-set.ts';
export { PROGRAMS } from './programs/index.ts';
