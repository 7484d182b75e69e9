import { CSV_KIND_NAMES, type CsvKind } from '@safetynet/core/registry-csv/kinds';
import {
  type CsvRecord,
  checkHeader,
  type RowProblem,
  validateRow,
} from '@safetynet/core/registry-csv/validate';
import { parse } from 'csv-parse/sync';

export interface ParsedFile {
  kind: CsvKind;
  name: string;
  records: { line: number; record: CsvRecord }[];
  problems: RowProblem[];
}

/** The kind a file holds, from its name (`persons.csv`, `tax-bracket.csv`). */
export function kindFromFileName(name: string): CsvKind | undefined {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  return CSV_KIND_NAMES.find((kind) => kind === base);
}

/** Parses and validates a whole file; every bad line reported, with the key duplicates within the file. */
export function parseFile(kind: CsvKind, name: string, text: string): ParsedFile {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      kind,
      name,
      records: [],
      problems: [
        {
          line,
          column: '*',
          zh: 'CSV 格式錯誤（引號未閉合等）',
          en: `malformed CSV: ${(error as Error).message}`,
        },
      ],
    };
  }
  const [header = [], ...data] = rows;
  const trimmedHeader = header.map((h) => h.trim());
  const problems = checkHeader(kind, trimmedHeader);
  const records: ParsedFile['records'] = [];
  if (problems.length) return { kind, name, records, problems };
  const seen = new Map<string, number>();
  data.forEach((cells, index) => {
    const line = index + 2;
    const result = validateRow(kind, trimmedHeader, cells, line);
    problems.push(...result.problems);
    if (!result.record) return;
    const key = duplicateKey(kind, result.record);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, column: '*', zh: `與第 ${first} 行重複`, en: `duplicates line ${first}` });
      return;
    }
    seen.set(key, line);
    records.push({ line, record: result.record });
  });
  return { kind, name, records, problems };
}

/** Two lines are the same record when: the same person, the same household, or the same whole row. */
function duplicateKey(kind: CsvKind, record: CsvRecord): string {
  if (kind === 'persons') return `${record.id_number}`;
  if (kind === 'households') return `${record.household_ref}`;
  if (kind === 'memberships') return `${record.household_ref}|${record.id_number}|${record.valid_from}`;
  const { source: _source, ...rest } = record;
  return JSON.stringify(rest);
}
