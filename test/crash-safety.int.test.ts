// Kills the server with SIGKILL while it writes audited records as fast as clients can send them,
// ten times, sometimes taking the embedded PostgreSQL down with it. After every restart each write
// a client saw acknowledged must be there, the audit chain must verify, and the server must start
// on its own — no manual repair.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealAudit, verifyAudit } from '../src/server/audit/audit.ts';
import { Database } from '../src/server/db/database.ts';
import { demoPassword } from '../src/server/db/demo.ts';
import { runCli, startServer } from './process.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-crash-'));
fs.chmodSync(dir, 0o755);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function appUrl(): string {
  const state = JSON.parse(fs.readFileSync(path.join(dir, 'embedded-postgres.json'), 'utf8')) as { port: number };
  const secret = fs.readFileSync(path.join(dir, 'app-db.secret'), 'utf8').trim();
  return `postgres://mesochart:${encodeURIComponent(secret)}@127.0.0.1:${state.port}/mesochart`;
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'doctor@demo.mesochart.app', password: demoPassword }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Writes patients from `clients` parallel loops until stopped; returns the ids acknowledged with 201. */
function writeUntilKilled(base: string, auth: { cookie: string; csrf: string }, clients: number, round: number) {
  const acked: string[] = [];
  let stop = false;
  let n = 0;
  const loop = async (k: number) => {
    while (!stop) {
      try {
        const res = await fetch(`${base}/api/v1/patients`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
          body: JSON.stringify({ givenName: `Crash${round}`, familyName: `Client${k}-${n++}`, birthDate: '1990-01-01', sex: 'female' }),
        });
        if (res.status === 201) acked.push(((await res.json()) as { id: string }).id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, k) => loop(k)));
  return { acked, done, halt: () => (stop = true) };
}

describe('crash safety', () => {
  it('keeps every acknowledged write and a verifiable audit chain across ten SIGKILLs', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const allAcked: string[] = [];
    for (let round = 0; round < 10; round++) {
      const server = await startServer({ DATA_DIR: dir, PORT: String(port) });
      const db = new Database(appUrl(), 2);
      try {
        // Everything acknowledged before the previous crash is still there, and the chain verifies.
        const found = await db.tx({ system: true }, (q) => q.query<{ n: number }>('SELECT count(*)::int AS n FROM patients WHERE id = ANY($1::uuid[])', [allAcked]));
        expect(found.rows[0]?.n).toBe(allAcked.length);
        await sealAudit(db);
        const verified = await verifyAudit(db);
        expect(verified.breaks).toEqual([]);
      } finally {
        await db.close();
      }
      const auth = await login(base);
      const writer = writeUntilKilled(base, auth, 4, round);
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 900)));
      const acknowledgedSoFar = writer.acked.length;
      server.child.kill('SIGKILL');
      // Every other round the database dies too, mid-write, and must recover from its WAL.
      if (round % 2 === 1) {
        const pid = Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
        process.kill(pid, 'SIGKILL');
      }
      await new Promise((r) => server.child.once('exit', r));
      writer.halt();
      await writer.done;
      expect(writer.acked.length).toBeGreaterThanOrEqual(acknowledgedSoFar);
      allAcked.push(...writer.acked);
    }
    expect(allAcked.length).toBeGreaterThan(50);

    // A last start, a clean stop: the database is stopped with it and the data directory unlocked.
    const last = await startServer({ DATA_DIR: dir, PORT: String(port) });
    const db = new Database(appUrl(), 1);
    const found = await db.tx({ system: true }, (q) => q.query<{ n: number }>('SELECT count(*)::int AS n FROM patients WHERE id = ANY($1::uuid[])', [allAcked]));
    await db.close();
    expect(found.rows[0]?.n).toBe(allAcked.length);
    last.child.kill('SIGTERM');
    const code = await new Promise((r) => last.child.once('exit', r));
    expect(code).toBe(0);
    expect(last.output()).toMatch(/stopped cleanly/);
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'mesochart.lock'))).toBe(false);
    const verify = await runCli(['audit', 'verify'], { DATA_DIR: dir });
    expect(verify.stdout).toMatch(/audit chain verified/);
  });

  it('keeps a second instance off the same data directory with a clear message', { timeout: 120_000 }, async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-lock-'));
    fs.chmodSync(other, 0o755);
    const port = await freePort();
    const first = await startServer({ DATA_DIR: other, PORT: String(port), MESOCHART_DEMO: 'off' });
    try {
      const second = await runCli(['serve'], { DATA_DIR: other, PORT: String(await freePort()) });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/Another Mesochart \(pid \d+\) is already using DATA_DIR/);
    } finally {
      first.child.kill('SIGINT');
      await new Promise((r) => first.child.once('exit', r));
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
