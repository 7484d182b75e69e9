import { toDayNumber } from '../calendar.ts';
import { KAOHSIUNG_DISTRICTS } from '../districts.ts';
import { withCheckDigit } from '../identity/id-number.ts';
import { addEvidence } from './evidence.ts';
import { composeHousehold, type Member } from './households.ts';
import {
  GIVEN_NAME_CHARACTERS,
  HOUSEHOLD_TYPES,
  LOW_INCOME_HOUSEHOLD_SHARE,
  lowIncomeClass,
  MID_2023_FACTOR,
  MID_LOW_INCOME_HOUSEHOLD_SHARE,
  SURNAME_WEIGHTS,
  SURNAMES,
  TARGETS,
} from './model.ts';
import { Random, syntheticUuid } from './random.ts';
import { emptyChunk, isoDay, SOURCE, type SyntheticChunk } from './tables.ts';

export { type Cell, emptyChunk, SYNTH_TABLES, type SyntheticChunk, type SynthTable } from './tables.ts';

/**
 * The synthetic Kaohsiung: a deterministic population (same scale, seed and date → the same rows, ids and
 * ID numbers), generated district by district in chunks of at most 5,000 households so that a city of 2.7
 * million never sits in memory at once. Rows come out in the column order of SYNTH_TABLES, ready to load.
 */
export interface GenerateOptions {
  scale: number;
  seed: number;
  /** The city as on this date (default 2023-06-30, the end of the seed report's half year). */
  asOf?: string;
}

export const MAX_SCALE = 3; // ID-number serials are 7 digits: 10 million persons at most
const CHUNK_HOUSEHOLDS = 5_000;
const OTHER_LETTERS = 'ABCDFGHJKLMNPQRTUVXYZ';

/** Expected persons at a scale (for progress bars): the district targets summed. */
export function expectedPersons(scale: number): number {
  return KAOHSIUNG_DISTRICTS.reduce(
    (sum, d) => sum + Math.round(d.registeredPopulation * MID_2023_FACTOR * scale),
    0,
  );
}

