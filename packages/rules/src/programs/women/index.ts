import type { ProgramDefinition } from '../../engine/program.ts';
import { newImmigrantAirfareSubsidy } from './new-immigrant-airfare-subsidy.ts';
import { newImmigrantHardshipAid } from './new-immigrant-hardship-aid.ts';
import { postpartumHomeCare } from './postpartum-home-care.ts';
import { prenatalTransportVoucher } from './prenatal-transport-voucher.ts';
import { specialCircumstanceEmergencyAllowance } from './special-circumstance-emergency-allowance.ts';
import { specialCircumstanceStatus } from './special-circumstance-status.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const WOMEN_PROGRAMS: ProgramDefinition[] = [
  specialCircumstanceStatus,
  specialCircumstanceEmergencyAllowance,
  postpartumHomeCare,
  prenatalTransportVoucher,
  newImmigrantHardshipAid,
  newImmigrantAirfareSubsidy,
];
