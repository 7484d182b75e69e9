import { parentPort, workerData } from 'node:worker_threads';
import { generateCity, SYNTH_TABLES, type SynthTable } from '@safetynet/core/synth/generate';
import { CopyTextWriter } from './copy-text.ts';

/**
 * Runs in a worker thread: generates the synthetic city and writes each chunk as COPY text, while the main
 * thread feeds the previous chunk to the database. The persons' ID numbers go to a second worker to be
 * sealed (id-sealer.ts): sealing is a third of the work and the two overlap. At most MAX_IN_FLIGHT chunks
 * wait for the main thread, so memory stays bounded.
 */
export interface CityWriterInput {
  scale: number;
  seed: number;
  asOf: string;
}

export interface ChunkMessage {
  type: 'chunk';
  /** COPY text as UTF-8 bytes: encoded here and transferred, so the main thread only writes them out. */
  tables: { table: SynthTable; bytes: Uint8Array; rows: number }[];
  /** The person rows for the sealer, flat: person_id, ID-number kind, ID number, person_id, … */
  persons: string[];
  statuses: Record<string, number>;
}

const MAX_IN_FLIGHT = 4;
const TABLES = (Object.keys(SYNTH_TABLES) as SynthTable[]).filter((t) => t !== 'person');
const writers = new Map<SynthTable, CopyTextWriter>();

export function chunkToCopyText(
  chunk: ReturnType<typeof generateCity> extends Generator<infer C> ? C : never,
): ChunkMessage {
  const tables: ChunkMessage['tables'] = [];
  for (const table of TABLES) {
    const rows = chunk[table];
    if (rows.length === 0) continue;
    const writer = writers.get(table) ?? new CopyTextWriter();
    writers.set(table, writer);
    for (const row of rows) writer.row(row);
    tables.push({ table, bytes: writer.take(), rows: rows.length });
  }
  const persons: string[] = [];
  for (const [personId, kind, idNumber] of chunk.person)
    persons.push(personId as string, kind as string, idNumber as string);
  const statuses: Record<string, number> = {};
  for (const status of chunk.status_register)
    statuses[status[1] as string] = (statuses[status[1] as string] ?? 0) + 1;
  return { type: 'chunk', tables, persons, statuses };
}

if (parentPort && workerData) {
  const port = parentPort;
  const input = workerData as CityWriterInput;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    wake?.();
  });
  for (const chunk of generateCity({ scale: input.scale, seed: input.seed, asOf: input.asOf })) {
    const message = chunkToCopyText(chunk);
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
