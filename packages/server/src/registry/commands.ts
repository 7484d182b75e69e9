import { randomUUID } from 'node:crypto';
import { isIsoDate } from '@safetynet/core/calendar';
import { districtByCode } from '@safetynet/core/districts';
import { checkIdNumber } from '@safetynet/core/identity/id-number';
import type { Kysely } from 'kysely';
import type { AuditRecord, AuditTrail } from '../audit/audit-log.ts';
import { asOf } from '../db/as-of.ts';
import type { Database } from '../db/database.ts';
import type { MemberRole, Schema } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { RegistryError } from './errors.ts';
import { EVIDENCE_KINDS, type EvidenceKind } from './evidence-kinds.ts';

/**
 * Registry writes as verb-named commands. Each is one transaction and writes new dated rows only — never
 * an UPDATE of the registry. Retrying a command with the same input writes nothing new.
 */
export interface PersonInput {
  idNumber: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  registeredDistrictCode: string | null;
  cityRegistrationDate?: string | null;
  residenceDistrictCode?: string | null;
  validFrom?: string;
  source: string;
}

export interface PersonChangeInput {
  validFrom: string;
  name?: string;
  sex?: 'M' | 'F';
  birthDate?: string;
  registeredDistrictCode?: string | null;
  cityRegistrationDate?: string | null;
  residenceDistrictCode?: string | null;
  deathDate?: string | null;
  source: string;
}

const badField = (field: string, zh: string, en: string) =>
  new RegistryError(400, `${field}：${zh}`, `${field}: ${en}`, field);

function checkDistrict(field: string, code: string | null | undefined): void {
  if (code != null && !districtByCode(code))
    throw badField(field, '不是高雄市的行政區代碼', 'not a Kaohsiung district code');
}

function checkDate(field: string, value: string | null | undefined): void {
  if (value != null && !isIsoDate(value))
    throw badField(field, '須為 YYYY-MM-DD 日期', 'must be a YYYY-MM-DD date');
}

export class RegistryCommands {
  constructor(
    private readonly database: Database,
    private readonly protector: IdProtector,
  ) {}

