// The test runs' own databases are named with a random suffix; a run drops what it made, and only that.
import pg from 'pg';

/** Drops every database whose name holds `suffix` (connections to them are ended first). */
export async function dropDatabasesOf(adminUrl: string, suffix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const dbs = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`%${suffix}%`]);
    for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
