import type { ParameterValue } from '../parameters/parameter.ts';
import type { Entity, RecordedCheck } from './context.ts';
import type { SettledChecks } from './fold.ts';
import type { SubPopulation } from './sub-population.ts';

/** A gate's leading checks over the whole population and the part they leave (see ProgramGate). */
export interface GateState {
  /** The gate's check's outcome for each entity of the part (one-check gates; made when first asked). */
  firstOutcome?: Uint8Array;
  sub: SubPopulation;
  variables: Map<string, unknown>;
  /** The fold of the gate's checks over the whole population (shared by its programs: read only). */
  settled: SettledChecks;
  leading: RecordedCheck[];
  parametersUsed: Map<string, ParameterValue>;
}

/**
 * The outcome of a one-check gate's check for each entity of its part, read off the gate's fold (3 passed,
 * 1 open, 0 failed): every program of the gate records the same outcomes (see ProgramGate), so its own
 * first check over the part need not be computed again.
 */
export function gateOutcome(gate: GateState, entity: Entity): Uint8Array {
  if (gate.firstOutcome) return gate.firstOutcome;
  const index = entity === 'person' ? gate.sub.personIndex : gate.sub.householdIndex;
  const folded = gate.settled.eligible;
  const outcome = new Uint8Array(index.length);
  for (let k = 0; k < index.length; k++) {
    const state = folded[index[k]!]!;
    outcome[k] = state === 3 ? 1 : state === 1 ? 2 : 0;
  }
  gate.firstOutcome = outcome;
  return outcome;
}
