/*
 * Gates (see ProgramGate) shared by children's and women's programs whose leading checks are the same
 * and written in each program (no common helper records them).
 */

/** `born-in-period`: birth date within the period. */
export const BORN_IN_PERIOD_GATE = { id: 'born-in-period', checks: 1 };
/** `pregnant`: the person's `pregnant` fact. */
export const PREGNANT_GATE = { id: 'pregnant', checks: 1 };
/** `registered-in-city` then `aged-under-18` (age on the first day of the period under 18). */
export const REGISTERED_CHILD_GATE = { id: 'registered-in-city-aged-under-18', checks: 2 };
