// npx tsx bench/sealer.ts [--patients N | --data-dir DIR] — what the audit sealer costs the rest.
//
// The server runs sealAudit (src/server/audit/audit.ts) every second. On a data set with many
// audit events each pass scans every event and every seal to find the unsealed ones, sealed or
// not. This measures, with no server running: one idle pass (nothing to seal), then the raw SQL of
// W2 (charts) with no sealer, and with the server's sealer loop (sealAudit every second, as
// app.ts runs it) in this process, alternating, the median of the rounds.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sealAudit } from '../src/server/audit/audit.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Schedule, measureRaw } from './lib/load.ts';
import { Rng } from './lib/rng.ts';
import { defaultDataDir, openTarget } from './lib/target.ts';
import { RecordingDatabase, replay } from './lib/trace.ts';
import { longCharts } from './workloads/chart.ts';
import { benchClinics } from './workloads/setup.ts';

const { values: args } = parseArgs({ options: { patients: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' }, connections: { type: 'string', default: '8' } } });
const dir = path.resolve(args['data-dir'] ?? defaultDataDir(Number(args.patients)));
const c = Number(args.connections);
const schedule: Schedule = { warmupMs: 2000, roundMs: 8000, rounds: 1 };

const opened = await openTarget(dir, () => {});
const db = new RecordingDatabase(opened.url, 4);
const pool = new pg.Pool({ connectionString: opened.url, max: 20 });
try {
  const counts = await db.tx({ system: true }, (q) => q.query<{ events: string; seals: string }>('SELECT (SELECT count(*) FROM audit_events) AS events, (SELECT count(*) FROM audit_seals) AS seals'));
  console.log(`audit_events ${counts.rows[0]?.events}, audit_seals ${counts.rows[0]?.seals}`);
  await sealAudit(db);
  const passes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await sealAudit(db);
    passes.push(performance.now() - t0);
  }
  console.log(`one sealer pass with nothing to seal: ${passes.map((p) => `${Math.round(p)} ms`).join(', ')}`);

  const config = loadConfig({ ...process.env, DATA_DIR: dir });
  const clinics = await benchClinics(db);
  const charts = await longCharts(db, config, clinics, 20);
  const rng = new Rng('sealer:charts');
  const op = () => replay(pool, rng.pick(charts).trace);

  let sealing = false;
  let loop: Promise<void> = Promise.resolve();
  const startSealer = () => {
    sealing = true;
    loop = (async () => {
      while (sealing) {
        const t0 = performance.now();
        await sealAudit(db).catch(() => 0);
        // Every second, as the server's timer; a pass longer than that starts the next at once.
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - t0))));
      }
    })();
  };
  const stopSealer = async () => {
    sealing = false;
    await loop;
  };
  const without: number[] = [];
  const withSealer: number[] = [];
  for (let i = 0; i < 3; i++) {
    without.push((await measureRaw(schedule, { op, connections: c })).rps);
    startSealer();
    withSealer.push((await measureRaw(schedule, { op, connections: c })).rps);
    await stopSealer();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(`W2 raw SQL at ${c} clients: ${median(without).toFixed(1)} tx/s without the sealer, ${median(withSealer).toFixed(1)} tx/s with it (rounds: ${without.map((x) => x.toFixed(0)).join('/')} vs ${withSealer.map((x) => x.toFixed(0)).join('/')})`);
} finally {
  await db.close();
  await pool.end();
  await opened.close();
}
