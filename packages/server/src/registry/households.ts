import { districtByCode } from '@safetynet/core/districts';
import { maskIdNumber } from '@safetynet/core/identity/id-number';
import { type RawBuilder, sql } from 'kysely';
import { asOf } from '../db/as-of.ts';
import type { Database } from '../db/database.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import { asOfSql } from './dated-sql.ts';
import { EVIDENCE_KIND_NAMES, EVIDENCE_KINDS, type EvidenceKind, evidenceToApi } from './evidence-kinds.ts';
import { byValidFromThenRecorded, type ChangeRecord, changeToApi, statusToApi } from './persons.ts';
import type { Viewer } from './viewer.ts';

export interface HouseholdSummary {
  id: string;
  districtCode: string;
  address: string | null;
  validFrom: string;
}

export interface HouseholdSearch {
  district?: string | undefined;
  memberPersonId?: string | undefined;
  asOf: string;
  limit: number;
  offset: number;
  /** Only households in this set (`SELECT household_id …`, the caller's scope); undefined: all. */
  within?: RawBuilder<unknown> | undefined;
}

/** Reads of households (the household aggregate). */
export class HouseholdRepository {
  constructor(
    private readonly database: Database,
    private readonly protector: IdProtector,
  ) {}

  /**
   * The household as it was on a date — its district, its members with their roles and details, each
   * member's evidence of every kind, and the statuses — in ONE query, every table resolved by the dated-row
   * rule. `knownAt` answers "as we knew it then".
   */
  async get(
    householdId: string,
    on: string,
    viewer: Viewer,
    knownAt?: Date,
  ): Promise<Record<string, unknown> | undefined> {
    const inHousehold = sql`household_id = ${householdId}`;
    const members = asOfSql('household_membership', inHousehold, on, knownAt);
    const memberIds = sql`person_id IN (SELECT person_id FROM ${members} m)`;
    const evidenceColumns: RawBuilder<unknown>[] = EVIDENCE_KIND_NAMES.map(
      (kind) => sql`(SELECT coalesce(json_agg(e ORDER BY e.valid_from), '[]'::json)
          FROM ${asOfSql(EVIDENCE_KINDS[kind].table, memberIds, on, knownAt)} e) AS ${sql.ref(`evidence_${kind.replace('-', '_')}`)}`,
    );
    const { rows } = await sql<Record<string, unknown>>`
      SELECT
        (SELECT row_to_json(h) FROM ${asOfSql('household_version', inHousehold, on, knownAt)} h) AS household,
        (SELECT coalesce(json_agg(json_build_object(
            'membership', m, 'person', pv, 'idNumberKind', p.id_number_kind,
            'idNumberCipher', encode(p.id_number_cipher, 'hex')) ORDER BY m.role, pv.birth_date), '[]'::json)
          FROM ${members} m
          JOIN person p ON p.person_id = m.person_id
          LEFT JOIN ${asOfSql('person_version', memberIds, on, knownAt)} pv ON pv.person_id = m.person_id) AS members,
        (SELECT coalesce(json_agg(s), '[]'::json)
          FROM ${asOfSql('status_register', sql`(household_id = ${householdId} OR ${memberIds})`, on, knownAt)} s) AS statuses,
        ${sql.join(evidenceColumns)},
        EXISTS (SELECT 1 FROM household WHERE household_id = ${householdId}) AS found
    `.execute(this.database.db);
    const row = rows[0]!;
    if (!row.found) return undefined;
    const household = row.household as Record<string, string> | null;
    const district = household?.district_code ? districtByCode(household.district_code) : undefined;
    const evidenceOf = (personId: string) =>
      Object.fromEntries(
        EVIDENCE_KIND_NAMES.map((kind) => [
          kind,
          (row[`evidence_${kind.replace('-', '_')}`] as Record<string, unknown>[])
            .filter((e) => e.person_id === personId)
            .map((e) => evidenceToApi(kind as EvidenceKind, e)),
        ]),
      );
    return {
      id: householdId,
      asOf: on,
      district: district ? { code: district.code, nameZh: district.nameZh, nameEn: district.nameEn } : null,
      address: household?.address ?? null,
      validFrom: household?.valid_from ?? null,
      members: (row.members as Record<string, Record<string, string> | string>[]).map((m) => {
        const membership = m.membership as Record<string, string>;
        const person = m.person as Record<string, string> | null;
        const idNumber = this.protector.open(
          Buffer.from(m.idNumberCipher as string, 'hex'),
          membership.person_id!,
        );
        return {
          personId: membership.person_id,
          membershipId: membership.membership_id,
          role: membership.role,
          memberSince: membership.valid_from,
          memberUntil: membership.valid_to,
          idNumber: viewer.canSeeFullIdNumbers ? idNumber : maskIdNumber(idNumber),
          idNumberKind: m.idNumberKind,
          name: person?.name_zh ?? null,
          sex: person?.sex ?? null,
          birthDate: person?.birth_date ?? null,
          registeredDistrictCode: person?.registered_district_code ?? null,
          deathDate: person?.death_date ?? null,
          evidence: evidenceOf(membership.person_id!),
        };
      }),
      statuses: (row.statuses as Parameters<typeof statusToApi>[0][]).map(statusToApi),
    };
  }

  async search(query: HouseholdSearch): Promise<{ items: HouseholdSummary[]; total: number }> {
    const { db } = this.database;
    const current = asOf(db, 'household_version', query.asOf, {
      narrow: (q) => {
        let narrowed = q;
        if (query.district) {
          const district = query.district;
          narrowed = narrowed.where('household_id', 'in', (eb) =>
            eb
              .selectFrom('household_version as d')
              .select('d.household_id')
              .where('d.district_code', '=', district),
          );
        }
        if (query.memberPersonId) {
          const memberPersonId = query.memberPersonId;
          narrowed = narrowed.where('household_id', 'in', (eb) =>
            eb
              .selectFrom('household_membership as m')
              .select('m.household_id')
              .where('m.person_id', '=', memberPersonId),
          );
        }
        return narrowed;
      },
    });
    let filtered = db.selectFrom(current.as('h'));
    if (query.district) filtered = filtered.where('h.district_code', '=', query.district);
    if (query.within) filtered = filtered.where(sql<boolean>`h.household_id IN (${query.within})`);
    const [rows, count] = await Promise.all([
      filtered.selectAll('h').orderBy('h.household_id').limit(query.limit).offset(query.offset).execute(),
      filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((h) => ({
        id: h.household_id,
        districtCode: h.district_code,
        address: h.address,
        validFrom: h.valid_from,
      })),
      total: Number(count.total),
    };
  }

  /** Every version of the household's own records (district and address, memberships, statuses). */
  async history(householdId: string): Promise<ChangeRecord[] | undefined> {
    const { db } = this.database;
    const exists = await db
      .selectFrom('household')
      .select('household_id')
      .where('household_id', '=', householdId)
      .executeTakeFirst();
    if (!exists) return undefined;
    const changes: ChangeRecord[] = [];
    for (const table of ['household_version', 'household_membership', 'status_register']) {
      const rows = await sql<
        Record<string, unknown>
      >`SELECT * FROM ${sql.table(table)} WHERE household_id = ${householdId}`.execute(db);
      for (const row of rows.rows) changes.push(changeToApi(table, row));
    }
    return changes.sort(byValidFromThenRecorded);
  }
}
