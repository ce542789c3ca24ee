import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` writes the client. */
export const defaultWebRoot = path.resolve(import.meta.dirname, '../../../dist/web');

const year = 'public, max-age=31536000, immutable';

// Paths the client never navigates to: they are files or the API, and a miss there is a real 404
// (an old page asking for a chunk that a new build replaced must fail, not receive the HTML).
const notAPage = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(url);

/**
 * Serves the built web client at `/`: hashed files under /assets/ are cached for good (their names
 * change with their content), index.html is revalidated on every load, and every other GET that is
 * not the API gets index.html so that the client's own routes survive a reload. Pre-compressed
 * .br/.gz files written by the build are sent to browsers that accept them.
 */
export async function webPlugin(app: FastifyInstance, options: { root?: string }): Promise<void> {
  const root = options.root ?? defaultWebRoot;
  const built = fs.existsSync(path.join(root, 'index.html'));

  if (!built) {
    // The server still runs (tests, API-only use); the page says how to get the client.
    const missing = async (request: { url: string }, reply: FastifyReply) => {
      if (notAPage(request.url.split('?')[0] ?? '')) return reply.callNotFound();
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send('<!doctype html><title>Mesochart</title><p>The web client is not built. Run <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it).</p>');
    };
    app.get('/', { schema: { hide: true } }, missing);
    app.get('/*', { schema: { hide: true } }, missing);
    return;
  }

  await app.register(fastifyStatic, { root, serve: false, decorateReply: true, cacheControl: false, preCompressed: true });
  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    cacheControl: false,
    preCompressed: true,
    schemaHide: true,
    setHeaders: (reply: FastifyReply) => {
      reply.header('cache-control', year);
    },
  });

  const page = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, async (_request, reply) => page(reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const file = url.slice(1);
    // Files at the top of the build (favicon.svg): served as they are, briefly cached.
    if (/^[\w.-]+\.[a-z0-9]+$/i.test(file) && fs.existsSync(path.join(root, file))) {
      return reply.header('cache-control', 'public, max-age=3600').sendFile(file);
    }
    if (notAPage(url)) return reply.callNotFound();
    return page(reply);
  });
}
