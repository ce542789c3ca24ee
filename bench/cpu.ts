// npx tsx bench/cpu.ts [--patients N | --data-dir DIR] [--requests 2000] [--connections 4] [--only hello,search,chart,photos,session]
//
// What one request costs in CPU time, split between the server (Node) and PostgreSQL (every
// backend of the cluster), for each read workload and for the hello-world ceiling. Throughput on
// a shared machine moves with whatever else runs; the CPU time a request consumes barely does,
// so this is the figure to compare two versions of the code by (run it on each, same data set).
// The ceiling's cost over the workload's cost is the best throughput ratio the workload could
// reach on these cores. Printed, not asserted; the same requests as `npm run bench`.
//
// --cpu-prof: the server writes a CPU profile to bench/results/profiles/ when it stops.
// --statements: also where PostgreSQL's time goes, statement by statement (planning and
// execution), from pg_stat_statements. It needs the library preloaded in the data set's server:
// add `shared_preload_libraries = 'pg_stat_statements'` and `pg_stat_statements.track_planning = on`
// to bench/data/<size>/pg/postgresql.auto.conf (the data set's own; nothing of the app changes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { Rng } from './lib/rng.ts';
import { type Child, startHello, startMesochart } from './lib/server.ts';
import { appUrlOf, benchDir, defaultDataDir } from './lib/target.ts';
import { RecordingDatabase } from './lib/trace.ts';
import { longCharts } from './workloads/chart.ts';
import { treatedPatients } from './workloads/mix.ts';
import { searchQueries } from './workloads/search.ts';
import { sessionBody, sessionCocktail } from './workloads/session.ts';
import { benchClinics, benchLots, CourseSupply, readyCourses } from './workloads/setup.ts';

const { values: args } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    'data-dir': { type: 'string' },
    requests: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '4' },
    only: { type: 'string', default: 'hello,search,chart,photos,session' },
    statements: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const dir = path.resolve(args['data-dir'] ?? defaultDataDir(Number(args.patients)));
const requests = Number(args.requests);
const connections = Number(args.connections);
const only = new Set(args.only.split(','));
const tick = 1000 / 100; // ms per clock tick of /proc/<pid>/stat (USER_HZ is 100 on Linux)

/** CPU time (user + system, ms) of a process and of all its descendants, by kind of process (its title's first words). */
function cpuOf(root: number): Map<string, number> {
  const stats = new Map<number, { ppid: number; ms: number; kind: string }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields start after the last ')'.
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      // PostgreSQL's processes name themselves: "postgres: walwriter", "postgres: mesochart mesochart 127.0.0.1(5432) idle".
      const title = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const kind = /^postgres: (\S+) \S+ \d+\.\d+\.\d+\.\d+/.test(title) ? 'backends' : /^postgres: (autovacuum|walwriter|checkpointer|background writer|walsummarizer|io worker|logical replication|startup)/.exec(title)?.[1] ?? (title.startsWith('postgres') ? 'other' : 'node');
      stats.set(Number(name), { ppid: Number(f[1]), ms: Number(f[11]) * tick, kind });
      stats.set(-Number(name), { ppid: -1, ms: Number(f[12]) * tick, kind: `${kind} (system)` });
    } catch {
      // the process ended while /proc was read
    }
  }
  const out = new Map<string, number>();
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop() as number;
    const s = stats.get(pid);
    const sys = stats.get(-pid);
    if (s) out.set(s.kind, (out.get(s.kind) ?? 0) + s.ms);
    if (sys) out.set(sys.kind, (out.get(sys.kind) ?? 0) + sys.ms);
    for (const [p, x] of stats) if (x.ppid === pid && p > 0) todo.push(p);
  }
  return out;
}

const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/** What each kind of process spent between two readings (a process that ended in between counts nothing). */
function spent(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([k, v]) => [k, Math.max(0, v - (before.get(k) ?? 0))]));
}

