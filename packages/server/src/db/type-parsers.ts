/**
 * One type-parser table for both engines (PGlite and node-postgres), so a query returns the same
 * JavaScript values whichever engine runs it. Values arrive in PostgreSQL's text format.
 *
 * - date stays a `YYYY-MM-DD` string: a calendar date has no time zone, and a JS Date would give it one.
 * - int8 and numeric stay strings: they can exceed Number.MAX_SAFE_INTEGER; callers convert on purpose.
 * - timestamptz becomes a Date (sessions run in UTC, see `SESSION_TIME_ZONE`).
 */
export const SESSION_TIME_ZONE = 'UTC';

export const PG_OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  bpchar: 1042,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
  uuid: 2950,
  jsonb: 3802,
} as const;

const identity = (text: string): string => text;

/** `2023-06-30 12:34:56.789+00` (or `+05:30`) → Date. */
export function parseTimestamptz(text: string): Date {
  const iso = text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  return new Date(iso);
}

/** `\x0a0b…` (PostgreSQL hex output) → Buffer. */
export function parseBytea(text: string): Buffer {
  return Buffer.from(text.slice(2), 'hex');
}

export const TYPE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [PG_OID.bool]: (text) => text === 't',
  [PG_OID.bytea]: parseBytea,
  [PG_OID.int8]: identity,
  [PG_OID.int2]: (text) => Number.parseInt(text, 10),
  [PG_OID.int4]: (text) => Number.parseInt(text, 10),
  [PG_OID.oid]: (text) => Number.parseInt(text, 10),
  [PG_OID.text]: identity,
  [PG_OID.json]: (text) => JSON.parse(text),
  [PG_OID.jsonb]: (text) => JSON.parse(text),
  [PG_OID.float4]: (text) => Number.parseFloat(text),
  [PG_OID.float8]: (text) => Number.parseFloat(text),
  [PG_OID.bpchar]: identity,
  [PG_OID.varchar]: identity,
  [PG_OID.date]: identity,
  [PG_OID.time]: identity,
  [PG_OID.timestamp]: identity,
  [PG_OID.timestamptz]: parseTimestamptz,
  [PG_OID.numeric]: identity,
  [PG_OID.uuid]: identity,
};

/** The parser for a type; unknown types (enums, domains) are returned as their text. */
export function typeParserFor(oid: number): (text: string) => unknown {
  return TYPE_PARSERS[oid] ?? identity;
}
