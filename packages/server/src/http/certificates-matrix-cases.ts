import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { RouteCase } from './authz-matrix-cases.ts';

/**
 * The eligibility certificate routes in the authorization matrix (authz-matrix.int.test.ts): a certificate
 * held by the own person (the own district) and one by the other person, written as rows. The matrix's
 * households hold no status, so issuing one is refused by the register (422) after authorization; a second
 * revocation conflicts (409).
 */
const certificates = {
  own: { id: '', code: 'AAAA-AAAA-AAA1', householdId: '' },
  other: { id: '', code: 'AAAA-AAAA-AAA2', householdId: '' },
};

export async function setUpCertificateMatrix(
  database: Database,
  input: {
    own: { personId: string; householdId: string; district: string };
    other: { personId: string; householdId: string; district: string };
    citizenId: string;
  },
): Promise<void> {
  for (const target of ['own', 'other'] as const) {
    const certificate_id = randomUUID();
    await database.db
      .insertInto('certificate')
      .values({
        certificate_id,
        code: certificates[target].code,
        holder_person_id: input[target].personId,
        household_id: input[target].householdId,
        district_code: input[target].district,
        holder_name_masked: '測○',
        statuses: JSON.stringify([{ status: 'mid_low_income' }]),
        issued_on: '2024-06-03',
        valid_until: '2024-09-02',
        issued_at: new Date(),
        issued_by: input.citizenId,
        signature: 'matrix.unsigned.row',
      })
      .execute();
    certificates[target].id = certificate_id;
    certificates[target].householdId = input[target].householdId;
  }
}

export const CERTIFICATE_ROUTE_CASES: Record<string, RouteCase> = {
  'POST /me/certificates': { request: () => ({ url: '/me/certificates' }), alsoOk: [422] },
  'GET /me/certificates': { request: () => ({ url: '/me/certificates' }) },
  // A district clerk's list (another district's household lists nothing); a citizen has /me/certificates.
  'GET /certificates': {
    request: () => ({ url: `/certificates?household=${certificates.own.householdId}` }),
    expect: (actor) => (actor.kind === 'citizen' ? 'deny' : undefined),
  },
  'GET /me/certificates/:id/pdf': {
    scoped: true,
    request: (_w, t) => ({ url: `/me/certificates/${certificates[t].id}/pdf` }),
  },
  'POST /certificates/:id/revoke': {
    scoped: true,
    request: (_w, t) => ({ url: `/certificates/${certificates[t].id}/revoke`, body: { reason: '矩陣測試' } }),
    alsoOk: [409],
  },
  'GET /certificates/verify/:code': {
    request: () => ({ url: `/certificates/verify/${certificates.own.code}` }),
  },
};
