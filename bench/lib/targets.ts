// What the run found, the issue's targets judged on it, and the report's sections that explain it.
import type { AmpouleRound } from '../workloads/last-ampoule.ts';
import type { WriteCheck } from '../workloads/session.ts';
import type { Stats } from './load.ts';
import type { Row, Target } from './report.ts';

const ms = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : `${n.toFixed(1)} ms`);
const share = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? NaN : a / b);
const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%` : '—');

/** Everything the workloads measured beyond the table's rows. */
export class Findings {
  search: { kind: string; size: string; row: Row; found: number; examples: string[] }[] = [];
  chart?: { row: Row; sessions: number; courses: number; kb: number; statements: number };
  session?: { row: Row; rawWrites: Stats; check: WriteCheck; rawCheck: WriteCheck; starved: number; duplicateAnswers: number; statements: number; writes: number };
  ampoule: AmpouleRound[] = [];
  mix: { clients: number; stats: Stats; rssMb: number }[] = [];
  rss = new Map<string, number>();
  pg = new Map<string, { n: number; sealer: number; active: number }>();
  pgVersion?: string;
  dataSet?: Record<string, unknown>;

  /** The report's sections: the method, then what each workload showed beyond its row. */
  sections(): [string, string][] {
    const out: [string, string][] = [];
    out.push([
      'Method',
      [
        '- HTTP: autocannon, no pipelining, one request per connection at a time, against `mesochart serve` (LOG_LEVEL=warn, its own pool of 20 connections) on the generated data set, authenticated by API tokens (one per clinic, a doctor\'s).',
        '- Raw SQL: the same transaction the app runs, recorded once per request shape by calling the app\'s own service in the bench process with a recording database, then replayed with `pg` alone (BEGIN and the tenant setting, every statement with its parameters, COMMIT) by a closed loop of as many workers as HTTP clients, over a pool of 20 connections. What the raw side does not do: HTTP, Fastify, authentication (the app looks a token up in a transaction of its own, at most every AUTH_CACHE_SECONDS), statements prepared as the app prepares them, validation, the service\'s JavaScript, serialisation. Ids the app generated are replaced by fresh ones on each replay, so writes replay too.',
        '- HTTP and raw rounds alternate, so both see the same machine; each figure is the median of its rounds.',
        '- Ceiling: `bench/hello-server.ts` — Mesochart\'s own `buildApp` (Fastify, zod type provider and serializer, cookie, helmet with the CSP, rate-limit, OpenAPI, the auth hook, error handling, the web plugin) plus one `GET /bench/hello` route with a zod response schema; no database work.',
        '- The load generator, the server and PostgreSQL share the machine\'s cores.',
      ].join('\n'),
    ]);
    if (this.dataSet) out.push(['Data set', '```\n' + JSON.stringify(this.dataSet, null, 2) + '\n```']);
    if (this.search.length > 0) {
      out.push([
        'W1 search',
        this.search.map((s) => `- ${s.kind} at ${s.size}: ${s.found.toFixed(1)} patients found per query on average (first page of 20); e.g. ${s.examples.map((e) => `\`${e}\``).join(', ')}`).join('\n'),
      ]);
    }
    if (this.chart) {
      out.push([
        'W2 chart',
        `The ${this.chart.sessions.toFixed(1)} sessions and ${this.chart.courses.toFixed(1)} courses of the longest records on average; ${this.chart.kb.toFixed(0)} KB of JSON per chart; ${this.chart.statements} statements in the chart's transaction.`,
      ]);
    }
    if (this.session) {
      const s = this.session;
      const c = s.check;
      out.push([
        'W3 writes',
        [
          `The session's transaction runs ${s.statements} statements, ${s.writes} of them writes or locks. The raw reference replays all ${s.statements}; replaying only the ${s.writes} writes and the lock gives ${Math.round(s.rawWrites.rps)} tx/s, which is what the reads (the record the safety engine assesses, and the answer) cost on top.`,
          `- HTTP: ${c.requested} requests on ${c.requested} fresh courses; ${c.acknowledged} acknowledged (201); ${c.committed} sessions committed; lost (acknowledged, not in the database): ${c.lost}; duplicated (a course with two sessions): ${c.duplicated}; half-written (lots, stock movements, follow-ups or audit event missing): ${c.incomplete}; committed but unacknowledged (in flight when a round ended): ${c.unacknowledgedCommitted}; duplicate answers: ${s.duplicateAnswers}; requests without a ready course: ${s.starved}.`,
          `- Raw replays: ${s.rawCheck.committed} sessions, duplicated ${s.rawCheck.duplicated}, half-written ${s.rawCheck.incomplete}; failed replays: every statement ${s.row.raw?.errors ?? 0} ${JSON.stringify(s.row.raw?.failures ?? {})}, writes only ${s.rawWrites.errors} ${JSON.stringify(s.rawWrites.failures)}.`,
        ].join('\n'),
      ]);
    }
    if (this.ampoule.length > 0) {
      out.push([
        'W4 last ampoule',
        [
          '| clients | ampoules in stock | 201 | 422 insufficient-stock | other 4xx | 5xx | network errors | stock after | lowest stock seen | ledger = stock | sessions on the lot | slowest answer |',
          '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
          ...this.ampoule.map(
            (r) =>
              `| ${r.clients} | ${r.ampoules} | ${r.successes} | ${r.refused} | ${r.other4xx} | ${r.status5xx} | ${r.networkErrors} | ${r.finalStockMl} ml | ${r.minSeenMl} ml | ${r.ledgerMatches ? 'yes' : '**no**'} | ${r.sessionsOnLot} | ${Math.round(r.maxLatencyMs)} ms |`,
          ),
        ].join('\n'),
      ]);
    }
    if (this.mix.length > 0) {
      out.push([
        'W5 clinic mix and memory',
        [
          'Mix: 35% searches, 25% charts (one in ten a long record), 25% photo lists, 15% sessions recorded. Server RSS sampled every 200 ms from /proc/<pid>/status.',
          '',
          '| clients | req/s | p50 | p95 | p99 | errors | failures | max RSS |',
          '|---:|---:|---:|---:|---:|---:|---|---:|',
          ...this.mix.map(
            (m) => `| ${m.clients} | ${Math.round(m.stats.rps)} | ${ms(m.stats.p50)} | ${ms(m.stats.p95)} | ${ms(m.stats.p99)} | ${m.stats.errors} | ${JSON.stringify(m.stats.failures)} | ${Math.round(m.rssMb)} MB |`,
          ),
          '',
          `Max RSS by phase: ${[...this.rss].map(([k, v]) => `${k} ${Math.round(v)} MB`).join(', ')}.`,
        ].join('\n'),
      ]);
    }
    if (this.pg.size > 0) {
      out.push([
        'PostgreSQL activity',
        [
          'Sampled every 500 ms from pg_stat_activity during each phase: how often the audit sealer\'s scan (`sealAudit`, run every second by the server) was running, and the average number of active queries.',
          '',
          '| phase | samples | sealer running | active queries (average) |',
          '|---|---:|---:|---:|',
          ...[...this.pg].map(([k, v]) => `| ${k} | ${v.n} | ${percent(v.sealer / v.n)} | ${(v.active / v.n).toFixed(1)} |`),
        ].join('\n'),
      ]);
    }
    return out;
  }
}

