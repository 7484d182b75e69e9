export { type CalculateRequest, type CalculateResponse, calculate } from './calculate.ts';
export { ELIGIBLE, Evaluation, NOT_ELIGIBLE, type ProgramResult, UNDETERMINED } from './engine/evaluate.ts';
export { type ExplainedResult, explainResult, failedReasonCodes, type Reason } from './engine/explain.ts';
export { buildPopulation, FactError, PERSON_FACTS } from './engine/facts.ts';
export type { Population } from './engine/population.ts';
export type { ProgramDefinition } from './engine/program.ts';
export { loadParameters } from './parameters/load.ts';
export { type ParameterOverride, ParameterSet } from './parameters/parameter-set.ts';
export { PROGRAMS } from './programs/index.ts';
