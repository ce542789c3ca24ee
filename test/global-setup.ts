// Starts one PostgreSQL for the whole test run (or uses TEST_DATABASE_URL), creates a login role
// that is not a superuser (so row-level security binds the tests as it binds the app), and migrates
// a template database once. Each test file then clones the template (see db.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureAppDatabase } from '../src/server/db/bootstrap.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/server/db/embedded.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { dropDatabasesOf } from './drop-databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
    dbRole: string;
    dbRolePassword: string;
  }
}

let server: EmbeddedServer | undefined;
let dir: string | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-test-'));
    fs.chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres(dir);
    adminUrl = server.adminUrl;
  }
  const suffix = crypto.randomBytes(4).toString('hex');
  const template = `mesochart_template_${suffix}`;
  const role = 'mesochart_test';
  const password = 'mesochart-test-password';
  const templateUrl = await ensureAppDatabase(adminUrl, template, role, password);
  await migrate(templateUrl);
  project.provide('dbAdminUrl', adminUrl);
  project.provide('dbTemplate', template);
  project.provide('dbRole', role);
  project.provide('dbRolePassword', password);

  return async () => {
    await dropDatabasesOf(adminUrl, suffix);
    if (server) await server.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