  /**
   * One transaction per command. With an audit trail, the command's record of the change is appended in
   * the same transaction (nothing for a repeat that changed nothing), so both commit or neither does.
   */
  private transaction<T>(
    trail: AuditTrail | undefined,
    describe: (result: T) => AuditRecord | null,
    work: (trx: Kysely<Schema>) => Promise<T>,
  ): Promise<T> {
    return this.database.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      const record = trail ? describe(result) : null;
      if (trail && record) await trail.log.append(trx, trail.context, [record]);
      return result;
    });
  }

  /** Registers a person; the same ID number again returns the registered person (created: false). */
  async recordPerson(
    input: PersonInput,
    trail?: AuditTrail,
  ): Promise<{ personId: string; created: boolean }> {
    const check = checkIdNumber(input.idNumber);
    if (!check.valid) {
      throw check.reason === 'format'
        ? badField(
            'idNumber',
            '格式不符（身分證或統一證號）',
            'not the format of a national ID or resident certificate number',
          )
        : badField('idNumber', '檢查碼錯誤', 'the check digit is wrong');
    }
    checkDistrict('registeredDistrictCode', input.registeredDistrictCode);
    checkDistrict('residenceDistrictCode', input.residenceDistrictCode);
    for (const field of ['birthDate', 'cityRegistrationDate', 'validFrom'] as const)
      checkDate(field, input[field]);
    const index = this.protector.index(check.idNumber);
    return this.transaction(
      trail,
      (r) => (r.created ? { action: 'create', recordType: 'person', recordId: r.personId } : null),
      async (trx) => {
        const existing = await trx
          .selectFrom('person')
          .select('person_id')
          .where('id_number_index', '=', index)
          .executeTakeFirst();
        if (existing) return { personId: existing.person_id, created: false };
        const personId = randomUUID();
        await trx
          .insertInto('person')
          .values({
            person_id: personId,
            id_number_kind: check.kind,
            id_number_cipher: this.protector.seal(check.idNumber, personId),
            id_number_index: index,
          })
          .execute();
        await trx
          .insertInto('person_version')
          .values({
            person_id: personId,
            valid_from: input.validFrom ?? input.birthDate,
            valid_to: null,
            source: input.source,
            name_zh: input.name,
            sex: input.sex,
            birth_date: input.birthDate,
            registered_district_code: input.registeredDistrictCode,
            city_registration_date: input.cityRegistrationDate ?? null,
            residence_district_code: input.residenceDistrictCode ?? input.registeredDistrictCode,
            death_date: null,
          })
          .execute();
        return { personId, created: true };
      },
    );
  }

  /** A change to a person from a date on (a move, a new name, a death): a new version. */
  async recordPersonChange(
    personId: string,
    change: PersonChangeInput,
    trail?: AuditTrail,
  ): Promise<{ versionId: string; created: boolean }> {
    checkDate('validFrom', change.validFrom);
    checkDate('birthDate', change.birthDate);
    checkDate('deathDate', change.deathDate);
    checkDistrict('registeredDistrictCode', change.registeredDistrictCode);
    checkDistrict('residenceDistrictCode', change.residenceDistrictCode);
    return this.transaction(
      trail,
      (r) =>
        r.created
          ? {
              action: 'update',
              recordType: 'person',
              recordId: personId,
              details: { versionId: r.versionId },
            }
          : null,
      async (trx) => {
        const current = await asOf(trx, 'person_version', change.validFrom, {
          narrow: (q) => q.where('person_id', '=', personId),
        }).executeTakeFirst();
        if (!current) {
          const known = await trx
            .selectFrom('person')
            .select('person_id')
            .where('person_id', '=', personId)
            .executeTakeFirst();
          if (!known)
            throw new RegistryError(404, `找不到個人：${personId}`, `person not found: ${personId}`);
          throw badField('validFrom', '早於此人最早的紀錄', 'is before the first record of this person');
        }
        const next = {
          person_id: personId,
          valid_from: change.validFrom,
          valid_to: null,
          source: change.source,
          name_zh: change.name ?? current.name_zh,
          sex: change.sex ?? current.sex,
          birth_date: change.birthDate ?? current.birth_date,
          registered_district_code:
            change.registeredDistrictCode !== undefined
              ? change.registeredDistrictCode
              : current.registered_district_code,
          city_registration_date:
            change.cityRegistrationDate !== undefined
              ? change.cityRegistrationDate
              : current.city_registration_date,
          residence_district_code:
            change.residenceDistrictCode !== undefined
              ? change.residenceDistrictCode
              : current.residence_district_code,
          death_date: change.deathDate !== undefined ? change.deathDate : current.death_date,
        };
        const unchanged =
          current.valid_from === next.valid_from &&
          (Object.keys(next) as (keyof typeof next)[]).every(
            (k) => k === 'source' || k === 'valid_to' || current[k] === next[k],
          );
        if (unchanged) return { versionId: String(current.version_id), created: false };
        const row = await trx
          .insertInto('person_version')
          .values(next)
          .returning('version_id')
          .executeTakeFirstOrThrow();
        return { versionId: String(row.version_id), created: true };
      },
    );
  }

  /** A new household with its first members. */
  async recordHousehold(
    input: {
      districtCode: string;
      address?: string | null;
      validFrom: string;
      members: { personId: string; role: MemberRole }[];
      source: string;
    },
    trail?: AuditTrail,
  ): Promise<{ householdId: string; membershipIds: string[] }> {
    checkDistrict('districtCode', input.districtCode);
    checkDate('validFrom', input.validFrom);
    if (input.members.filter((m) => m.role === 'applicant').length !== 1) {
      throw badField('members', '須恰有一位申請人（applicant）', 'needs exactly one applicant');
    }
    return this.transaction(
      trail,
      (r) => ({
        action: 'create',
        recordType: 'household',
        recordId: r.householdId,
        details: { members: input.members.map((m) => m.personId) },
      }),
      async (trx) => {
        const householdId = randomUUID();
        await trx.insertInto('household').values({ household_id: householdId }).execute();
        await trx
          .insertInto('household_version')
          .values({
            household_id: householdId,
            valid_from: input.validFrom,
            valid_to: null,
            source: input.source,
            district_code: input.districtCode,
            address: input.address ?? null,
          })
          .execute();
        const membershipIds: string[] = [];
        for (const member of input.members)
          membershipIds.push(
            await this.insertMembership(
              trx,
              householdId,
              member.personId,
              member.role,
              input.validFrom,
              input.source,
            ),
          );
        return { householdId, membershipIds };
      },
    );
  }

  private async insertMembership(
    trx: Kysely<Schema>,
    householdId: string,
    personId: string,
    role: MemberRole,
    validFrom: string,
    source: string,
  ): Promise<string> {
    const person = await trx
      .selectFrom('person')
      .select('person_id')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!person)
      throw new RegistryError(
        400,
        `members：找不到個人 ${personId}`,
        `members: person not found: ${personId}`,
        'members',
      );
    const membershipId = randomUUID();
    await trx
      .insertInto('household_membership')
      .values({
        membership_id: membershipId,
        household_id: householdId,
        person_id: personId,
        role,
        valid_from: validFrom,
        valid_to: null,
        source,
      })
      .execute();
    return membershipId;
  }

  async addMember(
    householdId: string,
    input: { personId: string; role: MemberRole; validFrom: string; source: string },
    trail?: AuditTrail,
  ): Promise<{ membershipId: string; created: boolean }> {
    checkDate('validFrom', input.validFrom);
    return this.transaction(
      trail,
      (r) =>
        r.created
          ? {
              action: 'add-member',
              recordType: 'household',
              recordId: householdId,
              details: { personId: input.personId, membershipId: r.membershipId },
            }
          : null,
      async (trx) => {
        const household = await trx
          .selectFrom('household')
          .select('household_id')
          .where('household_id', '=', householdId)
          .executeTakeFirst();
        if (!household)
          throw new RegistryError(404, `找不到戶：${householdId}`, `household not found: ${householdId}`);
        const current = await asOf(trx, 'household_membership', input.validFrom, {
          narrow: (q) => q.where('household_id', '=', householdId).where('person_id', '=', input.personId),
        }).executeTakeFirst();
        if (current) return { membershipId: current.membership_id, created: false };
        return {
          membershipId: await this.insertMembership(
            trx,
            householdId,
            input.personId,
            input.role,
            input.validFrom,
            input.source,
          ),
          created: true,
        };
      },
    );
  }

  /** Ends a membership: the same segment recorded again with its end (the first day no longer a member). */
  async endMembership(
    householdId: string,
    membershipId: string,
    input: { validTo: string; source: string },
    trail?: AuditTrail,
  ): Promise<{ created: boolean }> {
    checkDate('validTo', input.validTo);
    return this.transaction(
      trail,
      (r) =>
        r.created
          ? {
              action: 'end-member',
              recordType: 'household',
              recordId: householdId,
              details: { membershipId },
            }
          : null,
      async (trx) => {
        const latest = await trx
          .selectFrom('household_membership')
          .selectAll()
          .where('membership_id', '=', membershipId)
          .where('household_id', '=', householdId)
          .orderBy('valid_from', 'desc')
          .orderBy('recorded_at', 'desc')
          .orderBy('version_id', 'desc')
          .executeTakeFirst();
        if (!latest)
          throw new RegistryError(
            404,
            `找不到戶籍成員關係：${membershipId}`,
            `membership not found: ${membershipId}`,
          );
        if (latest.valid_to === input.validTo) return { created: false };
        if (input.validTo <= latest.valid_from)
          throw badField('validTo', '須晚於成員關係開始日', 'must be after the membership began');
        const { version_id: _v, recorded_at: _r, ...segment } = latest;
        await trx
          .insertInto('household_membership')
          .values({ ...segment, valid_to: input.validTo, source: input.source })
          .execute();
        return { created: true };
      },
    );
  }

  /**
   * Records evidence of a kind for a person; with an `evidenceId`, a new version of that record (a
   * correction when validFrom is the same, a change from validFrom otherwise).
   */
  async recordEvidence(
    personId: string,
    kind: EvidenceKind,
    input: {
      evidenceId?: string;
      validFrom: string;
      validTo?: string | null;
      source: string;
      fields: Record<string, unknown>;
    },
    trail?: AuditTrail,
  ): Promise<{ evidenceId: string; created: boolean }> {
    checkDate('validFrom', input.validFrom);
    checkDate('validTo', input.validTo);
    if (input.validTo && input.validTo <= input.validFrom)
      throw badField('validTo', '須晚於 validFrom', 'must be after validFrom');
    const { table, fields } = EVIDENCE_KINDS[kind];
    const values: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(fields))
      if (input.fields[field] !== undefined) values[column] = input.fields[field];
    return this.transaction(
      trail,
      (r) =>
        r.created
          ? {
              action: 'record-evidence',
              recordType: 'person',
              recordId: personId,
              details: { kind, evidenceId: r.evidenceId },
            }
          : null,
      async (trx) => {
        const person = await trx
          .selectFrom('person')
          .select('person_id')
          .where('person_id', '=', personId)
          .executeTakeFirst();
        if (!person) throw new RegistryError(404, `找不到個人：${personId}`, `person not found: ${personId}`);
        const evidenceId = input.evidenceId ?? randomUUID();
        // biome-ignore lint/suspicious/noExplicitAny: one command over the evidence tables
        const anyTrx = trx as Kysely<any>;
        if (input.evidenceId) {
          const latest = await anyTrx
            .selectFrom(table)
            .selectAll()
            .where('evidence_id', '=', evidenceId)
            .orderBy('recorded_at', 'desc')
            .orderBy('version_id', 'desc')
            .executeTakeFirst();
          if (latest && latest.person_id !== personId)
            throw badField('evidenceId', '屬於另一人', 'belongs to another person');
          const same =
            latest &&
            latest.valid_from === input.validFrom &&
            latest.valid_to === (input.validTo ?? null) &&
            Object.entries(values).every(([c, v]) => String(latest[c]) === String(v));
          if (same) return { evidenceId, created: false };
        }
        await anyTrx
          .insertInto(table)
          .values({
            evidence_id: evidenceId,
            person_id: personId,
            valid_from: input.validFrom,
            valid_to: input.validTo ?? null,
            source: input.source,
            ...values,
          })
          .execute();
        return { evidenceId, created: true };
      },
    );
  }
}
