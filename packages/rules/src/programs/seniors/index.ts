import type { ProgramDefinition } from '../../engine/program.ts';

/** The encoded programs of this group of the catalog, one file each beside this one. */
export const SENIORS_PROGRAMS: ProgramDefinition[] = [];
