import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadParameters } from '../parameters/load.ts';
import { PROGRAMS } from '../programs/index.ts';
import { Evaluation } from './evaluate.ts';
import { failedReasonCodes } from './explain.ts';
import { buildPopulation, type HouseholdFacts, type PersonFacts } from './facts.ts';
import { DISABILITY_LEVELS, ROLES, WORK_INABILITY_REASONS } from './population.ts';

/**
 * Property: evaluating random households one by one and all together gives the same results on every
 * program — the single-case path and the population path are one definition.
 */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomCity(seed: number, householdCount: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const amount = (max: number) => (next() < 0.4 ? 0 : Math.floor(next() * max));
  const persons: Record<string, PersonFacts> = {};
  const households: Record<string, HouseholdFacts> = {};
  for (let h = 0; h < householdCount; h++) {
    const members: Record<string, string> = {};
    const size = 1 + Math.floor(next() * 6);
    for (let m = 0; m < size; m++) {
      const id = `p${h}-${m}`;
      const year = 1925 + Math.floor(next() * 90);
      persons[id] = {
        birthDate: `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
        sex: pick(['M', 'F']),
        registeredInCity: next() < 0.95,
        residesInCity: next() < 0.97,
        daysInTaiwanLastYear: next() < 0.05 ? Math.floor(next() * 183) : 365,
        disabilityLevel: next() < 0.1 ? pick(DISABILITY_LEVELS) : 'none',
        employed: next() < 0.5,
        earnedIncomeNtd: amount(60_000),
        propertyIncomeNtd: amount(3_000),
        otherIncomeNtd: amount(10_000),
        registeredUnemployed: next() < 0.05,
        workInability: next() < 0.15 ? pick(WORK_INABILITY_REASONS) : 'none',
        movablePropertyNtd: amount(400_000),
        immovablePropertyNtd: amount(6_000_000),
      };
      members[id] = m === 0 ? 'applicant' : pick(ROLES.slice(1));
    }
    households[`h${h}`] = { members };
  }
  return { persons, households };
}

for (const period of ['2024-06', '2025-03', '2026-01']) {
  test(`one by one equals all together, every program (${period})`, () => {
    const parameters = loadParameters();
    const { persons, households } = randomCity(20_240_601 + period.length, 300);
    const all = new Evaluation(buildPopulation(period, persons, households), parameters, PROGRAMS);
    let compared = 0;
    for (const [householdId, household] of Object.entries(households)) {
      const own = Object.fromEntries(Object.keys(household.members).map((id) => [id, persons[id]!]));
      const single = new Evaluation(
        buildPopulation(period, own, { [householdId]: household }),
        parameters,
        PROGRAMS,
      );
      for (const programId of PROGRAMS.keys()) {
        const together = all.result(programId);
        const alone = single.result(programId);
        const ids = together.entity === 'person' ? all.population.persons.id : all.population.households.id;
        const singleIds =
          alone.entity === 'person' ? single.population.persons.id : single.population.households.id;
        singleIds.forEach((id, j) => {
          const i = ids.indexOf(id);
          assert.equal(alone.eligible[j], together.eligible[i], `${programId} ${id} eligible`);
          assert.equal(alone.amountNtd?.[j], together.amountNtd?.[i], `${programId} ${id} amount`);
          assert.deepEqual(failedReasonCodes(single, programId, j), failedReasonCodes(all, programId, i));
          compared++;
        });
      }
    }
    assert.ok(compared >= 300);
    // the random city meets both outcomes where the parameters are known (2025–26 limits are unknown)
    const eligible = all.result('low-income-status').eligible;
    if (period === '2024-06') assert.ok(eligible.includes(0) && eligible.includes(1));
  });
}
