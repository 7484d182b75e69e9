import type { ProgramDefinition } from '../../engine/program.ts';
import { birthAllowance } from './birth-allowance.ts';
import { childcareAllowance } from './childcare-allowance.ts';
import { childcareCityTopUp } from './childcare-city-top-up.ts';
import { childcareFeeSubsidy } from './childcare-fee-subsidy.ts';
import { childcareGroupInsurance } from './childcare-group-insurance.ts';
import { childcareWorkerRetentionBonus } from './childcare-worker-retention-bonus.ts';
import { earlyInterventionSubsidy } from './early-intervention-subsidy.ts';
import { newbornGiftPack } from './newborn-gift-pack.ts';
import { placedChildNhiPremium } from './placed-child-nhi-premium.ts';
import { singleParentChildAllowance } from './single-parent-child-allowance.ts';
import { singleParentEducationSubsidy } from './single-parent-education-subsidy.ts';
import { specialCircumstanceChildAllowance } from './special-circumstance-child-allowance.ts';
import { specialCircumstanceChildcareAllowance } from './special-circumstance-childcare-allowance.ts';
import { specialCircumstanceMedicalSubsidy } from './special-circumstance-medical-subsidy.ts';
import { specialCircumstanceTuitionReduction } from './special-circumstance-tuition-reduction.ts';
import { teenPregnancyNutritionAllowance } from './teen-pregnancy-nutrition-allowance.ts';
import { thirdChildNhiPremium } from './third-child-nhi-premium.ts';
import { vulnerableChildAllowance } from './vulnerable-child-allowance.ts';
import { vulnerableChildMealVouchers } from './vulnerable-child-meal-vouchers.ts';
import { vulnerableChildMedicalSubsidy } from './vulnerable-child-medical-subsidy.ts';
import { vulnerableFamilyEmergencyAllowance } from './vulnerable-family-emergency-allowance.ts';
import { youthIndependentLivingSupport } from './youth-independent-living-support.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const CHILDREN_PROGRAMS: ProgramDefinition[] = [
  birthAllowance,
  childcareAllowance,
  specialCircumstanceChildAllowance,
  specialCircumstanceChildcareAllowance,
  childcareFeeSubsidy,
  childcareCityTopUp,
  specialCircumstanceMedicalSubsidy,
  specialCircumstanceTuitionReduction,
  thirdChildNhiPremium,
  earlyInterventionSubsidy,
  singleParentChildAllowance,
  singleParentEducationSubsidy,
  vulnerableChildAllowance,
  childcareWorkerRetentionBonus,
  childcareGroupInsurance,
  teenPregnancyNutritionAllowance,
  newbornGiftPack,
  vulnerableFamilyEmergencyAllowance,
  placedChildNhiPremium,
  youthIndependentLivingSupport,
  vulnerableChildMealVouchers,
  vulnerableChildMedicalSubsidy,
];
