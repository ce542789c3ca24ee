// Bulk loading: many rows per statement through unnest() of one array per column, the way
// COPY would load them but over the ordinary driver. Array-valued columns travel as array
// literals in a text[] and are cast back in the select list (unnest would flatten them).
import type { Queryable } from '../../src/server/db/database.ts';

/** A column: its name, the element type of the array it travels in, and how to cast it back. */
export interface Column {
  name: string;
  type: string;
  /** For array columns: the column's type (`text[]`), the value travelling as a literal. */
  cast?: string;
}

/** A PostgreSQL array literal of texts, for a text[] column sent inside a text[]. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * Rows buffered for one table and written `chunk` at a time. Rows are only written by flush(), so
 * that the caller flushes parents before children (foreign keys).
 */
export class BulkTable {
  private rows: unknown[][] = [];
  written = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly Column[],
    private readonly chunk = 5000,
  ) {}

  /** Buffers a row: values in column order. */
  add(row: unknown[]): void {
    this.rows.push(row);
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.rows.length;
  }

  /** Writes every buffered row, `chunk` rows a statement. */
  async flush(q: Queryable): Promise<void> {
    const all = this.rows;
    this.rows = [];
    const params = this.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const select = this.columns.map((c, i) => (c.cast ? `t.c${i}::${c.cast}` : `t.c${i}`)).join(', ');
    const alias = this.columns.map((_, i) => `c${i}`).join(', ');
    const sql = `INSERT INTO ${this.table} (${this.columns.map((c) => c.name).join(', ')}) SELECT ${select} FROM unnest(${params}) AS t(${alias})`;
    for (let start = 0; start < all.length; start += this.chunk) {
      const rows = all.slice(start, start + this.chunk);
      await q.query(
        sql,
        this.columns.map((c, i) =>
          rows.map((r) => {
            const v = r[i];
            return c.cast && Array.isArray(v) ? arrayLiteral(v as string[]) : (v ?? null);
          }),
        ),
      );
      this.written += rows.length;
    }
  }
}

/** Column lists: `name:type` or `name:type:cast`. */
export function columns(spec: string): Column[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((s) => {
      const [name, type, cast] = s.split(':');
      if (!name || !type) throw new Error(`bad column spec ${s}`);
      return cast ? { name, type, cast } : { name, type };
    });
}
