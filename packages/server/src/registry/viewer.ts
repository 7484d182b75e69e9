import { maskIdNumber } from '@safetynet/core/identity/id-number';
import type { IdProtector } from '../identity/id-protector.ts';

/**
 * Who is reading. Permissions arrive with the identity work; until then every caller is a viewer who sees
 * ID numbers masked. This is the one seam through which the policy layer will grant the full number.
 */
export interface Viewer {
  canSeeFullIdNumbers: boolean;
}

export const MASKED_VIEWER: Viewer = { canSeeFullIdNumbers: false };

/** The ID number as this viewer may see it. */
export function showIdNumber(
  protector: IdProtector,
  viewer: Viewer,
  cipher: Buffer,
  personId: string,
): string {
  const idNumber = protector.open(cipher, personId);
  return viewer.canSeeFullIdNumbers ? idNumber : maskIdNumber(idNumber);
}
