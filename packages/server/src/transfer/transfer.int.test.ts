import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withCheckDigit } from '@safetynet/core/identity/id-number';
import { CSV_KIND_NAMES } from '@safetynet/core/registry-csv/kinds';
import { sql } from 'kysely';
import { AuditLog } from '../audit/audit-log.ts';
import { auditChainKey, verifyAuditLog } from '../audit/audit-verify.ts';
import { operatorContext } from '../audit/operator.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { loadSyntheticCity } from '../synth/load.ts';
import { exportKind } from './export.ts';
import { importFiles } from './import.ts';
import { parseFile } from './parse.ts';

let source: Database;
let target: Database;
before(async () => {
  source = await openTestDatabase();
  target = await openTestDatabase();
  await loadSyntheticCity(source, { scale: 0.001, seed: 5 });
});
after(async () => {
  await source.close();
  await target.close();
});

const protectorOf = (database: Database) => new IdProtector(resolveIdKeys(process.env, database));
const exportAll = async (database: Database) => {
  const files: Record<string, string> = {};
  for (const kind of CSV_KIND_NAMES)
    files[kind] = await exportKind(database, protectorOf(database), kind, { asOf: '2023-06-30' });
  return files;
};
const count = async (database: Database, table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]!.n,
  );

test(`export → import into an empty database gives the same records; again, nothing new (${testEngine})`, async () => {
  const exported = await exportAll(source);
  const files = CSV_KIND_NAMES.map((kind) => parseFile(kind, `${kind}.csv`, exported[kind]!));
  const first = await importFiles(target, protectorOf(target), files);
  assert.deepEqual(first.problems, []);
  assert.ok(first.ok);
  assert.ok((first.written.persons ?? 0) > 2_000);
  // Insurance enrolment travels too: premiums paid by the insured and by a government budget.
  const insurance = exported.insurance!.trim().split('\n');
  assert.equal(
    insurance[0],
    'id_number,scheme,monthly_premium_ntd,premium_paid_by_government,valid_from,valid_to,source',
  );
  assert.ok(insurance.some((line) => /,nhi,0,true,/.test(line)));
  assert.ok(insurance.some((line) => /,labour,[1-9]\d*,false,/.test(line)));
  assert.equal(first.written.insurance, insurance.length - 1);
  assert.equal(await count(target, 'insurance_enrolment'), await count(source, 'insurance_enrolment'));
  assert.deepEqual(await exportAll(target), exported, 'the second export is the first, line for line');
  const persons = await count(target, 'person_version');
  const again = await importFiles(target, protectorOf(target), files);
  assert.ok(again.ok);
  assert.deepEqual(again.written, {});
  assert.equal(again.unchanged.persons, first.written.persons);
  assert.equal(await count(target, 'person_version'), persons);
});

test(`insurance enrolment (and a placement) with the true/false column left empty: its default (${testEngine})`, async () => {
  const idNumber = withCheckDigit('K20000001');
  const persons = parseFile(
    'persons',
    'persons.csv',
    `id_number,name,sex,birth_date\n${idNumber},保險測試,F,1950-01-01\n`,
  );
  const insurance = parseFile(
    'insurance',
    'insurance.csv',
    `id_number,scheme,monthly_premium_ntd,premium_paid_by_government,valid_from\n${idNumber},nhi,826,,2023-01-01\n${idNumber},farmers,"1,020",,2023-01-01\n`,
  );
  // The same for the other optional true/false columns (a school's day_program defaults to true).
  const placement = parseFile(
    'placement',
    'placement.csv',
    `id_number,placement_type,publicly_funded,valid_from\n${idNumber},senior_institution,,2023-01-01\n`,
  );
  const report = await importFiles(target, protectorOf(target), [insurance, placement, persons]);
  assert.deepEqual(report.problems, []);
  assert.equal(report.written.insurance, 2);
  const placed = await target.db
    .selectFrom('placement')
    .select('publicly_funded')
    .where('source', '=', 'csv:placement.csv')
    .execute();
  assert.deepEqual(placed, [{ publicly_funded: false }]);
  const { rows } = await sql<{
    scheme: string;
    monthly_premium_ntd: number;
    premium_paid_by_government: boolean;
  }>`
    SELECT scheme, monthly_premium_ntd, premium_paid_by_government FROM insurance_enrolment
    WHERE source = 'csv:insurance.csv' ORDER BY scheme`.execute(target.db);
  assert.deepEqual(rows, [
    { scheme: 'farmers', monthly_premium_ntd: 1020, premium_paid_by_government: false },
    { scheme: 'nhi', monthly_premium_ntd: 826, premium_paid_by_government: false },
  ]);
  const bad = parseFile(
    'insurance',
    'insurance.csv',
    `id_number,scheme,monthly_premium_ntd,valid_from\n${idNumber},pension,100,2023-01-01\n${idNumber},nhi,-1,2023-01-01\n`,
  );
  assert.deepEqual(
    bad.problems.map((p) => `${p.line}:${p.column}`),
    ['2:scheme', '3:monthly_premium_ntd'],
  );
  const again = await importFiles(target, protectorOf(target), [insurance]);
  assert.deepEqual(again.written, {}, 'the same file again writes nothing');
  assert.equal(again.unchanged.insurance, 2);
});

