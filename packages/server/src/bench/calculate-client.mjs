import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The client side (plain JavaScript: a worker thread does not get the TypeScript loader on Node 20) of the calculate benchmark, in its own thread: a client on the server's event loop would
 * have its reading of each 400 KB answer counted in the server's elapsed time (the answer's chunks reach it
 * before the server's response ends). Posts `body` to `url` over one keep-alive connection, one request at a
 * time: `warmUp` requests, then `count` timed ones; posts back each timed request's duration in ms.
 */
// workerData: { url: string, body: string, warmUp: number, count: number }
const { url, body, warmUp, count } = workerData;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const once = () =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
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
    request.end(body);
  });

for (let i = 0; i < warmUp; i++) await once();
parentPort.postMessage({ warmedUp: true });
const times = [];
for (let i = 0; i < count; i++) times.push(await once());
agent.destroy();
parentPort.postMessage({ times });
