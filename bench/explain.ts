// npx tsx bench/explain.ts [--patients N | --data-dir DIR] [--workload w1|w2|w3] [--plans]
//
// Where a workload's time goes in PostgreSQL: records the transaction the app runs for it (as the
// benchmark does), then runs it again statement by statement under EXPLAIN (ANALYZE, BUFFERS), as
// the app's role with the clinic's tenant setting (row-level security applies), and rolls back.
// Prints each statement's execution time, its scans, and with --plans the whole plans.
// Needs the data set's server running (npm run bench starts one; or `mesochart serve` with DATA_DIR).
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { appUrlOf, defaultDataDir } from './lib/target.ts';
import { RecordingDatabase, remapped, type Trace } from './lib/trace.ts';
import { longCharts } from './workloads/chart.ts';
import { searchQueries } from './workloads/search.ts';
import { sessionTraces } from './workloads/session.ts';
import { benchClinics, benchLots, CourseSupply, readyCourses } from './workloads/setup.ts';
import { sessionCocktail } from './workloads/session.ts';

const { values: args } = parseArgs({
  options: { patients: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' }, workload: { type: 'string', default: 'w1,w2,w3' }, plans: { type: 'boolean', default: false } },
});
const dir = path.resolve(args['data-dir'] ?? defaultDataDir(Number(args.patients)));
const url = appUrlOf(dir);

async function explain(pool: pg.Pool, label: string, recorded: Trace): Promise<void> {
  // The recorded statements with fresh ids where the call made some (the audit event's, for one).
  const t = remapped(recorded);
  const client = await pool.connect();
  let total = 0;
  const lines: string[] = [];
  try {
    const setup = 'system' in t.scope ? "SELECT set_config('app.bypass_rls', 'on', true)" : `SELECT set_config('app.clinic_id', '${t.scope.clinicId}', true)`;
    await client.query(`BEGIN; ${setup}`);
    for (const [i, s] of t.statements.entries()) {
      if (/^\s*SELECT set_config/i.test(s.text)) {
        await client.query(s.text, s.values);
        continue;
      }
      const r = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
      const plan = r.rows.map((x) => x['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? NaN);
      total += ms;
      const scans = plan.filter((l) => /Scan on|Scan using/.test(l)).map((l) => l.trim().replace(/\s+\(cost=.*?\)/, '').replace(/\(actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+).*/, '($1 ms, $2 rows)'));
      lines.push(`  #${i + 1} ${ms.toFixed(2)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 110)}`);
      for (const sc of scans) lines.push(`        ${sc}`);
      if (args.plans) lines.push(...plan.map((l) => `        | ${l}`));
    }
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
  console.log(`${label}: ${t.statements.length} statements, ${total.toFixed(1)} ms of execution in PostgreSQL`);
  console.log(lines.join('\n'));
  console.log('');
}

const db = new RecordingDatabase(url, 4);
const pool = new pg.Pool({ connectionString: url, max: 2 });
try {
  const config = loadConfig({ ...process.env, DATA_DIR: dir });
  const clinics = await benchClinics(db);
  const which = new Set(args.workload.split(','));
  if (which.has('w1')) {
    for (const kind of ['latin', 'cyrillic', 'typo'] as const) {
      const queries = await searchQueries(db, config, clinics, kind, 2, 2);
      for (const q of queries) await explain(pool, `W1 ${kind} "${q.q}" (${q.found} found)`, q.trace);
    }
  }
  if (which.has('w2')) {
    const charts = await longCharts(db, config, clinics, 2);
    for (const c of charts) await explain(pool, `W2 chart of ${c.patientId} (${c.sessions} sessions, ${c.courses} courses, ${Math.round(c.bytes / 1024)} KB)`, c.trace);
  }
  if (which.has('w3')) {
    const first = clinics.slice(0, 1);
    await benchLots(db, first, sessionCocktail.map((x) => x.code));
    const courses = await readyCourses(db, first, 2, sessionCocktail);
    const traces = await sessionTraces(db, config, first, new CourseSupply(courses.slice(0, 1)));
    const other = courses[1];
    for (const [, t] of traces) {
      if (!other) break;
      const ids = new Map([[t.course.courseId, other.courseId], [t.course.patientId, other.patientId]]);
      await explain(pool, 'W3 record a session (the recorded transaction on another ready course, rolled back)', { ...t.trace, statements: remapped(t.trace, ids).statements, sinceMs: Date.now() });
    }
  }
} finally {
  await db.close();
  await pool.end();
}
