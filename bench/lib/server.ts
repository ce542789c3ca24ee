// The servers under load, each a child process: the real one (`mesochart serve` on the data set),
// and the framework ceiling (the same app with one hello-world route, no database work).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { benchDir, rootDir } from './target.ts';

/** A server running in a child process. */
export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

function startChild(args: string[], env: Record<string, string>, readyPath: string, port: number, cpuProfDir?: string): Promise<Child> {
  const nodeArgs = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: rootDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', MESOCHART_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (c: Buffer) => {
    out += c.toString();
    if (out.length > 20_000) out = out.slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return waitHealthy(`${url}${readyPath}`, child, () => out, 180_000).then(() => ({
    url,
    pid: child.pid as number,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  }));
}

/** `mesochart serve` on a data set (its embedded PostgreSQL, or DATABASE_URL), logging warnings only. */
export async function startMesochart(dataDir: string, cpuProfDir?: string): Promise<Child> {
  return startChild([path.join(rootDir, 'bin', 'mesochart.mjs'), 'serve'], { DATA_DIR: dataDir }, '/api/health', await freePort(), cpuProfDir);
}

/** `mesochart serve` with the demo clinic, on a fresh embedded database in `dataDir` (seeded at its first start). */
export async function startDemo(dataDir: string): Promise<Child> {
  return startChild([path.join(rootDir, 'bin', 'mesochart.mjs'), 'serve'], { DATA_DIR: dataDir, MESOCHART_DEMO: '' }, '/api/health', await freePort());
}

/** The framework ceiling: the same app with a hello-world route (bench/hello-server.ts). */
export async function startHello(): Promise<Child> {
  return startChild(['--import', 'tsx', path.join(benchDir, 'hello-server.ts')], {}, '/bench/hello', await freePort());
}
