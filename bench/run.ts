// npm run bench [-- --patients 100000] [--search-patients 1000000] [--connections 8] [--quick]
//               [--only ceiling,w1,w2,w3,w4,w5] [--cpu-prof] [--data-dir DIR] [--search-data-dir DIR]
//
// Runs the real server (`mesochart serve` on a generated data set) and the framework ceiling (the
// same app with a hello-world route), loads them over HTTP with autocannon (no pipelining; a
// warm-up, then rounds, the median of the rounds), and runs the same SQL straight through the pg
// driver at the same concurrency, interleaved round by round. Prints one table and writes it,
// with the machine and the targets, to bench/results/<date>-<size>.md. Never part of the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { measure, measureHttp, measureRaw, type Schedule, type Stats } from './lib/load.ts';
import { machine, type Row, textTable, writeReport } from './lib/report.ts';
import { Rng } from './lib/rng.ts';
import { PgSampler, RssSampler } from './lib/samplers.ts';
import { type Child, startHello, startMesochart } from './lib/server.ts';
import { appUrlOf, benchDir, defaultDataDir, sizeLabel } from './lib/target.ts';
import { evaluateTargets, Findings } from './lib/targets.ts';
import { RecordingDatabase, replay, writes } from './lib/trace.ts';
import { chartLoad, longCharts } from './workloads/chart.ts';
import { ampouleCocktail, ampouleRound } from './workloads/last-ampoule.ts';
import { mixLoad, treatedPatients } from './workloads/mix.ts';
import { type SearchKind, searchLoad, searchQueries, type SearchQuery } from './workloads/search.ts';
import { checkWrites, sessionCocktail, SessionLedger, sessionLoad, sessionTraces } from './workloads/session.ts';
import { benchClinics, benchLots, CourseSupply, type BenchClinic, type ReadyCourse, readyCourses } from './workloads/setup.ts';

const { values: args } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    'data-dir': { type: 'string' },
    'search-patients': { type: 'string', default: '1000000' },
    'search-data-dir': { type: 'string' },
    connections: { type: 'string', default: '8' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const patients = Number(args.patients);
const dataDir = path.resolve(args['data-dir'] ?? defaultDataDir(patients));
const searchPatients = Number(args['search-patients']);
const searchDir = path.resolve(args['search-data-dir'] ?? defaultDataDir(searchPatients));
const c = Number(args.connections);
const only = new Set((args.only ?? 'ceiling,w1,w2,w3,w4,w5').split(',').map((s) => s.trim().toLowerCase()));
const schedule: Schedule = args.quick ? { warmupMs: 1500, roundMs: 3000, rounds: 2 } : { warmupMs: 3000, roundMs: 8000, rounds: 3 };
const mixLevels = [1, 8, 32, 50, 64];
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const load1 = () => os.loadavg()[0]?.toFixed(2) ?? '?';

/** What a data set's server needs while the workloads run. */
interface Session {
  server: Child;
  db: RecordingDatabase;
  raw: pg.Pool;
  clinics: BenchClinic[];
  config: ReturnType<typeof loadConfig>;
  pgVersion: string;
  label: string;
  /** A search data set (patients only): fewer searches recorded, each is slow to record there. */
  light: boolean;
}

async function open(dir: string, cpuProf: boolean): Promise<Session> {
  if (!fs.existsSync(path.join(dir, 'bench-data.json'))) {
    throw new Error(`no data set in ${dir}: generate it first (npm run bench:data -- --patients ${patients}${args['data-dir'] ? ` --data-dir ${dir}` : ''})`);
  }
  log(`starting mesochart serve on ${dir}`);
  const server = await startMesochart(dir, cpuProf ? path.join(benchDir, 'results', 'profiles') : undefined);
  const url = appUrlOf(dir);
  // The server's pool has 20 connections; the raw runs get as many.
  const db = new RecordingDatabase(url, 20);
  const raw = new pg.Pool({ connectionString: url, max: 20 });
  const pgVersion = (await raw.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
  const config = loadConfig({ ...process.env, DATA_DIR: dir });
  const clinics = await benchClinics(db);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'bench-data.json'), 'utf8')) as { patients: number; light: boolean };
  return { server, db, raw, clinics, config, pgVersion, label: sizeLabel(meta.patients), light: meta.light };
}

