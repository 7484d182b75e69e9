import type { ProgramDefinition } from '../../engine/program.ts';
import { assistiveDeviceSubsidy } from './assistive-device-subsidy.ts';
import { disabilityCareFeeSubsidy } from './disability-care-fee-subsidy.ts';
import { disabilityCaregiverAllowance } from './disability-caregiver-allowance.ts';
import { disabilityConcessionCard } from './disability-concession-card.ts';
import { disabilityElectricityDiscount } from './disability-electricity-discount.ts';
import { disabilityFamilyDayCare } from './disability-family-day-care.ts';
import { disabilityHomeCare } from './disability-home-care.ts';
import { disabilityHousingSubsidy } from './disability-housing-subsidy.ts';
import { disabilityLivingAllowance } from './disability-living-allowance.ts';
import { disabilityNhiPremiumSubsidy } from './disability-nhi-premium-subsidy.ts';
import { disabilityParkingSubsidy } from './disability-parking-subsidy.ts';
import { disabilityRespiteCare } from './disability-respite-care.ts';
import { disabilitySocialInsurancePremiumSubsidy } from './disability-social-insurance-premium-subsidy.ts';
import { independentLivingSupport } from './independent-living-support.ts';
import { rehabilitationBus } from './rehabilitation-bus.ts';
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
  disabilityHousingSubsidy,
  disabilityParkingSubsidy,
  disabilityConcessionCard,
  disabilityElectricityDiscount,
  rehabilitationBus,
  disabilityRespiteCare,
  disabilityHomeCare,
  disabilityFamilyDayCare,
  independentLivingSupport,
];
