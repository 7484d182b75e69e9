import type { ProgramDefinition } from '../../engine/program.ts';
import { disasterRelief } from './disaster-relief.ts';
import { emergencyAid } from './emergency-aid.ts';
import { foodBank } from './food-bank.ts';
import { homelessServices } from './homeless-services.ts';
import { hospitalNursingSubsidy } from './hospital-nursing-subsidy.ts';
import { immediateCareAid } from './immediate-care-aid.ts';
import { lowIncomeChildAllowance } from './low-income-child-allowance.ts';
import { lowIncomeHospitalMealSubsidy } from './low-income-hospital-meal-subsidy.ts';
import { lowIncomeLivingAllowance } from './low-income-living-allowance.ts';
import { lowIncomeStatus } from './low-income-status.ts';
import { lowIncomeStudentAllowance } from './low-income-student-allowance.ts';
import { lowIncomeStudentTransport } from './low-income-student-transport.ts';
import { medicalSubsidy } from './medical-subsidy.ts';
import { microInsurance } from './micro-insurance.ts';
import { midLowIncomeStatus } from './mid-low-income-status.ts';
import { nationalPensionPremiumSubsidy } from './national-pension-premium-subsidy.ts';
import { psychiatricPlacementSubsidy } from './psychiatric-placement-subsidy.ts';
import { springFestivalPayment } from './spring-festival-payment.ts';
import { workRelief } from './work-relief.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const SOCIAL_ASSISTANCE_PROGRAMS: ProgramDefinition[] = [
  lowIncomeStatus,
  midLowIncomeStatus,
  nationalPensionPremiumSubsidy,
  lowIncomeLivingAllowance,
  lowIncomeChildAllowance,
  lowIncomeStudentAllowance,
  springFestivalPayment,
  lowIncomeStudentTransport,
  workRelief,
  psychiatricPlacementSubsidy,
  microInsurance,
  medicalSubsidy,
  hospitalNursingSubsidy,
  disasterRelief,
  emergencyAid,
  immediateCareAid,
  lowIncomeHospitalMealSubsidy,
  foodBank,
  homelessServices,
];