async function close(s: Session): Promise<void> {
  await s.db.close();
  await s.raw.end();
  await s.server.stop();
}

const kinds: SearchKind[] = ['latin', 'cyrillic', 'typo'];

async function searchRows(s: Session, ceiling: number | undefined, findings: Findings, rows: Row[]): Promise<SearchQuery[]> {
  const all: SearchQuery[] = [];
  for (const kind of kinds) {
    const queries = await searchQueries(s.db, s.config, s.clinics, kind, s.light ? 3 : 6, s.light ? 6 : 8);
    all.push(...queries);
    const rng = new Rng(`raw:search:${kind}`);
    log(`W1 search ${kind} at ${s.label}: ${queries.length} queries, ${(queries.reduce((a, q) => a + q.found, 0) / queries.length).toFixed(1)} found on average (load ${load1()})`);
    const m = await measure(schedule, { ...searchLoad(s.server.url, queries), connections: c }, { op: () => replay(s.raw, rng.pick(queries).trace), connections: c });
    const row: Row = { name: `W1 search, ${kind} (${s.label})`, clients: c, http: m.http, ...(m.raw ? { raw: m.raw } : {}), ...(ceiling ? { ceiling } : {}) };
    rows.push(row);
    findings.search.push({ kind, size: s.label, row, found: queries.reduce((a, q) => a + q.found, 0) / queries.length, examples: queries.slice(0, 4).map((q) => q.q) });
  }
  return all;
}

/** Ready courses enough for a round at `rps`, spread over the clinics (made between rounds). */
async function provision(s: Session, supply: CourseSupply, rps: number, clinics = s.clinics, cocktail = sessionCocktail): Promise<void> {
  // Twice what the fastest rate so far would use in a round: the next may run faster still.
  const need = Math.ceil(((rps * schedule.roundMs) / 1000) * 2 + 300);
  const more = need - supply.left;
  if (more <= 0) return;
  supply.add(await readyCourses(s.db, clinics, Math.ceil(more / clinics.length), cocktail));
}

