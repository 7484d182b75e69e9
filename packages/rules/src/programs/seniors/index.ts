import type { ProgramDefinition } from '../../engine/program.ts';
import { seniorLivingAllowance } from './senior-living-allowance.ts';
import { seniorSpecialCareAllowance } from './senior-special-care-allowance.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const SENIORS_PROGRAMS: ProgramDefinition[] = [seniorLivingAllowance, seniorSpecialCareAllowance];
