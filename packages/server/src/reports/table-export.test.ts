import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import Fastify from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import {
  columnLetters,
  contentDisposition,
  type ReportTable,
  sendTable,
  TABLE_CONTENT_TYPES,
  tablesToXlsx,
  tableToCsv,
  tableToXlsx,
} from './table-export.ts';

const table: ReportTable = {
  columns: [
    { key: 'program', zh: '福利項目', en: 'Program', type: 'text' },
    { key: 'district', zh: '行政區', en: 'District', type: 'text' },
    { key: 'persons', zh: '人數', en: 'Persons', type: 'integer' },
    { key: 'amount', zh: '金額（元）', en: 'Amount (NTD)', type: 'integer' },
  ],
  rows: [
    { program: '中低收入老人生活津貼', district: '苓雅區', persons: 12, amount: 1_234_567_890 },
    { program: 'A & B <c> "quoted", \'single\'', district: '前鎮區\n第二行', persons: 0, amount: -500 },
    { program: '=SUM(A1)', district: null, persons: null, amount: 7 },
    { program: '  spaced  ', district: '三民區', persons: '…', amount: 3 },
  ],
};

/**
 * A small well-formedness check: every tag closed in order, attributes quoted, only the five predefined
 * entities or character references, no raw `<` or `&` in text. Returns the element names in order.
 */
function wellFormed(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const names: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    const m = token.exec(body);
    assert.ok(m, `not well-formed at ${pos}: ${body.slice(pos, pos + 60)}`);
    pos = token.lastIndex;
    const [, closing, name, attributes, selfClosing, text] = m;
    const checkEntities = (s: string) =>
      assert.doesNotMatch(s, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/, `bad entity in ${s}`);
    if (text !== undefined) {
      assert.ok(stack.length > 0 || !text.trim(), 'text outside the root element');
      checkEntities(text);
      continue;
    }
    checkEntities(attributes ?? '');
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else {
      if (stack.length === 0) assert.equal(names.length, 0, 'a second root element');
      names.push(name as string);
      if (!selfClosing) stack.push(name as string);
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  return names;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The sheet's cells by reference: numbers as numbers, inline strings as their text. */
function cells(sheetXml: string): Map<string, { type: 'n' | 's'; value: string | number; style?: string }> {
  const out = new Map<string, { type: 'n' | 's'; value: string | number; style?: string }>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)) {
    const [, ref, attributes, inner] = m as unknown as [string, string, string, string];
    const style = /s="(\d+)"/.exec(attributes)?.[1];
    if (attributes.includes('t="inlineStr"')) {
      const text = /<is><t(?: xml:space="preserve")?>(.*?)<\/t><\/is>/s.exec(inner)?.[1] ?? '';
      out.set(ref, { type: 's', value: unescapeXml(text), ...(style ? { style } : {}) });
    } else {
      const v = /<v>(.*?)<\/v>/.exec(inner)?.[1];
      out.set(ref, { type: 'n', value: Number(v), ...(style ? { style } : {}) });
    }
  }
  return out;
}

describe('CSV', () => {
  test('starts with a byte-order mark, quotes commas, quotes and line breaks, and reads back the same', () => {
    const csv = tableToCsv(table);
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    assert.ok(text.startsWith('福利項目,行政區,人數,金額（元）\r\n'));
    assert.ok(text.includes('"A & B <c> ""quoted"", \'single\'","前鎮區\n第二行",0,-500\r\n'));
    const records = parse(text) as string[][];
    assert.deepEqual(records[1], ['中低收入老人生活津貼', '苓雅區', '12', '1234567890']);
    assert.deepEqual(records[2], ['A & B <c> "quoted", \'single\'', '前鎮區\n第二行', '0', '-500']);
    assert.deepEqual(records[4], ['  spaced  ', '三民區', '…', '3']);
  });

  test('a text cell that would be a formula in a spreadsheet is kept as text; a negative number is not', () => {
    const records = parse(tableToCsv(table).toString('utf8').slice(1)) as string[][];
    assert.deepEqual(records[3], ["'=SUM(A1)", '', '', '7']);
    assert.equal(records[2]?.[3], '-500');
  });

  test('English headers on request', () => {
    const text = tableToCsv(table, { language: 'en' }).toString('utf8');
    assert.ok(text.startsWith('\uFEFFProgram,District,Persons,Amount (NTD)\r\n'));
  });

  test('a fraction in a column is refused (amounts are whole NTD)', () => {
    assert.throws(
      () => tableToCsv({ columns: table.columns, rows: [{ program: 'x', persons: 1.5, amount: 1 }] }),
      /not a whole number/,
    );
  });
});

