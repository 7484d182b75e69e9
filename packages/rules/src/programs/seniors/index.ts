import type { ProgramDefinition } from '../../engine/program.ts';
import { dementiaBracelet } from './dementia-bracelet.ts';
import { doubleNinthGift } from './double-ninth-gift.ts';
import { longTermCareServices } from './long-term-care-services.ts';
import { seniorAlarmService } from './senior-alarm-service.ts';
import { seniorCard } from './senior-card.ts';
import { seniorFarmPlot } from './senior-farm-plot.ts';
import { seniorHomeImprovementSubsidy } from './senior-home-improvement-subsidy.ts';
import { seniorInstitutionalCareSubsidy } from './senior-institutional-care-subsidy.ts';
import { seniorLivingAllowance } from './senior-living-allowance.ts';
import { seniorLivingAloneCare } from './senior-living-alone-care.ts';
import { seniorNhiPremiumSubsidy } from './senior-nhi-premium-subsidy.ts';
import { seniorProtectionPlacement } from './senior-protection-placement.ts';
import { seniorSpecialCareAllowance } from './senior-special-care-allowance.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const SENIORS_PROGRAMS: ProgramDefinition[] = [
  seniorLivingAllowance,
  seniorSpecialCareAllowance,
  seniorNhiPremiumSubsidy,
  doubleNinthGift,
  seniorInstitutionalCareSubsidy,
  seniorHomeImprovementSubsidy,
  seniorCard,
  seniorAlarmService,
  seniorLivingAloneCare,
  dementiaBracelet,
  seniorFarmPlot,
  seniorProtectionPlacement,
  longTermCareServices,
];
