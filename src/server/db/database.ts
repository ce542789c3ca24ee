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

// Statements with parameters run as named (server-side prepared) statements: each connection
// parses and plans a statement once, and after a few calls PostgreSQL keeps a generic plan. For
// the chart, planning was over half of PostgreSQL's time (row-level security and the joins make
// every plan costly). Row-level security still holds: the policies read the tenant setting
// through STABLE functions, evaluated when the plan runs, never folded into it.
// Not prepared: statements whose best plan depends on the value of a pattern (LIKE, trigram
// operators: a generic plan cannot know how selective "iv%" is), texts without parameters
// (simple protocol, may hold several statements), very wide ones (bulk inserts), and any text
// past the first `maxPrepared` distinct ones (the names are process-wide; a connection holds at
// most that many).
const maxPrepared = 1000;
const maxPreparedParams = 64;
const valueDependent = /\bI?LIKE\b|<%|%>|<->|\bsimilarity\(/i;
const preparedNames = new Map<string, string | null>();

/** The query as sent: named (prepared) where that is safe, plain otherwise. */
export function statement(text: string, values?: unknown[]): pg.QueryConfig {
  if (!values || values.length === 0 || values.length > maxPreparedParams) return { text, values };
  let name = preparedNames.get(text);
  if (name === undefined) {
    if (preparedNames.size >= maxPrepared) return { text, values };
    name = valueDependent.test(text) ? null : `m${preparedNames.size + 1}`;
    preparedNames.set(text, name);
  }
  return name === null ? { text, values } : { name, text, values };
}

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
      const result = await fn({ query: (text, values) => client.query(statement(text, values)) });
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
