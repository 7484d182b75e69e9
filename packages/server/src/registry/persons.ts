import { districtByCode } from '@safetynet/core/districts';
import { normalizeIdNumber } from '@safetynet/core/identity/id-number';
import { type RawBuilder, sql } from 'kysely';
import { asOf } from '../db/as-of.ts';
import type { Database } from '../db/database.ts';
import type { Row } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { asOfSql } from './dated-sql.ts';
import { EVIDENCE_KIND_NAMES, EVIDENCE_KINDS, evidenceToApi } from './evidence-kinds.ts';
import { showIdNumber, type Viewer } from './viewer.ts';

export const MAX_PAGE_SIZE = 100;

export interface PersonSummary {
  id: string;
  idNumber: string;
  idNumberKind: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  district: { code: string; nameZh: string; nameEn: string } | null;
  cityRegistrationDate: string | null;
  residenceDistrictCode: string | null;
  deathDate: string | null;
  validFrom: string;
}

export interface PersonSearch {
  idNumber?: string | undefined;
  name?: string | undefined;
  district?: string | undefined;
  asOf: string;
  limit: number;
  offset: number;
  /** Only persons in this set (`SELECT person_id …`, the caller's scope); undefined: everyone. */
  within?: RawBuilder<unknown> | undefined;
}

type VersionRow = Row<'person_version'> & Pick<Row<'person'>, 'id_number_cipher' | 'id_number_kind'>;

/** Reads of persons (the person aggregate): as on a date, searched, with their history. */
export class PersonRepository {
  constructor(
    private readonly database: Database,
    private readonly protector: IdProtector,
  ) {}

  summary(row: VersionRow, viewer: Viewer): PersonSummary {
    const district = row.registered_district_code ? districtByCode(row.registered_district_code) : undefined;
    return {
      id: row.person_id,
      idNumber: showIdNumber(this.protector, viewer, row.id_number_cipher, row.person_id),
      idNumberKind: row.id_number_kind,
      name: row.name_zh,
      sex: row.sex,
      birthDate: row.birth_date,
      district: district ? { code: district.code, nameZh: district.nameZh, nameEn: district.nameEn } : null,
      cityRegistrationDate: row.city_registration_date,
      residenceDistrictCode: row.residence_district_code,
      deathDate: row.death_date,
      validFrom: row.valid_from,
    };
  }

  /** The full ID number of a person (for the reveal route, which logs it), if registered. */
  async fullIdNumber(personId: string): Promise<string | undefined> {
    const row = await this.database.db
      .selectFrom('person')
      .select('id_number_cipher')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row ? this.protector.open(row.id_number_cipher, personId) : undefined;
  }

  /** The person id for an ID number (exact match through the blind index), if registered. */
  async idForIdNumber(idNumber: string): Promise<string | undefined> {
    const row = await this.database.db
      .selectFrom('person')
      .select('person_id')
      .where('id_number_index', '=', this.protector.index(normalizeIdNumber(idNumber)))
      .executeTakeFirst();
    return row?.person_id;
  }

