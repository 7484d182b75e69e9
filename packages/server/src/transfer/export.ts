import { maskIdNumber } from '@safetynet/core/identity/id-number';
import {
  CSV_KINDS,
  type CsvKind,
  EVIDENCE_TABLES,
  type EvidenceCsvKind,
} from '@safetynet/core/registry-csv/kinds';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { asOf } from '../db/as-of.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';

export interface ExportOptions {
  asOf: string;
  /** Only records of persons registered in (households located in) this district. */
  district?: string | undefined;
  /** ID numbers masked (A12*****89): a file that cannot be imported, for sharing. */
  mask?: boolean;
}

/**
 * Writes one kind as CSV in the import format (docs/csv-format.md), the records as on a date, so that
 * export → import into an empty database gives the same records.
 */
export async function exportKind(
  database: Database,
  protector: IdProtector,
  kind: CsvKind,
  options: ExportOptions,
): Promise<string> {
  const { db } = database;
  const on = options.asOf;
  const columns = CSV_KINDS[kind].map((c) => c.name);
  const idNumbers = new Map<string, string>();
  const idNumberOf = async (personIds: string[]) => {
    const missing = [...new Set(personIds)].filter((id) => !idNumbers.has(id));
    for (let i = 0; i < missing.length; i += 1000) {
      const rows = await db
        .selectFrom('person')
        .select(['person_id', 'id_number_cipher'])
        .where('person_id', 'in', missing.slice(i, i + 1000))
        .execute();
      for (const row of rows) {
        const idNumber = protector.open(row.id_number_cipher, row.person_id);
        idNumbers.set(row.person_id, options.mask ? maskIdNumber(idNumber) : idNumber);
      }
    }
  };
  const inDistrictPersons = options.district
    ? new Set(
        (
          await asOf(db, 'person_version', on)
            .select('person_id')
            .where('registered_district_code', '=', options.district)
            .execute()
        ).map((r) => r.person_id),
      )
    : undefined;
  const householdRows = await asOf(db, 'household_version', on)
    .innerJoin('household as hh', 'hh.household_id', 'household_version.household_id')
    .selectAll('household_version')
    .select('hh.external_ref')
    .execute();
  const households = new Map(householdRows.map((h) => [h.household_id, h]));
  const refOf = (householdId: string) => households.get(householdId)?.external_ref ?? householdId;
  const householdInDistrict = (householdId: string) =>
    !options.district || households.get(householdId)?.district_code === options.district;
  const personInDistrict = (personId: string) => !inDistrictPersons || inDistrictPersons.has(personId);

  let records: Record<string, unknown>[] = [];
  if (kind === 'persons') {
    const rows = (await asOf(db, 'person_version', on).selectAll().orderBy('person_id').execute()).filter(
      (r) => personInDistrict(r.person_id),
    );
    await idNumberOf(rows.map((r) => r.person_id));
    records = rows.map((r) => ({
      id_number: idNumbers.get(r.person_id),
      name: r.name_zh,
      sex: r.sex,
      birth_date: r.birth_date,
      registered_district: r.registered_district_code,
      city_registration_date: r.city_registration_date,
      residence_district: r.residence_district_code,
      death_date: r.death_date,
      valid_from: r.valid_from,
      source: r.source,
    }));
  } else if (kind === 'households') {
    records = householdRows
      .filter((h) => householdInDistrict(h.household_id))
      .sort((a, b) => refOf(a.household_id).localeCompare(refOf(b.household_id)))
      .map((h) => ({
        household_ref: refOf(h.household_id),
        district: h.district_code,
        address: h.address,
        valid_from: h.valid_from,
        valid_to: h.valid_to,
        source: h.source,
      }));
  } else if (kind === 'memberships') {
    const rows = (
      await asOf(db, 'household_membership', on).selectAll().orderBy('membership_id').execute()
    ).filter((m) => householdInDistrict(m.household_id) && households.has(m.household_id));
    await idNumberOf(rows.map((r) => r.person_id));
    records = rows.map((m) => ({
      household_ref: refOf(m.household_id),
      id_number: idNumbers.get(m.person_id),
      role: m.role,
      valid_from: m.valid_from,
      valid_to: m.valid_to,
      source: m.source,
    }));
  } else if (kind === 'statuses') {
    const rows = (await asOf(db, 'status_register', on).selectAll().orderBy('status_id').execute()).filter(
      (s) => (s.household_id ? householdInDistrict(s.household_id) : personInDistrict(s.person_id!)),
    );
    await idNumberOf(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])));
    records = rows.map((s) => ({
      status: s.status,
      household_ref: s.household_id ? refOf(s.household_id) : null,
      id_number: s.person_id ? idNumbers.get(s.person_id) : null,
      category: s.category,
      valid_from: s.valid_from,
      valid_to: s.valid_to,
      source: s.source,
    }));
  } else {
    const table = EVIDENCE_TABLES[kind as EvidenceCsvKind];
    // biome-ignore lint/suspicious/noExplicitAny: one export for the evidence tables
    const rows = (await asOf(db as Kysely<any> as Kysely<Schema>, table, on)
      .selectAll()
      .orderBy('evidence_id')
      .execute()) as unknown as Record<string, unknown>[];
    const kept = rows.filter((r) => personInDistrict(r.person_id as string));
    await idNumberOf(kept.map((r) => r.person_id as string));
    records = kept.map((r) =>
      Object.fromEntries(
        columns.map((c) => [c, c === 'id_number' ? idNumbers.get(r.person_id as string) : r[c]]),
      ),
    );
  }
  // Ordered by content (not by internal ids), so the same records always give the same file.
  const keyOf = (record: Record<string, unknown>) =>
    columns.map((c) => String(record[c] ?? '')).join('\u0000');
  records.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return stringify(records, {
    header: true,
    columns,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}
