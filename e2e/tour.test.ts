// A tour of every main screen as the clinic's owner, in English and then in Russian, on a desktop
// and on a tablet: each screen must load without a page error, show no translation key in place
// of a text, cut no text off, and (once per screen: the markup is the same in either language and
// at either size) pass the accessibility check; a screenshot of each is written for people to look
// at (e2e/screenshots/tour-<language>-<screen>.png).
//
// The app is loaded once and moved through as its links move through it (no reload per screen);
// a screen counts as shown when its own mark is there (its navigation entry or tab selected, or a
// heading only it has) and it has settled (see settler in harness.ts).
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/web/i18n/en/index.ts';
import { ru } from '../src/web/i18n/ru/index.ts';
import { demo, launchBrowser, navigate, seriousViolations, settler, shot, signIn, startServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let settled: ReturnType<typeof settler>;
const ids = { patient: '', course: '', session: '' };
const pageErrors: string[] = [];

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k.replace(/_(one|other|few|many)$/, '')] : keys(v, `${prefix}${k}.`)));
}
/** Every text key of the client: one showing on screen means its text is missing. */
const textKeys = new Set(keys(en as unknown as Tree));

type Texts = typeof en;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The entry of the main navigation that says where the app is. */
const navCurrent = (label: string) => page.locator('nav [aria-current="page"]').filter({ hasText: new RegExp(`^${escape(label)}$`) });
/** The selected tab (a tab's name may end in its count). */
const tabSelected = (label: string) => page.getByRole('tab', { name: new RegExp(`^${escape(label)}`), selected: true });

interface Screen {
  name: string;
  path: () => string;
  /** What shows that this screen, and not the one before, is on view. */
  mark: (t: Texts) => Locator;
}

const chart = (tab: keyof Texts['chart']['tabs'], slug: string): Screen => ({
  name: `chart-${slug || 'overview'}`,
  path: () => `/patients/${ids.patient}${slug ? `/${slug}` : ''}`,
  mark: (t) => tabSelected(t.chart.tabs[tab]),
});
const catalog = (tab: keyof Texts['catalog']['tabs']): Screen => ({ name: `catalog-${tab}`, path: () => `/catalog/${tab}`, mark: (t) => tabSelected(t.catalog.tabs[tab]) });
const settings = (tab: keyof Texts['settings']['tabs']): Screen => ({ name: `settings-${tab}`, path: () => `/settings/${tab}`, mark: (t) => tabSelected(t.settings.tabs[tab]) });

const screens: Screen[] = [
  { name: 'today', path: () => '/', mark: (t) => navCurrent(t.nav.today) },
  { name: 'patients', path: () => '/patients', mark: (t) => navCurrent(t.nav.patients) },
  chart('overview', ''),
  chart('history', 'history'),
  chart('courses', 'courses'),
  chart('sessions', 'sessions'),
  chart('consents', 'consents'),
  chart('photos', 'photos'),
  chart('adverseEvents', 'adverse-events'),
  { name: 'course', path: () => `/patients/${ids.patient}/courses/${ids.course}`, mark: (t) => page.getByRole('heading', { name: t.course.plannedDates }) },
  { name: 'session', path: () => `/patients/${ids.patient}/sessions/${ids.session}`, mark: (t) => page.getByRole('heading', { name: t.session.lots }) },
  catalog('products'),
  catalog('substances'),
  catalog('lots'),
  catalog('templates'),
  catalog('kit'),
  { name: 'follow-ups', path: () => '/follow-ups', mark: (t) => navCurrent(t.nav.followUps) },
  { name: 'alerts', path: () => '/alerts', mark: (t) => navCurrent(t.alerts.nav) },
  { name: 'reports', path: () => '/reports', mark: (t) => navCurrent(t.nav.reports) },
  settings('profile'),
  settings('users'),
  settings('clinic'),
  { name: 'audit', path: () => '/audit', mark: (t) => navCurrent(t.nav.audit) },
];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(8_000);
  page = await context.newPage();
  settled = settler(page);
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Moves to a screen, waits for it to settle, takes its picture, and returns what is wrong with it. */
async function visit(s: Screen, t: Texts, shotName: string, { axe }: { axe: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const before = pageErrors.length;
  await navigate(page, s.path());
  try {
    // Attached rather than visible: on a narrow tablet the navigation is folded away.
    await s.mark(t).first().waitFor({ state: 'attached' });
    await settled();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  } catch {
    problems.push('the screen did not settle (not shown, no page heading, or a loader that never went)');
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
  if (axe) problems.push(...(await seriousViolations(page)));
  problems.push(...pageErrors.slice(before).map((e) => `page error: ${e}`));
  return problems.map((p) => `${s.name}: ${p}`);
}

describe('every main screen', () => {
  it('signs the owner in', async () => {
    await page.goto(server.url);
    await signIn(page, demo.owner);
    await expect.poll(() => page.getByRole('link', { name: 'Patients' }).first().isVisible()).toBe(true);
    // The demo patient with the longest record: the chart screens show something to look at.
    const res = await page.request.get(`${server.url}/api/v1/courses?status=active`);
    const courses = (await res.json()) as { items: { id: string; patientId: string; sessionsDone: number }[] };
    const longest = [...courses.items].sort((a, b) => b.sessionsDone - a.sessionsDone)[0];
    ids.patient = longest?.patientId ?? '';
    ids.course = longest?.id ?? '';
    const sessions = (await (await page.request.get(`${server.url}/api/v1/sessions?patientId=${ids.patient}`)).json()) as { items: { id: string }[] };
    ids.session = sessions.items[0]?.id ?? '';
    expect(ids.patient).not.toBe('');
    expect(ids.session).not.toBe('');
  });

  it('in English, on a desktop, each passing the accessibility check', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const s of screens) problems.push(...(await visit(s, en, `tour-en-${s.name}`, { axe: true })));
    expect(problems.join('\n')).toBe('');
  });

  it('in Russian, on a desktop, the choice kept for the user', { timeout: 120_000 }, async () => {
    // As a user switches: the language menu in the header.
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: /Русский/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    // Loaded afresh, the app comes back in the language the user chose.
    await page.reload();
    await expect.poll(() => page.getByRole('navigation', { name: ru.nav.main }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    const problems: string[] = [];
    for (const s of screens) problems.push(...(await visit(s, ru, `tour-ru-${s.name}`, { axe: false })));
    expect(problems.join('\n')).toBe('');
  });

  it('on a tablet, in portrait and landscape', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const [w, h, label] of [[768, 1024, 'portrait'], [1024, 768, 'landscape']] as const) {
      await page.setViewportSize({ width: w, height: h });
      const shown = screens.filter((x) => ['today', 'chart-overview', 'chart-sessions', 'catalog-lots', 'follow-ups', 'settings-users'].includes(x.name));
      for (const [i, s] of shown.entries()) {
        // The frame differs by width (the navigation folds behind a button): checked once per size.
        problems.push(...(await visit(s, ru, `tour-ru-tablet-${label}-${s.name}`, { axe: i === 0 })));
        // Nothing may stick out sideways: a tablet user cannot see what is cut off.
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        if (overflow > 1) problems.push(`${s.name} (${label}): the page is ${overflow}px wider than the screen`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });
});
