// How fast a heavy chart opens in the browser: a patient with 50 signed-off sessions (each with its
// lots, injection points and follow-ups) against a patient with none, both measured in this run in
// headless Chromium against the real server. Run: npx tsx bench/web-chart.ts (about a minute).
// Reported as times and as a ratio to the empty chart; never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, signIn, demo } from '../e2e/harness.ts';
import { startDemo } from './lib/server.ts';

const SESSIONS = 50;
const ROUNDS = 5;

/** A signed-in API caller (cookie and CSRF token) for seeding. */
async function apiAs(base: string, email: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'mesochart-demo' }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? undefined : await r.json()) as T;
  };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const signature = { type: 'svg-path', width: 300, height: 100, paths: ['M10 60 C60 10 90 90 140 40 S220 80 290 30'] };

async function seed(base: string): Promise<{ heavy: string; empty: string }> {
  const call = await apiAs(base, demo.doctor);
  const patient = (given: string) => call<{ id: string }>('POST', '/patients', { givenName: given, familyName: 'Benchmark', birthDate: '1986-05-20', sex: 'female' });
  const heavy = await patient('Heavy');
  const empty = await patient('Empty');
  const products = await call<{ items: { id: string; code: string }[] }>('GET', '/products?limit=200');
  const hyalo = products.items.find((p) => p.code === 'hyalo-nx-15');
  if (!hyalo) throw new Error('the demo catalog has no hyalo-nx-15');
  const lot = await call<{ id: string }>('POST', '/lots', { productId: hyalo.id, lot: 'BENCH-1', expires: day(900), quantity: 1000 });
  const course = await call<{ id: string }>('POST', '/courses', {
    patientId: heavy.id,
    indications: ['age-changes'],
    areas: ['face'],
    technique: 'manual',
    depthMm: 2,
    components: [{ productId: hyalo.id, volumeMl: 2 }],
    plannedSessions: SESSIONS,
    intervalDays: 7,
    startsOn: day(-7 * SESSIONS - 1),
    expectedResults: 'Benchmark course.',
    postCare: 'None.',
    priceMinor: 100_000,
  });
  const consent = await call<{ id: string }>('POST', `/courses/${course.id}/consent`, {});
  await call('POST', `/consents/${consent.id}/sign`, { patientSignature: signature, typedName: 'Heavy Benchmark', doctorSignature: signature });
  await call('POST', `/courses/${course.id}/baseline-photo-waiver`, { reason: 'benchmark' });
  const points = Array.from({ length: 12 }, (_, i) => ({ area: 'face', zone: 'front/cheek-r', x: 0.3 + i * 0.01, y: 0.6, volumeMl: 0.05, depthMm: 2 }));
  for (let i = 0; i < SESSIONS; i++) {
    await call('POST', '/sessions', {
      courseId: course.id,
      performedAt: new Date(Date.now() - (7 * (SESSIONS - i)) * 86_400_000).toISOString(),
      areas: [{ area: 'face', volumeMl: 2 }],
      lots: [{ lotId: lot.id, volumeMl: 2 }],
      depthMm: 2,
      injectionPoints: points,
      asepsis: { skinCleaned: true, disinfectedAfter: true },
      overrideReason: 'benchmark data',
    });
  }
  return { heavy: heavy.id, empty: empty.id };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  // A fresh data directory: the demo clinic is seeded at the first start. As root the embedded
  // PostgreSQL runs as the postgres user, who must reach it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-web-chart-'));
  fs.chmodSync(dataDir, 0o755);
  const server = await startDemo(dataDir);
  const browser = await launchBrowser();
  try {
    const ids = await seed(server.url);
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' })).newPage();
    await page.goto(server.url);
    await signIn(page, demo.doctor);
    // The login page has a heading of its own: wait for the frame of the signed-in app.
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    // Checked in the page on every animation frame: Playwright's own waits poll with a growing
    // back-off (up to half a second), which would round the times measured here.
    // A function, not a string: the app's content security policy refuses eval in the page. This
    // file is type-checked without the DOM's types, hence the few it uses, described here.
    interface El {
      textContent: string | null;
    }
    interface Doc {
      querySelector(s: string): El | null;
      querySelectorAll(s: string): Iterable<El>;
      body: El;
    }
    const shown = (what: { region?: string; tab?: string; linkStart?: string; text?: string }) =>
      page.waitForFunction(
        (w) => {
          const d = (globalThis as unknown as { document: Doc }).document;
          return (
            (w.region === undefined || d.querySelector(`[role=region][aria-label="${w.region}"]`) !== null) &&
            (w.tab === undefined || [...d.querySelectorAll('[role=tab]')].some((t) => (t.textContent ?? '').includes(w.tab ?? ''))) &&
            (w.linkStart === undefined || [...d.querySelectorAll('a')].some((a) => (a.textContent ?? '').startsWith(w.linkStart ?? ''))) &&
            (w.text === undefined || (d.body.textContent ?? '').includes(w.text))
          );
        },
        what,
        { polling: 'raf', timeout: 30_000 },
      );
    const open = async (id: string) => {
      const t0 = Date.now();
      await page.goto(`${server.url}/patients/${id}`);
      await shown({ region: 'Safety', tab: 'Overview' });
      const ready = Date.now() - t0;
      const t1 = Date.now();
      await page.getByRole('tab', { name: /Sessions/ }).click();
      await shown(id === ids.heavy ? { linkStart: `Session ${SESSIONS} ` } : { text: 'No sessions recorded yet.' });
      return { ready, tab: Date.now() - t1 };
    };
    await open(ids.empty);
    await open(ids.heavy);
    const empty: { ready: number; tab: number }[] = [];
    const heavy: { ready: number; tab: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      empty.push(await open(ids.empty));
      heavy.push(await open(ids.heavy));
    }
    const e = { ready: median(empty.map((x) => x.ready)), tab: median(empty.map((x) => x.tab)) };
    const h = { ready: median(heavy.map((x) => x.ready)), tab: median(heavy.map((x) => x.tab)) };
    const out = [
      `# Web client: a chart with ${SESSIONS} sessions — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Headless Chromium against the real server (embedded PostgreSQL), median of ${ROUNDS} interleaved rounds after one warm-up each.`,
      `"Open" is navigation to the chart until its header and safety strip show; "sessions tab" is a click on the tab until the last session is listed.`,
      '',
      '| chart | open (ms) | sessions tab (ms) |',
      '|---|---:|---:|',
      `| no sessions (reference) | ${e.ready} | ${e.tab} |`,
      `| ${SESSIONS} sessions | ${h.ready} | ${h.tab} |`,
      `| ratio | ${(h.ready / e.ready).toFixed(2)} × | ${(h.tab / e.tab).toFixed(2)} × |`,
      '',
    ].join('\n');
    process.stdout.write(out);
    const dir = path.resolve(import.meta.dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `web-chart-${new Date().toISOString().slice(0, 10)}.md`), out);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
