import type { ProgramDefinition } from '../../engine/program.ts';
import { lowIncomeStatus } from './low-income-status.ts';
import { midLowIncomeStatus } from './mid-low-income-status.ts';
import { nationalPensionPremiumSubsidy } from './national-pension-premium-subsidy.ts';
import { medicalSubsidy } from './medical-subsidy.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const SOCIAL_ASSISTANCE_PROGRAMS: ProgramDefinition[] = [
  lowIncomeStatus,
  midLowIncomeStatus,
  nationalPensionPremiumSubsidy,
  medicalSubsidy,
];
