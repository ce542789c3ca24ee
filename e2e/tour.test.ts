// A tour of every main screen as the clinic's owner, in English and then in Russian, on a desktop
// and on a tablet: each screen must load without a page error, show no translation key in place
// of a text, and pass the accessibility check; a screenshot of each is written for people to look
// at (e2e/screenshots/tour-<language>-<screen>.png).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/web/i18n/en/index.ts';
import { demo, launchBrowser, seriousViolations, shot, signIn, startServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let patientId = '';
const pageErrors: string[] = [];

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k.replace(/_(one|other|few|many)$/, '')] : keys(v, `${prefix}${k}.`)));
}
/** Every text key of the client: one showing on screen means its text is missing. */
const textKeys = new Set(keys(en as unknown as Tree));

const screens: { name: string; path: () => string }[] = [
  { name: 'today', path: () => '/' },
  { name: 'patients', path: () => '/patients' },
  { name: 'chart-overview', path: () => `/patients/${patientId}` },
  { name: 'chart-history', path: () => `/patients/${patientId}/history` },
  { name: 'chart-courses', path: () => `/patients/${patientId}/courses` },
  { name: 'chart-sessions', path: () => `/patients/${patientId}/sessions` },
  { name: 'chart-consents', path: () => `/patients/${patientId}/consents` },
  { name: 'chart-photos', path: () => `/patients/${patientId}/photos` },
  { name: 'chart-adverse-events', path: () => `/patients/${patientId}/adverse-events` },
  { name: 'catalog-products', path: () => '/catalog/products' },
  { name: 'catalog-substances', path: () => '/catalog/substances' },
  { name: 'catalog-lots', path: () => '/catalog/lots' },
  { name: 'catalog-templates', path: () => '/catalog/templates' },
  { name: 'catalog-kit', path: () => '/catalog/kit' },
  { name: 'follow-ups', path: () => '/follow-ups' },
  { name: 'reports', path: () => '/reports' },
  { name: 'settings-profile', path: () => '/settings/profile' },
  { name: 'settings-users', path: () => '/settings/users' },
  { name: 'settings-clinic', path: () => '/settings/clinic' },
  { name: 'audit', path: () => '/audit' },
];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(8_000);
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a screen, waits for it to settle, and returns what is wrong with it. */
async function visit(path: string, shotName: string): Promise<string[]> {
  const problems: string[] = [];
  const before = pageErrors.length;
  await page.goto(`${server.url}${path}`);
  try {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().isVisible()).toBe(true);
    // Lazy sections and their queries: wait until no loader is left on the page.
    await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  } catch {
    problems.push('the screen did not settle (no page heading, or a loader that never went)');
  }
  await shot(page, shotName);
  // Codes shown as codes (the audit log's actions, product codes) are not texts.
  const text = await page.evaluate<string>(`(() => {
    const body = document.body.cloneNode(true);
    for (const c of body.querySelectorAll('code, pre')) c.remove();
    return body.innerText;
  })()`);
  const shownKeys = [...new Set(text.match(/\b[a-zA-Z]+(?:\.[a-zA-Z]+)+\b/g) ?? [])].filter((w) => textKeys.has(w));
  if (shownKeys.length) problems.push(`text keys shown instead of texts: ${shownKeys.join(', ')}`);
  if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(text)) problems.push('"undefined", "NaN" or "[object Object]" on screen');
  // Texts cut off: a badge clipped to "OVE…", a tab pushed past the edge of its row.
  const cut = await page.evaluate<string[]>(`(() => {
    const out = [];
    for (const b of document.querySelectorAll('.mantine-Badge-label'))
      if (b.scrollWidth > b.clientWidth + 1) out.push('badge "' + b.textContent + '"');
    for (const tab of document.querySelectorAll('[role=tablist] [role=tab]')) {
      const list = tab.closest('[role=tablist]').getBoundingClientRect();
      if (tab.getBoundingClientRect().right > list.right + 1) out.push('tab "' + tab.textContent + '"');
    }
    return out;
  })()`);
  if (cut.length) problems.push(`cut off: ${cut.join(', ')}`);
  problems.push(...(await seriousViolations(page)));
  problems.push(...pageErrors.slice(before).map((e) => `page error: ${e}`));
  return problems.map((p) => `${path}: ${p}`);
}

describe('every main screen', () => {
  it('signs the owner in', async () => {
    await page.goto(server.url);
    await signIn(page, demo.owner);
    await expect.poll(() => page.getByRole('link', { name: 'Patients' }).first().isVisible()).toBe(true);
    // The demo patient with the longest record: the chart screens show something to look at.
    const res = await page.request.get(`${server.url}/api/v1/courses?status=active`);
    const courses = (await res.json()) as { items: { patientId: string; sessionsDone: number }[] };
    patientId = [...courses.items].sort((a, b) => b.sessionsDone - a.sessionsDone)[0]?.patientId ?? '';
    expect(patientId).not.toBe('');
  });

  it('in English, on a desktop', { timeout: 240_000 }, async () => {
    const problems: string[] = [];
    for (const s of screens) problems.push(...(await visit(s.path(), `tour-en-${s.name}`)));
    expect(problems.join('\n')).toBe('');
  });

  it('in Russian, on a desktop', { timeout: 240_000 }, async () => {
    // As a user switches: the language menu in the header (the choice is kept for the user).
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: /Русский/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    const problems: string[] = [];
    for (const s of screens) problems.push(...(await visit(s.path(), `tour-ru-${s.name}`)));
    expect(problems.join('\n')).toBe('');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  });

  it('on a tablet, in portrait and landscape', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const [w, h, label] of [[768, 1024, 'portrait'], [1024, 768, 'landscape']] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const s of screens.filter((x) => ['today', 'chart-overview', 'chart-sessions', 'catalog-lots', 'follow-ups', 'settings-users'].includes(x.name))) {
        problems.push(...(await visit(s.path(), `tour-ru-tablet-${label}-${s.name}`)));
        // Nothing may stick out sideways: a tablet user cannot see what is cut off.
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        if (overflow > 1) problems.push(`${s.name} (${label}): the page is ${overflow}px wider than the screen`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });
});
