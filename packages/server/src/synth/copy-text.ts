import type { Cell } from '@safetynet/core/synth/generate';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const BACKSLASH = 0x5c;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, `\N` for NULL, backslash escapes), encoded as UTF-8
 * straight into one growing byte buffer. Building a string per row and encoding it afterwards spent a third
 * of the worker's time collecting garbage; this writes each character once.
 */
export class CopyTextWriter {
  private bytes: Uint8Array;
  private length = 0;

  constructor(initialBytes = 1 << 16) {
    this.bytes = new Uint8Array(initialBytes);
  }

  row(cells: readonly (Cell | Buffer)[]): void {
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) this.byte(0x09);
      this.cell(cells[i]);
    }
    this.byte(0x0a);
  }

  /** The rows written so far, in a buffer of their own (it can be transferred); the writer starts afresh. */
  take(): Uint8Array {
    const taken = this.bytes.subarray(0, this.length);
    // The next table of this kind is about as large: start there, so the buffer rarely grows.
    this.bytes = new Uint8Array(Math.max(1 << 16, this.length + (this.length >> 3)));
    this.length = 0;
    return taken;
  }

  private cell(cell: Cell | Buffer | undefined): void {
    if (cell === null || cell === undefined) {
      this.reserve(2);
      this.bytes[this.length++] = BACKSLASH;
      this.bytes[this.length++] = 0x4e; // N
    } else if (typeof cell === 'string') this.text(cell);
    else if (typeof cell === 'number') this.text(String(cell));
    else if (typeof cell === 'boolean') this.byte(cell ? 0x74 : 0x66);
    else this.bytea(cell);
  }

  private byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  /** bytea in hex form: `\x…`, its backslash doubled for the COPY text layer. */
  private bytea(value: Buffer): void {
    this.reserve(3 + value.length * 2);
    const bytes = this.bytes;
    let at = this.length;
    bytes[at++] = BACKSLASH;
    bytes[at++] = BACKSLASH;
    bytes[at++] = 0x78; // x
    for (let i = 0; i < value.length; i++) {
      const hex = HEX[value[i]!]!;
      bytes[at++] = hex.charCodeAt(0);
      bytes[at++] = hex.charCodeAt(1);
    }
    this.length = at;
  }

  private text(value: string): void {
    // At most 3 UTF-8 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units); escapes take 2.
    this.reserve(value.length * 3);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x80) {
        if (c === BACKSLASH || c === 0x09 || c === 0x0a || c === 0x0d) {
          bytes[at++] = BACKSLASH;
          bytes[at++] = c === BACKSLASH ? BACKSLASH : c === 0x09 ? 0x74 : c === 0x0a ? 0x6e : 0x72;
        } else bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < value.length) {
        const low = value.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          bytes[at++] = 0xf0 | (point >> 18);
          bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
          bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
          bytes[at++] = 0x80 | (point & 0x3f);
          i++;
        } else at = replacement(bytes, at);
      } else if (c >= 0xd800 && c < 0xe000) at = replacement(bytes, at);
      else {
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = at;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** A lone surrogate becomes U+FFFD, as TextEncoder would write it. */
function replacement(bytes: Uint8Array, at: number): number {
  bytes[at] = 0xef;
  bytes[at + 1] = 0xbf;
  bytes[at + 2] = 0xbd;
  return at + 3;
}
