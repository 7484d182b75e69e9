import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The web app's build (packages/app, `npm run build -w @safetynet/app`; `npm start` builds it first). */
export const WEB_APP_DIR = fileURLToPath(new URL('../../../app/dist', import.meta.url));

const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Paths the app does not answer: the API, its documentation and description keep their own 404s. */
const NOT_THE_APP = /^\/(api|docs|openapi\.json)(\/|$|\?)/;

/**
 * Serves the web app on the API's port: its files (hashed assets cached for a year, the page itself never),
 * and the page for every other path the browser opens (`/staff/households/…`), where the app's router takes
 * over. Without a build, `/` says how to make one.
 */
export async function registerWebApp(app: FastifyInstance, dir = WEB_APP_DIR): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          '網頁介面尚未建置：請執行 npm run build -w @safetynet/app（npm start 會自動建置）。API 文件：/docs\n' +
            'The web app is not built: run npm run build -w @safetynet/app (npm start builds it). API docs: /docs\n',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders(response, path) {
      response.header(
        'cache-control',
        path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // The app runs no inline script (the API docs page does, under the server-wide policy): its page gets a
  // stricter policy. Inline styles stay allowed (a progress bar's width is a style attribute).
  const page = (_request: unknown, reply: FastifyReply) =>
    reply.header('content-security-policy', APP_POLICY).sendFile('index.html');
  app.get('/', { schema: { hide: true } }, async (request, reply) => page(request, reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (NOT_THE_APP.test(request.url)) return reply.callNotFound();
    // Files are listed when the server starts; a build made since has new asset names, read from disk here
    // (a missing one is a 404, not the page).
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/assets/')) return reply.sendFile(path.slice(1));
    return page(request, reply);
  });
}
