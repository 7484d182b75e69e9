/**
 * The calibration of the synthetic Kaohsiung. Figures marked (A)/(B)/(C) come from the shared reference
 * `calibration-targets.md` (Part A) with its confidence; figures marked (assumption) are this generator's
 * own choices where no source gives a number, tuned so the totals match the sourced targets.
 */

/** Mid-2023 district populations = registered population at 2023-12-31 × 0.9993 (C, calibration A2). */
export const MID_2023_FACTOR = 0.9993;

/** Targets at scale 1, for the calibration tests and the generator's own tuning. */
export const TARGETS = {
  persons: 2_736_000, // ≈ 273.6萬, mid-2023 (C)
  households: 1_147_000, // (C) linear between 2021 and 2024 figures
  share65Plus: 0.1867, // 510,792 (A, seed 001 四(一)1)
  share0To14: 0.12, // (C)
  under1: 15_970, // (C)
  under2: 33_060, // (C)
  shareDisability: 0.0535, // 146,410 (A, seed 001 四(二)1)
  disabilityShare65Plus: 0.392, // of holders, national 2016 (A)
  lowIncomeHouseholds: 15_091, // 2022-12-31 (B)
  lowIncomePersons: 30_400, // (C)
  midLowIncomeHouseholds: 23_000, // 2016-Q3 (B); no 2023 figure found
  seniorsLivingAloneOnRegister: 28_033, // (C) 504,596 contacts ÷ 6 months ÷ 3 contacts
  homeless: 400, // (assumption) no count in the sources; seed 001 三(六) reports ≈61 shelter placements a month
} as const;

/** Disability levels mild / moderate / severe / profound: working split (C, calibration A5). */
export const DISABILITY_LEVEL_WEIGHTS = [0.364, 0.345, 0.18, 0.111] as const;

/**
 * Household types (assumption: shares tuned so mean size ≈ 2.39–2.42 and 65+ ≈ 18.7%, given the census
 * shares of one-, two- and three-person dwellings in calibration A4).
 */
export const HOUSEHOLD_TYPES = [
  { type: 'single-adult', share: 0.2 },
  { type: 'single-senior', share: 0.066 },
  { type: 'couple', share: 0.135 },
  { type: 'senior-couple', share: 0.095 },
  { type: 'couple-with-children', share: 0.275 },
  { type: 'single-parent', share: 0.06 },
  { type: 'three-generation', share: 0.07 },
  { type: 'adult-with-parent', share: 0.1 },
] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number]['type'];

/**
 * Relative size of a child's cohort by age 0–24 (assumption shaped by the birth counts in calibration A1:
 * 2023 15,805; 2022 16,133; 2021 18,052; earlier cohorts larger). Scaled so under-1 ≈ 15,970.
 */
export const CHILD_AGE_WEIGHTS = [
  0.58, 0.62, 0.66, 0.7, 0.72, 0.75, 0.76, 0.77, 0.78, 0.8, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92, 0.94,
  0.96, 0.98, 1, 1, 1, 1, 1,
] as const;

/** Shares of statuses among households (targets above ÷ 1,147,000). */
export const LOW_INCOME_HOUSEHOLD_SHARE = TARGETS.lowIncomeHouseholds / TARGETS.households;
export const MID_LOW_INCOME_HOUSEHOLD_SHARE = TARGETS.midLowIncomeHouseholds / TARGETS.households;

/** Means-test figures the synthetic incomes are drawn around (2023; tw-welfare-parameters.md §0.1, §1.1). */
export const MINIMUM_LIVING_COST_2023 = 14_419; // (A)
export const MINIMUM_WAGE_2023 = 26_400; // (B)

/**
 * Low-income class (款別, 社會救助法 第11條第2項: the city may grade the allowance by income). The city's
 * classes are not in the references (assumption, after the usual grading): class 1 is a household where no
 * one is able to work; class 2 one whose income per person is under LOW_INCOME_CLASS_2_BOUND × the minimum
 * living cost; class 3 the rest. Class 1 then comes out ≈ 45% of the low-income households, near the seed's
 * ≈ 6,570 households a month paid the family living allowance (which class 1 receives) of ≈ 15,091
 * (calibration A5).
 */
export const LOW_INCOME_CLASS_2_BOUND = 0.6;
export function lowIncomeClass(incomePerPerson: number, ableToWork: number): number {
  if (ableToWork === 0) return 1;
  return incomePerPerson < LOW_INCOME_CLASS_2_BOUND * MINIMUM_LIVING_COST_2023 ? 2 : 3;
}

/** Surnames by frequency (assumption: the most common Taiwanese surnames, roughly weighted). */
export const SURNAMES =
  '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴'.split(
    '',
  );
export const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 3));
export const GIVEN_NAME_CHARACTERS =
  '志明俊傑家豪建宏宗翰承恩冠宇柏翰彥廷品睿子軒宥辰淑芬美玲雅婷怡君佳蓉欣怡詩涵思妤宜蓁郁婷惠如秀英玉蘭麗華文雄國強正義'.split(
    '',
  );