export function* generateCity(options: GenerateOptions): Generator<SyntheticChunk> {
  const { scale, seed } = options;
  const asOf = options.asOf ?? '2023-06-30';
  if (!(scale > 0 && scale <= MAX_SCALE)) throw new RangeError(`scale must be > 0 and ≤ ${MAX_SCALE}`);
  const counters = { person: 0, household: 0, membership: 0, evidence: 0, status: 0 };
  const asOfDay = toDayNumber(asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const reviewStart = `${asOfYear}-01-01`;
  let homelessCumulative = 0;
  let homelessMade = 0;

  for (let d = 0; d < KAOHSIUNG_DISTRICTS.length; d++) {
    const district = KAOHSIUNG_DISTRICTS[d]!;
    const random = new Random(seed, d + 1);
    const targetPersons = Math.round(district.registeredPopulation * MID_2023_FACTOR * scale);
    let personsMade = 0;
    let chunk = emptyChunk();
    let chunkHouseholds = 0;
    /** Family households of this district a young adult may have left (for dated history). */
    const families: string[] = [];

    const birthDateFor = (age: number) =>
      isoDay(asOfDay + -(age * 365 + random.int(0, 364) + Math.floor(age / 4)));
    const uuid = (kind: number, counter: number) => syntheticUuid(seed, kind, counter);
    const evidenceId = () => uuid(4, counters.evidence++);

    const addPerson = (member: Member, householdId: string | null, sinceHousehold: string) => {
      const g = counters.person++;
      const personId = uuid(1, g);
      const birthDate = birthDateFor(member.age);
      const serial = String((g * 7_919 + seed * 104_729) % 10_000_000).padStart(7, '0');
      let kind: 'national_id' | 'resident_new' | 'resident_old' = 'national_id';
      let idNumber: string;
      if (g % 100 === 99) {
        kind = 'resident_new';
        idNumber = withCheckDigit(
          `${OTHER_LETTERS[g % OTHER_LETTERS.length]}${member.sex === 'M' ? 8 : 9}${serial}`,
        );
      } else if (g % 500 === 498) {
        kind = 'resident_old';
        idNumber = withCheckDigit(`${OTHER_LETTERS[g % 7]}${'ABCD'[g % 4]}${serial}`);
      } else {
        const letter = g % 10 < 6 ? 'E' : g % 10 < 9 ? 'S' : OTHER_LETTERS[(g >> 4) % OTHER_LETTERS.length];
        idNumber = withCheckDigit(`${letter}${member.sex === 'M' ? 1 : 2}${serial}`);
      }
      chunk.person.push([personId, kind, idNumber]);
      const name = `${SURNAMES[random.weighted(SURNAME_WEIGHTS)]}${random.pick(GIVEN_NAME_CHARACTERS)}${random.pick(GIVEN_NAME_CHARACTERS)}`;
      const bornHere = random.chance(0.8);
      const registeredSince = bornHere
        ? birthDate
        : isoDay(asOfDay + -random.int(400, 365 * Math.max(member.age, 2)));
      // ISO dates compare as text; registration is never before birth.
      const registration = [registeredSince, birthDate].sort()[1]!;
      // 3% moved here from another district in the last year and a half: two dated versions.
      const movedOn = member.age > 0 && random.chance(0.03) ? isoDay(asOfDay + -random.int(30, 540)) : null;
      const base = [personId, birthDate, null, SOURCE, name, member.sex, birthDate];
      if (movedOn && movedOn > registration) {
        const from = KAOHSIUNG_DISTRICTS[(d + 1 + random.int(0, 36)) % 38]!.code;
        chunk.person_version.push([...base, from, registration, from, null]);
        chunk.person_version.push([
          personId,
          movedOn,
          null,
          SOURCE,
          name,
          member.sex,
          birthDate,
          district.code,
          registration,
          district.code,
          null,
        ]);
      } else {
        chunk.person_version.push([...base, district.code, registration, district.code, null]);
      }
      if (householdId) {
        const since = sinceHousehold > birthDate ? sinceHousehold : birthDate;
        chunk.household_membership.push([
          uuid(3, counters.membership++),
          householdId,
          personId,
          since,
          null,
          SOURCE,
          member.role,
        ]);
      }
      personsMade++;
      return { personId, birthDate, age: member.age };
    };

    while (personsMade < targetPersons) {
      const householdId = uuid(2, counters.household++);
      const type = HOUSEHOLD_TYPES[random.weighted(HOUSEHOLD_TYPES.map((t) => t.share))]!.type;
      const members = composeHousehold(type, random);
      const formed = isoDay(asOfDay + -random.int(200, 365 * 25));
      chunk.household.push([householdId]);
      chunk.household_version.push([
        householdId,
        formed,
        null,
        SOURCE,
        district.code,
        `${district.nameZh}${random.int(1, 300)}號`,
      ]);
      const status = random.chance(LOW_INCOME_HOUSEHOLD_SHARE * 0.95)
        ? 'low_income'
        : random.chance(MID_LOW_INCOME_HOUSEHOLD_SHARE * 0.95)
          ? 'mid_low_income'
          : null;
      const made = members.map((m) => ({ ...addPerson(m, householdId, formed), member: m }));
      if (type === 'couple-with-children' || type === 'three-generation') families.push(householdId);
      // A young single adult who left the parents' household last year: that membership ended.
      if (type === 'single-adult' && made[0]!.age < 35 && families.length > 0 && random.chance(0.3)) {
        const left = isoDay(asOfDay + -random.int(60, 500));
        const parents = families[random.int(0, families.length - 1)]!;
        chunk.household_membership.push([
          uuid(3, counters.membership++),
          parents,
          made[0]!.personId,
          made[0]!.birthDate,
          left,
          SOURCE,
          'child',
        ]);
        const own = chunk.household_membership.at(-1 - 1)!; // the membership written by addPerson
        if (own[2] === made[0]!.personId) own[3] = left;
      }
      const means = addEvidence(chunk, made, status, { random, asOfDay, asOfYear, evidenceId });
      if (status) {
        const category =
          status === 'low_income'
            ? String(lowIncomeClass(means.incomeNtd / made.length, means.ableToWork))
            : null;
        chunk.status_register.push([
          uuid(5, counters.status++),
          status,
          householdId,
          null,
          reviewStart,
          null,
          SOURCE,
          category,
        ]);
      }
      if (type === 'single-senior' && random.chance(0.37)) {
        chunk.status_register.push([
          uuid(5, counters.status++),
          'senior_living_alone',
          null,
          made[0]!.personId,
          isoDay(asOfDay + -random.int(30, 2000)),
          null,
          SOURCE,
          null,
        ]);
      }
      if (++chunkHouseholds >= CHUNK_HOUSEHOLDS) {
        yield chunk;
        chunk = emptyChunk();
        chunkHouseholds = 0;
      }
    }
    // Homeless persons (assumption: ≈ 400 at scale 1, in proportion to the district), in no household.
    // Rounded on the running total, so small scales still get some (not 0 in every district).
    homelessCumulative += (TARGETS.homeless * district.registeredPopulation * scale) / 2_737_941;
    const homeless = Math.round(homelessCumulative) - homelessMade;
    homelessMade += homeless;
    for (let k = 0; k < homeless; k++) {
      const person = addPerson(
        { age: random.int(30, 75), role: 'applicant', sex: random.chance(0.85) ? 'M' : 'F' },
        null,
        asOf,
      );
      chunk.status_register.push([
        uuid(5, counters.status++),
        'homeless',
        null,
        person.personId,
        isoDay(asOfDay + -random.int(10, 900)),
        null,
        SOURCE,
        null,
      ]);
    }
    yield chunk;
  }
}
