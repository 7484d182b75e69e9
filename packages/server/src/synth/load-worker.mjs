// Worker bootstrap: the worker runs TypeScript like the main thread (tsx), then the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./city-writer.ts');
