import http from 'node:http';
import { buildServer } from '../http/app.ts';
import { FOUR_PERSON_HOUSEHOLD } from '../http/rules-schemas.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import type { Benchmark } from './registry.ts';

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * Median and 95th percentile of 2,000 POSTs of one body, after 300 to warm up, in ms, over a real loopback
 * connection (keep-alive, one at a time): as the client sees them, and as the server does (Fastify's elapsed
 * time from the request's arrival to the response's end). Fastify's `inject` would add its own handling of a
 * 400 KB answer to the server's time, which a socket does not.
 */
async function timeCalculate(
  url: URL,
  serverTimes: number[],
  body: object,
): Promise<{ client: [number, number]; server: [number, number] }> {
  const payload = JSON.stringify(body);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          response.on('data', () => {});
          response.on('end', () => {
            if (response.statusCode !== 200) reject(new Error(`calculate answered ${response.statusCode}`));
            else resolve(performance.now() - started);
          });
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  try {
    for (let i = 0; i < 300; i++) await once();
    serverTimes.length = 0;
    const times: number[] = [];
    for (let i = 0; i < 2_000; i++) times.push(await once());
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [round(percentile(sorted, 0.5)), round(percentile(sorted, 0.95))] as [number, number];
    };
    return { client: median(times), server: median(serverTimes) };
  } finally {
    agent.destroy();
  }
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
