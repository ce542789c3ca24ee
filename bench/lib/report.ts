// The benchmark's one table (printed, and written as markdown with the machine, the revision and
// the targets met or not).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stats } from './load.ts';
import { rootDir } from './target.ts';

/** A row of the table. */
export interface Row {
  name: string;
  clients: number;
  http?: Stats;
  raw?: Stats;
  /** The hello-world ceiling's req/s at the same number of clients. */
  ceiling?: number;
  /** For a row of raw figures only: the HTTP req/s its ratio compares. */
  compareRps?: number;
  note?: string;
}

/** A target of the issue and how it went. */
export interface Target {
  name: string;
  met: boolean | null;
  measured: string;
}

const fmt = (n: number | undefined, digits = 1): string => (n === undefined || !Number.isFinite(n) ? '—' : n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(digits));
const pct = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '—' : `${((a / b) * 100).toFixed(a / b < 0.1 ? 1 : 0)}%`);

function cells(r: Row): string[] {
  const h = r.http;
  return [
    r.name,
    String(r.clients),
    fmt(h?.rps),
    fmt(h?.p50, 2),
    fmt(h?.p95, 2),
    fmt(h?.p99, 2),
    h ? String(h.errors) : '—',
    pct(h?.rps, r.ceiling),
    fmt(r.raw?.rps),
    pct(h?.rps ?? r.compareRps, r.raw?.rps),
  ];
}

const header = ['workload', 'clients', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', '÷ ceiling', 'raw SQL req/s', '÷ raw'];

/** The table as text for the terminal. */
export function textTable(rows: Row[]): string {
  const all = [header, ...rows.map(cells)];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i < 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** The table as markdown. */
export function markdownTable(rows: Row[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i < 1 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
  ].join('\n');
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: rootDir, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The machine and the software measured. */
export function machine(pgVersion: string): Record<string, string> {
  const cpus = os.cpus();
  const version = (pkg: string) => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(rootDir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  const dirty = git(['status', '--porcelain']).length > 0;
  return {
    CPU: `${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    OS: `${os.type()} ${os.release()}`,
    Node: process.version,
    PostgreSQL: pgVersion,
    Fastify: version('fastify'),
    autocannon: version('autocannon'),
    'git revision': `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' with uncommitted changes in the working tree' : ''}`,
  };
}

/** Writes the markdown report; returns its path. */
export function writeReport(file: string, o: { title: string; intro: string[]; machine: Record<string, string>; rows: Row[]; targets: Target[]; sections: [string, string][] }): string {
  const lines = [
    `# ${o.title}`,
    '',
    ...o.intro,
    '',
    '## Machine',
    '',
    ...Object.entries(o.machine).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '## Results',
    '',
    markdownTable(o.rows),
    '',
    '## Targets (issue 8: 2 cores, embedded PostgreSQL, 100k patients)',
    '',
    '| target | measured | |',
    '|---|---|---|',
    ...o.targets.map((t) => `| ${t.name} | ${t.measured} | ${t.met === null ? 'not measured' : t.met ? 'met' : '**not met**'} |`),
    '',
    ...o.sections.flatMap(([title, body]) => [`## ${title}`, '', body, '']),
  ];
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}
