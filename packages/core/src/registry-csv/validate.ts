import { type CellValue, parseCell } from './columns.ts';
import { CSV_KINDS, type CsvKind } from './kinds.ts';

/** A problem with a line of a file: line 1 is the header. */
export interface RowProblem {
  line: number;
  column: string;
  zh: string;
  en: string;
}

export type CsvRecord = Record<string, CellValue>;

/** Checks the header: every required column present, no unknown column. */
export function checkHeader(kind: CsvKind, header: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const columns = CSV_KINDS[kind];
  const known = new Set(columns.map((c) => c.name));
  for (const column of columns) {
    if (column.required && !header.includes(column.name)) {
      problems.push({
        line: 1,
        column: column.name,
        zh: `缺少必要欄位 ${column.name}`,
        en: `required column ${column.name} is missing`,
      });
    }
  }
  for (const name of header) {
    if (!known.has(name))
      problems.push({ line: 1, column: name, zh: `未知的欄位 ${name}`, en: `unknown column ${name}` });
  }
  return problems;
}

/** Validates one data line into a record; every bad cell reported, plus the rules across cells. */
export function validateRow(
  kind: CsvKind,
  header: string[],
  cells: string[],
  line: number,
): { record?: CsvRecord; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  if (cells.length !== header.length) {
    problems.push({
      line,
      column: '*',
      zh: `欄位數 ${cells.length} 與標題列 ${header.length} 不符`,
      en: `${cells.length} cells where the header has ${header.length}`,
    });
    return { problems };
  }
  const record: CsvRecord = {};
  for (const column of CSV_KINDS[kind]) {
    const index = header.indexOf(column.name);
    const result = parseCell(column, index >= 0 ? cells[index] : undefined);
    if (result.ok) record[column.name] = result.value;
    else problems.push({ line, column: column.name, zh: result.zh, en: result.en });
  }
  if (problems.length === 0) {
    const from = (record.valid_from ?? record.birth_date) as string | null;
    if (record.valid_to && from && (record.valid_to as string) <= from) {
      problems.push({ line, column: 'valid_to', zh: '須晚於 valid_from', en: 'must be after valid_from' });
    }
    if (record.death_date && (record.death_date as string) < (record.birth_date as string)) {
      problems.push({
        line,
        column: 'death_date',
        zh: '不可早於出生日期',
        en: 'must not be before birth_date',
      });
    }
    if (kind === 'statuses') {
      const householdStatus = record.status === 'low_income' || record.status === 'mid_low_income';
      if (householdStatus && (!record.household_ref || record.id_number)) {
        problems.push({
          line,
          column: 'household_ref',
          zh: '此狀態屬於戶：須填 household_ref，不填 id_number',
          en: 'a household status: give household_ref, not id_number',
        });
      }
      if (!householdStatus && (!record.id_number || record.household_ref)) {
        problems.push({
          line,
          column: 'id_number',
          zh: '此狀態屬於個人：須填 id_number，不填 household_ref',
          en: 'a person status: give id_number, not household_ref',
        });
      }
      if (record.category && record.status !== 'low_income') {
        problems.push({
          line,
          column: 'category',
          zh: '只有低收入戶有類別',
          en: 'only low_income has a category',
        });
      }
    }
  }
  return problems.length ? { problems } : { record, problems };
}
