import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Database, Queryable } from '../db/database.ts';

/** What a backup holds and the checksums that prove it is whole. */
export interface Manifest {
  format: 'mesochart-backup/1';
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number; file: string; sha256: string }[];
  files: { path: string; sha256: string; bytes: number }[];
}

// Not data of their own: the migrations table is the schema's; patient_search, its name words and audit_unsealed
// are filled by triggers as the patients and audit events are restored.
const skipped = new Set(['schema_migrations', 'patient_search', 'patient_name_words', 'audit_unsealed']);

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

/** The tables of the schema in an order that satisfies foreign keys (referenced tables first). */
export async function tablesInDependencyOrder(q: Queryable): Promise<string[]> {
  const tables = (await q.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.name);
  const deps = await q.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const d of deps.rows) if (d.child !== d.parent) parents.get(d.child)?.add(d.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, stack: Set<string>) => {
    if (done.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const p of parents.get(t) ?? []) visit(p, stack);
    stack.delete(t);
    done.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

/**
 * Writes a consistent snapshot of every table (one REPEATABLE READ transaction: all tables as of
 * one instant) plus the stored files, with a manifest of SHA-256 checksums, into `outDir`.
 */
export async function backup(db: Database, dataDir: string, outDir: string): Promise<Manifest> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new Error(`${outDir} exists and is not empty`);
  fs.mkdirSync(path.join(outDir, 'tables'), { recursive: true });
  const client = await db.pool.connect();
  const manifest: Manifest = { format: 'mesochart-backup/1', createdAt: new Date().toISOString(), migrations: [], tables: [], files: [] };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT set_config('app.bypass_rls', 'on', true)");
    manifest.migrations = (await client.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    for (const name of await tablesInDependencyOrder(client)) {
      if (skipped.has(name)) continue;
      const file = `tables/${name}.ndjson`;
      // Rows go out in batches through a cursor, so a large table never sits in memory whole.
      const fd = fs.openSync(path.join(outDir, file), 'w');
      const hash = crypto.createHash('sha256');
      let count = 0;
      await client.query(`DECLARE rows_out NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM "${name}" t`);
      for (;;) {
        const batch = await client.query<{ r: string }>('FETCH 5000 FROM rows_out');
        if (batch.rows.length === 0) break;
        const chunk = batch.rows.map((row) => `${row.r}\n`).join('');
        fs.writeSync(fd, chunk);
        hash.update(chunk);
        count += batch.rows.length;
      }
      await client.query('CLOSE rows_out');
      fs.closeSync(fd);
      manifest.tables.push({ name, rows: count, file, sha256: hash.digest('hex') });
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const filesRoot = path.join(dataDir, 'files');
  for (const rel of listFiles(filesRoot)) {
    const data = fs.readFileSync(path.join(filesRoot, rel));
    const target = path.join(outDir, 'files', rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
    manifest.files.push({ path: rel, sha256: sha256(data), bytes: data.length });
  }
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Loads a backup into an empty, migrated database in one transaction, after checking every
 * checksum; copies the files back. Refuses a database that already holds a clinic, and a backup
 * made by a schema this version does not know.
 */
export async function restore(db: Database, dataDir: string, fromDir: string): Promise<{ tables: number; rows: number; files: number }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(fromDir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 'mesochart-backup/1') throw new Error('not a Mesochart backup (manifest format)');
  for (const f of manifest.files) {
    if (sha256(fs.readFileSync(path.join(fromDir, 'files', f.path))) !== f.sha256) throw new Error(`checksum mismatch in files/${f.path}: the backup is damaged`);
  }
  let rows = 0;
  await db.tx({ system: true }, async (q) => {
    const applied = new Set((await q.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const unknown = manifest.migrations.filter((m) => !applied.has(m));
    if (unknown.length) throw new Error(`the backup needs migrations this version does not have: ${unknown.join(', ')}`);
    const busy = await q.query('SELECT 1 FROM clinics LIMIT 1');
    if (busy.rowCount) throw new Error('the database is not empty: restore only into a new, empty database');
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    for (const name of await tablesInDependencyOrder(q)) {
      const t = byName.get(name);
      if (!t) continue;
      // Streamed and hashed as it loads; a mismatch at the end rolls the whole restore back.
      const hash = crypto.createHash('sha256');
      let batch: string[] = [];
      // Generated columns are computed again from the others: PostgreSQL refuses values for them.
      const columns = (
        await q.query<{ c: string }>(
          "SELECT quote_ident(attname) AS c FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
          [`"${name}"`],
        )
      ).rows
        .map((r) => r.c)
        .join(', ');
      const flush = async () => {
        if (batch.length === 0) return;
        await q.query(`INSERT INTO "${name}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${name}", $1::json)`, [`[${batch.join(',')}]`]);
        batch = [];
      };
      const lines = readline.createInterface({ input: fs.createReadStream(path.join(fromDir, t.file), 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        hash.update(`${line}\n`);
        if (line) batch.push(line);
        if (batch.length >= 2000) await flush();
      }
      await flush();
      if (hash.digest('hex') !== t.sha256) throw new Error(`checksum mismatch in ${t.file}: the backup is damaged; nothing was restored`);
      const count = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
      if (count.rows[0]?.n !== t.rows) throw new Error(`table ${name}: ${count.rows[0]?.n} rows loaded, ${t.rows} expected; nothing was restored`);
      rows += t.rows;
    }
    // Loading audit_events listed every restored event for the sealer (migration 0010); the
    // restored seals already cover them.
    await q.query('DELETE FROM audit_unsealed u USING audit_seals s WHERE s.event_id = u.event_id');
  });
  const filesRoot = path.join(dataDir, 'files');
  for (const f of manifest.files) {
    const target = path.join(filesRoot, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(fromDir, 'files', f.path), target);
  }
  return { tables: manifest.tables.length, rows, files: manifest.files.length };
}
