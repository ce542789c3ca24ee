// The static serving of the web client, on a bare Fastify with the app's error handling and a
// build of three files in a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from './errors.ts';
import { webPlugin } from './web.ts';

let dir: string;
let app: FastifyInstance;
const html = '<!doctype html><title>Mesochart</title><div id="root"></div>';
const js = `console.log(${JSON.stringify('x'.repeat(4000))});`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), js);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(js));
  app = Fastify();
  registerErrorHandling(app);
  app.get('/api/v1/ping', async () => ({ ok: true }));
  await app.register(webPlugin, { root: dir });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web client serving', () => {
  it.each(['/', '/patients', '/patients/0190a8c2-7b3e-7000-8000-000000000000/history', '/settings/users?x=1'])('serves index.html, revalidated, at %s', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(html);
  });

  it('caches hashed assets for a year and sends the brotli file to browsers that accept it', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(js);
    const br = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);
  });

  it('serves top-level files briefly cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it.each(['/assets/index-gone99.js', '/api/v1/nothing-here', '/api/unknown', '/robots.txt'])('answers 404 problem+json, not the page, for %s', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('leaves the API routes alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/ping' });
    expect(res.json()).toEqual({ ok: true });
  });

  it('says how to build the client when there is none', async () => {
    const bare = Fastify();
    registerErrorHandling(bare);
    await bare.register(webPlugin, { root: path.join(dir, 'missing') });
    const page = await bare.inject({ method: 'GET', url: '/patients' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build:web');
    const api = await bare.inject({ method: 'GET', url: '/api/v1/x' });
    expect(api.statusCode).toBe(404);
    await bare.close();
  });
});
