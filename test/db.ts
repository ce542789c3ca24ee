// One database per test file, cloned from the migrated template in tens of milliseconds.
import crypto from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { ensureAppDatabase } from '../src/server/db/bootstrap.ts';
import { Database } from '../src/server/db/database.ts';

/** A fresh, migrated database for this test file; closed after the file's tests. */
export async function testDatabase(): Promise<{ db: Database; url: string }> {
  const template = inject('dbTemplate');
  const name = `${template.replace('template', 'file')}_${crypto.randomBytes(4).toString('hex')}`;
  const url = await ensureAppDatabase(inject('dbAdminUrl'), name, inject('dbRole'), inject('dbRolePassword'), template);
  const db = new Database(url, 10);
  afterAll(async () => {
    await db.close();
  });
  return { db, url };
}
