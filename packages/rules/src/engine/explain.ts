import { FAILED, PASSED, type RecordedCheck, UNKNOWN } from './context.ts';
import { ELIGIBLE, type Evaluation, UNDETERMINED } from './evaluate.ts';

/** One condition of one entity's result, as the API and the screens show it. */
export interface Reason {
  code: string;
  /** null when it cannot be determined (an unknown parameter, an undetermined status). */
  passed: boolean | null;
  reference: string;
  message: { zh: string; en: string };
  threshold: number | undefined;
  value: number | undefined;
  /** For a condition that is another program's result: that result, explained. */
  because: ExplainedResult | undefined;
}

export interface ExplainedResult {
  program: string;
  entity: 'person' | 'household';
  id: string;
  /** null when it cannot be determined (an unknown parameter). */
  eligible: boolean | null;
  amountNtd: number | null;
  reasons: Reason[];
}

function reasonOf(evaluation: Evaluation, check: RecordedCheck, index: number): Reason {
  const outcome = check.passed[index];
  const passed = outcome === UNKNOWN ? null : outcome === PASSED;
  const threshold =
    check.threshold === undefined
      ? undefined
      : typeof check.threshold === 'number'
        ? check.threshold
        : check.threshold[index];
  let because: ExplainedResult | undefined;
  if (check.dependsOn) {
    const dependency = evaluation.result(check.dependsOn);
    const dependencyIndex =
      dependency.entity === check.entity ? index : evaluation.population.persons.household[index]!;
    because = explainResult(evaluation, check.dependsOn, dependencyIndex);
  }
  return {
    code: check.code,
    passed,
    reference: check.reference,
    message: passed
      ? { zh: check.zh, en: check.en }
      : { zh: `不符：${check.zh}`, en: `not met: ${check.en}` },
    threshold,
    value: check.value?.[index],
    because,
  };
}

/** The full explanation tree of one entity's result. */
export function explainResult(evaluation: Evaluation, programId: string, index: number): ExplainedResult {
  const result = evaluation.result(programId);
  const ids =
    result.entity === 'person' ? evaluation.population.persons.id : evaluation.population.households.id;
  const state = result.eligible[index];
  const reasons = result.checks.map((check) => reasonOf(evaluation, check, index));
  if (result.undetermined) {
    reasons.push({
      code: 'parameter-unknown',
      passed: false,
      reference: result.undetermined.parameterId,
      message: { zh: result.undetermined.zh, en: result.undetermined.en },
      threshold: undefined,
      value: undefined,
      because: undefined,
    });
  }
  return {
    program: programId,
    entity: result.entity,
    id: ids[index]!,
    eligible: state === UNDETERMINED ? null : state === ELIGIBLE,
    amountNtd: result.amountNtd ? result.amountNtd[index]! : null,
    reasons,
  };
}

/** Codes of the conditions an entity did not meet (what a population run stores per entity). */
export function failedReasonCodes(evaluation: Evaluation, programId: string, index: number): string[] {
  const result = evaluation.result(programId);
  if (result.undetermined) return ['parameter-unknown'];
  return result.checks.filter((check) => check.passed[index] === FAILED).map((check) => check.code);
}

/** Codes of the conditions that could not be determined for an entity. */
export function undeterminedReasonCodes(evaluation: Evaluation, programId: string, index: number): string[] {
  const result = evaluation.result(programId);
  if (result.undetermined) return ['parameter-unknown'];
  return result.checks.filter((check) => check.passed[index] === UNKNOWN).map((check) => check.code);
}