describe('XLSX', () => {
  const files = unzipSync(tableToXlsx(table, { sheetName: '統計' }));
  const text = (name: string) => {
    const file = files[name];
    assert.ok(file, `${name} is in the workbook`);
    return strFromU8(file);
  };

  test('holds the parts of a workbook, each well-formed XML', () => {
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]) {
      const root = wellFormed(text(name))[0];
      assert.ok(root, `${name} has a root element`);
    }
    assert.equal(wellFormed(text('xl/worksheets/sheet1.xml'))[0], 'worksheet');
    assert.match(text('xl/workbook.xml'), /<sheet name="統計" sheetId="1" r:id="rId1"\/>/);
    assert.match(text('[Content_Types].xml'), /PartName="\/xl\/worksheets\/sheet1.xml"/);
    assert.match(text('xl/_rels/workbook.xml.rels'), /Target="worksheets\/sheet1.xml"/);
  });

  test('cells: headers bold, numbers as numbers, strings escaped and intact, Chinese intact', () => {
    const sheet = text('xl/worksheets/sheet1.xml');
    const c = cells(sheet);
    assert.deepEqual(c.get('A1'), { type: 's', value: '福利項目', style: '1' });
    assert.deepEqual(c.get('D1'), { type: 's', value: '金額（元）', style: '1' });
    assert.deepEqual(c.get('A2'), { type: 's', value: '中低收入老人生活津貼' });
    assert.deepEqual(c.get('C2'), { type: 'n', value: 12, style: '2' });
    assert.deepEqual(c.get('D2'), { type: 'n', value: 1_234_567_890, style: '2' });
    assert.deepEqual(c.get('A3'), { type: 's', value: 'A & B <c> "quoted", \'single\'' });
    assert.ok(sheet.includes('A &amp; B &lt;c&gt; &quot;quoted&quot;, &apos;single&apos;'));
    assert.deepEqual(c.get('B3'), { type: 's', value: '前鎮區\n第二行' });
    assert.deepEqual(c.get('C3'), { type: 'n', value: 0, style: '2' });
    assert.deepEqual(c.get('D3'), { type: 'n', value: -500, style: '2' });
    // A formula-looking string is an inline string, never a formula; empty cells are left out.
    assert.deepEqual(c.get('A4'), { type: 's', value: '=SUM(A1)' });
    assert.doesNotMatch(sheet, /<f>/);
    assert.equal(c.has('B4'), false);
    assert.equal(c.has('C4'), false);
    assert.match(sheet, /<t xml:space="preserve"> {2}spaced {2}<\/t>/);
    assert.deepEqual(c.get('C5'), { type: 's', value: '…' });
    assert.match(sheet, /<dimension ref="A1:D5"\/>/);
    assert.equal(c.size, 4 * 5 - 2);
  });

  test('control characters XML cannot hold are dropped, not written', () => {
    const sheet = strFromU8(
      unzipSync(
        tableToXlsx({
          columns: [{ key: 'a', zh: '甲', en: 'A', type: 'text' }],
          rows: [{ a: 'bell\u0007here' }],
        }),
      )['xl/worksheets/sheet1.xml'] as Uint8Array,
    );
    wellFormed(sheet);
    assert.deepEqual(cells(sheet).get('A2'), { type: 's', value: 'bellhere' });
  });

  test('several sheets, names made to fit Excel (31 characters, no [ ] : * ? / \\, unique)', () => {
    const many = unzipSync(
      tablesToXlsx([
        { name: 'a/b[c]', table },
        { name: 'a/b[c]', table },
        { name: 'x'.repeat(40), table },
      ]),
    );
    const workbook = strFromU8(many['xl/workbook.xml'] as Uint8Array);
    wellFormed(workbook);
    const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(names, ['a b c', 'a b c(2)', 'x'.repeat(31)]);
    assert.ok(many['xl/worksheets/sheet3.xml']);
  });

  test('column letters past Z', () => {
    assert.deepEqual([0, 25, 26, 51, 52, 701, 702].map(columnLetters), [
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  test('the same table gives the same bytes', () => {
    assert.deepEqual(tableToXlsx(table), tableToXlsx(table));
  });
});

describe('sending', () => {
  test('content disposition: an ASCII name and the UTF-8 one', () => {
    assert.equal(
      contentDisposition('統計-2025-01.csv'),
      'attachment; filename="2025-01.csv"; filename*=UTF-8\'\'%E7%B5%B1%E8%A8%88-2025-01.csv',
    );
    assert.equal(
      contentDisposition('報表.xlsx'),
      'attachment; filename="download.xlsx"; filename*=UTF-8\'\'%E5%A0%B1%E8%A1%A8.xlsx',
    );
    assert.match(
      contentDisposition('a "b"; c(1).csv'),
      /^attachment; filename="a_b_c\(1\).csv"; filename\*=UTF-8''a%20%22b%22%3B%20c%281%29.csv$/,
    );
  });

  test('sendTable answers the file with its content type and name', async () => {
    const app = Fastify();
    app.get('/t.csv', (_request, reply) => sendTable(reply, table, { format: 'csv', filename: '統計' }));
    app.get('/t.xlsx', (_request, reply) =>
      sendTable(reply, table, { format: 'xlsx', filename: 'statistics', language: 'en' }),
    );
    try {
      const csv = await app.inject({ url: '/t.csv' });
      assert.equal(csv.statusCode, 200);
      assert.equal(csv.headers['content-type'], TABLE_CONTENT_TYPES.csv);
      assert.equal(csv.headers['content-disposition'], contentDisposition('統計.csv'));
      assert.ok(csv.body.startsWith('\uFEFF福利項目'));
      const xlsx = await app.inject({ url: '/t.xlsx' });
      assert.equal(xlsx.headers['content-type'], TABLE_CONTENT_TYPES.xlsx);
      assert.match(String(xlsx.headers['content-disposition']), /filename="statistics.xlsx"/);
      const sheet = strFromU8(unzipSync(xlsx.rawPayload)['xl/worksheets/sheet1.xml'] as Uint8Array);
      assert.deepEqual(cells(sheet).get('A1'), { type: 's', value: 'Program', style: '1' });
    } finally {
      await app.close();
    }
  });
});