async function main(): Promise<void> {
  const started = new Date();
  const rows: Row[] = [];
  const findings = new Findings();
  const loadBefore = load1();
  log(`machine: ${os.cpus().length} cores, load average ${loadBefore}`);
  const file = args.out ?? path.join(benchDir, 'results', `${started.toISOString().slice(0, 10)}-${sizeLabel(patients)}${args.quick ? '-quick' : ''}.md`);
  /** Writes the report of what is measured so far: after each workload, so a run cut short still leaves its figures. */
  const save = (running: string | null): string =>
    writeReport(file, {
      title: `Benchmarks — ${started.toISOString().slice(0, 10)}, ${sizeLabel(patients)} patients`,
      intro: [
        `Run ${started.toISOString()} to ${new Date().toISOString()} with \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`${running ? ` — **incomplete: the run was at ${running} when this was written**` : ''}.`,
        `Schedule: ${schedule.warmupMs / 1000} s of warm-up, then ${schedule.rounds} rounds of ${schedule.roundMs / 1000} s (W5: ${args.quick ? schedule.rounds : 2} rounds a level); each figure is the median of its rounds, errors are summed.`,
        `Load average (1 min) before the run: ${loadBefore}; at the end: ${load1()}. During the run the benchmark itself keeps about ten processes busy (server, load generator, PostgreSQL backends), so only the figure before tells of other work on the machine.`,
      ],
      machine: machine(findings.pgVersion ?? '?'),
      rows,
      targets: evaluateTargets(findings, sizeLabel(searchPatients)),
      sections: findings.sections(),
    });

  let hello: Child | undefined;
  let main: Session | undefined;
  const rss = new RssSampler();
  const pgs = new PgSampler();
  const phase = (name: string) => {
    rss.phase = name;
    pgs.phase = name;
  };
  try {
    hello = await startHello();
    main = await open(dataDir, args['cpu-prof'] ?? false);
    const s = main;
    findings.dataSet = JSON.parse(fs.readFileSync(path.join(dataDir, 'bench-data.json'), 'utf8')) as Record<string, unknown>;
    findings.pgVersion = s.pgVersion;
    rss.start(s.server.pid);
    pgs.start(s.raw);
    const ceilings = new Map<number, Stats>();
    if (only.has('ceiling') || only.has('w1') || only.has('w2')) {
      phase('ceiling');
      for (const n of [...new Set([c, 64])]) {
        log(`framework ceiling at ${n} clients (load ${load1()})`);
        const stats = await measureHttp(schedule, { url: hello.url, connections: n, next: () => ({ method: 'GET', path: '/bench/hello', headers: {} }) });
        ceilings.set(n, stats);
        rows.push({ name: 'ceiling: hello world, same app', clients: n, http: stats, ceiling: stats.rps });
      }
    }
    const ceiling = ceilings.get(c)?.rps;

    await benchLots(s.db, s.clinics, [...new Set([...sessionCocktail, ...ampouleCocktail].map((x) => x.code))]);
    let searches: SearchQuery[] = [];
    if (only.has('w1') || only.has('w5')) {
      save('W1');
      phase('W1');
      if (only.has('w1')) searches = await searchRows(s, ceiling, findings, rows);
      else for (const kind of kinds) searches.push(...(await searchQueries(s.db, s.config, s.clinics, kind, 6, 8)));
    }

    const charts = only.has('w2') || only.has('w5') ? await longCharts(s.db, s.config, s.clinics) : [];
    if (only.has('w2')) {
      save('W2');
      phase('W2');
      const avg = (f: (t: (typeof charts)[number]) => number) => charts.reduce((a, t) => a + f(t), 0) / charts.length;
      log(`W2 chart: ${charts.length} patients, ${avg((t) => t.sessions).toFixed(1)} sessions and ${avg((t) => t.courses).toFixed(1)} courses each, ${(avg((t) => t.bytes) / 1024).toFixed(0)} KB of JSON (load ${load1()})`);
      const rng = new Rng('raw:chart');
      const m = await measure(schedule, { ...chartLoad(s.server.url, charts), connections: c }, { op: () => replay(s.raw, rng.pick(charts).trace), connections: c });
      const row: Row = { name: 'W2 open a long chart', clients: c, http: m.http, ...(m.raw ? { raw: m.raw } : {}), ...(ceiling ? { ceiling } : {}) };
      rows.push(row);
      findings.chart = { row, sessions: avg((t) => t.sessions), courses: avg((t) => t.courses), kb: avg((t) => t.bytes) / 1024, statements: charts[0]?.trace.statements.length ?? 0 };
    }

    if (only.has('w3')) {
      save('W3');
      phase('W3');
      log(`W3 record a session: preparing courses (load ${load1()})`);
      const traces = await sessionTraces(s.db, s.config, s.clinics, new CourseSupply(await readyCourses(s.db, s.clinics, 1, sessionCocktail)));
      const first = [...traces.values()][0];
      const httpSupply = new CourseSupply(await readyCourses(s.db, s.clinics, 150, sessionCocktail));
      const rawSupply = new CourseSupply(await readyCourses(s.db, s.clinics, 300, sessionCocktail));
      const ledger = new SessionLedger();
      const rawUsed: ReadyCourse[] = [];
      const rawOp = (keep: (text: string) => boolean) => async () => {
        if (rawSupply.left === 0) {
          // Out of courses: fail slowly rather than spin (the report shows these failures).
          await new Promise((r) => setTimeout(r, 100));
          throw new Error('out of ready courses');
        }
        const course = rawSupply.take();
        rawUsed.push(course);
        const t = traces.get(course.clinic.id);
        if (!t) throw new Error('no trace for the clinic');
        await replay(s.raw, t.trace, new Map([[t.course.courseId, course.courseId], [t.course.patientId, course.patientId]]), keep);
      };
      log(`W3: the app runs ${first?.trace.statements.length ?? '?'} statements in the session's transaction, ${first?.trace.statements.filter((x) => writes(x.text)).length ?? '?'} of them writes or locks`);
      // The reference is the whole transaction (every statement the app runs, reads included);
      // its writes alone are measured too, to show what the reads of the assessment cost.
      const m = await measure(schedule, { ...sessionLoad(s.server.url, httpSupply, ledger), connections: c }, { op: rawOp(() => true), connections: c }, async (httpRps, rawRps) => {
        await provision(s, httpSupply, httpRps);
        await provision(s, rawSupply, rawRps ?? httpRps);
      });
      const rawWrites = await measureRaw(schedule, { op: rawOp(writes), connections: c }, (rps) => provision(s, rawSupply, rps));
      if (rawWrites.errors > 0) log(`W3 raw (writes only): ${rawWrites.errors} failures ${JSON.stringify(rawWrites.failures)}`);
      if ((m.raw?.errors ?? 0) > 0) log(`W3 raw (every statement): ${m.raw?.errors} failures ${JSON.stringify(m.raw?.failures)}`);
      const check = await checkWrites(s.db, ledger.used, ledger.acknowledged, 2);
      const rawCheck = await checkWrites(s.db, rawUsed, null, 2);
      const row: Row = { name: 'W3 record a session', clients: c, http: m.http, ...(m.raw ? { raw: m.raw } : {}), ...(ceiling ? { ceiling } : {}), note: 'raw: every statement' };
      rows.push(row, { name: 'W3, raw: its writes and lock only', clients: c, raw: rawWrites, compareRps: m.http.rps });
      findings.session = { row, rawWrites, check, rawCheck, starved: ledger.starved, duplicateAnswers: ledger.duplicateAnswers, statements: first?.trace.statements.length ?? 0, writes: first?.trace.statements.filter((x) => writes(x.text)).length ?? 0 };
    }

    if (only.has('w4')) {
      save('W4');
      phase('W4');
      const clients = 64;
      const pattern = args.quick ? [1, 1, 2, 5] : [1, 1, 1, 1, 2, 2, 3, 5, 5, 10];
      log(`W4 last ampoule: ${pattern.length} bursts of ${clients} clients (load ${load1()})`);
      const clinic = s.clinics[0] as BenchClinic;
      const supply = new CourseSupply(await readyCourses(s.db, [clinic], clients * pattern.length, ampouleCocktail));
      for (const ampoules of pattern) {
        const courses = Array.from({ length: clients }, () => supply.take());
        findings.ampoule.push(await ampouleRound(s.server.url, s.db, courses, ampoules));
      }
    }

    if (only.has('w5')) {
      const patientsMix = await treatedPatients(s.db, s.clinics);
      const mixSchedule: Schedule = args.quick ? schedule : { warmupMs: 3000, roundMs: 8000, rounds: 2 };
      for (const n of mixLevels) {
        save(`W5 at ${n} clients`);
        phase(`W5 ${n}`);
        log(`W5 clinic mix at ${n} clients (load ${load1()})`);
        const supply = new CourseSupply(await readyCourses(s.db, s.clinics, 40, sessionCocktail));
        const ledger = new SessionLedger();
        const stats = await measureHttp(mixSchedule, { ...mixLoad(s.server.url, { searches, patients: patientsMix, longCharts: charts, supply, ledger }), connections: n }, (rps) =>
          provision(s, supply, rps * 0.2),
        );
        rows.push({ name: 'W5 clinic mix', clients: n, http: stats });
        findings.mix.push({ clients: n, stats, rssMb: rss.max.get(rss.phase) ?? NaN });
      }
    }
    findings.rss = rss.max;
    findings.pg = pgs.samples;
    rss.stop();
    pgs.stop();
    await close(s);
    main = undefined;

    if (only.has('w1') && fs.existsSync(path.join(searchDir, 'bench-data.json')) && searchDir !== dataDir) {
      save(`W1 at ${sizeLabel(searchPatients)}`);
      const big = await open(searchDir, false);
      try {
        await searchRows(big, ceiling, findings, rows);
      } finally {
        await close(big);
      }
    } else if (only.has('w1')) {
      log(`no search data set in ${searchDir}: W1 at ${sizeLabel(searchPatients)} not measured (npm run bench:data -- --patients ${searchPatients})`);
    }
  } finally {
    rss.stop();
    pgs.stop();
    if (main) await close(main).catch(() => {});
    await hello?.stop().catch(() => {});
  }

  const table = textTable(rows);
  console.log(`\n${table}\n`);
  const targets = evaluateTargets(findings, sizeLabel(searchPatients));
  for (const t of targets) console.log(`${t.met === null ? 'not measured' : t.met ? 'met        ' : 'NOT MET    '}  ${t.name}: ${t.measured}`);
  log(`wrote ${path.relative(process.cwd(), save(null))}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
