import type { ProgramDefinition } from '../../engine/program.ts';
import { childrenFutureAccount } from './children-future-account.ts';
import { employmentIncentives } from './employment-incentives.ts';
import { learningEquipmentSubsidy } from './learning-equipment-subsidy.ts';
import { tutoringSubsidy } from './tutoring-subsidy.ts';
import { youthDevelopmentAccount } from './youth-development-account.ts';
import { youthSavingsAccount } from './youth-savings-account.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const ASSET_BUILDING_PROGRAMS: ProgramDefinition[] = [
  youthDevelopmentAccount,
  childrenFutureAccount,
  youthSavingsAccount,
  tutoringSubsidy,
  learningEquipmentSubsidy,
  employmentIncentives,
];
