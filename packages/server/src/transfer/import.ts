import { randomUUID } from 'node:crypto';
import {
  CSV_KIND_NAMES,
  type CsvKind,
  EVIDENCE_TABLES,
  type EvidenceCsvKind,
} from '@safetynet/core/registry-csv/kinds';
import type { CsvRecord, RowProblem } from '@safetynet/core/registry-csv/validate';
import { type Kysely, sql } from 'kysely';
import type { AuditTrail } from '../audit/audit-log.ts';
import { asOf } from '../db/as-of.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { IdProtector } from '../identity/id-protector.ts';
import type { ParsedFile } from './parse.ts';

export interface FileProblem extends RowProblem {
  file: string;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  problems: FileProblem[];
  /** Records written per kind; re-imported identical records are `unchanged`. */
  written: Partial<Record<CsvKind, number>>;
  unchanged: Partial<Record<CsvKind, number>>;
}

class Rollback extends Error {}

/**
 * Imports parsed files in one transaction: persons, then households, memberships, evidence and statuses.
 * If any line of any file is bad nothing is written and every bad line is reported. Importing the same
 * files again writes nothing (a person is their ID number; a household its reference; any other record is
 * unchanged when an identical version exists).
 */
export async function importFiles(
  database: Database,
  protector: IdProtector,
  files: ParsedFile[],
  options: { dryRun?: boolean; trail?: AuditTrail } = {},
): Promise<ImportReport> {
  const ordered = [...files].sort((a, b) => CSV_KIND_NAMES.indexOf(a.kind) - CSV_KIND_NAMES.indexOf(b.kind));
  const report: ImportReport = {
    ok: false,
    dryRun: options.dryRun === true,
    problems: [],
    written: {},
    unchanged: {},
  };
  for (const file of ordered) report.problems.push(...file.problems.map((p) => ({ ...p, file: file.name })));
  // Even with bad lines the good ones are tried (and rolled back), so that reference errors are reported too.
  try {
    await database.db.transaction().execute(async (trx) => {
      const importer = new Importer(trx, protector, report);
      for (const file of ordered) await importer.importFile(file);
      if (report.problems.length || options.dryRun) throw new Rollback();
      // The import is on the record in the same transaction as what it wrote.
      if (options.trail)
        await options.trail.log.append(trx, options.trail.context, [
          {
            action: 'import',
            recordType: 'registry',
            recordId: null,
            details: { files: ordered.map((file) => file.name), written: report.written },
          },
        ]);
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  report.ok = report.problems.length === 0;
  if (!report.ok) {
    report.written = {};
    report.unchanged = {};
  }
  return report;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Optional true/false columns left empty take the table's default (the columns are NOT NULL). */
const BOOLEAN_DEFAULTS: Record<string, boolean> = {
  day_program: true,
  publicly_funded: false,
  premium_paid_by_government: false,
};

class Importer {
  private readonly personIds = new Map<string, string>();
  private readonly householdIds = new Map<string, string>();

  constructor(
    private readonly trx: Kysely<Schema>,
    private readonly protector: IdProtector,
    private readonly report: ImportReport,
  ) {}

  private count(kind: CsvKind, written: boolean) {
    const bucket = written ? this.report.written : this.report.unchanged;
    bucket[kind] = (bucket[kind] ?? 0) + 1;
  }

  private problem(file: ParsedFile, line: number, column: string, zh: string, en: string) {
    this.report.problems.push({ file: file.name, line, column, zh, en });
  }

  /** Person ids for ID numbers, from this import or the database (through the blind index). */
  private async resolvePersons(idNumbers: string[]): Promise<void> {
    const missing = [...new Set(idNumbers)].filter((id) => !this.personIds.has(id));
    for (let i = 0; i < missing.length; i += 1000) {
      const batch = missing.slice(i, i + 1000);
      const byIndex = new Map(batch.map((id) => [this.protector.index(id).toString('hex'), id]));
      const rows = await this.trx
        .selectFrom('person')
        .select(['person_id', 'id_number_index'])
        .where(
          'id_number_index',
          'in',
          batch.map((id) => this.protector.index(id)),
        )
        .execute();
      for (const row of rows)
        this.personIds.set(byIndex.get(row.id_number_index.toString('hex'))!, row.person_id);
    }
  }

  private async resolveHouseholds(refs: string[]): Promise<void> {
    const missing = [...new Set(refs)].filter((ref) => !this.householdIds.has(ref));
    for (let i = 0; i < missing.length; i += 1000) {
      const batch = missing.slice(i, i + 1000);
      const rows = await this.trx
        .selectFrom('household')
        .select(['household_id', 'external_ref'])
        .where((eb) => eb.or([eb('external_ref', 'in', batch), eb(sql`household_id::text`, 'in', batch)]))
        .execute();
      for (const row of rows)
        this.householdIds.set(
          batch.includes(row.external_ref ?? '') ? row.external_ref! : row.household_id,
          row.household_id,
        );
    }
  }

  async importFile(parsed: ParsedFile): Promise<void> {
    const file = parsed;
    const records = file.records;
    await this.resolvePersons(records.map((r) => r.record.id_number as string).filter(Boolean));
    await this.resolveHouseholds(records.map((r) => r.record.household_ref as string).filter(Boolean));
    if (file.kind === 'persons') return this.importPersons(file);
    if (file.kind === 'households') return this.importHouseholds(file);
    for (const { line, record } of records) {
      if (record.id_number && !this.personIds.has(record.id_number as string)) {
        this.problem(
          file,
          line,
          'id_number',
          `找不到此人（未登錄，也不在 persons 檔）：${record.id_number}`,
          `no such person (not registered, not in the persons file): ${record.id_number}`,
        );
      }
      if (record.household_ref && !this.householdIds.has(record.household_ref as string)) {
        this.problem(
          file,
          line,
          'household_ref',
          `找不到此戶：${record.household_ref}`,
          `no such household: ${record.household_ref}`,
        );
      }
    }
    if (this.report.problems.length) return;
    if (file.kind === 'memberships')
      return this.importDated(file, 'household_membership', 'membership_id', (r) => ({
        household_id: this.householdIds.get(r.household_ref as string)!,
        person_id: this.personIds.get(r.id_number as string)!,
        role: r.role,
      }));
    if (file.kind === 'statuses') {
      return this.importDated(file, 'status_register', 'status_id', (r) => ({
        status: r.status,
        household_id: r.household_ref ? this.householdIds.get(r.household_ref as string)! : null,
        person_id: r.id_number ? this.personIds.get(r.id_number as string)! : null,
        category: r.category,
      }));
    }
    const kind = file.kind as EvidenceCsvKind;
    return this.importDated(file, EVIDENCE_TABLES[kind], 'evidence_id', (r) => {
      const { id_number, valid_from: _f, valid_to: _t, source: _s, ...fields } = r;
      return {
        person_id: this.personIds.get(id_number as string)!,
        ...fields,
        ...(kind === 'tax-bracket' ? { marginal_rate_pct: Number(fields.marginal_rate_pct) } : {}),
        ...Object.fromEntries(
          Object.entries(BOOLEAN_DEFAULTS)
            .filter(([column]) => column in fields && fields[column] === null)
            .map(([column, value]) => [column, value]),
        ),
      };
    });
  }

  private async importPersons(file: ParsedFile): Promise<void> {
    for (const { record } of file.records) {
      const idNumber = record.id_number as string;
      const fields = {
        name_zh: record.name as string,
        sex: record.sex as 'M' | 'F',
        birth_date: record.birth_date as string,
        registered_district_code: record.registered_district as string | null,
        city_registration_date: record.city_registration_date as string | null,
        residence_district_code: (record.residence_district ?? record.registered_district) as string | null,
        death_date: record.death_date as string | null,
      };
      const source = (record.source as string | null) ?? `csv:${file.name}`;
      let personId = this.personIds.get(idNumber);
      const validFrom = (record.valid_from as string | null) ?? (personId ? today() : fields.birth_date);
      if (!personId) {
        personId = randomUUID();
        this.personIds.set(idNumber, personId);
        const kind =
          idNumber[1] === '8' || idNumber[1] === '9'
            ? 'resident_new'
            : /[A-D]/.test(idNumber[1]!)
              ? 'resident_old'
              : 'national_id';
        await this.trx
          .insertInto('person')
          .values({
            person_id: personId,
            id_number_kind: kind,
            id_number_cipher: this.protector.seal(idNumber, personId),
            id_number_index: this.protector.index(idNumber),
          })
          .execute();
      } else {
        const current = await asOf(this.trx, 'person_version', validFrom, {
          narrow: (q) => q.where('person_id', '=', personId!),
        }).executeTakeFirst();
        if (
          current &&
          (Object.keys(fields) as (keyof typeof fields)[]).every((k) => current[k] === fields[k])
        ) {
          this.count('persons', false);
          continue;
        }
      }
      await this.trx
        .insertInto('person_version')
        .values({ person_id: personId, valid_from: validFrom, valid_to: null, source, ...fields })
        .execute();
      this.count('persons', true);
    }
  }

  private async importHouseholds(file: ParsedFile): Promise<void> {
    for (const { record } of file.records) {
      const ref = record.household_ref as string;
      const fields = { district_code: record.district as string, address: record.address as string | null };
      let householdId = this.householdIds.get(ref);
      if (!householdId) {
        householdId = randomUUID();
        this.householdIds.set(ref, householdId);
        await this.trx
          .insertInto('household')
          .values({ household_id: householdId, external_ref: ref })
          .execute();
      } else {
        const current = await asOf(this.trx, 'household_version', record.valid_from as string, {
          narrow: (q) => q.where('household_id', '=', householdId!),
        }).executeTakeFirst();
        if (
          current &&
          current.district_code === fields.district_code &&
          current.address === fields.address &&
          current.valid_to === record.valid_to
        ) {
          this.count('households', false);
          continue;
        }
      }
      await this.trx
        .insertInto('household_version')
        .values({
          household_id: householdId,
          valid_from: record.valid_from as string,
          valid_to: record.valid_to as string | null,
          source: (record.source as string | null) ?? `csv:${file.name}`,
          ...fields,
        })
        .execute();
      this.count('households', true);
    }
  }

  /** Dated rows: written unless a version with the same dates and values exists already. */
  private async importDated(
    file: ParsedFile,
    table: keyof Schema,
    keyColumn: string,
    values: (record: CsvRecord) => Record<string, unknown>,
  ): Promise<void> {
    // biome-ignore lint/suspicious/noExplicitAny: one loader for the nine dated tables
    const db = this.trx as Kysely<any>;
    const rows = file.records.map(({ record }) => ({ record, values: values(record) }));
    const owners = [...new Set(rows.map((r) => (r.values.person_id ?? r.values.household_id) as string))];
    const existing = new Set<string>();
    for (let i = 0; i < owners.length; i += 1000) {
      const batch = owners.slice(i, i + 1000);
      const found = await db
        .selectFrom(table)
        .selectAll()
        .where((eb) =>
          table === 'status_register'
            ? eb.or([eb('person_id', 'in', batch), eb('household_id', 'in', batch)])
            : eb('person_id', 'in', batch),
        )
        .execute();
      for (const row of found) existing.add(fingerprint(row, Object.keys(rows[0]?.values ?? {})));
    }
    const inserts: Record<string, unknown>[] = [];
    for (const { record, values: v } of rows) {
      const row = { ...v, valid_from: record.valid_from, valid_to: record.valid_to ?? null };
      if (existing.has(fingerprint(row, Object.keys(v)))) {
        this.count(file.kind, false);
        continue;
      }
      inserts.push({
        [keyColumn]: randomUUID(),
        ...row,
        source: (record.source as string | null) ?? `csv:${file.name}`,
      });
      this.count(file.kind, true);
    }
    for (let i = 0; i < inserts.length; i += 1000)
      await db
        .insertInto(table)
        .values(inserts.slice(i, i + 1000))
        .execute();
  }
}

function fingerprint(row: Record<string, unknown>, columns: string[]): string {
  return [...columns, 'valid_from', 'valid_to']
    .map((c) => (row[c] === null || row[c] === undefined ? '' : String(row[c])))
    .join('|');
}
