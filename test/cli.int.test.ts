import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from './db.ts';
import { runCli } from './process.ts';

const { url, db } = await testDatabase();
const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('configuration', () => {
  it.each([
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL/],
  ])('refuses %s=%s with a one-line message naming it', async (name, value, pattern) => {
    const r = await runCli(['serve'], { [name]: value, DATA_DIR: tempDir() });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  });

  it('names DATABASE_URL when the server there cannot be reached', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none', DATA_DIR: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL: cannot connect/);
  });
});

describe('mesochart user add and audit verify', () => {
  it('adds a user, creating the clinic when it is new', async () => {
    const r = await runCli(['user', 'add', '--email', 'Head@New.Clinic', '--password', 'a-long-password', '--role', 'owner', '--clinic', 'New Clinic'], {
      DATABASE_URL: url,
      DATA_DIR: tempDir(),
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/head@new\.clinic \(owner\) added to clinic "New Clinic" \(new clinic\)/);
    const again = await runCli(['user', 'add', '--email', 'head@new.clinic', '--password', 'a-long-password', '--role', 'doctor', '--clinic', 'New Clinic'], {
      DATABASE_URL: url,
      DATA_DIR: tempDir(),
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('refuses an unknown role with a readable message', async () => {
    const r = await runCli(['user', 'add', '--email', 'x@y.z', '--password', 'a-long-password', '--role', 'janitor'], { DATABASE_URL: url, DATA_DIR: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--role must be one of owner, doctor, nurse, reception/);
  });

  it('verifies the audit chain, then names the event altered directly in the database', async () => {
    const ok = await runCli(['audit', 'verify'], { DATABASE_URL: url, DATA_DIR: tempDir() });
    expect(ok.stdout).toMatch(/audit chain verified/);
    expect(ok.code).toBe(0);
    const victim = await db.tx({ system: true }, (q) => q.query<{ id: string }>("SELECT id FROM audit_events WHERE action = 'user.create' LIMIT 1"));
    const id = victim.rows[0]!.id;
    await db.tx({ system: true }, async (q) => {
      await q.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await q.query(`UPDATE audit_events SET details = '{"via":"forged"}' WHERE id = $1`, [id]);
      await q.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });
    const broken = await runCli(['audit', 'verify'], { DATABASE_URL: url, DATA_DIR: tempDir() });
    expect(broken.code).toBe(3);
    expect(broken.stdout).toContain(`event ${id}`);
    expect(broken.stdout).toMatch(/altered/);
  });
});

describe('mesochart token add', () => {
  it('prints a bearer token for an existing user, and refuses an unknown email', async () => {
    await runCli(['user', 'add', '--email', 'api@tok.en', '--password', 'a-long-password', '--role', 'doctor', '--clinic', 'Token Clinic'], { DATABASE_URL: url, DATA_DIR: tempDir() });
    const r = await runCli(['token', 'add', '--email', 'api@tok.en'], { DATABASE_URL: url, DATA_DIR: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^mct_[\w-]{40,}$/);
    const unknown = await runCli(['token', 'add', '--email', 'ghost@tok.en'], { DATABASE_URL: url, DATA_DIR: tempDir() });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no user with the email/);
  });
});
