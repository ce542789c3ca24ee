// npm run bench:data -- --patients N [--seed S] [--clinics C] [--data-dir DIR] [--light] [--force]
//
// Builds a clinic chain's records for the benchmarks, in bulk (unnest() of 2,000–10,000 rows a
// statement, one transaction per 2,000 patients), straight into the database the server will run
// on: the embedded PostgreSQL of DATA_DIR (bench/data/<size> unless told), or DATABASE_URL.
// Deterministic from the seed and the generation day (--today pins the day).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chartSchema } from '../src/domain/api/chart.ts';
import { sealAudit } from '../src/server/audit/audit.ts';
import { getChart } from '../src/server/chart/service.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/database.ts';
import { treat } from './gen/care.ts';
import { decisions } from './gen/record.ts';
import { createClinics, type ClinicWorld } from './gen/clinics.ts';
import { DAY, type Gen, msOf } from './gen/common.ts';
import { ClinicLots } from './gen/lots.ts';
import { generatePatient } from './gen/patients.ts';
import { planProductCodes } from './gen/plans.ts';
import { type Features, flushAll, newTables, schemaFeatures } from './gen/tables.ts';
import { Rng } from './lib/rng.ts';
import { defaultDataDir, openTarget } from './lib/target.ts';

const { values: args } = parseArgs({
  options: {
    patients: { type: 'string' },
    seed: { type: 'string', default: '1' },
    clinics: { type: 'string' },
    'data-dir': { type: 'string' },
    light: { type: 'boolean' },
    force: { type: 'boolean', default: false },
    today: { type: 'string' },
    lanes: { type: 'string', default: '2' },
  },
});

const patients = Number(args.patients);
if (!Number.isInteger(patients) || patients < 1) {
  console.error('usage: npm run bench:data -- --patients N [--seed S] [--clinics C] [--data-dir DIR] [--light] [--force] [--today YYYY-MM-DD]');
  process.exit(2);
}
const seed = args.seed;
const clinicCount = args.clinics ? Number(args.clinics) : Math.max(1, Math.round(patients / 10_000));
// A million patients is the search data set: patients and their histories, no treatment records.
const light = args.light ?? patients >= 500_000;
const dataDir = path.resolve(args['data-dir'] ?? defaultDataDir(patients));
const today = args.today ?? new Date().toISOString().slice(0, 10);
// The generated world ends at the start of its day (UTC): the same seed and day give the same data.
const nowMs = msOf(today);
const startMs = nowMs - 4 * 365 * DAY;
const log = (m: string) => console.log(m);

