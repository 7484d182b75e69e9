import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, addMonths, daysInMonth, type IsoDate, taipeiDay } from '@safetynet/core/calendar';
import { maskName } from '@safetynet/core/identity/name-mask';
import { CompactSign, compactVerify } from 'jose';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError, outOfScope } from '../api-error.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Acting } from '../benefits/benefit-services.ts';
import type { Database } from '../db/database.ts';
import type { CertificateTable, DisabilityLevel, Schema } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { asOfSql } from '../registry/dated-sql.ts';

/**
 * 資格證明書 Eligibility certificates of the citizen portal. A certificate states what the registers held on
 * its day of issue: the household's low-income (低收入戶, with its category) or mid-low-income (中低收入戶)
 * status and the holder's own disability certificate (身心障礙證明, with its level). The person-level
 * register entries (獨居老人, 遊民) are service lists, not statuses a citizen proves to others, so they are
 * not certified.
 *
 * - Valid through `valid_until`: three months after issue (the day before the same date three months on),
 *   or sooner when the register already ends a stated status (the day before its end).
 * - The stated content is signed (JWS, HS256, a key derived from the index key like the audit chain's), so
 *   a change to the stored row shows at verification; revocation is recorded beside it, not signed.
 * - Asking again on the same day returns the certificate already issued that day while it is not revoked
 *   and states the same; otherwise a new one is issued. Earlier certificates stay valid until they expire
 *   or are revoked.
 */
export interface CertificateServices {
  database: Database;
  audit: AuditLog;
  protector: IdProtector;
  now: () => Date;
}

export type CertificateRow = Selectable<CertificateTable>;

export const VALID_MONTHS = 3;

export type CertifiedStatus =
  | { status: 'low_income'; category: string | null }
  | { status: 'mid_low_income' }
  | { status: 'disability'; level: DisabilityLevel };

export type CertificateState = 'valid' | 'expired' | 'revoked';

const LEVEL_ZH: Record<DisabilityLevel, string> = {
  mild: '輕度',
  moderate: '中度',
  severe: '重度',
  profound: '極重度',
};

/** What a status is called on the certificate, and the law it rests on. */
export function describeStatus(status: CertifiedStatus): { zh: string; en: string; legalBasis: string } {
  switch (status.status) {
    case 'low_income': {
      const category = status.category && /^[1-9]$/.test(status.category) ? status.category : null;
      return {
        zh: category ? `低收入戶（第${category}類）` : '低收入戶',
        en: category ? `Low-income household (category ${category})` : 'Low-income household',
        legalBasis: '社會救助法第4條',
      };
    }
    case 'mid_low_income':
      return {
        zh: '中低收入戶',
        en: 'Mid-low-income household',
        legalBasis: '社會救助法第4條之1',
      };
    case 'disability':
      return {
        zh: `身心障礙者（${LEVEL_ZH[status.level]}）`,
        en: `Person with disabilities (${status.level})`,
        legalBasis: '身心障礙者權益保障法第5條、第6條',
      };
  }
}

