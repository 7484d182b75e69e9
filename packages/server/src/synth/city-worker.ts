import { Worker } from 'node:worker_threads';
import type { IdKeys } from '../identity/id-protector.ts';
import type { ChunkMessage } from './city-writer.ts';

/**
 * The chunks of the synthetic city as COPY text, written by two worker threads so that generating and
 * sealing overlap with each other and with the database's work: the city writer (city-writer.ts) writes
 * every table but `person`, whose ID numbers the sealer (id-sealer.ts) seals. Each chunk is yielded whole,
 * in order, `person` first. Stopping early (an error, a break) ends both workers.
 */
export async function* writeCityInWorker(input: {
  scale: number;
  seed: number;
  asOf: string;
  keys: IdKeys;
}): AsyncGenerator<ChunkMessage> {
  const bootstrap = new URL('./load-worker.mjs', import.meta.url);
  const writer = new Worker(bootstrap, {
    workerData: { role: 'writer', scale: input.scale, seed: input.seed, asOf: input.asOf },
    // Millions of short-lived rows: a young generation larger than the default makes collecting them cheaper.
    resourceLimits: { maxYoungGenerationSizeMb: 192 },
  });
  const sealer = new Worker(bootstrap, {
    workerData: {
      role: 'sealer',
      keys: {
        encryptionKeys: input.keys.encryptionKeys.map((k) => ({ id: k.id, key: new Uint8Array(k.key) })),
        indexKey: new Uint8Array(input.keys.indexKey),
      },
    },
  });
  /** Chunks written, waiting for their persons to be sealed (the sealer answers in order). */
  const sealing: ChunkMessage[] = [];
  const ready: ChunkMessage[] = [];
  let written = false;
  let failure: Error | undefined;
  let notify: (() => void) | undefined;
  const wake = () => notify?.();
  writer.on('message', (message: ChunkMessage | { type: 'done' }) => {
    if (message.type === 'done') written = true;
    else {
      sealing.push(message);
      sealer.postMessage(message.persons);
    }
    wake();
  });
  sealer.on('message', (bytes: Uint8Array) => {
    const chunk = sealing.shift()!;
    chunk.tables.unshift({ table: 'person', bytes, rows: chunk.persons.length / 3 });
    chunk.persons = [];
    ready.push(chunk);
    wake();
  });
  for (const [worker, name] of [
    [writer, 'city writer'],
    [sealer, 'ID sealer'],
  ] as const) {
    worker.on('error', (error) => {
      failure ??= error;
      wake();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`the ${name} stopped (exit code ${code})`);
      wake();
    });
  }
  try {
    for (;;) {
      while (ready.length === 0 && !failure && !(written && sealing.length === 0))
        await new Promise<void>((resolve) => (notify = resolve));
      if (failure) throw failure;
      const chunk = ready.shift();
      if (!chunk) return;
      writer.postMessage('ack');
      yield chunk;
    }
  } finally {
    await Promise.all([writer.terminate(), sealer.terminate()]);
  }
}
