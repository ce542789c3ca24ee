// Load: HTTP rounds with autocannon (no pipelining) and raw rounds of a closed loop of workers on
// the database driver, at the same concurrency, interleaved round by round so that both see the
// same machine; each figure is the median of its rounds.
import autocannon, { type Request } from 'autocannon';

/** One measured round. */
export interface Round {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  count: number;
  errors: number;
}

/** The median of the rounds, and every error of all of them. */
export interface Stats {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  count: number;
  errors: number;
  /** Status codes (or error names) of the failures, with their counts. */
  failures: Record<string, number>;
  rounds: Round[];
}

/** The schedule: a warm-up, then rounds. */
export interface Schedule {
  warmupMs: number;
  roundMs: number;
  rounds: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function round(latencies: number[], elapsedMs: number, errors: number): Round {
  const s = latencies.sort((a, b) => a - b);
  return { rps: (s.length / elapsedMs) * 1000, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), count: s.length, errors };
}

/** Combines rounds: median of each figure, failures summed. */
export function summarise(rounds: Round[], failures: Record<string, number>): Stats {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
    count: rounds.reduce((a, r) => a + r.count, 0),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    failures,
    rounds,
  };
}

/** What an HTTP workload sends: a request per call, and whether an answer is a success. */
export interface HttpLoad {
  url: string;
  connections: number;
  /** The next request to send (method, path, headers, body). */
  next: () => { method: string; path: string; headers: Record<string, string>; body?: string; tag?: unknown };
  /** Whether a status is a success (default: 2xx). */
  ok?: (status: number) => boolean;
  /** Sees every answer (with the tag of its request). */
  onAnswer?: (status: number, body: string, tag: unknown) => void;
}

/** One autocannon run of `ms`; latencies of every answer, and failures by status. */
function httpRun(load: HttpLoad, ms: number, failures: Record<string, number> | null): Promise<Round> {
  const latencies: number[] = [];
  let errors = 0;
  const fail = (what: string) => {
    errors++;
    if (failures) failures[what] = (failures[what] ?? 0) + 1;
  };
  const ok = load.ok ?? ((s: number) => s >= 200 && s < 300);
  const request: Request = {
    setupRequest: (_req, context) => {
      const r = load.next();
      context.tag = r.tag;
      return { method: r.method, path: r.path, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) };
    },
    onResponse: (status, body, context) => {
      if (!ok(status)) fail(String(status));
      load.onAnswer?.(status, body, context.tag);
    },
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon({ url: load.url, connections: load.connections, pipelining: 1, duration: ms / 1000, timeout: 20, requests: [request] }, (err, result) => {
      if (err) return reject(err);
      const elapsed = performance.now() - started;
      if (result.errors > 0) {
        errors += result.errors;
        if (failures) failures.socket = (failures.socket ?? 0) + result.errors;
      }
      resolve(round(latencies, Math.min(elapsed, result.duration * 1000 || elapsed), errors));
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

/** A closed loop of `connections` workers calling `op` for `ms`. */
async function rawRun(op: (worker: number) => Promise<void>, connections: number, ms: number, failures: Record<string, number> | null): Promise<Round> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op(worker);
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors++;
          const key = (err as { code?: string }).code ?? (err as Error).message.slice(0, 60);
          if (failures) failures[key] = (failures[key] ?? 0) + 1;
        }
      }
    }),
  );
  return round(latencies, performance.now() - started, errors);
}

/** HTTP and raw rounds of the same work, interleaved; raw omitted when there is no raw form. */
export async function measure(
  s: Schedule,
  http: HttpLoad,
  raw?: { op: (worker: number) => Promise<void>; connections: number },
  beforeRound?: (httpRps: number, rawRps: number | undefined) => Promise<void>,
): Promise<{ http: Stats; raw?: Stats }> {
  const warmHttp = await httpRun(http, s.warmupMs, null);
  const warmRaw = raw ? await rawRun(raw.op, raw.connections, s.warmupMs, null) : undefined;
  // Whatever a round needs (ready courses for its writes) is made before it, outside any round,
  // for the fastest rate seen so far.
  let topHttp = warmHttp.rps;
  let topRaw = warmRaw?.rps;
  const httpRounds: Round[] = [];
  const rawRounds: Round[] = [];
  const httpFailures: Record<string, number> = {};
  const rawFailures: Record<string, number> = {};
  for (let i = 0; i < s.rounds; i++) {
    await beforeRound?.(topHttp, topRaw);
    const h = await httpRun(http, s.roundMs, httpFailures);
    httpRounds.push(h);
    topHttp = Math.max(topHttp, h.rps);
    if (raw) {
      const r = await rawRun(raw.op, raw.connections, s.roundMs, rawFailures);
      rawRounds.push(r);
      topRaw = Math.max(topRaw ?? 0, r.rps);
    }
  }
  return { http: summarise(httpRounds, httpFailures), ...(raw ? { raw: summarise(rawRounds, rawFailures) } : {}) };
}

/** HTTP rounds only. */
export async function measureHttp(s: Schedule, http: HttpLoad, beforeRound?: (httpRps: number) => Promise<void>): Promise<Stats> {
  return (await measure(s, http, undefined, beforeRound)).http;
}

/** Raw rounds only (a second raw form of a workload measured with HTTP already). */
export async function measureRaw(s: Schedule, raw: { op: (worker: number) => Promise<void>; connections: number }, beforeRound?: (rawRps: number) => Promise<void>): Promise<Stats> {
  let top = (await rawRun(raw.op, raw.connections, s.warmupMs, null)).rps;
  const rounds: Round[] = [];
  const failures: Record<string, number> = {};
  for (let i = 0; i < s.rounds; i++) {
    await beforeRound?.(top);
    const r = await rawRun(raw.op, raw.connections, s.roundMs, failures);
    rounds.push(r);
    top = Math.max(top, r.rps);
  }
  return summarise(rounds, failures);
}