/** Today in Taiwan: a certificate issued at 07:00 there is dated that day, not the day before (UTC). */
export const todayOf = (services: Pick<CertificateServices, 'now'>): IsoDate => taipeiDay(services.now());

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters (60 random bits) grouped as XXXX-XXXX-XXXX. */
export function newCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** A code as typed (any case, with or without dashes or spaces, O for 0, I and L for 1) → stored form. */
export function normalizeCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(cleaned)) return undefined;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4, 8)}-${cleaned.slice(8, 12)}`;
}

/** The day before the same date `months` later (clamped to the month's end): three months' validity. */
export function validThrough(issuedOn: IsoDate, months = VALID_MONTHS): IsoDate {
  const month = addMonths(issuedOn.slice(0, 7), months);
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const day = Math.min(Number(issuedOn.slice(8, 10)), daysInMonth(year, mon));
  return addDays(`${month}-${String(day).padStart(2, '0')}`, -1);
}

/** Statuses with their keys in one order (jsonb keeps its own). */
function normalized(statuses: unknown): CertifiedStatus[] {
  return (statuses as CertifiedStatus[]).map((s) =>
    s.status === 'low_income'
      ? { status: s.status, category: s.category ?? null }
      : s.status === 'disability'
        ? { status: s.status, level: s.level }
        : { status: s.status },
  );
}

/** The signed content: everything the certificate states, in a fixed order. */
function signedContent(row: {
  certificate_id: string;
  code: string;
  holder_person_id: string;
  household_id: string;
  holder_name_masked: string;
  statuses: unknown;
  issued_on: string;
  valid_until: string;
}): Uint8Array {
  const statuses = normalized(row.statuses);
  return new TextEncoder().encode(
    JSON.stringify({
      v: 1,
      id: row.certificate_id,
      code: row.code,
      holder: row.holder_person_id,
      household: row.household_id,
      name: row.holder_name_masked,
      statuses,
      issuedOn: row.issued_on,
      validUntil: row.valid_until,
    }),
  );
}

const signingKey = (services: Pick<CertificateServices, 'protector'>) =>
  new Uint8Array(services.protector.derivedKey('certificate-signature'));

async function sign(services: CertificateServices, row: Parameters<typeof signedContent>[0]) {
  return new CompactSign(signedContent(row))
    .setProtectedHeader({ alg: 'HS256', typ: 'safetynet-certificate+jws' })
    .sign(signingKey(services));
}

/** Whether the stored row is what was signed (the signature checks and its content is the row's). */
export async function isGenuine(services: CertificateServices, row: CertificateRow): Promise<boolean> {
  try {
    const { payload } = await compactVerify(row.signature, signingKey(services), { algorithms: ['HS256'] });
    return Buffer.from(payload).equals(Buffer.from(signedContent(row)));
  } catch {
    return false;
  }
}

export function stateOf(row: CertificateRow, today: IsoDate): CertificateState {
  if (row.revoked_at) return 'revoked';
  return row.valid_until < today ? 'expired' : 'valid';
}

/** The household the person belongs to on a date (as applicant first) and its district. */
async function householdOf(db: Kysely<Schema>, personId: string, on: IsoDate) {
  const { rows } = await sql<{ household_id: string; district_code: string }>`
    SELECT m.household_id, h.district_code
    FROM ${asOfSql('household_membership', sql`person_id = ${personId}`, on)} m
    JOIN ${asOfSql('household_version', sql`household_id IN (SELECT household_id FROM household_membership WHERE person_id = ${personId})`, on)} h
      ON h.household_id = m.household_id
    ORDER BY (m.role = 'applicant') DESC, m.household_id LIMIT 1`.execute(db);
  return rows[0];
}

/** The statuses in force on the day, each with the last day the register has it in force (or null). */
async function statusesOn(
  db: Kysely<Schema>,
  householdId: string,
  personId: string,
  on: IsoDate,
): Promise<{ status: CertifiedStatus; lastDay: IsoDate | null }[]> {
  const lastDay = (validTo: string | null) => (validTo ? addDays(validTo, -1) : null);
  const { rows: registered } = await sql<{
    status: string;
    category: string | null;
    valid_to: string | null;
  }>`
    SELECT status, category, valid_to::text AS valid_to
    FROM ${asOfSql('status_register', sql`household_id = ${householdId} AND status IN ('low_income', 'mid_low_income')`, on)} s
    ORDER BY status`.execute(db);
  const { rows: disability } = await sql<{ level: DisabilityLevel; valid_to: string | null }>`
    SELECT level, valid_to::text AS valid_to
    FROM ${asOfSql('disability_certificate', sql`person_id = ${personId}`, on)} d
    ORDER BY valid_from DESC LIMIT 1`.execute(db);
  const found: { status: CertifiedStatus; lastDay: IsoDate | null }[] = [];
  // A household listed as both (a register in transition) is certified as low-income, the wider status.
  const low = registered.find((r) => r.status === 'low_income');
  const midLow = registered.find((r) => r.status === 'mid_low_income');
  if (low)
    found.push({ status: { status: 'low_income', category: low.category }, lastDay: lastDay(low.valid_to) });
  else if (midLow) found.push({ status: { status: 'mid_low_income' }, lastDay: lastDay(midLow.valid_to) });
  const certificate = disability[0];
  if (certificate)
    found.push({
      status: { status: 'disability', level: certificate.level },
      lastDay: lastDay(certificate.valid_to),
    });
  return found;
}

const sameStatuses = (a: unknown, b: CertifiedStatus[]) =>
  JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));

/** The citizen's certificate for their household today: the one issued today if it still stands, else new. */
export async function issueCertificate(
  services: CertificateServices,
  who: Acting,
): Promise<{ certificate: CertificateRow; created: boolean }> {
  const actor = who.actor;
  if (actor.kind !== 'citizen')
    throw new ApiError(403, '此功能僅供民眾帳號使用', 'only a citizen account asks for its own certificate');
  const personId = actor.personId;
  const on = todayOf(services);
  const { db } = services.database;
  const household = await householdOf(db, personId, on);
  if (!household)
    throw new ApiError(
      422,
      '查無您目前的戶籍資料，無法開立資格證明書',
      'you are in no household of the registry today, so there is nothing to certify',
    );
  const found = await statusesOn(db, household.household_id, personId, on);
  if (found.length === 0)
    throw new ApiError(
      422,
      '您的家戶目前沒有可證明的福利身分（低收入戶、中低收入戶或身心障礙），無法開立資格證明書',
      'your household holds no status to certify today (low-income, mid-low-income or disability)',
    );
  const statuses = found.map((f) => f.status);
  const validUntil = found
    .map((f) => f.lastDay)
    .reduce<IsoDate>((until, last) => (last !== null && last < until ? last : until), validThrough(on));
  const name = await db
    .selectFrom('person_version')
    .select('name_zh')
    .where('person_id', '=', personId)
    .where('valid_from', '<=', on)
    .orderBy('valid_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return db.transaction().execute(async (trx) => {
    // One request at a time per person, so a repeat finds the first one's certificate.
    await trx
      .selectFrom('person')
      .select('person_id')
      .where('person_id', '=', personId)
      .forUpdate()
      .execute();
    const existing = await trx
      .selectFrom('certificate')
      .selectAll()
      .where('holder_person_id', '=', personId)
      .where('household_id', '=', household.household_id)
      .where('issued_on', '=', on)
      .where('revoked_at', 'is', null)
      .orderBy('issued_at', 'desc')
      .execute();
    const same = existing.find(
      (row) => row.valid_until === validUntil && sameStatuses(row.statuses, statuses),
    );
    if (same) return { certificate: same, created: false };
    const content = {
      certificate_id: randomUUID(),
      code: newCode(),
      holder_person_id: personId,
      household_id: household.household_id,
      holder_name_masked: maskName(name?.name_zh ?? ''),
      statuses,
      issued_on: on,
      valid_until: validUntil,
    };
    const certificate = await trx
      .insertInto('certificate')
      .values({
        ...content,
        statuses: JSON.stringify(statuses),
        district_code: household.district_code,
        issued_at: services.now(),
        issued_by: actor.id,
        signature: await sign(services, content),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await services.audit.append(trx, who.audit, [
      {
        action: 'issue',
        recordType: 'certificate',
        recordId: certificate.certificate_id,
        details: {
          householdId: household.household_id,
          statuses: statuses.map((s) => s.status),
          validUntil,
        },
      },
    ]);
    return { certificate, created: true };
  });
}

/** The citizen's own certificates, newest first. */
export async function listOwnCertificates(
  services: CertificateServices,
  who: Acting,
): Promise<CertificateRow[]> {
  if (who.actor.kind !== 'citizen')
    throw new ApiError(403, '此功能僅供民眾帳號使用', 'only a citizen account lists its own certificates');
  return services.database.db
    .selectFrom('certificate')
    .selectAll()
    .where('holder_person_id', '=', who.actor.personId)
    .orderBy('issued_at', 'desc')
    .orderBy('certificate_id')
    .execute();
}

/**
 * A household's certificates for a district clerk of its district (to find the one to revoke), newest first;
 * another district's clerk gets none.
 */
export async function listHouseholdCertificates(
  services: CertificateServices,
  who: Acting,
  householdId: string,
): Promise<CertificateRow[]> {
  const actor = who.actor;
  if (actor.kind !== 'staff' || actor.role !== 'district-clerk')
    throw new ApiError(
      403,
      '此清單僅供區公所承辦人使用',
      'only a district clerk lists a household’s certificates',
    );
  if (actor.districts.length === 0) return [];
  return services.database.db
    .selectFrom('certificate')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('district_code', 'in', actor.districts)
    .orderBy('issued_at', 'desc')
    .orderBy('certificate_id')
    .execute();
}

async function certificateById(services: CertificateServices, id: string): Promise<CertificateRow> {
  const row = await services.database.db
    .selectFrom('certificate')
    .selectAll()
    .where('certificate_id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ApiError(404, `找不到資格證明書：${id}`, `no such certificate: ${id}`);
  return row;
}

/** Whether the actor may act on the certificate: its holder, or (revoking) a clerk of its district. */
function mayReach(who: Acting, row: CertificateRow, revoking: boolean): boolean {
  const actor = who.actor;
  if (actor.kind === 'citizen') return actor.personId === row.holder_person_id;
  return (
    revoking &&
    actor.kind === 'staff' &&
    actor.role === 'district-clerk' &&
    actor.districts.includes(row.district_code)
  );
}

async function refuse(
  services: CertificateServices,
  who: Acting,
  id: string,
  policy: string,
): Promise<never> {
  await services.audit.appendAlone(services.database.db, who.audit, [
    { action: 'denied', recordType: 'certificate', recordId: id, details: { policy } },
  ]);
  throw outOfScope();
}

/** One of the citizen's own certificates (another's is refused, and the refusal audited). */
export async function ownCertificate(
  services: CertificateServices,
  who: Acting,
  id: string,
): Promise<CertificateRow> {
  const row = await certificateById(services, id);
  if (!mayReach(who, row, false)) await refuse(services, who, id, 'certificates:self');
  return row;
}

export async function revokeCertificate(
  services: CertificateServices,
  who: Acting,
  id: string,
  reasonInput: string,
): Promise<CertificateRow> {
  const row = await certificateById(services, id);
  if (!mayReach(who, row, true)) await refuse(services, who, id, 'certificates:revoke');
  const reason = reasonInput.trim();
  if (!reason) throw new ApiError(400, '撤銷須敘明理由', 'revoking needs a reason', 'body.reason');
  return services.database.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('certificate')
      .set({ revoked_at: services.now(), revoked_by: who.actor.id!, revoke_reason: reason })
      .where('certificate_id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!revoked) throw new ApiError(409, '此資格證明書已撤銷', 'this certificate is already revoked');
    await services.audit.append(trx, who.audit, [
      { action: 'revoke', recordType: 'certificate', recordId: id, details: { reason } },
    ]);
    return revoked;
  });
}

export type Verification =
  | { found: false }
  | {
      found: true;
      row: CertificateRow;
      genuine: boolean;
      status: 'genuine' | 'expired' | 'revoked' | 'not-genuine';
    };

/** What the public check answers for a code. */
export async function verifyCode(services: CertificateServices, input: string): Promise<Verification> {
  const code = normalizeCode(input);
  if (!code) return { found: false };
  const row = await services.database.db
    .selectFrom('certificate')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return { found: false };
  const genuine = await isGenuine(services, row);
  const state = stateOf(row, todayOf(services));
  const status = !genuine ? 'not-genuine' : state === 'valid' ? 'genuine' : state;
  return { found: true, row, genuine, status };
}
