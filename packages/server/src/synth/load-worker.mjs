// Worker bootstrap: the worker runs TypeScript like the main thread (tsx), then the real worker module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
if (workerData.role === 'sealer') await import('./id-sealer.ts');
else await import('./city-writer.ts');