/** The postmaster of the data set's embedded PostgreSQL (its backends are its children). */
function postmasterPid(): number {
  return Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

interface Req {
  path: string;
  token: string;
  /** A JSON body to POST (a GET without). */
  body?: string;
  /** The status a success answers with (200 when not said). */
  status?: number;
}

/** Sends `n` requests, `connections` at a time; every answer must be 200. */
async function drive(base: string, next: () => Req, n: number): Promise<void> {
  let sent = 0;
  const worker = async () => {
    while (sent < n) {
      sent++;
      const r = next();
      const res = await fetch(`${base}${r.path}`, {
        method: r.body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${r.token}`, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(r.body === undefined ? {} : { body: r.body }),
      });
      const body = await res.arrayBuffer();
      if (res.status !== (r.status ?? 200)) throw new Error(`${r.path}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
}

/** The superuser's pool of the data set's embedded server (pg_stat_statements), when asked for. */
function adminPool(): pg.Pool | null {
  if (!args.statements) return null;
  const state = JSON.parse(fs.readFileSync(path.join(dir, 'embedded-postgres.json'), 'utf8')) as { port: number; password: string };
  return new pg.Pool({ connectionString: `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/mesochart`, max: 1 });
}
let admin: pg.Pool | null = null;

/** The statements of the last workload by total time: calls, and planning and execution per call. */
async function statements(): Promise<void> {
  if (!admin) return;
  const r = await admin.query<{ calls: number; plan: number; exec: number; rows: number; query: string }>(
    `SELECT calls, total_plan_time / greatest(calls, 1) AS plan, total_exec_time / greatest(calls, 1) AS exec, rows / greatest(calls, 1) AS rows, query
     FROM pg_stat_statements WHERE query !~* '^SELECT pg_stat_statements_reset' ORDER BY total_plan_time + total_exec_time DESC LIMIT 15`,
  );
  const all = await admin.query<{ plan: number; exec: number }>(`SELECT sum(total_plan_time) AS plan, sum(total_exec_time) AS exec FROM pg_stat_statements`);
  console.log(`    all statements: plan ${(Number(all.rows[0]?.plan) / requests).toFixed(3)} ms, exec ${(Number(all.rows[0]?.exec) / requests).toFixed(3)} ms a request`);
  for (const s of r.rows)
    console.log(`    ${String(Math.round(s.calls / requests * 100) / 100).padStart(5)}×  plan ${s.plan.toFixed(3)}  exec ${s.exec.toFixed(3)} ms  ${Number(s.rows).toFixed(0).padStart(4)} rows  ${s.query.replace(/\s+/g, ' ').slice(0, 110)}`);
}

/** CPU per request of the server process tree and of PostgreSQL, over `requests` after a warm-up. */
async function cost(label: string, server: Child, pgPid: number | null, next: () => Req): Promise<void> {
  await drive(server.url, next, Math.min(300, requests));
  if (admin && pgPid) await admin.query('SELECT pg_stat_statements_reset()');
  const n0 = cpuOf(server.pid);
  const p0 = pgPid ? cpuOf(pgPid) : new Map<string, number>();
  const t0 = Date.now();
  await drive(server.url, next, requests);
  const wall = Date.now() - t0;
  const nodeBy = spent(n0, cpuOf(server.pid));
  const nodeMs = sum(nodeBy) / requests;
  const pgBy = pgPid ? spent(p0, cpuOf(pgPid)) : new Map<string, number>();
  const pgMs = sum(pgBy) / requests;
  const total = nodeMs + pgMs;
  console.log(
    `${label.padEnd(24)} node ${nodeMs.toFixed(3).padStart(7)} ms   postgres ${pgMs.toFixed(3).padStart(7)} ms   total ${total.toFixed(3).padStart(7)} ms/request` +
      `   (${((requests / wall) * 1000).toFixed(0)} req/s at ${connections} clients, load ${os.loadavg()[0]?.toFixed(2)})`,
  );
  // The kernel's share: on loopback, every round trip's send runs the receiving side's TCP too.
  console.log(`    node: user ${((nodeBy.get('node') ?? 0) / requests).toFixed(3)}, system ${((nodeBy.get('node (system)') ?? 0) / requests).toFixed(3)} ms a request`);
  if (pgPid) {
    console.log(`    postgres by process: ${[...pgBy].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / requests).toFixed(3)}`).join(', ')}`);
    await statements();
  }
}

async function main(): Promise<void> {
  console.log(`CPU per request, ${requests} requests at ${connections} clients each, on ${dir}`);
  if (only.has('hello')) {
    const hello = await startHello();
    try {
      await cost('hello world (ceiling)', hello, null, () => ({ path: '/bench/hello', token: 'none' }));
    } finally {
      await hello.stop();
    }
  }
  const server = await startMesochart(dir, args['cpu-prof'] ? path.join(benchDir, 'results', 'profiles') : undefined);
  const db = new RecordingDatabase(appUrlOf(dir), 4);
  try {
    const config = loadConfig({ ...process.env, DATA_DIR: dir });
    const clinics = await benchClinics(db);
    const pgPid = postmasterPid();
    admin = adminPool();
    await admin?.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const rng = new Rng('cpu');
    if (only.has('search')) {
      for (const kind of ['latin', 'cyrillic', 'typo'] as const) {
        const qs = await searchQueries(db, config, clinics, kind, 6, 8);
        await cost(`W1 search, ${kind}`, server, pgPid, () => {
          const s = rng.pick(qs);
          return { path: `/api/v1/patients?q=${encodeURIComponent(s.q)}&limit=20`, token: s.clinic.token };
        });
      }
    }
    if (only.has('chart')) {
      const charts = await longCharts(db, config, clinics, 40);
      await cost('W2 long chart', server, pgPid, () => {
        const t = rng.pick(charts);
        return { path: `/api/v1/patients/${t.patientId}/chart`, token: t.clinic.token };
      });
    }
    const patients = only.has('chart') || only.has('photos') ? await treatedPatients(db, clinics) : [];
    if (only.has('chart')) {
      await cost('chart (any treated)', server, pgPid, () => {
        const p = rng.pick(patients);
        return { path: `/api/v1/patients/${p.patientId}/chart`, token: p.clinic.token };
      });
    }
    if (only.has('session')) {
      // W3's request: the first session of a ready course (consented, baseline waived), on the bench's own lots.
      await benchLots(db, clinics, sessionCocktail.map((x) => x.code));
      const supply = new CourseSupply();
      supply.add(await readyCourses(db, clinics, Math.ceil((requests + Math.min(300, requests)) / clinics.length) + 5, sessionCocktail));
      await cost('W3 record a session', server, pgPid, () => {
        const c = supply.take();
        return { path: '/api/v1/sessions', token: c.clinic.token, body: JSON.stringify(sessionBody(c)), status: 201 };
      });
    }
    if (only.has('photos')) {
      await cost('photo list', server, pgPid, () => {
        const p = rng.pick(patients);
        return { path: `/api/v1/patients/${p.patientId}/photos`, token: p.clinic.token };
      });
    }
  } finally {
    await admin?.end();
    await db.close();
    await server.stop();
  }
}

await main();
