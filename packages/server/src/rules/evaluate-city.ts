import { randomUUID } from 'node:crypto';
import {
  ELIGIBLE,
  Evaluation,
  type ParameterOverride,
  type ParameterSet,
  type PartResults,
  type Population,
  PROGRAMS,
  UNDETERMINED,
} from '@safetynet/rules';
import { HOUSEHOLD_FACTS } from '@safetynet/rules/engine/facts';
import type { Database } from '../db/database.ts';
import { inBulkTransaction } from './bulk-transaction.ts';

/**
 * Every program over a whole population for one month: recipients and amounts per program and district,
 * and (when stored) the entities found eligible or undetermined.
 */
export interface ProgramTotal {
  program: string;
  /** District code, or null for households without one. */
  district: string | null;
  eligible: number;
  undetermined: number;
  amountNtd: number;
}

export interface CityEvaluation {
  evaluation: Evaluation;
  totals: ProgramTotal[];
  /** Time spent evaluating the programs and totalling them (the rules alone, no database). */
  computeMs: number;
}

const DISTRICT_CODES = HOUSEHOLD_FACTS.district.type.values;

/** Recipients, undetermined and amounts of one program's result per district (0 = unknown). */
export function programTotals(
  program: string,
  result: {
    entity: 'person' | 'household';
    eligible: Uint8Array;
    amountNtd: Int32Array | undefined;
    part?: PartResults | undefined;
    /** Set when a parameter in force is unknown: every entity is undetermined. */
    undetermined?: unknown;
  },
  population: Population,
): ProgramTotal[] {
  const { persons, households } = population;
  const eligible = new Float64Array(DISTRICT_CODES.length);
  const amount = new Float64Array(DISTRICT_CODES.length);
  // Undetermined over the whole: the population's own count per district.
  if (result.undetermined)
    return listed(program, eligible, entitiesPerDistrict(result.entity, population), amount);
  const undetermined = new Float64Array(DISTRICT_CODES.length);
  const totals = { eligible, undetermined, amount };
  if (result.part) {
    // Narrowed to a part: every entity outside it is not eligible, so only the part is counted.
    const { index, eligible: states, amountNtd: amounts } = result.part;
    tally(states, partDistricts(index, result.entity, population), undefined, amounts, totals);
  } else {
    const householdOf = result.entity === 'person' ? persons.household : undefined;
    tally(result.eligible, households.district, householdOf, result.amountNtd, totals);
  }
  return listed(program, eligible, undetermined, amount);
}

/**
 * Adds each entity's state (1 eligible, 2 undetermined, as literals: imported bindings would be read per
 * entity) and amount to its district's totals; the district is `district[householdOf[i]]` for persons,
 * `district[i]` else. Most entities are neither eligible nor undetermined: eight such entities are skipped
 * at once (read as a float, eight bytes of 0, 1 or 2 are 0 only when all are 0). Within the eight, the
 * counts are added without a branch on the state, which follows no pattern (see compare.ts).
 */
function tally(
  states: Uint8Array,
  district: Uint8Array,
  householdOf: Int32Array | undefined,
  amounts: Int32Array | undefined,
  totals: { eligible: Float64Array; undetermined: Float64Array; amount: Float64Array },
): void {
  const { eligible, undetermined, amount } = totals;
  const count = states.length;
  const words = states.byteOffset % 8 === 0 ? count >>> 3 : 0;
  const stateWords = new Float64Array(states.buffer, states.byteOffset, words);
  for (let w = 0; w <= words; w++) {
    // The entities after the last word are counted one by one, as those of a word that is not zero.
    if (w < words && stateWords[w] === 0) continue;
    const end = w < words ? w * 8 + 8 : count;
    for (let i = w * 8; i < end; i++) {
      const state = states[i]!;
      const d = district[householdOf ? householdOf[i]! : i]!;
      const isEligible = +(state === 1);
      eligible[d]! += isEligible;
      undetermined[d]! += +(state === 2);
      if (amounts) amount[d]! += isEligible * amounts[i]!;
    }
  }
}

function listed(
  program: string,
  eligible: Float64Array,
  undetermined: Float64Array,
  amount: Float64Array,
): ProgramTotal[] {
  const totals: ProgramTotal[] = [];
  for (let d = 0; d < DISTRICT_CODES.length; d++) {
    if (eligible[d] === 0 && undetermined[d] === 0) continue;
    totals.push({
      program,
      district: d === 0 ? null : DISTRICT_CODES[d]!,
      eligible: eligible[d]!,
      undetermined: undetermined[d]!,
      amountNtd: amount[d]!,
    });
  }
  return totals;
}

