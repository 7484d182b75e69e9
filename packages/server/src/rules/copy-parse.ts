/**
 * A reader of PostgreSQL's COPY text output whose columns are a key (a uuid or other word) followed by
 * integers: each line's numbers land in one reused array (NaN for NULL), with no per-field strings.
 */
export class CopyLineReader {
  private carry: Buffer | undefined;
  private readonly numbers: Float64Array;
  private readonly keys: string[];

  constructor(
    /** How many leading columns are words (kept as strings); the rest are integers. */
    private readonly keyColumns: number,
    numberColumns: number,
    private readonly onLine: (keys: readonly string[], numbers: Float64Array) => void,
  ) {
    this.numbers = new Float64Array(numberColumns);
    this.keys = new Array<string>(keyColumns);
  }

  /** Feeds a chunk; complete lines are parsed, a partial last line waits for the next chunk. */
  push(chunk: Buffer): void {
    let data = chunk;
    if (this.carry) {
      data = Buffer.concat([this.carry, chunk]);
      this.carry = undefined;
    }
    const lastNewline = data.lastIndexOf(10);
    if (lastNewline < 0) {
      this.carry = data;
      return;
    }
    this.parse(data, lastNewline + 1);
    if (lastNewline + 1 < data.length) this.carry = Buffer.from(data.subarray(lastNewline + 1));
  }

  end(): void {
    if (this.carry && this.carry.length > 0) this.parse(Buffer.concat([this.carry, Buffer.from('\n')]));
    this.carry = undefined;
  }

  private parse(data: Buffer, length = data.length): void {
    const { keys, numbers, keyColumns } = this;
    let position = 0;
    while (position < length) {
      for (let k = 0; k < keyColumns; k++) {
        const tab = data.indexOf(9, position);
        keys[k] = data.toString('latin1', position, tab);
        position = tab + 1;
      }
      for (let n = 0; n < numbers.length; n++) {
        let byte = data[position]!;
        if (byte === 92 /* \N */) {
          numbers[n] = Number.NaN;
          position += 3;
          continue;
        }
        let negative = false;
        if (byte === 45 /* - */) {
          negative = true;
          byte = data[++position]!;
        }
        let value = 0;
        while (byte >= 48 && byte <= 57) {
          value = value * 10 + (byte - 48);
          byte = data[++position]!;
        }
        numbers[n] = negative ? -value : value;
        position++; // the tab or the newline
      }
      this.onLine(keys, numbers);
    }
  }
}
