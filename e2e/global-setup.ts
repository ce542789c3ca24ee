// Once per browser-test run: builds the web client if it is stale, starts one PostgreSQL, and makes
// a template database with the demo clinic in it (`mesochart seed-demo`, as an operator would). Each
// test file then gets its own copy of the template (CREATE DATABASE … TEMPLATE, tens of
// milliseconds) and its own `mesochart serve` on it: files stay independent of each other, without
// each paying for a new PostgreSQL cluster, the migrations and the seeding.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureAppDatabase } from '../src/server/db/bootstrap.ts';
import { dropDatabasesOf } from '../test/drop-databases.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/server/db/embedded.ts';

/** Where a test file makes its database from (see harness.ts). */
export interface E2eDatabase {
  adminUrl: string;
  template: string;
  role: string;
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDatabase: E2eDatabase | null;
  }
}

const root = path.resolve(import.meta.dirname, '..');

/** Runs a `mesochart` command to its end; fails with its output unless it succeeds. */
async function mesochart(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [path.join(root, 'bin/mesochart.mjs'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`mesochart ${args.join(' ')} failed (${String(code)}):\n${output}`);
}

export default async function setup(project: TestProject) {
  // Against a server already running (while writing tests) there is nothing to prepare.
  if (process.env.MESOCHART_E2E_URL) {
    project.provide('e2eDatabase', null);
    return;
  }
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-web-if-stale.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`web build failed: ${build.stdout}${build.stderr}`);
  // What the tests look at must be what `npm start` serves: React's production build.
  const assets = path.join(root, 'dist/web/assets');
  const dev = fs.readdirSync(assets).filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(assets, f), 'utf8').includes('jsxDEV'));
  if (dev.length > 0) throw new Error(`dist/web holds a development build (React's jsxDEV in ${dev.slice(0, 3).join(', ')}): rebuild with npm run build:web`);

  let server: EmbeddedServer | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-pg-'));
  // As root the embedded PostgreSQL runs as the postgres user, who must reach the directory.
  fs.chmodSync(dir, 0o755);
  if (!adminUrl) {
    server = await startEmbeddedPostgres(path.join(dir, 'cluster'));
    adminUrl = server.adminUrl;
  }
  const suffix = crypto.randomBytes(4).toString('hex');
  const database: E2eDatabase = { adminUrl, template: `mesochart_e2e_template_${suffix}`, role: 'mesochart_e2e', password: 'mesochart-e2e-password' };
  const templateUrl = await ensureAppDatabase(adminUrl, database.template, database.role, database.password);
  const seedDir = path.join(dir, 'seed');
  fs.mkdirSync(seedDir);
  await mesochart(['seed-demo'], { DATABASE_URL: templateUrl, DATA_DIR: seedDir, LOG_LEVEL: 'warn' });
  project.provide('e2eDatabase', database);

  return async () => {
    await dropDatabasesOf(adminUrl, suffix);
    if (server) await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
