import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, lastDayOfMonth } from '@safetynet/core/calendar';
import type { EventSpec } from '../facts/events.ts';
import { loadParameters } from '../parameters/load.ts';
import { PROGRAMS } from '../programs/index.ts';
import { Evaluation } from './evaluate.ts';
import type { FactSpec } from './fact-spec.ts';
import {
  buildPopulation,
  EVENT_TYPES,
  type EventFacts,
  HOUSEHOLD_FACTS,
  type HouseholdFacts,
  PERSON_FACTS,
  type PersonFacts,
} from './facts.ts';
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

/** A random value for a fact: mostly its default (so the programs' conditions meet both outcomes). */
function randomFact(spec: FactSpec, next: () => number, periodEnd: string): unknown {
  if (spec.default !== undefined && next() < 0.6) return spec.default;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  switch (spec.type.kind) {
    case 'date': {
      const last = spec.mayBeAfterPeriod ? 2030 : Number(periodEnd.slice(0, 4)) - 1;
      const year = 2005 + Math.floor(next() * (last - 2005 + 1));
      return `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    }
    case 'boolean':
      return next() < 0.5;
    case 'ntd':
      return next() < 0.4 ? 0 : Math.floor(next() * (next() < 0.5 ? 30_000 : 300_000));
    case 'integer':
      return spec.type.allowed
        ? pick(spec.type.allowed)
        : spec.type.min +
            Math.floor(next() * (Math.min(spec.type.max, spec.type.min + 40) - spec.type.min + 1));
    case 'enum':
      return pick(spec.type.values);
  }
}

function randomCity(seed: number, householdCount: number, period: string) {
  const next = random(seed);
  const periodEnd = lastDayOfMonth(period);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const amount = (max: number) => (next() < 0.4 ? 0 : Math.floor(next() * max));
  const persons: Record<string, PersonFacts> = {};
  const households: Record<string, HouseholdFacts> = {};
  const events: EventFacts[] = [];
  for (let h = 0; h < householdCount; h++) {
    const members: Record<string, string> = {};
    const size = 1 + Math.floor(next() * 6);
    for (let m = 0; m < size; m++) {
      const id = `p${h}-${m}`;
      const facts: Record<string, unknown> = {};
      for (const [name, spec] of Object.entries(PERSON_FACTS) as [string, FactSpec][])
        facts[name] = randomFact(spec, next, periodEnd);
      // Ages over the whole range (children, working age, seniors), and incomes near the thresholds.
      const year = 1925 + Math.floor(next() * 99);
      facts.birthDate = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      if (year > Number(period.slice(0, 4))) facts.birthDate = `${period}-01`;
      if (typeof facts.registeredSince === 'string' && facts.registeredSince < (facts.birthDate as string))
        facts.registeredSince = facts.birthDate;
      if (typeof facts.placedSince === 'string' && facts.placedSince < (facts.birthDate as string))
        facts.placedSince = facts.birthDate;
      Object.assign(facts, {
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
      });
      persons[id] = facts as PersonFacts;
      members[id] = m === 0 ? 'applicant' : pick(ROLES.slice(1));
    }
    const household: HouseholdFacts = { members };
    for (const [name, spec] of Object.entries(HOUSEHOLD_FACTS) as [string, FactSpec][])
      household[name] = randomFact(spec, next, periodEnd);
    households[`h${h}`] = household;
    // Events of every type, dated in the last year up to the period's end.
    for (const [type, spec] of Object.entries(EVENT_TYPES) as [string, EventSpec][]) {
      if (next() < 0.7) continue;
      const month = addMonths(period, -Math.floor(next() * 12));
      const event: EventFacts = {
        type,
        date: `${month}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      };
      if (spec.entity === 'household') event.household = `h${h}`;
      else event.person = pick(Object.keys(members));
      for (const [name, field] of Object.entries(spec.fields))
        event[name] = randomFact(field, next, periodEnd);
      events.push(event);
    }
  }
  return { persons, households, events };
}

for (const period of ['2024-06', '2025-03', '2026-01']) {
  test(`one by one equals all together, every program (${period})`, () => {
    const parameters = loadParameters();
    const { persons, households, events } = randomCity(20_240_601 + period.length, 300, period);
    const all = new Evaluation(buildPopulation(period, persons, households, events), parameters, PROGRAMS);
    let compared = 0;
    for (const [householdId, household] of Object.entries(households)) {
      const own = Object.fromEntries(Object.keys(household.members).map((id) => [id, persons[id]!]));
      const ownEvents = events.filter((e) => e.household === householdId || (e.person && e.person in own));
      const single = new Evaluation(
        buildPopulation(period, own, { [householdId]: household }, ownEvents),
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
          assert.deepEqual(single.failedCodes(programId, j), all.failedCodes(programId, i));
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

for (const period of ['2024-06', '2026-01']) {
  test(`a compact evaluation keeps the same results and each entity’s first failed and open condition (${period})`, () => {
    const parameters = loadParameters();
    const { persons, households, events } = randomCity(7, 200, period);
    const population = buildPopulation(period, persons, households, events);
    const full = new Evaluation(population, parameters, PROGRAMS);
    const compact = new Evaluation(population, parameters, PROGRAMS, { compact: true });
    let failures = 0;
    for (const programId of PROGRAMS.keys()) {
      const a = full.result(programId);
      const b = compact.result(programId);
      assert.deepEqual(b.eligible, a.eligible, programId);
      assert.deepEqual(b.amountNtd, a.amountNtd, programId);
      for (let i = 0; i < a.eligible.length; i++) {
        const failed = full.failedCodes(programId, i);
        assert.deepEqual(compact.failedCodes(programId, i), failed.slice(0, 1), `${programId} ${i}`);
        if (failed.length === 0)
          assert.deepEqual(compact.openCodes(programId, i), full.openCodes(programId, i).slice(0, 1));
        failures += failed.length;
      }
      assert.deepEqual([...b.parametersUsed.keys()], [...a.parametersUsed.keys()], programId);
    }
    assert.ok(failures > 0);
  });
}

test('programs declaring the same gate have the same outcomes for its checks', () => {
  const period = '2024-06';
  const { persons, households, events } = randomCity(11, 300, period);
  const full = new Evaluation(
    buildPopulation(period, persons, households, events),
    loadParameters(),
    PROGRAMS,
  );
  const first = new Map<string, { id: string; outcomes: Uint8Array[] }>();
  let shared = 0;
  for (const program of PROGRAMS.values()) {
    if (!program.gate) continue;
    const checks = full.result(program.id).checks.slice(0, program.gate.checks);
    assert.equal(checks.length, program.gate.checks, program.id);
    const outcomes = checks.map((check) => check.passed);
    const key = `${program.entity} ${program.gate.id}`;
    const seen = first.get(key);
    if (!seen) first.set(key, { id: program.id, outcomes });
    else {
      assert.deepEqual(outcomes, seen.outcomes, `${program.id} and ${seen.id}: gate ${key}`);
      shared++;
    }
  }
  assert.ok(shared > 0);
});
