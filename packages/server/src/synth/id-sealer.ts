import { parentPort, workerData } from 'node:worker_threads';
import { IdProtector } from '../identity/id-protector.ts';
import { CopyTextWriter } from './copy-text.ts';

/**
 * Runs in a worker thread: seals and blind-indexes the ID numbers of each chunk's persons (sent flat by the
 * city writer: person_id, kind, ID number, …) and answers with the person table's COPY text.
 */
export interface IdSealerInput {
  keys: { encryptionKeys: { id: string; key: Uint8Array }[]; indexKey: Uint8Array };
}

export function personCopyText(persons: readonly string[], protector: IdProtector, writer: CopyTextWriter) {
  for (let i = 0; i < persons.length; i += 3) {
    const personId = persons[i]!;
    const idNumber = persons[i + 2]!;
    writer.row([personId, persons[i + 1]!, protector.seal(idNumber, personId), protector.index(idNumber)]);
  }
  return writer.take();
}

if (parentPort && workerData) {
  const port = parentPort;
  const input = workerData as IdSealerInput;
  const protector = new IdProtector({
    encryptionKeys: input.keys.encryptionKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key) })),
    indexKey: Buffer.from(input.keys.indexKey),
  });
  const writer = new CopyTextWriter();
  port.on('message', (persons: string[]) => {
    const bytes = personCopyText(persons, protector, writer);
    port.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
  });
}
