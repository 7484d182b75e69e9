import {
  calculate,
  type Evaluation,
  type ExplainedResult,
  type ParameterSet,
  type Population,
  type ResultRef,
} from '@safetynet/rules';
import { caseOfHousehold } from '@safetynet/rules/engine/case-of';

/**
 * The reasons of an annual review's item (年度調查之理由), from the compact city evaluation: each entity
 * keeps its first failed (or open) condition, so the reasons name that condition, and for a condition
 * that is another program's result (a status), that program's first failed condition too.
 */
export interface ReviewReason {
  code: string;
  reference: string;
  message: { zh: string; en: string };
  /** The condition could not be determined (a parameter unknown): the item continues for a person to see. */
  undetermined?: true;
}

export const PAYEE_GONE: ReviewReason = {
  code: 'payee-not-in-registry',
  reference: '',
  message: {
    zh: '申請人（受領人）已不在戶籍資料中（死亡或遷出），停止發給，須另行申請',
    en: 'the applicant (payee) is no longer in the registry (died or moved away): stopped until someone applies again',
  },
};

export const NOT_IN_REGISTRY: ReviewReason = {
  code: 'not-in-registry',
  reference: '',
  message: {
    zh: '戶籍資料中已無此受領對象（死亡、遷出或除籍）',
    en: 'no longer in the registry (died, moved away or deregistered)',
  },
};

/**
 * Why an entity is not eligible, from the compact city evaluation: the first condition it failed, and
 * when that condition is another program's result (a status), that program's first failed condition too.
 */
export function failedReasons(
  evaluation: Evaluation,
  population: Population,
  programId: string,
  index: number,
  depth = 0,
): ReviewReason[] {
  const result = evaluation.result(programId);
  if (result.undetermined)
    return [
      {
        code: 'parameter-unknown',
        reference: result.undetermined.parameterId,
        message: { zh: result.undetermined.zh, en: result.undetermined.en },
      },
    ];
  const first = result.firstFailed[index] ?? 0;
  if (first === 0) return [];
  const check = result.checks[first - 1]!;
  const reasons: ReviewReason[] = [
    {
      code: check.code,
      reference: check.reference,
      message: { zh: `不符：${check.zh}`, en: `not met: ${check.en}` },
    },
  ];
  if (check.dependsOn && depth < 2) {
    const dependency = evaluation.result(check.dependsOn);
    // A person's condition on their household's status: the household's index.
    const at =
      dependency.entity === result.entity
        ? index
        : dependency.entity === 'household'
          ? population.persons.household[index]!
          : -1;
    if (at >= 0) reasons.push(...failedReasons(evaluation, population, check.dependsOn, at, depth + 1));
  }
  return reasons;
}

export function openReasons(evaluation: Evaluation, programId: string, index: number): ReviewReason[] {
  const result = evaluation.result(programId);
  const first = result.firstOpen[index] ?? 0;
  const check = first ? result.checks[first - 1] : undefined;
  return [
    check
      ? {
          code: check.code,
          reference: check.reference,
          message: { zh: `無法判定：${check.zh}`, en: `cannot be determined: ${check.en}` },
          undetermined: true,
        }
      : {
          code: 'parameter-unknown',
          reference: result.undetermined?.parameterId ?? '',
          message: {
            zh: result.undetermined?.zh ?? '參數未知，無法判定',
            en: result.undetermined?.en ?? 'a parameter is unknown',
          },
          undetermined: true,
        },
  ];
}

export const amountChanged = (from: number, to: number): ReviewReason => ({
  code: 'amount-changed',
  reference: '',
  message: {
    zh: `依本年度標準重新核算，每月金額由新臺幣${from.toLocaleString('en-US')}元調整為新臺幣${to.toLocaleString('en-US')}元`,
    en: `recalculated with this year's parameters: NT$${from.toLocaleString('en-US')} a month becomes NT$${to.toLocaleString('en-US')}`,
  },
});

/** An ended item's entity in the population, for explaining it as a single case. */
export interface ToExplain {
  program: string;
  entity: 'person' | 'household';
  entityId: string;
  household: number;
  reasons: ReviewReason[];
}

const failedOf = (result: ExplainedResult | undefined): ReviewReason[] =>
  (result?.reasons ?? [])
    .filter((reason) => reason.passed === false)
    .map((reason) => ({ code: reason.code, reference: reason.reference, message: { ...reason.message } }));

/**
 * Every condition an ended item's entity did not meet (the city evaluation keeps only the first): its
 * household evaluated alone with the full explanation (calculate, as for an application), and of a
 * failed condition that is another program's result, that result's failed conditions. At most `limit`
 * households, so a year in which many end cannot hold the review up; the rest keep the first condition.
 */
export function explainEnded(
  ended: ToExplain[],
  population: Population,
  parameters: ParameterSet,
  period: string,
  limit: number,
): number {
  const byHousehold = new Map<number, ToExplain[]>();
  for (const item of ended)
    byHousehold.set(item.household, [...(byHousehold.get(item.household) ?? []), item]);
  let explained = 0;
  for (const [household, items] of byHousehold) {
    if (explained >= limit) break;
    explained++;
    const programs = [...new Set(items.map((i) => i.program))];
    const { results } = calculate(
      { period, ...caseOfHousehold(population, household), programs },
      parameters,
    );
    const find = (ref: ResultRef) =>
      results.find((r) => r.program === ref.program && r.entity === ref.entity && r.id === ref.id);
    for (const item of items) {
      const result = find({ program: item.program, entity: item.entity, id: item.entityId });
      const failed = failedOf(result);
      if (failed.length === 0) continue;
      const because = (result?.reasons ?? [])
        .filter((reason) => reason.passed === false && reason.because)
        .flatMap((reason) => failedOf(find(reason.because!)));
      item.reasons.splice(0, item.reasons.length, ...failed, ...because);
    }
  }
  return explained;
}
