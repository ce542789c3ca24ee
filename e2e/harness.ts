// What every browser test needs: the real server (`mesochart serve`, with the built client) on its
// own copy of the demo clinic's database and a temporary DATA_DIR; Debian's Chromium; an
// accessibility check; and screenshots written to e2e/screenshots/ for people to look at.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ensureAppDatabase } from '../src/server/db/bootstrap.ts';

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
 * Starts `mesochart serve` on this file's own copy of the demo database (made by global-setup.ts
 * from its template) and a fresh data directory for photos and documents.
 * MESOCHART_E2E_URL points the tests at a server already running instead (while writing them).
 */
export async function startServer(): Promise<Server> {
  const given = process.env.MESOCHART_E2E_URL;
  if (given) return { url: given, stop: async () => undefined };
  const source = inject('e2eDatabase');
  if (!source) throw new Error('no e2e database: run the browser tests through vitest (the e2e project sets it up)');
  const databaseUrl = await ensureAppDatabase(source.adminUrl, `${source.template.replace('template', 'file')}_${crypto.randomBytes(4).toString('hex')}`, source.role, source.password, source.template);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/mesochart.mjs'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  // The server says when it listens; no polling of its health.
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the server did not start in time:\n${output}`));
    }, 60_000);
    // Read from everything written so far (the listener above runs first): the line may come in pieces.
    const listening = () => {
      if (!output.includes('Mesochart is running at')) return;
      clearTimeout(timer);
      child.stdout?.off('data', listening);
      resolve();
    };
    child.stdout?.on('data', listening);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited during start (${String(code)}):\n${output}`));
    });
  });

  // A server that goes away mid-file fails every later step obscurely: say so where it shows.
  let stopping = false;
  void exited.then((code) => {
    if (!stopping) console.error(`mesochart serve on ${url} exited during the tests (${String(code ?? child.signalCode)}):\n${output}`);
  });

  return {
    url,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
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

/**
 * Writes e2e/screenshots/<name>.png: the whole page when it is taller than the window (drawn in a
 * window that tall, so the fixed header and navigation frame all of it, as on a tall screen), the
 * window alone when a dialog is open or the page fits.
 */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  const viewport = page.viewportSize();
  const height = await page.evaluate<number>(`(() => {
    window.scrollTo(0, 0);
    return document.querySelector('[role=dialog]') ? 0 : document.documentElement.scrollHeight;
  })()`);
  // Enter transitions (dialogs, notifications) are drawn finished rather than waited for.
  if (!viewport || height <= viewport.height) {
    await page.screenshot({ path: file, animations: 'disabled' });
    return;
  }
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path: file, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
}

// axe-core as @axe-core/playwright bundles it. It is put into the page once per document and run
// there directly: the builder's way (inject into every frame, then finish the run in a new blank
// page) costs seconds per check, and the app has no frames.
const axeSource = fs.readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
interface AxeViolations {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[];
}

/** The serious and critical accessibility violations (WCAG 2.1 A and AA) on the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const options = { runOnly: { type: 'tag', values: wcagTags }, resultTypes: ['violations'] };
  const result = await page.evaluate<AxeViolations>(`window.axe.run(document, ${JSON.stringify(options)})`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).slice(0, 3).join('; ')})`);
}

/** What the app shows while something loads. */
const busy = '.mantine-Loader-root:visible, .mantine-Skeleton-root:visible';

/**
 * Follows a page's requests, and answers "has the screen settled?": nothing in flight (the screen's
 * chunks, its API reads, its pictures), nothing started by the last answers, and no loader or
 * placeholder in view. A tab not chosen may hold a hidden loader until it is chosen; it does not count.
 */
export function settler(page: Page): (timeoutMs?: number) => Promise<void> {
  let inflight = 0;
  const waiting: (() => void)[] = [];
  page.on('request', () => inflight++);
  const done = () => {
    inflight = Math.max(0, inflight - 1);
    if (inflight === 0) for (const resolve of waiting.splice(0)) resolve();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async (timeoutMs = 8_000) => {
    const deadline = Date.now() + timeoutMs;
    const left = () => Math.max(1, deadline - Date.now());
    for (;;) {
      if (inflight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise<void>((resolve) => waiting.push(resolve)), new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`${inflight} request(s) still in flight`)), left())))]).finally(() => clearTimeout(timer));
      }
      // Two frames: what the last answers start (a render, the next request) has begun by then.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      if (inflight > 0) continue;
      if ((await page.locator(busy).count()) === 0) return;
      await page.locator(busy).first().waitFor({ state: 'detached', timeout: left() });
    }
  };
}

/**
 * Moves to another screen inside the app, as its own links do (no reload): the app stays loaded,
 * and the caller waits for what the new screen shows.
 */
export async function navigate(page: Page, to: string): Promise<void> {
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(to)}); dispatchEvent(new PopStateEvent('popstate'))`);
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
