/**
 * The registry's closed vocabularies, defined once: the CSV format, the API schemas and the database's
 * CHECK constraints (migrations/0001_registry.ts) all use these values.
 */
export const MEMBER_ROLES = ['applicant', 'spouse', 'lineal_relative', 'child', 'other'] as const;
export const INCOME_TYPES = [
  'earned',
  'business',
  'property',
  'interest',
  'pension',
  'rent',
  'other',
] as const;
export const PROPERTY_KINDS = ['movable', 'immovable'] as const;
export const PROPERTY_TYPES = [
  'deposit',
  'securities',
  'investment',
  'vehicle',
  'land',
  'building',
  'other',
] as const;
export const DISABILITY_LEVELS = ['mild', 'moderate', 'severe', 'profound'] as const;
export const SCHOOL_LEVELS = [
  'preschool',
  'elementary',
  'junior_high',
  'senior_high',
  'junior_college',
  'university',
  'graduate',
] as const;
/** Income-tax marginal rates in percent (綜合所得稅稅率級距). */
export const MARGINAL_RATES = [0, 5, 12, 20, 30, 40] as const;
export const WORK_ABILITY_REASONS = [
  'able',
  'student',
  'disability',
  'illness',
  'caregiver',
  'pregnancy',
  'unemployed_seeking',
  'other',
] as const;
export const PLACEMENT_TYPES = [
  'foster_family',
  'kinship',
  'child_institution',
  'senior_institution',
  'disability_institution',
  'psychiatric_institution',
  'shelter',
] as const;
/**
 * Social insurances a person is enrolled in (全民健保; 勞保、農保、公教保、軍保 are the cash-benefit insurances that
 * keep a person out of the national pension, 國民年金法 第7條).
 */
export const INSURANCE_SCHEMES = ['nhi', 'labour', 'farmers', 'civil_service', 'military'] as const;
export const REGISTER_STATUSES = ['low_income', 'mid_low_income', 'senior_living_alone', 'homeless'] as const;
