import { maskIdNumber } from '@safetynet/core/identity/id-number';
import type { IdProtector } from '../identity/id-protector.ts';

/**
 * How ID numbers are shown in registry answers. Every list and record shows them masked; the full number
 * has its own route (GET /persons/{id}/id-number), permitted to the roles that need it and logged.
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