/** The issue's targets, judged on what was measured (null: not measured in this run). */
export function evaluateTargets(f: Findings, searchSize: string): Target[] {
  const t: Target[] = [];
  const big = f.search.filter((s) => s.size === searchSize);
  const p95s = big.map((s) => s.row.http?.p95 ?? NaN);
  t.push({
    name: `W1: p95 ≤ 20 ms at ${searchSize} patients`,
    met: big.length ? p95s.every((p) => p <= 20) : null,
    measured: big.length ? big.map((s) => `${s.kind} ${ms(s.row.http?.p95)}`).join(', ') : `no ${searchSize} data set`,
  });
  const ratios = f.search.map((s) => ({ s, r: share(s.row.http?.rps, s.row.raw?.rps) }));
  t.push({
    name: 'W1: the endpoint keeps ≥ 30% of the raw SQL\'s throughput',
    met: ratios.length ? ratios.every((x) => x.r >= 0.3) : null,
    measured: ratios.map((x) => `${x.s.kind} ${x.s.size} ${percent(x.r)}`).join(', ') || '—',
  });
  const chart = f.chart?.row;
  t.push({ name: 'W2: p95 ≤ 30 ms', met: chart ? (chart.http?.p95 ?? Infinity) <= 30 : null, measured: ms(chart?.http?.p95) });
  const chartCeiling = share(chart?.http?.rps, chart?.ceiling);
  t.push({ name: 'W2: ≥ 8% of the hello-world ceiling', met: chart ? chartCeiling >= 0.08 : null, measured: percent(chartCeiling) });
  const s = f.session;
  const w3 = share(s?.row.http?.rps, s?.row.raw?.rps);
  t.push({ name: "W3: ≥ 70% of the raw transaction's throughput", met: s ? w3 >= 0.7 : null, measured: s ? `${percent(w3)} (${Math.round(s.row.http?.rps ?? 0)} vs ${Math.round(s.row.raw?.rps ?? 0)} tx/s)` : '—' });
  t.push({
    name: 'W3: zero lost or duplicated writes',
    met: s ? s.check.lost === 0 && s.check.duplicated === 0 && s.check.incomplete === 0 && s.rawCheck.duplicated === 0 && s.rawCheck.incomplete === 0 : null,
    measured: s ? `lost ${s.check.lost}, duplicated ${s.check.duplicated}, half-written ${s.check.incomplete} of ${s.check.committed}` : '—',
  });
  const a = f.ampoule;
  t.push({
    name: 'W4: exactly the right number of successes, stock never negative, zero 5xx',
    met: a.length ? a.every((r) => r.successes === r.ampoules && r.refused === r.clients - r.ampoules && r.minSeenMl >= 0 && r.finalStockMl === 0 && r.ledgerMatches && r.status5xx === 0 && r.networkErrors === 0) : null,
    measured: a.length
      ? `${a.filter((r) => r.successes === r.ampoules).length}/${a.length} bursts exact; lowest stock seen ${Math.min(...a.map((r) => r.minSeenMl))} ml; 5xx ${a.reduce((x, r) => x + r.status5xx, 0)}`
      : '—',
  });
  const m64 = f.mix.find((m) => m.clients === 64);
  t.push({ name: 'W5: zero unexpected errors at 64 clients', met: m64 ? m64.stats.errors === 0 : null, measured: m64 ? `${m64.stats.errors} errors ${JSON.stringify(m64.stats.failures)}` : '—' });
  const m50 = f.mix.find((m) => m.clients === 50);
  t.push({ name: 'W5: p99 ≤ 200 ms at 50 clients', met: m50 ? m50.stats.p99 <= 200 : null, measured: ms(m50?.stats.p99) });
  const rss = f.mix.length ? Math.max(...f.mix.map((m) => m.rssMb)) : NaN;
  t.push({ name: "Memory: the server's RSS stays under 300 MB through W5", met: f.mix.length ? rss < 300 : null, measured: Number.isFinite(rss) ? `${Math.round(rss)} MB max` : '—' });
  return t;
}
