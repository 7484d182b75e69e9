import { parentPort, workerData } from 'node:worker_threads';
import { generateCity, SYNTH_TABLES, type SynthTable } from '@safetynet/core/synth/generate';
import { IdProtector } from '../identity/id-protector.ts';
import { copyLine } from './copy-text.ts';

/**
 * Runs in a worker thread: generates the synthetic city, seals the ID numbers and writes each chunk as
 * COPY text, while the main thread feeds the previous chunk to the database. At most MAX_IN_FLIGHT chunks
 * wait for the main thread, so memory stays bounded.
 */
export interface CityWriterInput {
  scale: number;
  seed: number;
  asOf: string;
  keys: { encryptionKeys: { id: string; key: Uint8Array }[]; indexKey: Uint8Array };
}

export interface ChunkMessage {
  type: 'chunk';
  /** COPY text as UTF-8 bytes: encoded here and transferred, so the main thread only writes them out. */
  tables: { table: SynthTable; bytes: Uint8Array; rows: number }[];
  statuses: Record<string, number>;
}

const MAX_IN_FLIGHT = 3;
const encoder = new TextEncoder();
const TABLES = Object.keys(SYNTH_TABLES) as SynthTable[];

export function chunkToCopyText(
  chunk: ReturnType<typeof generateCity> extends Generator<infer C> ? C : never,
  protector: IdProtector,
): ChunkMessage {
  const tables: ChunkMessage['tables'] = [];
  for (const table of TABLES) {
    const rows = chunk[table];
    if (rows.length === 0) continue;
    let text = '';
    if (table === 'person') {
      for (const [personId, kind, idNumber] of rows) {
        const id = personId as string;
        text += copyLine([
          id,
          kind as string,
          protector.seal(idNumber as string, id),
          protector.index(idNumber as string),
        ]);
      }
    } else {
      for (const row of rows) text += copyLine(row);
    }
    tables.push({ table, bytes: encoder.encode(text), rows: rows.length });
  }
  const statuses: Record<string, number> = {};
  for (const status of chunk.status_register)
    statuses[status[1] as string] = (statuses[status[1] as string] ?? 0) + 1;
  return { type: 'chunk', tables, statuses };
}

if (parentPort && workerData) {
  const port = parentPort;
  const input = workerData as CityWriterInput;
  const protector = new IdProtector({
    encryptionKeys: input.keys.encryptionKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key) })),
    indexKey: Buffer.from(input.keys.indexKey),
  });
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    wake?.();
  });
  for (const chunk of generateCity({ scale: input.scale, seed: input.seed, asOf: input.asOf })) {
    const message = chunkToCopyText(chunk, protector);
    port.postMessage(
      message,
      message.tables.map((t) => t.bytes.buffer as ArrayBuffer),
    );
    inFlight++;
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  }
  port.postMessage({ type: 'done' });
  port.close();
}
