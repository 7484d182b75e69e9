import type { CalculateResponse, ExplainedResult, ParameterUsed, Reason, ResultRef } from '@safetynet/rules';

/**
 * The JSON of POST /api/v1/calculate, written by hand straight into bytes: the response is every condition
 * of every result (some 1,100 reasons for a household and every program, ≈ 400 KB of UTF-8, half of it
 * Chinese), and a condition's code, reference and messages are the same text request after request. They
 * are encoded once, as JSON bytes, and copied; only the outcome, the figures and the ids are written per
 * request. Writing bytes rather than a string spares turning a 341,000-character string into UTF-8 on every
 * answer (about as long as writing it). The bytes are the response schema's (CalculateResponseSchema),
 * field for field.
 */

const utf8 = (json: string): Buffer => Buffer.from(json, 'utf8');

/** A growing byte buffer: fixed JSON copied in, the rest written as it comes. */
class JsonBytes {
  private buffer: Buffer;
  private length = 0;

  constructor(estimate: number) {
    // Not zeroed: every byte up to `length` is written before it is read.
    this.buffer = Buffer.allocUnsafe(estimate);
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  bytes(chunk: Buffer): void {
    const { length } = chunk;
    this.room(length);
    // A few bytes (null, a key) one by one: cheaper than a call into TypedArray.set.
    if (length < 16) {
      const { buffer } = this;
      let at = this.length;
      for (let i = 0; i < length; i++) buffer[at++] = chunk[i]!;
      this.length = at;
    } else {
      this.buffer.set(chunk, this.length);
      this.length += length;
    }
  }

  /** JSON literals, numbers and punctuation: ASCII only. */
  ascii(json: string): void {
    const { length } = json;
    this.room(length);
    // Short pieces (a number, a comma) byte by byte: cheaper than a call into Buffer.write.
    if (length < 32) {
      const { buffer } = this;
      let at = this.length;
      for (let i = 0; i < length; i++) buffer[at++] = json.charCodeAt(i);
      this.length = at;
    } else this.length += this.buffer.write(json, this.length, 'latin1');
  }

  /** A number as JSON: digits written straight for whole numbers (amounts, thresholds), null when absent. */
  number(n: number | null): void {
    if (n === null || !Number.isFinite(n)) {
      this.bytes(NULL);
      return;
    }
    if (!Number.isInteger(n) || n > 0x7fffffff || n < -0x7fffffff) {
      this.ascii(`${n}`);
      return;
    }
    this.room(11);
    const { buffer } = this;
    let at = this.length;
    let rest = n;
    if (rest < 0) {
      buffer[at++] = 0x2d; // -
      rest = -rest;
    }
    let digits = 1;
    for (let power = 10; power <= rest; power *= 10) digits++;
    at += digits;
    this.length = at;
    do {
      buffer[--at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** Ids already written in this answer (a few households' persons, each in many results). */
  private readonly ids = new Map<string, Buffer>();

  /** An id the caller chose, encoded once per answer. */
  id(value: string): void {
    let encoded = this.ids.get(value);
    if (encoded === undefined) {
      encoded = utf8(JSON.stringify(value));
      this.ids.set(value, encoded);
    }
    this.bytes(encoded);
  }

  done(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** A number, or null when absent or not finite (JSON has no NaN). */
const number = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : `${n}`);
const NULL = utf8('null');
const VALUE_KEY = utf8(',"value":');
const flag = (value: boolean | null): string => (value === null ? 'null' : value ? 'true' : 'false');

interface Fixed {
  code: string;
  reference: string;
  /**
   * `{"code":…,"passed":…,"reference":…,"message":{…},"threshold":` for each outcome: passed, not passed,
   * unknown.
   */
  passed: Buffer;
  failed: Buffer;
  unknown: Buffer;
}

/**
 * Per message object (the rules share one per condition text between requests, and some texts serve more
 * than one condition): the fixed JSON of each condition written with it.
 */
const fixedParts = new WeakMap<object, Fixed[]>();

function fixedOf(reason: Reason): Fixed {
  let known = fixedParts.get(reason.message);
  if (known === undefined) {
    known = [];
    fixedParts.set(reason.message, known);
  }
  for (const fixed of known)
    if (fixed.code === reason.code && fixed.reference === reason.reference) return fixed;
  const text = JSON.stringify;
  const head = `{"code":${text(reason.code)},"passed":`;
  const tail =
    `,"reference":${text(reason.reference)},"message":{"zh":${text(reason.message.zh)},` +
    `"en":${text(reason.message.en)}},"threshold":`;
  const fixed: Fixed = {
    code: reason.code,
    reference: reason.reference,
    passed: utf8(`${head}true${tail}`),
    failed: utf8(`${head}false${tail}`),
    unknown: utf8(`${head}null${tail}`),
  };
  // A case-made text (none today) would otherwise grow the list without end.
  if (known.length < 16) known.push(fixed);
  return fixed;
}

/** Program ids and entity kinds: a few dozen strings, each encoded once. */
const names = new Map<string, Buffer>();
function name(out: JsonBytes, value: string): void {
  let encoded = names.get(value);
  if (encoded === undefined) {
    encoded = utf8(JSON.stringify(value));
    if (names.size < 1_000) names.set(value, encoded);
  }
  out.bytes(encoded);
}

function ref(out: JsonBytes, target: ResultRef): void {
  out.ascii('{"program":');
  name(out, target.program);
  out.ascii(',"entity":');
  name(out, target.entity);
  out.ascii(',"id":');
  out.id(target.id);
  out.ascii('}');
}

function reason(out: JsonBytes, condition: Reason): void {
  const fixed = fixedOf(condition);
  const { passed } = condition;
  out.bytes(passed === null ? fixed.unknown : passed ? fixed.passed : fixed.failed);
  out.number(condition.threshold);
  out.bytes(VALUE_KEY);
  out.number(condition.value);
  if (condition.because !== undefined) {
    out.ascii(',"because":');
    ref(out, condition.because);
  }
  out.ascii('}');
}

function result(out: JsonBytes, explained: ExplainedResult): void {
  out.ascii('{"program":');
  name(out, explained.program);
  out.ascii(',"entity":');
  name(out, explained.entity);
  out.ascii(',"id":');
  out.id(explained.id);
  out.ascii(`,"eligible":${flag(explained.eligible)},"amountNtd":`);
  out.number(explained.amountNtd);
  out.ascii(',"reasons":[');
  const { reasons } = explained;
  for (let i = 0; i < reasons.length; i++) {
    if (i > 0) out.ascii(',');
    reason(out, reasons[i]!);
  }
  out.ascii(`],"requested":${explained.requested}}`);
}

/** A parameter's entry, encoded once per entry (the rules make one per parameter value). */
const parameterBytes = new WeakMap<ParameterUsed, Buffer>();
function parameter(out: JsonBytes, entry: ParameterUsed): void {
  let encoded = parameterBytes.get(entry);
  if (encoded === undefined) {
    const text = JSON.stringify;
    encoded = utf8(
      `{"id":${text(entry.id)},"value":${typeof entry.value === 'number' ? number(entry.value) : text(entry.value)},` +
        `"effectiveFrom":${text(entry.effectiveFrom)},"source":${text(entry.source)},` +
        `"confidence":${text(entry.confidence)}}`,
    );
    parameterBytes.set(entry, encoded);
  }
  out.bytes(encoded);
}

/** The response as UTF-8 JSON bytes, ready to send. */
export function calculationBytes(response: CalculateResponse): Buffer {
  const out = new JsonBytes(64 * 1024 + response.results.length * 2_048);
  out.ascii('{"results":[');
  response.results.forEach((explained, k) => {
    if (k > 0) out.ascii(',');
    result(out, explained);
  });
  out.ascii('],"parameters":[');
  response.parameters.forEach((entry, k) => {
    if (k > 0) out.ascii(',');
    parameter(out, entry);
  });
  out.ascii(']}');
  return out.done();
}

/** The same JSON as text (the CLI prints it; tests compare it). */
export function calculationJson(response: CalculateResponse): string {
  return calculationBytes(response).toString('utf8');
}
