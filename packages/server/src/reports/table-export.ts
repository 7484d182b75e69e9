import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { strToU8, zipSync } from 'fflate';

/**
 * One way to hand a table to a person as a file (issue 7): CSV (UTF-8 with a byte-order mark, so Excel
 * reads the Chinese) or XLSX (a minimal Office Open XML workbook, written here so no spreadsheet library is
 * needed). Every report, statistic and export that offers a download builds a `ReportTable` and calls
 * `sendTable`.
 */
export type ColumnType = 'text' | 'integer';

export interface TableColumn {
  /** The row's property holding this column's value. */
  key: string;
  /** Header in Traditional Chinese. */
  zh: string;
  /** Header in English. */
  en: string;
  /** `integer` cells are written as numbers (XLSX: a number cell, thousands separated). */
  type: ColumnType;
}

/** A cell: text, a whole number, or empty (null/undefined). A string in an integer column stays text
 * (e.g. a suppression mark in open data). */
export type Cell = string | number | null | undefined;

export interface ReportTable {
  columns: readonly TableColumn[];
  rows: readonly Readonly<Record<string, Cell>>[];
}

export type TableLanguage = 'zh-TW' | 'en';
export type TableFormat = 'csv' | 'xlsx';
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;

export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface TableFileOptions {
  /** Which header row: zh-TW (default) or en. */
  language?: TableLanguage;
}

const header = (column: TableColumn, language: TableLanguage = 'zh-TW') =>
  language === 'en' ? column.en : column.zh;

function checkCell(column: TableColumn, value: Cell): Cell {
  if (typeof value === 'number') {
    // Money is integer NTD and counts are whole: a fraction here is a bug upstream, not something to round.
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`column ${column.key}: ${value} is not a whole number`);
    }
    if (column.type === 'text') return String(value);
  }
  return value;
}

/** A text cell Excel would read as a formula (=, +, -, @, tab, CR first) is prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV: header row, CRLF line ends (RFC 4180), UTF-8 with a byte-order mark. */
export function tableToCsv(table: ReportTable, options: TableFileOptions = {}): Buffer {
  const records = [
    table.columns.map((c) => header(c, options.language)),
    ...table.rows.map((row) =>
      table.columns.map((column) => {
        const value = checkCell(column, row[column.key]);
        if (value === null || value === undefined) return '';
        if (typeof value === 'number') return String(value);
        return FORMULA_START.test(value) ? `'${value}` : value;
      }),
    ),
  ];
  // A line break of either kind inside a cell is quoted too (csv-stringify quotes only the record delimiter).
  const text = stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

// ---- XLSX -------------------------------------------------------------------------------------------

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Drops what XML 1.0 cannot hold at all: control characters other than tab, LF, CR; U+FFFE/U+FFFF; lone
 * surrogates. */
function xmlCharactersOnly(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) out += ch;
  }
  return out;
}

export function escapeXml(text: string): string {
  return xmlCharactersOnly(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], not blank, unique. */
function sheetName(name: string | undefined, index: number, used: Set<string>): string {
  let clean = (name ?? '')
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  if (!clean) clean = `Sheet${index + 1}`;
  let unique = clean;
  for (let n = 2; used.has(unique.toLowerCase()); n++)
    unique = `${clean.slice(0, 31 - `(${n})`.length)}(${n})`;
  used.add(unique.toLowerCase());
  return unique;
}

// Cell styles (xl/styles.xml cellXfs): 0 plain, 1 bold header, 2 integer with thousands separators (#,##0).
const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

function textCell(ref: string, text: string, style = 0): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  const s = style ? ` s="${style}"` : '';
  return `<c r="${ref}" t="inlineStr"${s}><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

function worksheetXml(table: ReportTable, language: TableLanguage | undefined): string {
  const { columns } = table;
  const headerCells = columns.map((c, i) => textCell(`${columnLetters(i)}1`, header(c, language), 1));
  const rows = [`<row r="1">${headerCells.join('')}</row>`];
  table.rows.forEach((row, r) => {
    const n = r + 2;
    const cells: string[] = [];
    columns.forEach((column, i) => {
      const value = checkCell(column, row[column.key]);
      const ref = `${columnLetters(i)}${n}`;
      if (value === null || value === undefined || value === '') return;
      if (typeof value === 'number') cells.push(`<c r="${ref}" s="2"><v>${value}</v></c>`);
      else cells.push(textCell(ref, value));
    });
    rows.push(`<row r="${n}">${cells.join('')}</row>`);
  });
  const last = `${columnLetters(Math.max(columns.length - 1, 0))}${table.rows.length + 1}`;
  // Width from the longest header or value; a CJK character takes about two columns' width.
  const width = (text: string) =>
    [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const cols = columns.map((column, i) => {
    const longest = table.rows.reduce(
      (max, row) => Math.max(max, width(String(row[column.key] ?? ''))),
      width(header(column, language)),
    );
    const w = Math.min(Math.max(longest + 2, 8), 60);
    return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
  });
  return (
    `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    (cols.length ? `<cols>${cols.join('')}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData></worksheet>`
  );
}

export interface Sheet {
  /** The sheet's tab name (made to fit Excel's rules). */
  name?: string;
  table: ReportTable;
}

/** XLSX with one sheet per table: inline strings, numbers as numbers, the header row bold and frozen. */
export function tablesToXlsx(sheets: readonly Sheet[], options: TableFileOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new TypeError('a workbook needs at least one sheet');
  const used = new Set<string>();
  const names = sheets.map((sheet, i) => sheetName(sheet.name, i, used));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        names
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        names
          .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
        names
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheetXml(sheet.table, options.language));
  });
  // A fixed date keeps the same table the same bytes (ZIP entries carry a modification time).
  return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

export function tableToXlsx(
  table: ReportTable,
  options: TableFileOptions & { sheetName?: string } = {},
): Uint8Array {
  return tablesToXlsx([{ name: options.sheetName ?? 'Sheet1', table }], options);
}

export function tableFile(
  table: ReportTable,
  format: TableFormat,
  options: TableFileOptions & { sheetName?: string } = {},
): Buffer {
  return format === 'csv' ? tableToCsv(table, options) : Buffer.from(tableToXlsx(table, options));
}

// ---- sending ----------------------------------------------------------------------------------------

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the ASCII name for old clients, the UTF-8
 * one (e.g. Chinese) for the rest.
 */
export function contentDisposition(
  filename: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const dot = filename.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ''];
  const asciiOnly = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\x20-\x7E]/g, '')
      .replace(/["\\;]/g, '')
      .replace(/\s+/g, '_')
      .replace(/^[-_.]+|[-_.]+$/g, '');
  const ascii = `${asciiOnly(stem) || 'download'}${asciiOnly(extension) ? `.${asciiOnly(extension)}` : ''}`;
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface SendTableOptions extends TableFileOptions {
  format: TableFormat;
  /** The file's name without its extension; may hold Chinese (e.g. `統計-2025-01`). */
  filename: string;
  sheetName?: string;
}

/** Sends a table as a download with its content type and file name. */
export function sendTable(reply: FastifyReply, table: ReportTable, options: SendTableOptions): FastifyReply {
  const body = tableFile(table, options.format, options);
  return reply
    .type(TABLE_CONTENT_TYPES[options.format])
    .header('content-disposition', contentDisposition(`${options.filename}.${options.format}`))
    .send(body);
}
