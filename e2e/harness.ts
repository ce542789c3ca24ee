// What every browser test needs: the real server (`mesochart serve`, with the built client) on its
// own embedded PostgreSQL in a temporary DATA_DIR, seeded with the demo clinic; Debian's Chromium;
// and screenshots written to e2e/screenshots/ for people to look at.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
export const screenshotDir = path.join(root, 'e2e/screenshots');
export const demoPassword = 'mesochart-demo';
export const demo = {
  doctor: 'doctor@demo.mesochart.app',
  owner: 'owner@demo.mesochart.app',
  nurse: 'nurse@demo.mesochart.app',
  reception: 'reception@demo.mesochart.app',
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** A running Mesochart: its address, and how to stop it (and remove its data). */
export interface Server {
  url: string;
  stop(): Promise<void>;
}

/**
 * Builds the client if it is stale, then starts `mesochart serve` on a fresh data directory.
 * MESOCHART_E2E_URL points the tests at a server already running instead (while writing them).
 */
export async function startServer(): Promise<Server> {
  const given = process.env.MESOCHART_E2E_URL;
  if (given) return { url: given, stop: async () => undefined };
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-web-if-stale.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`web build failed: ${build.stdout}${build.stderr}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-'));
  // As root the embedded PostgreSQL runs as the postgres user, who must reach the directory.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/mesochart.mjs'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with what a container lacks switched off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Writes a full-page screenshot e2e/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  // Let enter transitions (modals, notifications) finish so the picture shows the settled screen.
  await page.waitForTimeout(350);
  // A full-page picture of a scrolled page would draw the fixed header half-way down.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The serious and critical accessibility violations on the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).slice(0, 3).join('; ')})`);
}

/** A photograph for the upload steps: a face-like drawing as JPEG, different per `tone`. */
export async function samplePhoto(tone: number): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const skin = `hsl(28, ${40 + tone * 8}%, ${68 - tone * 4}%)`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><rect width="600" height="800" fill="#dfe6ea"/>
    <ellipse cx="300" cy="370" rx="165" ry="220" fill="${skin}"/><ellipse cx="240" cy="340" rx="26" ry="12" fill="#3b3b3b"/>
    <ellipse cx="360" cy="340" rx="26" ry="12" fill="#3b3b3b"/><path d="M300 360 L288 430 Q300 440 312 430" stroke="#8a5a44" stroke-width="5" fill="none"/>
    <path d="M250 490 Q300 ${515 + tone * 6} 350 490" stroke="#a0524a" stroke-width="9" fill="none" stroke-linecap="round"/>
    <rect x="250" y="580" width="100" height="220" fill="${skin}"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Signs in through the login form. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  const emailField = page.getByLabel(/^(Email|Эл\. почта)/);
  if ((await emailField.inputValue()) !== email) await emailField.fill(email);
  await page.getByLabel(/^(Password|Пароль)/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
}
