import pg from 'pg';

/**
 * Makes sure `role` (a login role that is not a superuser, so row-level security binds it) and
 * `database` (owned by it) exist on the server behind `adminUrl`, and returns the URL the app
 * connects with.
 */
export async function ensureAppDatabase(adminUrl: string, database: string, role: string, password: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const hasRole = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (hasRole.rowCount === 0) {
      await admin.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`);
    } else {
      await admin.query(`ALTER ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`);
    }
    const hasDb = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (hasDb.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(role)}${template ? ` TEMPLATE ${ident(template)}` : ''} ENCODING 'UTF8'`);
    }
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  u.pathname = `/${database}`;
  return u.toString();
}
