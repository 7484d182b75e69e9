import type { ProgramDefinition } from '../../engine/program.ts';
import { assistiveDeviceSubsidy } from './assistive-device-subsidy.ts';
import { disabilityCareFeeSubsidy } from './disability-care-fee-subsidy.ts';
import { disabilityCaregiverAllowance } from './disability-caregiver-allowance.ts';
import { disabilityLivingAllowance } from './disability-living-allowance.ts';
import { disabilityNhiPremiumSubsidy } from './disability-nhi-premium-subsidy.ts';
import { disabilitySocialInsurancePremiumSubsidy } from './disability-social-insurance-premium-subsidy.ts';
import { visuallyImpairedTaxiSubsidy } from './visually-impaired-taxi-subsidy.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const DISABILITY_PROGRAMS: ProgramDefinition[] = [
  disabilityLivingAllowance,
  disabilityNhiPremiumSubsidy,
  disabilitySocialInsurancePremiumSubsidy,
  disabilityCaregiverAllowance,
  visuallyImpairedTaxiSubsidy,
  disabilityCareFeeSubsidy,
  assistiveDeviceSubsidy,
];
