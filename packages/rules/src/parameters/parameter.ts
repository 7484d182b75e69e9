import type { IsoDate } from '@safetynet/core/calendar';

/**
 * A parameter of the rules (a threshold, an amount, a rate) and its dated history. Every value carries
 * where it comes from; a value the references do not give is an explicit `unknown` with a note, never an
 * invented number.
 */
export type Confidence = 'A' | 'B' | 'C';

export interface ParameterSource {
  /** `seed` (a clause of a seed document), `law` (an article), `url` (an announcement or page), or
   *  `reference` (a section of the project's parameter reference, for values no public source confirms). */
  kind: 'seed' | 'law' | 'url' | 'reference';
  /** e.g. `001 四(四)4(5)`, `D0050078 第4條第1項`, or the announcement's address. */
  reference: string;
  /** A: primary text; B: secondary, consistent; C: not confirmed (see tw-welfare-parameters.md). */
  confidence: Confidence;
  note?: string;
}

export interface ParameterValue {
  /** First day this value is in force; it holds until the next value's `from`. */
  from: IsoDate;
  /** The value, or `unknown` when no reference gives it. */
  value: number | 'unknown';
  source: ParameterSource;
}

export interface Parameter {
  /** Stable id, e.g. `social-assistance.minimum-living-cost`. */
  id: string;
  descriptionZh: string;
  descriptionEn: string;
  /** e.g. `NTD/month/person`, `ratio`, `years`. */
  unit: string;
  /** Oldest first. */
  values: ParameterValue[];
}

export class ParameterUnknownError extends Error {
  override name = 'ParameterUnknownError';
  constructor(
    readonly parameterId: string,
    readonly date: IsoDate,
    readonly note: string | undefined,
  ) {
    super(
      `參數 ${parameterId} 於 ${date} 之數值未知 / the value of ${parameterId} on ${date} is unknown` +
        (note ? ` (${note})` : ''),
    );
  }
}

export class ParameterNotInForceError extends Error {
  override name = 'ParameterNotInForceError';
  constructor(
    readonly parameterId: string,
    readonly date: IsoDate,
  ) {
    super(`參數 ${parameterId} 於 ${date} 尚未生效 / ${parameterId} has no value in force on ${date}`);
  }
}

/** The value entry in force on `date` (the latest `from` on or before it), or undefined before the first. */
export function entryOn(parameter: Parameter, date: IsoDate): ParameterValue | undefined {
  let found: ParameterValue | undefined;
  for (const entry of parameter.values) {
    if (entry.from <= date) found = entry;
    else break;
  }
  return found;
}

/** The number in force on `date`; throws when none is in force yet or the value is unknown. */
export function valueOn(parameter: Parameter, date: IsoDate): number {
  const entry = entryOn(parameter, date);
  if (!entry) throw withoutStack(() => new ParameterNotInForceError(parameter.id, date));
  if (entry.value === 'unknown')
    throw withoutStack(() => new ParameterUnknownError(parameter.id, date, entry.source.note));
  return entry.value;
}

/**
 * These errors are expected outcomes (the engine turns them into "undetermined"), thrown for every program
 * that needs an unknown value on every evaluation: capturing a stack for each would cost more than the rule.
 */
function withoutStack<E extends Error>(make: () => E): E {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
