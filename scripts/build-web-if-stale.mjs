#!/usr/bin/env node
// Runs before `npm start` (and as `npm run build:web`, with --force): builds the web client when dist/web is missing or older than anything
// it is built from (the client's sources, the domain code it bundles, the build configuration and
// the installed dependencies). Nothing to do when the build is current, so a start stays quick.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');
const inputs = ['src/web', 'src/domain', 'vite.config.ts', 'package.json', 'package-lock.json', 'scripts/build-web-if-stale.mjs'];
const force = process.argv.includes('--force');

/** The newest modification time under a file or directory (0 when it does not exist). */
function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...inputs.map((i) => newest(path.join(root, i))));
if (builtAt > sourcesAt && !force) process.exit(0);

console.log(builtAt === 0 ? 'mesochart: building the web client (first start)…' : 'mesochart: the web client changed; rebuilding it…');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
// Always a production build: run from the tests, NODE_ENV is 'test', and Vite would then bundle
// React's development runtime (several times slower to render, and larger).
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
if (result.status !== 0) {
  console.error('mesochart: the web client failed to build (the API would still start with `npm run mesochart serve`)');
  process.exit(result.status ?? 1);
}
