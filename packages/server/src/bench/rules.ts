import { Worker } from 'node:worker_threads';
import { buildServer } from '../http/app.ts';
import { FOUR_PERSON_HOUSEHOLD } from '../http/rules-schemas.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import type { Benchmark } from './registry.ts';

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * Median and 95th percentile of 2,000 POSTs of one body, after 300 to warm up, in ms, over a real loopback
 * connection (keep-alive, one at a time) from a client in its own thread: as the client sees them, and as
 * the server does (Fastify's elapsed time from the request's arrival to the response's end). Fastify's
 * `inject`, or a client on the server's own event loop, would add its handling of a 400 KB answer to the
 * server's time.
 */
async function timeCalculate(
  url: URL,
  serverTimes: number[],
  body: object,
): Promise<{ client: [number, number]; server: [number, number] }> {
  const client = new Worker(new URL('./calculate-client.mjs', import.meta.url), {
    workerData: { url: url.href, body: JSON.stringify(body), warmUp: 300, count: 2_000 },
  });
  const times = await new Promise<number[]>((resolve, reject) => {
    client.on('message', (message: { warmedUp?: true; times?: number[] }) => {
      if (message.warmedUp) serverTimes.length = 0;
      if (message.times) resolve(message.times);
    });
    client.on('error', reject);
    client.on('exit', (code) => reject(new Error(`the calculate client stopped (${code})`)));
  });
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [round(percentile(sorted, 0.5)), round(percentile(sorted, 0.95))] as [number, number];
  };
  return { client: median(times), server: median(serverTimes) };
}

/**
 * POST /api/v1/calculate for the API's 4-person example household with the full explanation (every
 * condition, the programs it depends on, the parameters): validation, the rules and serialisation, over
 * loopback. The headline figure is every program, what a caseworker asks ("what may
 * this household have?"); the example's one program (low-income-status) is the second.
 */
export const calculateBenchmark: Benchmark = {
  name: 'calculate',
  async run(database) {
    // The public limit stays on (its hook is part of a request's cost), high enough for 4,600 requests.
    const app = await buildServer({
      database,
      protector: new IdProtector(generateIdKeys('bench')),
      identity: { rateLimits: { signInPerMinute: 10, publicPerMinute: 1_000_000 } },
    });
    const serverTimes: number[] = [];
    app.addHook('onResponse', async (_request, reply) => {
      serverTimes.push(reply.elapsedTime);
    });
    try {
      const url = new URL('/api/v1/calculate', await app.listen({ port: 0, host: '127.0.0.1' }));
      const { programs: _, ...everyProgram } = FOUR_PERSON_HOUSEHOLD;
      const every = await timeCalculate(url, serverTimes, everyProgram);
      const one = await timeCalculate(url, serverTimes, FOUR_PERSON_HOUSEHOLD);
      return [
        { bench: 'calculate-4-person-household-server', value: every.server[0], unit: 'ms' },
        { bench: 'calculate-4-person-household-server-p95', value: every.server[1], unit: 'ms' },
        { bench: 'calculate-4-person-household', value: every.client[0], unit: 'ms' },
        { bench: 'calculate-4-person-household-p95', value: every.client[1], unit: 'ms' },
        { bench: 'calculate-4-person-household-one-program-server', value: one.server[0], unit: 'ms' },
        { bench: 'calculate-4-person-household-one-program', value: one.client[0], unit: 'ms' },
        { bench: 'calculate-4-person-household-one-program-p95', value: one.client[1], unit: 'ms' },
      ];
    } finally {
      await app.close();
    }
  },
};
