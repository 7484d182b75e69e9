import { addInsurance } from './insurance.ts';
import { DISABILITY_LEVEL_WEIGHTS, MINIMUM_LIVING_COST_2023 } from './model.ts';
import type { Random } from './random.ts';
import { isoDay, SOURCE, type SyntheticChunk } from './tables.ts';

const LEVELS = ['mild', 'moderate', 'severe', 'profound'] as const;
/** Shares of unregistered households with a senior / a person with a disability under 65 left under 2.5 ×. */
const SENIOR_UNDER_UPPER_LINE = 0.033;
const DISABLED_UNDER_UPPER_LINE = 0.55;

export interface EvidenceContext {
  random: Random;
  asOfDay: number;
  asOfYear: number;
  evidenceId: () => string;
}

/**
 * Evidence for one household's members. Households with a status get incomes under its threshold (per
 * capita below the minimum living cost, or below 1.5 ×) and little property; others are drawn from wide
 * distributions (assumptions: median earnings 38,000 a month, log-spread 0.55). Returns the household's
 * recorded monthly income and how many of its members are able to work.
 */
export function addEvidence(
  chunk: SyntheticChunk,
  made: { personId: string; birthDate: string; age: number }[],
  status: 'low_income' | 'mid_low_income' | null,
  { random, asOfDay, asOfYear, evidenceId }: EvidenceContext,
): { incomeNtd: number; ableToWork: number } {
  const yearStart = `${asOfYear}-01-01`;
  const members = made.length;
  const perCapitaCap =
    status === 'low_income'
      ? MINIMUM_LIVING_COST_2023
      : status === 'mid_low_income'
        ? MINIMUM_LIVING_COST_2023 * 1.5
        : 0;
  const perCapitaFloor = status === 'mid_low_income' ? MINIMUM_LIVING_COST_2023 : 0;
  let householdBudget = status ? random.int(perCapitaFloor, perCapitaCap - 1) * members : 0;
  // What the members earn and draw, to put the household where its register (or none) says (see below).
  let householdIncome = 0;
  let ableToWork = 0;
  let senior = false;
  let disabledUnder65 = false;

  made.forEach(({ personId, age }, index) => {
    const isApplicant = index === 0;
    // Disability certificates: 10.6% of seniors, 4.6% of others under a ramp for the young
    // (tuned to 5.35% of persons with ≈39% of holders aged 65+).
    const disabled = random.chance(age >= 65 ? 0.106 : 0.046 * Math.min(1, (age + 5) / 30));
    if (disabled) {
      const expired = random.chance(0.04);
      // An expired certificate is followed by its renewal 20 days later: two dated records.
      const validToDay = expired ? asOfDay - random.int(21, 60) : asOfDay - random.int(30, 365 * 4) + 365 * 5;
      const level = LEVELS[random.weighted(DISABILITY_LEVEL_WEIGHTS)]!;
      const category = 1 + random.weighted([0.3, 0.08, 0.06, 0.06, 0.05, 0.04, 0.33, 0.08]);
      const certificate = (fromDay: number, toDay: number) =>
        chunk.disability_certificate.push([
          evidenceId(),
          personId,
          isoDay(fromDay),
          isoDay(toDay),
          SOURCE,
          level,
          category,
        ]);
      certificate(validToDay - 365 * 5, validToDay);
      if (expired) certificate(validToDay + 20, validToDay + 20 + 365 * 5);
    }
    // School.
    const school =
      age >= 3 && age <= 5
        ? 'preschool'
        : age <= 11 && age >= 6
          ? 'elementary'
          : age >= 12 && age <= 14
            ? 'junior_high'
            : age >= 15 && age <= 17
              ? 'senior_high'
              : age >= 18 && age <= 21 && random.chance(0.7)
                ? 'university'
                : null;
    if (school) {
      const grade =
        school === 'preschool'
          ? null
          : school === 'elementary'
            ? age - 5
            : school === 'junior_high'
              ? age - 11
              : school === 'senior_high'
                ? age - 14
                : age - 17;
      chunk.school_enrolment.push([
        evidenceId(),
        personId,
        `${asOfYear - 1}-09-01`,
        `${asOfYear}-08-01`,
        SOURCE,
        school,
        true,
        grade,
      ]);
    }
    // Work: 16–64 have a work-ability record; the employed earn.
    let earned = 0;
    if (age >= 16 && age < 65) {
      const studying = school !== null;
      const unable = studying
        ? 'student'
        : disabled && random.chance(0.6)
          ? 'disability'
          : status && random.chance(0.5)
            ? random.pick(['illness', 'caregiver'] as const)
            : null;
      const employed = !unable && random.chance(status ? 0.5 : age < 25 ? 0.55 : 0.8);
      if (unable === null) ableToWork++;
      chunk.work_ability.push([
        evidenceId(),
        personId,
        yearStart,
        null,
        SOURCE,
        unable === null,
        unable ?? (employed ? 'able' : 'unemployed_seeking'),
      ]);
      if (employed) {
        earned = status
          ? Math.min(householdBudget, random.int(8_000, 26_400))
          : Math.round(random.logNormal(38_000, 0.55));
        if (status) householdBudget -= earned;
        householdIncome += earned;
        chunk.income_evidence.push([evidenceId(), personId, yearStart, null, SOURCE, 'earned', earned]);
      }
    }
    // Seniors: pensions and other income.
    if (age >= 65) {
      const pension = status
        ? Math.min(Math.max(householdBudget, 0), random.int(0, 8_000))
        : random.chance(0.7)
          ? Math.round(random.logNormal(12_000, 0.7))
          : 0;
      if (status) householdBudget -= pension;
      householdIncome += pension;
      if (pension > 0)
        chunk.income_evidence.push([evidenceId(), personId, yearStart, null, SOURCE, 'pension', pension]);
      if (random.chance(0.013) && age >= 75) {
        chunk.placement.push([
          evidenceId(),
          personId,
          isoDay(asOfDay + -random.int(30, 1500)),
          null,
          SOURCE,
          'senior_institution',
          null,
          status !== null,
        ]);
      }
    }
    if (age < 18 && random.chance(status ? 0.01 : 0.0008)) {
      chunk.placement.push([
        evidenceId(),
        personId,
        isoDay(asOfDay + -random.int(30, 1500)),
        null,
        SOURCE,
        random.pick(['foster_family', 'kinship', 'child_institution'] as const),
        null,
        true,
      ]);
    }
    // Property: deposits for most adults; the applicant owns the home in 55% of ordinary households.
    if (age >= 20) {
      const deposit = status
        ? random.int(0, status === 'low_income' ? 60_000 : 100_000)
        : Math.round(random.logNormal(250_000, 1.2));
      if (deposit > 0)
        chunk.property_evidence.push([
          evidenceId(),
          personId,
          isoDay(asOfDay + -random.int(30, 365)),
          null,
          SOURCE,
          'movable',
          'deposit',
          deposit,
          null,
        ]);
    }
    if (isApplicant && !status && random.chance(0.55)) {
      chunk.property_evidence.push([
        evidenceId(),
        personId,
        isoDay(asOfDay + -random.int(365, 365 * 20)),
        null,
        SOURCE,
        'immovable',
        'building',
        Math.round(random.logNormal(2_500_000, 0.6)),
        null,
      ]);
    }
    // Income tax bracket of the previous year for earners.
    if (earned > 0) {
      const yearly = earned * 12;
      const rate =
        yearly < 560_000
          ? 5
          : yearly < 1_260_000
            ? 12
            : yearly < 2_520_000
              ? 20
              : yearly < 4_720_000
                ? 30
                : 40;
      chunk.tax_bracket.push([
        evidenceId(),
        personId,
        `${asOfYear}-05-01`,
        null,
        SOURCE,
        asOfYear - 1,
        yearly < 400_000 ? 0 : rate,
      ]);
    }
    addInsurance(chunk, { personId, age, disabled, earned }, status, { random, yearStart, evidenceId });
    if (age >= 65) senior = true;
    else if (disabled) disabledUnder65 = true;
  });
  // Households on no register are nearly all above the mid-low-income line: the registers hold most of those
  // under it (assumption: 1 in 40 stays under, households that qualify and have not applied). Without this,
  // seniors without a pension and households without an earner put five times the registered number under
  // the low-income line when the rules are applied to the evidence.
  const lowLine = MINIMUM_LIVING_COST_2023 * members;
  const midLowLine = Math.ceil(MINIMUM_LIVING_COST_2023 * 1.5) * members;
  // A mid-low-income household is above the low-income line (its budget is a cap, not what it earns).
  const topUp =
    status === 'mid_low_income' && householdIncome <= lowLine
      ? lowLine - householdIncome + random.int(1, Math.floor((midLowLine - lowLine) / 2))
      : !status && householdIncome < midLowLine && random.chance(0.975)
        ? midLowLine - householdIncome + random.int(1_000, 12_000)
        : 0;
  // Households with a senior or a person with a disability on no register: the means test counts the
  // first-degree relatives wherever registered (D0050078 第5條) and property income, which the registry
  // household does not show. (assumption, tuned to the seed's monthly recipients of the senior and disability
  // living allowances, 001 四(一)2(1) and 四(二)2(1), whose income limit is 2.5 × the minimum living cost per
  // person): only SENIOR_UNDER_UPPER_LINE / DISABLED_UNDER_UPPER_LINE of them stay under it.
  const upperLine = Math.ceil(MINIMUM_LIVING_COST_2023 * 2.5) * members;
  const stayUnder = disabledUnder65 ? DISABLED_UNDER_UPPER_LINE : SENIOR_UNDER_UPPER_LINE;
  const raise =
    !status &&
    (senior || disabledUnder65) &&
    householdIncome + topUp <= upperLine &&
    !random.chance(stayUnder)
      ? upperLine - householdIncome - topUp + Math.round(random.logNormal(5_000, 0.8) * members)
      : 0;
  if (topUp + raise > 0) {
    const applicant = made[0]!;
    chunk.income_evidence.push([
      evidenceId(),
      applicant.personId,
      yearStart,
      null,
      SOURCE,
      applicant.age >= 65 ? 'pension' : 'other',
      topUp + raise,
    ]);
  }
  return { incomeNtd: householdIncome + topUp + raise, ableToWork };
}
