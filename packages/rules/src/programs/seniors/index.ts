import type { ProgramDefinition } from '../../engine/program.ts';
import { doubleNinthGift } from './double-ninth-gift.ts';
import { seniorInstitutionalCareSubsidy } from './senior-institutional-care-subsidy.ts';
import { seniorLivingAllowance } from './senior-living-allowance.ts';
import { seniorNhiPremiumSubsidy } from './senior-nhi-premium-subsidy.ts';
import { seniorSpecialCareAllowance } from './senior-special-care-allowance.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const SENIORS_PROGRAMS: ProgramDefinition[] = [
  seniorLivingAllowance,
  seniorSpecialCareAllowance,
  seniorNhiPremiumSubsidy,
  doubleNinthGift,
  seniorInstitutionalCareSubsidy,
];
