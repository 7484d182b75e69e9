import type { ProgramDefinition } from '../engine/program.ts';
import { ASSET_BUILDING_PROGRAMS } from './asset-building/index.ts';
import { CHILDREN_PROGRAMS } from './children/index.ts';
import { DISABILITY_PROGRAMS } from './disability/index.ts';
import { SENIORS_PROGRAMS } from './seniors/index.ts';
import { SOCIAL_ASSISTANCE_PROGRAMS } from './social-assistance/index.ts';
import { WOMEN_PROGRAMS } from './women/index.ts';

/** Every encoded program, by catalog id (see catalog.ts for the whole catalog). */
export const PROGRAMS: ReadonlyMap<string, ProgramDefinition> = new Map(
  [
    ...SOCIAL_ASSISTANCE_PROGRAMS,
    ...ASSET_BUILDING_PROGRAMS,
    ...SENIORS_PROGRAMS,
    ...CHILDREN_PROGRAMS,
    ...DISABILITY_PROGRAMS,
    ...WOMEN_PROGRAMS,
  ].map((program) => [program.id, program]),
);
