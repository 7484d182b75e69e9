import type { ProgramContext } from '../engine/context.ts';

/**
 * Residence conditions shared by the means-tested statuses (D0050078 第4條第6項, applied to 中低收入戶 by
 * 第4-1條第2項; seeds 000 參(二)1 and 參(三)1 「設籍本市且實際居住本市」), aggregated per household in one pass.
 */
export interface HouseholdResidence {
  /** The applicant (role applicant) is registered in the city. */
  applicantRegistered: Uint8Array;
  /** Every member actually lives in the city. */
  allResident: Uint8Array;
  /** Every member lived in Taiwan more than 183 days in the last year. */
  allInTaiwan: Uint8Array;
}

/** Read-only arrays, shared by the programs that record them as checks (copy one before changing it). */
export function householdResidence(ctx: ProgramContext): HouseholdResidence {
  return ctx.variable('household-residence', () => {
    const p = ctx.persons;
    const n = ctx.households.count;
    const applicantRegistered = ctx.newUint8Array(n);
    const allResident = ctx.newUint8Array(n).fill(1);
    const allInTaiwan = ctx.newUint8Array(n).fill(1);
    const householdOf = p.household;
    const role = p.role;
    const registeredInCity = p.registeredInCity;
    const residesInCity = p.residesInCity;
    const daysInTaiwan = p.daysInTaiwanLastYear;
    const count = p.count;
    for (let i = 0; i < count; i++) {
      const household = householdOf[i]!;
      if (role[i] === 0 && registeredInCity[i]) applicantRegistered[household] = 1;
      if (!residesInCity[i]) allResident[household] = 0;
      if (daysInTaiwan[i]! <= 183) allInTaiwan[household] = 0;
    }
    return { applicantRegistered, allResident, allInTaiwan };
  });
}
