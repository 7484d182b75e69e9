import type { IsoDate } from '@safetynet/core/calendar';
import { entryOn, type Parameter, type ParameterValue, valueOn } from './parameter.ts';

/** A what-if change to one parameter: a new value from a date, or the current values scaled. */
export type ParameterOverride =
  | { id: string; value: number; from?: IsoDate }
  | { id: string; factorPercent: number; from?: IsoDate };

/** All parameters of the rules, by id; what-if sets are derived from it without changing it. */
export class ParameterSet {
  private readonly byId: ReadonlyMap<string, Parameter>;

  constructor(parameters: Iterable<Parameter>) {
    const byId = new Map<string, Parameter>();
    for (const parameter of parameters) {
      if (byId.has(parameter.id)) throw new Error(`duplicate parameter id: ${parameter.id}`);
      byId.set(parameter.id, parameter);
    }
    this.byId = byId;
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  get(id: string): Parameter {
    const parameter = this.byId.get(id);
    if (!parameter) throw new Error(`no such parameter: ${id}`);
    return parameter;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The number in force on a date (throws on unknown values: a rule must not run on a guess). */
  valueOn(id: string, date: IsoDate): number {
    return valueOn(this.get(id), date);
  }

  entryOn(id: string, date: IsoDate): ParameterValue | undefined {
    return entryOn(this.get(id), date);
  }

  /** Each override adds a dated value (from its date, default the beginning of time) on top of the history. */
  withOverrides(overrides: ParameterOverride[]): ParameterSet {
    const changed = new Map(this.byId);
    for (const override of overrides) {
      const parameter = this.get(override.id);
      const from = override.from ?? '0001-01-01';
      const kept = parameter.values.filter((v) => v.from < from);
      const replaced = parameter.values
        .filter((v) => v.from >= from)
        .map((v) => ({ ...v, value: overrideValue(override, v.value) }));
      const inForce = entryOn(parameter, from);
      const first =
        inForce && inForce.from < from
          ? [{ ...inForce, from, value: overrideValue(override, inForce.value) }]
          : [];
      const source = {
        kind: 'url' as const,
        reference: 'what-if',
        confidence: 'C' as const,
        note: 'simulation override',
      };
      changed.set(override.id, {
        ...parameter,
        values: [...kept, ...first, ...replaced].map((v) => (v.from >= from ? { ...v, source } : v)),
      });
    }
    return new ParameterSet(changed.values());
  }
}

function overrideValue(override: ParameterOverride, current: number | 'unknown'): number | 'unknown' {
  if ('value' in override) return override.value;
  if (current === 'unknown') return 'unknown';
  // Scaled amounts stay whole NTD (half up), like every amount.
  return Math.round((current * (100 + override.factorPercent)) / 100);
}
