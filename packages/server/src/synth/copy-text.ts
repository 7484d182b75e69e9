import type { Cell } from '@safetynet/core/synth/generate';

/** One row in PostgreSQL's COPY text format (tab-separated, `\N` for NULL, backslash escapes). */
export function copyLine(row: readonly (Cell | Buffer)[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (i > 0) line += '\t';
    if (cell === null || cell === undefined) line += '\\N';
    else if (typeof cell === 'boolean') line += cell ? 't' : 'f';
    else if (typeof cell === 'number') line += String(cell);
    else if (Buffer.isBuffer(cell)) line += `\\\\x${cell.toString('hex')}`;
    else line += escapeText(cell);
  }
  return `${line}\n`;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
