import type { IsoMonth } from '@safetynet/core/calendar';

/**
 * A population in columns: one typed array per fact, persons grouped by household (a household's members
 * are persons memberStart … memberStart + memberCount − 1). The whole city and a single household are the
 * same structure: a single case is a population of one.
 */
export const ROLES = ['applicant', 'spouse', 'lineal_relative', 'child', 'other'] as const;
export type Role = (typeof ROLES)[number];

export const DISABILITY_LEVELS = ['none', 'mild', 'moderate', 'severe', 'profound'] as const;
export type DisabilityLevelFact = (typeof DISABILITY_LEVELS)[number];

/** Why a person aged 16–64 cannot work (D0050078 第5-3條第1項); `none` = able to work. */
export const WORK_INABILITY_REASONS = [
  'none',
  'student',
  'disability',
  'illness',
  'caregiver',
  'sole-parent-of-young-child',
  'pregnancy',
  'guardianship',
] as const;
export type WorkInabilityReason = (typeof WORK_INABILITY_REASONS)[number];

export interface PersonColumns {
  count: number;
  id: string[];
  /** Index of the person's household. */
  household: Int32Array;
  /** Index into ROLES. */
  role: Uint8Array;
  /** Days since 1970-01-01. */
  birthDay: Int32Array;
  /** 1 male, 2 female. */
  sex: Uint8Array;
  registeredInCity: Uint8Array;
  /** Day the city registration began (設籍日); meaningful where registeredInCity = 1. */
  registeredSinceDay: Int32Array;
  residesInCity: Uint8Array;
  daysInTaiwanLastYear: Int32Array;
  /** Index into DISABILITY_LEVELS (0 = no certificate). */
  disabilityLevel: Uint8Array;
  /** Monthly work income actually earned (薪資), NTD. */
  earnedIncomeNtd: Int32Array;
  /** Monthly income from property (interest, rent, dividends), NTD. */
  propertyIncomeNtd: Int32Array;
  /** Other monthly income that is not a social assistance payment, NTD. */
  otherIncomeNtd: Int32Array;
  employed: Uint8Array;
  /** Registered unemployed with a public employment service, or in full-time government training. */
  registeredUnemployed: Uint8Array;
  /** Index into WORK_INABILITY_REASONS. */
  workInability: Uint8Array;
  /** Deposits, securities, investments, vehicles, NTD (Float64 holds whole NTD exactly). */
  movablePropertyNtd: Float64Array;
  /** Land and buildings at announced values, not excluded by D0050078 第5-2條, NTD. */
  immovablePropertyNtd: Float64Array;
}

export interface HouseholdColumns {
  count: number;
  id: string[];
  /** District code index (into KAOHSIUNG_DISTRICTS) or −1 when unknown. */
  district: Int16Array;
  memberStart: Int32Array;
  memberCount: Int32Array;
}

export interface Population {
  period: IsoMonth;
  persons: PersonColumns;
  households: HouseholdColumns;
}
