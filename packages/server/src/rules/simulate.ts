import { type ParameterOverride, type ParameterSet, type Population, PROGRAMS } from '@safetynet/rules';
import { evaluateCity, type ProgramTotal } from './evaluate-city.ts';
import type { SnapshotInfo } from './snapshot-store.ts';

/**
 * What-if: every program over the stored population of a month, with the parameters as they are and
 * with overrides (e.g. the minimum living cost +5%), compared by program and district.
 */
export interface Figures {
  recipients: number;
  undetermined: number;
  amountNtd: number;
}

export interface Comparison {
  baseline: Figures;
  scenario: Figures;
  delta: { recipients: number; undetermined: number; amountNtd: number };
}

export interface SimulationResult {
  period: string;
  snapshotId: string;
  persons: number;
  households: number;
  computeMs: number;
  programs: (Comparison & {
    program: string;
    districts: (Comparison & { district: string | null })[];
  })[];
}

const zero = (): Figures => ({ recipients: 0, undetermined: 0, amountNtd: 0 });

function compare(baseline: Figures, scenario: Figures): Comparison {
  return {
    baseline,
    scenario,
    delta: {
      recipients: scenario.recipients - baseline.recipients,
      undetermined: scenario.undetermined - baseline.undetermined,
      amountNtd: scenario.amountNtd - baseline.amountNtd,
    },
  };
}

export function simulate(
  population: Population,
  info: SnapshotInfo,
  parameters: ParameterSet,
  overrides: ParameterOverride[],
  programs: readonly string[] = [...PROGRAMS.keys()],
): SimulationResult {
  const baseline = evaluateCity(population, parameters, programs);
  const scenario = evaluateCity(population, parameters.withOverrides(overrides), programs);
  // program → district → [baseline, scenario]
  const table = new Map<string, Map<string | null, [Figures, Figures]>>();
  const add = (totals: ProgramTotal[], side: 0 | 1) => {
    for (const t of totals) {
      const districts = table.get(t.program) ?? new Map<string | null, [Figures, Figures]>();
      table.set(t.program, districts);
      const pair = districts.get(t.district) ?? [zero(), zero()];
      districts.set(t.district, pair);
      pair[side] = { recipients: t.eligible, undetermined: t.undetermined, amountNtd: t.amountNtd };
    }
  };
  add(baseline.totals, 0);
  add(scenario.totals, 1);
  return {
    period: population.period,
    snapshotId: info.snapshotId,
    persons: info.persons,
    households: info.households,
    computeMs: Math.round(baseline.computeMs + scenario.computeMs),
    programs: programs.map((program) => {
      const districts = [...(table.get(program) ?? new Map()).entries()]
        .map(([district, [b, s]]) => ({ district, ...compare(b, s) }))
        .sort((a, b) => String(a.district).localeCompare(String(b.district)));
      const sum = (side: 'baseline' | 'scenario') =>
        districts.reduce(
          (total, d) => ({
            recipients: total.recipients + d[side].recipients,
            undetermined: total.undetermined + d[side].undetermined,
            amountNtd: total.amountNtd + d[side].amountNtd,
          }),
          zero(),
        );
      return { program, ...compare(sum('baseline'), sum('scenario')), districts };
    }),
  };
}