  async search(query: PersonSearch, viewer: Viewer): Promise<{ items: PersonSummary[]; total: number }> {
    const { db } = this.database;
    const personIds = query.idNumber
      ? [(await this.idForIdNumber(query.idNumber)) ?? '00000000-0000-0000-0000-000000000000']
      : undefined;
    const current = asOf(db, 'person_version', query.asOf, {
      narrow: (q) => {
        let narrowed = q;
        if (personIds) narrowed = narrowed.where('person_id', 'in', personIds);
        if (query.district) {
          const district = query.district;
          narrowed = narrowed.where('person_id', 'in', (eb) =>
            eb
              .selectFrom('person_version as d')
              .select('d.person_id')
              .where('d.registered_district_code', '=', district),
          );
        }
        if (query.name) {
          const prefix = `${query.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          narrowed = narrowed.where('person_id', 'in', (eb) =>
            eb.selectFrom('person_version as n').select('n.person_id').where('n.name_zh', 'like', prefix),
          );
        }
        return narrowed;
      },
    });
    let filtered = db.selectFrom(current.as('v')).innerJoin('person as p', 'p.person_id', 'v.person_id');
    if (query.district) filtered = filtered.where('v.registered_district_code', '=', query.district);
    if (query.name)
      filtered = filtered.where('v.name_zh', 'like', `${query.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (query.within) filtered = filtered.where(sql<boolean>`v.person_id IN (${query.within})`);
    const [rows, count] = await Promise.all([
      filtered
        .selectAll('v')
        .select(['p.id_number_cipher', 'p.id_number_kind'])
        .orderBy('v.name_zh')
        .orderBy('v.person_id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => this.summary(r as unknown as VersionRow, viewer)),
      total: Number(count.total),
    };
  }

  /** The person as on a date: details, households, evidence of each kind and statuses; undefined if unknown. */
  async get(
    personId: string,
    on: string,
    viewer: Viewer,
    knownAt?: Date,
  ): Promise<Record<string, unknown> | undefined> {
    const { db } = this.database;
    const options = knownAt ? { knownAt } : {};
    const version = await asOf(db, 'person_version', on, {
      ...options,
      narrow: (q) => q.where('person_id', '=', personId),
    }).executeTakeFirst();
    const person = await db
      .selectFrom('person')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!person) return undefined;
    const memberships = await asOf(db, 'household_membership', on, {
      ...options,
      narrow: (q) => q.where('person_id', '=', personId),
    }).execute();
    const evidence: Record<string, unknown[]> = {};
    for (const kind of EVIDENCE_KIND_NAMES) {
      const rows = await asOf(db, EVIDENCE_KINDS[kind].table, on, {
        ...options,
        narrow: (q) => q.where('person_id', '=', personId),
      }).execute();
      evidence[kind] = rows.map((r) => evidenceToApi(kind, r as Record<string, unknown>));
    }
    const householdIds = memberships.map((m) => m.household_id);
    const statuses = await asOf(db, 'status_register', on, {
      ...options,
      narrow: (q) =>
        householdIds.length
          ? q.where((eb) => eb.or([eb('person_id', '=', personId), eb('household_id', 'in', householdIds)]))
          : q.where('person_id', '=', personId),
    }).execute();
    return {
      asOf: on,
      ...(version
        ? this.summary(
            { ...version, id_number_cipher: person.id_number_cipher, id_number_kind: person.id_number_kind },
            viewer,
          )
        : { id: personId, recorded: false }),
      households: memberships.map((m) => ({
        householdId: m.household_id,
        membershipId: m.membership_id,
        role: m.role,
        validFrom: m.valid_from,
        validTo: m.valid_to,
      })),
      evidence,
      statuses: statuses.map(statusToApi),
    };
  }

  /** Every version of every dated record about the person, oldest first: the dated changes. */
  async history(personId: string): Promise<ChangeRecord[] | undefined> {
    const { db } = this.database;
    const exists = await db
      .selectFrom('person')
      .select('person_id')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!exists) return undefined;
    const tables = [
      'person_version',
      'household_membership',
      'status_register',
      ...EVIDENCE_KIND_NAMES.map((k) => EVIDENCE_KINDS[k].table),
    ];
    const changes: ChangeRecord[] = [];
    for (const table of tables) {
      const rows = await sql<
        Record<string, unknown>
      >`SELECT * FROM ${sql.table(table)} WHERE person_id = ${personId}`.execute(db);
      for (const row of rows.rows) changes.push(changeToApi(table, row));
    }
    return changes.sort(byValidFromThenRecorded);
  }
}

export function statusToApi(row: Row<'status_register'>): Record<string, unknown> {
  return {
    statusId: row.status_id,
    status: row.status,
    category: row.category,
    householdId: row.household_id,
    personId: row.person_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

const DATED_COLUMNS = new Set(['version_id', 'valid_from', 'valid_to', 'recorded_at', 'source']);

export interface ChangeRecord {
  table: string;
  versionId: string;
  validFrom: string;
  validTo: string | null;
  recordedAt: string;
  source: string;
  data: Record<string, unknown>;
}

/** One version of a dated record, for history lists. */
export function changeToApi(table: string, row: Record<string, unknown>): ChangeRecord {
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) if (!DATED_COLUMNS.has(column)) data[column] = value;
  return {
    table,
    versionId: String(row.version_id),
    validFrom: row.valid_from as string,
    validTo: row.valid_to as string | null,
    recordedAt: new Date(row.recorded_at as Date | string).toISOString(),
    source: row.source as string,
    data,
  };
}

export function byValidFromThenRecorded(a: ChangeRecord, b: ChangeRecord): number {
  return a.validFrom.localeCompare(b.validFrom) || a.recordedAt.localeCompare(b.recordedAt);
}

export { asOfSql };