/** Persons or households per district (0 = unknown), counted once per population. */
const entitiesPerDistrictOf = new WeakMap<Population, Record<'person' | 'household', Float64Array>>();

function entitiesPerDistrict(entity: 'person' | 'household', population: Population): Float64Array {
  let counts = entitiesPerDistrictOf.get(population);
  if (!counts) {
    const { district } = population.households;
    const householdOf = population.persons.household;
    const person = new Float64Array(DISTRICT_CODES.length);
    const household = new Float64Array(DISTRICT_CODES.length);
    for (let i = 0; i < householdOf.length; i++) person[district[householdOf[i]!]!]! += 1;
    for (let k = 0; k < district.length; k++) household[district[k]!]! += 1;
    counts = { person, household };
    entitiesPerDistrictOf.set(population, counts);
  }
  return counts[entity];
}

/** Each part's districts, per entity: the programs sharing a gate share its part (the same index). */
const districtsOfParts = new WeakMap<Int32Array, Uint8Array>();

function partDistricts(
  index: Int32Array,
  entity: 'person' | 'household',
  population: Population,
): Uint8Array {
  let districts = districtsOfParts.get(index);
  if (districts) return districts;
  const district = population.households.district;
  const householdOf = population.persons.household;
  districts = new Uint8Array(index.length);
  for (let k = 0; k < index.length; k++)
    districts[k] = district[entity === 'person' ? householdOf[index[k]!]! : index[k]!]!;
  districtsOfParts.set(index, districts);
  return districts;
}

/** Every program over a population for a month, with recipients and amounts per program and district. */
export function evaluateCity(
  population: Population,
  parameters: ParameterSet,
  programs: readonly string[] = [...PROGRAMS.keys()],
  onProgram?: (done: number, total: number) => void,
): CityEvaluation {
  const started = performance.now();
  // Compact: each entity keeps its first failed and open condition, not every check (a city fits in memory).
  const evaluation = new Evaluation(population, parameters, PROGRAMS, { compact: true });
  programs.forEach((id, n) => {
    evaluation.result(id);
    onProgram?.(n + 1, programs.length);
  });
  const totals = programs.flatMap((id) => programTotals(id, evaluation.result(id), population));
  return { evaluation, totals, computeMs: performance.now() - started };
}

/** Stores a city evaluation: the run, its totals, and a row per eligible or undetermined entity. */
export async function storeCityEvaluation(
  database: Database,
  input: {
    snapshotId: string;
    period: string;
    overrides: ParameterOverride[];
    result: CityEvaluation;
    onProgram?: (done: number, total: number) => void;
  },
): Promise<string> {
  const evaluationId = randomUUID();
  const { evaluation, totals } = input.result;
  const { persons, households } = evaluation.population;
  const ids = [...new Set(totals.map((t) => t.program))];
  function* resultLines(): Generator<string> {
    let done = 0;
    for (const id of ids) {
      const result = evaluation.result(id);
      const entityIds = result.entity === 'person' ? persons.id : households.id;
      let text = '';
      for (let i = 0; i < result.eligible.length; i++) {
        const state = result.eligible[i];
        if (state === ELIGIBLE) {
          const amount = result.amountNtd ? String(result.amountNtd[i]) : '\\N';
          text += `${evaluationId}\t${id}\t${result.entity}\t${entityIds[i]}\tt\t${amount}\t\n`;
        } else if (state === UNDETERMINED) {
          const open = evaluation.openCodes(id, i).join(' ');
          text += `${evaluationId}\t${id}\t${result.entity}\t${entityIds[i]}\t\\N\t\\N\t${open}\n`;
        }
        if (text.length > 4_000_000) {
          yield text;
          text = '';
        }
      }
      if (text) yield text;
      input.onProgram?.(++done, ids.length);
    }
  }
  // One transaction: the run, its totals and its rows land together or not at all.
  await inBulkTransaction(database, async (writer) => {
    await writer.query(
      `INSERT INTO program_evaluation (evaluation_id, snapshot_id, period, overrides, compute_ms)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        evaluationId,
        input.snapshotId,
        input.period,
        JSON.stringify(input.overrides),
        Math.round(input.result.computeMs),
      ],
    );
    await writer.copy(
      'program_total',
      ['evaluation_id', 'program_id', 'district_code', 'eligible', 'undetermined', 'amount_ntd'],
      totals.map(
        (t) =>
          `${evaluationId}\t${t.program}\t${t.district ?? '\\N'}\t${t.eligible}\t${t.undetermined}\t${t.amountNtd}\n`,
      ),
    );
    await writer.copy(
      'program_result',
      ['evaluation_id', 'program_id', 'entity', 'entity_id', 'eligible', 'amount_ntd', 'open_codes'],
      resultLines(),
    );
  });
  return evaluationId;
}
