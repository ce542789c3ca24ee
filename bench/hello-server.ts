// The framework ceiling: Mesochart's own app — the same Fastify, zod type provider, cookie,
// helmet, rate-limit, OpenAPI, auth hook, error handling and web plugins, built by buildApp — plus
// one hello-world route with a response schema, which touches no database. Run by bench/run.ts.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { Database } from '../src/server/db/database.ts';

const config = loadConfig({ ...process.env, DATA_DIR: path.join(os.tmpdir(), 'mesochart-bench-hello') });
// Never connected: the hello route does not query, and the sealer is off.
const db = new Database('postgres://bench:unused@127.0.0.1:1/unused', 1);
const app = await buildApp({ config, db, logger: true, sealIntervalMs: 0 });
app.get('/bench/hello', { schema: { hide: true, response: { 200: z.object({ hello: z.string() }) } } }, async () => ({ hello: 'world' }));
await app.listen({ port: config.port, host: config.host });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
