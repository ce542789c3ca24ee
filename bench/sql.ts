// npx tsx bench/sql.ts [--data-dir DIR | --patients N] "SQL" — runs SQL on a data set as the app's
// role with row-level security bypassed (system work), and prints the rows: for EXPLAIN (ANALYZE,
// BUFFERS) of the workloads' queries. Uses the running server's PostgreSQL when there is one,
// otherwise starts the data set's embedded PostgreSQL for the call.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { appUrlOf, defaultDataDir, openTarget } from './lib/target.ts';

const { values: args, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' }, patients: { type: 'string', default: '100000' } }, allowPositionals: true });
const dir = path.resolve(args['data-dir'] ?? defaultDataDir(Number(args.patients)));
const sql = positionals.join(' ');
if (!sql) {
  console.error('usage: npx tsx bench/sql.ts [--data-dir DIR] "SQL"');
  process.exit(2);
}

async function run(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET app.bypass_rls = 'on'");
    const results = await client.query(sql);
    for (const r of Array.isArray(results) ? results : [results]) for (const row of (r as pg.QueryResult).rows) console.log(Object.values(row as Record<string, unknown>).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(' | '));
  } finally {
    await client.end();
  }
}

const running = process.env.DATABASE_URL !== undefined || fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'));
if (running) await run(appUrlOf(dir));
else {
  const opened = await openTarget(dir, () => {});
  try {
    await run(opened.url);
  } finally {
    await opened.close();
  }
}
