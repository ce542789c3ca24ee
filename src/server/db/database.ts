import pg from 'pg';

// Dates (no time) come back as the text PostgreSQL stores, never shifted by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts fit in a JS number for everything Mesochart counts.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** What a repository needs: a query function bound to one transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** The tenant a transaction runs for; `system` bypasses row-level security (login lookup, sealing, CLI). */
export type TxScope = { clinicId: string } | { system: true };

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A pool of connections to Mesochart's database; every unit of work is one transaction. */
export class Database {
  readonly pool: pg.Pool;

  constructor(readonly url: string, max = 10) {
    this.pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
    // A connection dropped by the server while idle in the pool must not crash the process.
    this.pool.on('error', () => {});
  }

  /**
   * Runs `fn` in one transaction scoped to a clinic: row-level security sees only that clinic's
   * rows. Commits when `fn` resolves, rolls back when it throws.
   */
  async tx<T>(scope: TxScope, fn: (q: Queryable) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
    const client = await this.pool.connect();
    let begun = false;
    try {
      // BEGIN and the tenant setting go in one round trip; the clinic id is checked to be a UUID first.
      let setup: string;
      if ('system' in scope) setup = `SELECT set_config('app.bypass_rls', 'on', true)`;
      else {
        if (!uuidRe.test(scope.clinicId)) throw new Error('invalid clinic id');
        setup = `SELECT set_config('app.clinic_id', '${scope.clinicId}', true)`;
      }
      await client.query(`BEGIN${options.readOnly ? ' READ ONLY' : ''}; ${setup}`);
      begun = true;
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      if (begun) await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** One query outside any tenant (health checks). */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
