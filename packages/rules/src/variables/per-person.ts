import type { ProgramContext } from '../engine/context.ts';

/**
 * Each person takes their household's value (0/1 or a check outcome). A plain loop: a typed array's
 * `from` with a mapping function is two orders of magnitude slower over the whole city.
 */
export function householdValueOfPerson(ctx: ProgramContext, perHousehold: Uint8Array): Uint8Array {
  const household = ctx.persons.household;
  const out = ctx.newUint8Array(household.length);
  for (let i = 0; i < out.length; i++) out[i] = perHousehold[household[i]!]!;
  return out;
}