test(`a file full of bad lines: every line reported, nothing written (${testEngine})`, async () => {
  const before = await count(target, 'person');
  const persons = parseFile(
    'persons',
    'persons.csv',
    [
      'id_number,name,sex,birth_date,registered_district',
      'E123456783,新住民,F,1990-01-01,苓雅區', // good, but must not land
      'E123456784,錯碼,M,1980-01-01,苓雅區',
      'A123456789,性別,X,1980-01-01,苓雅區',
      'A223456781,日期,F,1980-02-30,苓雅區',
      'F126543211,地區,M,1980-01-01,台北',
      ',缺號,F,1990-01-01,鳳山區',
      'E123456783,重複,F,1990-01-01,苓雅區',
      'B123456780,太短,M',
    ].join('\n'),
  );
  const income = parseFile(
    'income',
    'income.csv',
    'id_number,income_type,monthly_amount_ntd,valid_from\nE123456783,earned,-5,2023-01-01\nE223456785,earned,100,2023-01-01\n',
  );
  const report = await importFiles(target, protectorOf(target), [income, persons]);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.problems.map((p) => `${p.file}:${p.line}:${p.column}`),
    [
      'persons.csv:3:id_number',
      'persons.csv:4:sex',
      'persons.csv:5:birth_date',
      'persons.csv:6:registered_district',
      'persons.csv:7:id_number',
      'persons.csv:8:*',
      'persons.csv:9:*',
      'income.csv:2:monthly_amount_ntd',
      'income.csv:3:id_number',
    ],
  );
  assert.equal(await count(target, 'person'), before, 'nothing written, not even the good line');
});

test(`a dry run validates and writes nothing (${testEngine})`, async () => {
  const before = await count(target, 'person');
  const file = parseFile(
    'persons',
    'persons.csv',
    'id_number,name,sex,birth_date\nE123456783,新住民,F,1990-01-01\n',
  );
  const report = await importFiles(target, protectorOf(target), [file], { dryRun: true });
  assert.ok(report.ok);
  assert.equal(report.written.persons, 1);
  assert.equal(await count(target, 'person'), before);
});

test(`an import is on the audit record with what it wrote; a refused or dry one is not (${testEngine})`, async () => {
  const protector = protectorOf(target);
  const trail = { log: new AuditLog(auditChainKey(protector)), context: operatorContext('registry import') };
  const imports = () => count(target, 'audit_entry');
  const before = await imports();
  const good = parseFile(
    'persons',
    'persons.csv',
    'id_number,name,sex,birth_date\nE223456785,新住民,F,1991-01-01\n',
  );
  const bad = parseFile(
    'persons',
    'persons.csv',
    'id_number,name,sex,birth_date\nE223456786,錯碼,F,1991-01-01\n',
  );
  assert.equal((await importFiles(target, protector, [bad], { trail })).ok, false);
  assert.ok((await importFiles(target, protector, [good], { trail, dryRun: true })).ok);
  assert.equal(await imports(), before, 'nothing recorded for what was not written');
  assert.ok((await importFiles(target, protector, [good], { trail })).ok);
  const entry = await target.db
    .selectFrom('audit_entry')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.equal(entry.action, 'import');
  assert.match(entry.actor_name, /^cli:/);
  assert.deepEqual(JSON.parse(entry.details).written, { persons: 1 });
  assert.equal((await verifyAuditLog(target.db, auditChainKey(protector))).ok, true);
});
