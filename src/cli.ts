import { parseArgs } from 'node:util';
import { roles, type Role } from './domain/permissions.ts';
import { ConfigError, loadConfig } from './server/config.ts';
import type { Database } from './server/db/database.ts';
import { Problem } from './server/errors.ts';

const usage = `Usage: mesochart <command> [options]

Commands:
  serve                       start the server (the default of npm start)
  migrate                     apply pending database migrations
  seed-demo                   create the demo clinic if it does not exist
  assess [--lang en|ru]       read an assessment input (JSON) on stdin, print the assessment
  user add --email E --password P --role owner|doctor|nurse|reception [--clinic NAME] [--name N]
  token add --email E [--name N]   create an API token for a user (printed once)
  audit verify                seal pending audit events and verify every clinic's chain
  backup [--out DIR]          write a consistent snapshot of the database and files, with checksums
  restore --from DIR          load a backup into an empty database, verifying every checksum
`;

function fail(message: string): number {
  process.stderr.write(`mesochart: ${message}\n`);
  return 1;
}

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('./server/db/open.ts');
  const opened = await openDatabase(loadConfig(), (m) => process.stderr.write(`mesochart: ${m}\n`));
  try {
    return await fn(opened.db);
  } finally {
    await opened.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs one `mesochart` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { serve } = await import('./server/main.ts');
        return await serve();
      }
      case 'migrate': {
        await withDatabase(async () => undefined);
        process.stdout.write('migrations applied\n');
        return 0;
      }
      case 'seed-demo': {
        const { seedDemo } = await import('./server/db/demo.ts');
        const seeded = await withDatabase((db) => seedDemo(db));
        process.stdout.write(seeded ? 'demo clinic created\n' : 'demo clinic already exists\n');
        return 0;
      }
      case 'assess': {
        const { runAssess } = await import('./cli/assess.ts');
        const stdin = await readStdin();
        return await runAssess(rest, { stdin, stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
      }
      case 'user': {
        const [sub, ...args] = rest;
        if (sub !== 'add') return fail(`unknown command "user ${sub ?? ''}"\n${usage}`);
        const { values } = parseArgs({ args, options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, clinic: { type: 'string' }, name: { type: 'string' } }, strict: true });
        if (!values.email) return fail('user add: --email is required');
        if (!values.password) return fail('user add: --password is required');
        if (!values.role || !(roles as readonly string[]).includes(values.role)) return fail(`user add: --role must be one of ${roles.join(', ')}`);
        const { addUserFromCli } = await import('./server/users/service.ts');
        const clinic = values.clinic ?? 'Default Clinic';
        const email = values.email;
        const password = values.password;
        const result = await withDatabase((db) =>
          addUserFromCli(db, clinic, { email, password, role: values.role as Role, displayName: values.name ?? email }),
        );
        process.stdout.write(`user ${result.user.email} (${result.user.role}) added to clinic "${clinic}"${result.clinicCreated ? ' (new clinic)' : ''}\n`);
        return 0;
      }
      case 'token': {
        const [sub, ...args] = rest;
        if (sub !== 'add') return fail(`unknown command "token ${sub ?? ''}"\n${usage}`);
        const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
        if (!values.email) return fail('token add: --email is required');
        const email = values.email;
        const { createApiToken } = await import('./server/users/service.ts');
        const token = await withDatabase(async (db) => {
          const user = await db.tx({ system: true }, (q) => q.query<{ id: string; clinic_id: string }>('SELECT id, clinic_id FROM users WHERE email = $1', [email.toLowerCase()]));
          const u = user.rows[0];
          if (!u) throw new Problem(404, 'not-found', 'Not found', `no user with the email ${email}`);
          return createApiToken(db, { clinicId: u.clinic_id, userId: u.id }, values.name ?? 'cli');
        });
        process.stdout.write(`${token.token}\n`);
        return 0;
      }
      case 'audit': {
        if (rest[0] !== 'verify') return fail(`unknown command "audit ${rest[0] ?? ''}"\n${usage}`);
        const { sealAudit, verifyAudit } = await import('./server/audit/audit.ts');
        const result = await withDatabase(async (db) => {
          await sealAudit(db);
          return verifyAudit(db);
        });
        if (result.ok) {
          process.stdout.write(`audit chain verified: ${result.events} events in ${result.clinics} chain(s)\n`);
          return 0;
        }
        for (const b of result.breaks) process.stdout.write(`BROKEN: clinic ${b.clinicId}, link ${b.seq}, event ${b.eventId}: ${b.reason}\n`);
        return 3;
      }
      case 'backup': {
        const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } }, strict: true });
        const config = loadConfig();
        const out = values.out ?? `backups/mesochart-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        const { backup } = await import('./server/backup/backup.ts');
        const m = await withDatabase((db) => backup(db, config.dataDir, out));
        const rows = m.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(`backup written to ${out}: ${m.tables.length} tables, ${rows} rows, ${m.files.length} files\n`);
        return 0;
      }
      case 'restore': {
        const { values } = parseArgs({ args: rest, options: { from: { type: 'string' } }, strict: true });
        if (!values.from) return fail('restore: --from DIR is required');
        const from = values.from;
        const config = loadConfig();
        const { restore } = await import('./server/backup/backup.ts');
        const r = await withDatabase((db) => restore(db, config.dataDir, from));
        process.stdout.write(`restored ${r.rows} rows in ${r.tables} tables and ${r.files} files from ${from}\n`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(usage);
        return command === undefined ? 2 : 0;
      default:
        return fail(`unknown command "${command}"\n${usage}`);
    }
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message);
    if (err instanceof Problem) return fail(err.detail ?? err.title);
    if (err instanceof Error && (err.name === 'DataDirBusyError' || err.constructor.name === 'DataDirBusyError')) return fail(err.message);
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return fail(err.message);
    return fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
}

