// Samplers running beside the workloads, each keeping its figures per phase: the server's resident
// memory, and what PostgreSQL is busy with.
import fs from 'node:fs';
import type pg from 'pg';

/** Resident memory of a process in MB (VmRSS of /proc/<pid>/status); NaN where there is no /proc. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** RSS of the server, sampled every 200 ms, the maximum kept per phase. */
export class RssSampler {
  readonly max = new Map<string, number>();
  phase = 'start';
  private timer: NodeJS.Timeout | undefined;
  start(pid: number): void {
    this.timer = setInterval(() => {
      const mb = rssOf(pid);
      if (Number.isFinite(mb)) this.max.set(this.phase, Math.max(this.max.get(this.phase) ?? 0, mb));
    }, 200);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * What PostgreSQL is busy with, sampled every 500 ms from pg_stat_activity: how often the audit
 * sealer's scan (src/server/audit/audit.ts) is running, per phase.
 */
export class PgSampler {
  readonly samples = new Map<string, { n: number; sealer: number; active: number }>();
  phase = 'start';
  private timer: NodeJS.Timeout | undefined;
  start(pool: pg.Pool): void {
    this.timer = setInterval(() => {
      void pool
        .query<{ sealer: number; active: number }>(
          `SELECT count(*) FILTER (WHERE query LIKE '%audit_seals%' OR query LIKE '%audit_unsealed%')::int AS sealer, count(*)::int AS active
           FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
        )
        .then((r) => {
          const x = this.samples.get(this.phase) ?? { n: 0, sealer: 0, active: 0 };
          x.n++;
          x.sealer += (r.rows[0]?.sealer ?? 0) > 0 ? 1 : 0;
          x.active += r.rows[0]?.active ?? 0;
          this.samples.set(this.phase, x);
        })
        .catch(() => {});
    }, 500);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

