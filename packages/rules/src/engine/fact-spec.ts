import { isIsoDate, toDayNumber } from '@safetynet/core/calendar';

/**
 * How one fact of a case is described: its type, default and meaning in both languages. One table of
 * these drives validation, defaults, the columns the rules read and the OpenAPI schema, so they cannot
 * disagree. Adding a fact is adding one entry to a table in `src/facts/`.
 */
export type FactType =
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'ntd' }
  | { kind: 'integer'; min: number; max: number; allowed?: readonly number[] }
  | { kind: 'enum'; values: readonly string[] };

export interface FactSpec {
  type: FactType;
  required?: boolean;
  default?: string | number | boolean;
  /** For an optional date without a default: the fact whose value it takes (設籍日 → birth date). */
  defaultFact?: string;
  /** A date that may lie after the period (an expiry, a planned end); other dates may not. */
  mayBeAfterPeriod?: boolean;
  zh: string;
  en: string;
  example: string | number | boolean;
}

/** A date column's value where the fact was not given and has no default. */
export const NO_DAY = -2_147_483_648;

/** The typed array a fact becomes: day numbers, 0/1, whole NTD (exact in a double), integers, enum index. */
export type ColumnOf<S extends FactSpec> = S['type']['kind'] extends 'date'
  ? Int32Array
  : S['type']['kind'] extends 'boolean'
    ? Uint8Array
    : S['type']['kind'] extends 'ntd'
      ? Float64Array
      : S['type']['kind'] extends 'integer'
        ? Int32Array
        : Uint8Array;

export type ColumnsOf<T extends Record<string, FactSpec>> = { [K in keyof T]: ColumnOf<T[K]> };

export type AnyColumn = Int32Array | Uint8Array | Float64Array;

export function newColumn(spec: FactSpec, count: number): AnyColumn {
  switch (spec.type.kind) {
    case 'date':
    case 'integer':
      return new Int32Array(count);
    case 'ntd':
      return new Float64Array(count);
    default:
      return new Uint8Array(count);
  }
}

/** A valid value as the number its column holds. */
export function encodeFact(spec: FactSpec, value: string | number | boolean | undefined): number {
  if (value === undefined) return spec.type.kind === 'date' ? NO_DAY : 0;
  switch (spec.type.kind) {
    case 'date':
      return toDayNumber(value as string);
    case 'boolean':
      return value ? 1 : 0;
    case 'enum':
      return spec.type.values.indexOf(value as string);
    default:
      return value as number;
  }
}

/** Columns for `count` entities, every one holding the facts' defaults. */
export function defaultColumns<T extends Record<string, FactSpec>>(specs: T, count: number): ColumnsOf<T> {
  const columns: Record<string, AnyColumn> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const column = newColumn(spec, count);
    const encoded = encodeFact(spec, spec.default);
    if (encoded !== 0) column.fill(encoded);
    columns[name] = column;
  }
  return columns as ColumnsOf<T>;
}

export interface FactProblem {
  /** JSON-path-like field name, e.g. `persons.p1.birthDate`. */
  field: string;
  zh: string;
  en: string;
}

export class FactError extends Error {
  override name = 'FactError';
  constructor(readonly problems: FactProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.en}`).join('; '));
  }
}

const problem = (field: string, zh: string, en: string): FactProblem => ({ field, zh, en });

/** Why a value does not fit its spec, or undefined when it does. */
export function checkFact(
  spec: FactSpec,
  value: unknown,
  field: string,
  periodEnd: string,
): FactProblem | undefined {
  switch (spec.type.kind) {
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value))
        return problem(field, '須為 YYYY-MM-DD 日期', 'must be a YYYY-MM-DD date');
      if (!spec.mayBeAfterPeriod && value > periodEnd)
        return problem(field, '不可晚於計算期間', 'must not be after the period');
      return undefined;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : problem(field, '須為 true 或 false', 'must be true or false');
    case 'ntd':
      if (!Number.isSafeInteger(value))
        return problem(field, '須為整數（新臺幣元）', 'must be a whole number of NTD');
      return (value as number) < 0 ? problem(field, '不可為負數', 'must not be negative') : undefined;
    case 'integer': {
      const { min, max, allowed } = spec.type;
      if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
        return problem(field, `須為 ${min} 至 ${max} 之整數`, `must be a whole number from ${min} to ${max}`);
      }
      if (allowed && !allowed.includes(value as number))
        return problem(field, `須為下列之一：${allowed.join('、')}`, `must be one of: ${allowed.join(', ')}`);
      return undefined;
    }
    case 'enum':
      return spec.type.values.includes(value as string)
        ? undefined
        : problem(
            field,
            `須為下列之一：${spec.type.values.join('、')}`,
            `must be one of: ${spec.type.values.join(', ')}`,
          );
  }
}
