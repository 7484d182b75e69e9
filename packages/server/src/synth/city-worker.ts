import { Worker } from 'node:worker_threads';
import type { IdKeys } from '../identity/id-protector.ts';
import type { ChunkMessage } from './city-writer.ts';

/**
 * The chunks of the synthetic city as COPY text, written by a worker thread (city-writer.ts) so that
 * generating and sealing overlap with the database's work. Stopping early (an error, a break) ends the
 * worker.
 */
export async function* writeCityInWorker(input: {
  scale: number;
  seed: number;
  asOf: string;
  keys: IdKeys;
}): AsyncGenerator<ChunkMessage> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: {
      scale: input.scale,
      seed: input.seed,
      asOf: input.asOf,
      keys: {
        encryptionKeys: input.keys.encryptionKeys.map((k) => ({ id: k.id, key: new Uint8Array(k.key) })),
        indexKey: new Uint8Array(input.keys.indexKey),
      },
    },
  });
  const queue: (ChunkMessage | { type: 'done' })[] = [];
  let failure: Error | undefined;
  let notify: (() => void) | undefined;
  worker.on('message', (message) => {
    queue.push(message);
    notify?.();
  });
  worker.on('error', (error) => {
    failure = error;
    notify?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the city writer stopped (exit code ${code})`);
    notify?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (notify = resolve));
      const message = queue.shift();
      if (!message) throw failure;
      if (message.type === 'done') return;
      worker.postMessage('ack');
      yield message;
    }
  } finally {
    await worker.terminate();
  }
}