function prepareDir(): void {
  if (process.env.DATABASE_URL) return;
  const hasCluster = fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
  if (hasCluster && args.force) {
    // Only ever a Mesochart data directory: its cluster and the files beside it.
    log(`removing the existing data set in ${dataDir}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function clinicPatients(db: Database, features: Features, clinic: ClinicWorld, count: number, progress: () => void): Promise<void> {
  const client = await db.pool.connect();
  try {
    // System work: no tenant, and a commit need not wait for its WAL flush (a crash means regenerating).
    await client.query("SET app.bypass_rls = 'on'; SET synchronous_commit = off");
    const g: Gen = { rng: new Rng(`${seed}:patients:${clinic.index}`), clinic, t: newTables(features), nowMs, startMs, light, features };
    const lots = light ? undefined : new ClinicLots(g, planProductCodes);
    if (lots) await lots.insert(client);
    // Registration times, growing over the years (more patients lately), in order.
    const created = Array.from({ length: count }, () => startMs + Math.floor(Math.sqrt(g.rng.next()) * (nowMs - startMs - DAY))).sort((a, b) => a - b);
    const chunk = 2000;
    for (let start = 0; start < count; start += chunk) {
      await client.query('BEGIN');
      for (const ms of created.slice(start, start + chunk)) {
        const p = generatePatient(g, ms);
        if (lots && g.rng.chance(0.42)) treat(g, p, lots);
        progress();
      }
      await flushAll(client, g.t);
      await client.query('COMMIT');
    }
    if (lots) {
      await client.query('BEGIN');
      await lots.settle(client, clinic.nurses[0] ?? clinic.owner);
      await flushAll(client, g.t);
      await client.query('COMMIT');
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

const tables = [
  'clinics', 'users', 'patients', 'history_entries', 'history_versions', 'patient_weights', 'products', 'lots', 'stock_movements', 'courses', 'consents',
  'baseline_photo_waivers', 'photos', 'sessions', 'session_lots', 'adverse_events', 'follow_ups', 'audit_events', 'audit_seals',
];

async function counts(db: Database): Promise<Record<string, number>> {
  return db.tx({ system: true }, async (q) => {
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number((await q.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]?.n ?? 0);
    return out;
  });
}

/** Reads some charts through the server's own service and checks them against the API's schema. */
async function checkCharts(db: Database): Promise<string> {
  const rows = await db.tx({ system: true }, (q) =>
    q.query<{ patient_id: string; clinic_id: string; user_id: string }>(
      `SELECT s.patient_id, s.clinic_id, (SELECT id FROM users u WHERE u.clinic_id = s.clinic_id AND u.role = 'doctor' LIMIT 1) AS user_id
       FROM (SELECT patient_id, clinic_id FROM sessions GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 20) s
       UNION ALL
       SELECT p.id, p.clinic_id, (SELECT id FROM users u WHERE u.clinic_id = p.clinic_id AND u.role = 'doctor' LIMIT 1) FROM patients p LIMIT 20`,
    ),
  );
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  let bad = 0;
  for (const r of rows.rows) {
    const chart = await getChart({ db, config, actor: { userId: r.user_id, clinicId: r.clinic_id, role: 'doctor', email: 'bench@bench.mesochart.test', language: 'ru', via: 'token', ip: '127.0.0.1' } }, r.patient_id);
    const parsed = chartSchema.safeParse(chart);
    if (!parsed.success) {
      bad++;
      if (bad <= 3) console.error(`chart of ${r.patient_id} does not match the API schema:`, parsed.error.issues.slice(0, 5));
    }
  }
  return `${rows.rows.length - bad}/${rows.rows.length} charts read back and match the API schema`;
}

async function main(): Promise<void> {
  prepareDir();
  const began = performance.now();
  const opened = await openTarget(dataDir, (m) => log(`  ${m}`), Number(args.lanes) + 2);
  const db = opened.db;
  try {
    const existing = await db.tx({ system: true }, (q) => q.query<{ n: string }>('SELECT count(*) AS n FROM clinics'));
    if (Number(existing.rows[0]?.n ?? 0) > 0) {
      throw new Error(`${opened.embedded ? dataDir : 'DATABASE_URL'} already holds ${existing.rows[0]?.n} clinics: use another --data-dir${opened.embedded ? ', or --force to start over' : ''}`);
    }
    log(`generating ${patients.toLocaleString('en')} patients in ${clinicCount} clinics (seed ${seed}, ${light ? 'light: patients and histories' : 'full records'}, up to ${today}) into ${opened.embedded ? dataDir : 'DATABASE_URL'}`);
    const features = await db.tx({ system: true }, schemaFeatures);
    const clinics = await createClinics(db, seed, clinicCount, startMs, today, log);
    // Patients per clinic: uneven, as in a real chain (flagship clinics are bigger).
    const weights = clinics.map((c) => 0.6 + new Rng(`${seed}:size:${c.index}`).next() * 0.9);
    const total = weights.reduce((a, b) => a + b, 0);
    const sizes = weights.map((w) => Math.floor((patients * w) / total));
    sizes[0] = (sizes[0] ?? 0) + patients - sizes.reduce((a, b) => a + b, 0);

    let done = 0;
    let lastReport = performance.now();
    const progress = () => {
      done++;
      const now = performance.now();
      if (now - lastReport > 10_000) {
        lastReport = now;
        log(`  ${done.toLocaleString('en')} patients (${Math.round(done / ((now - began) / 1000)).toLocaleString('en')}/s)`);
      }
    };
    // Two lanes: while one waits for PostgreSQL the other generates (two cores).
    const queue = clinics.map((c, i) => ({ c, n: sizes[i] ?? 0 }));
    const lane = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await clinicPatients(db, features, job.c, job.n, progress);
    };
    await Promise.all(Array.from({ length: Math.max(1, Number(args.lanes)) }, lane));
    const loaded = performance.now();
    log(`  records written in ${((loaded - began) / 1000).toFixed(0)} s; sealing the audit trail`);
    // Big batches: each batch of the server's sealer scans every event and seal to find the unsealed.
    const sealed = await sealAudit(db, 250_000);
    const sealedAt = performance.now();
    log(`  ${sealed.toLocaleString('en')} audit events sealed in ${((sealedAt - loaded) / 1000).toFixed(0)} s; VACUUM ANALYZE`);
    await db.pool.query('VACUUM (ANALYZE)');
    const check = light ? 'light data set: no charts to check' : await checkCharts(db);
    const n = await counts(db);
    const seconds = (performance.now() - began) / 1000;
    const width = Math.max(...Object.keys(n).map((k) => k.length));
    log('');
    for (const [k, v] of Object.entries(n)) log(`  ${k.padEnd(width)} ${v.toLocaleString('en').padStart(12)}`);
    log('');
    log(`  engine decisions — plans: ${JSON.stringify(decisions.plan)}, sessions: ${JSON.stringify(decisions.session)}`);
    log(`  ${check}`);
    log(`done in ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min)`);
    fs.writeFileSync(
      path.join(dataDir, 'bench-data.json'),
      JSON.stringify({ patients, clinics: clinicCount, seed, light, today, generatedAt: new Date().toISOString(), seconds: Math.round(seconds), counts: n, decisions }, null, 2),
    );
  } finally {
    await opened.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
