// The doctor's safety work in Chromium against the real server: the demo clinic gets a suspected
// outbreak (a nodule two weeks after Pavlova's first session) and a recall of the lot she received,
// both through the API; the doctor finds them from Today, acknowledges the outbreak with a note,
// then corrects the event's grade (a server refusal landing on the onset input first) and resolves it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demo, launchBrowser, seriousViolations, shot, signIn, startServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let eventUrl = '';

/** One API call with the page's session (cookie and CSRF token); fails the test unless it succeeds. */
async function api<T>(method: string, path: string, data?: unknown): Promise<T> {
  const me = await context.request.get(`${server.url}/api/v1/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await context.request.fetch(`${server.url}/api/v1${path}`, { method, headers: { 'x-csrf-token': csrfToken }, ...(data === undefined ? {} : { data }) });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

const heading = () => page.getByRole('heading', { level: 1 });
const dialog = () => page.getByRole('dialog');
const outbreakCard = () => page.getByRole('article').filter({ hasText: /atypical mycobacterial|атипичную микобактериальную/ });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(8_000);
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(page, `failed-alerts-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('alerts and adverse events', () => {
  it('finds a suspected outbreak and a recall from Today', async () => {
    await page.goto(server.url);
    await signIn(page, demo.doctor);
    await expect.poll(() => page.getByRole('heading', { name: 'Sessions due' }).isVisible()).toBe(true);

    // The situation, through the API: a nodule 14 days after a session raises the outbreak alert;
    // recalling the lot she received raises the recall alert.
    const [patient] = (await api<{ items: { id: string }[] }>('GET', `/patients?q=${encodeURIComponent('Павлова')}`)).items;
    const sessions = (await api<{ items: { id: string; performedAt: string; lots: { lotId: string }[] }[] }>('GET', `/sessions?patientId=${patient!.id}`)).items;
    const first = [...sessions].sort((a, b) => a.performedAt.localeCompare(b.performedAt))[0]!;
    const event = await api<{ id: string }>('POST', '/adverse-events', {
      sessionId: first.id,
      type: 'nodule',
      grade: 2,
      onset: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      description: 'Tender red nodule 8 mm at an injection point on the left cheek, draining.',
      area: 'face',
    });
    eventUrl = `/patients/${patient!.id}/adverse-events/${event.id}`;
    await api('POST', `/lots/${first.lots[0]!.lotId}/recall`, { reason: 'Manufacturer notice: sterility not assured' });

    await page.reload();
    // The day plan groups the due courses by practitioner, the doctor's own first.
    await expect.poll(() => page.getByRole('region', { name: 'Dr. Anna Petrova' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: /^Suspected atypical mycobacterial infection/ }).isVisible()).toBe(true);
    await shot(page, 'alerts-today-en');
    await page.getByRole('link', { name: 'All alerts (2 open)' }).click();
    await expect.poll(() => heading().textContent()).toBe('Alerts');
    await expect.poll(() => page.getByRole('article').count()).toBe(2);
    await expect.poll(() => outbreakCard().textContent()).toContain('Nodule, G2');
    await shot(page, 'alerts-page-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('acknowledges the suspected outbreak with a note', async () => {
    await outbreakCard().getByRole('button', { name: /^Acknowledge/ }).click();
    // A suspected outbreak is not acknowledged without saying what was done.
    await dialog().getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => dialog().getByText('Say what was done about the suspected outbreak.').isVisible()).toBe(true);
    await dialog().getByLabel('What was done').fill('Both patients called; lot set aside; swab sent for culture.');
    await dialog().getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page.getByRole('article').count()).toBe(1);

    await page.getByText('All', { exact: true }).click();
    await expect.poll(() => outbreakCard().textContent()).toMatch(/Acknowledged .* by Dr\. Anna Petrova \(you\): Both patients called; lot set aside/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('corrects the event: a refused onset shows on its input, then grade 3 is saved and the event resolved', async () => {
    await outbreakCard().getByRole('link', { name: 'Open the adverse event' }).click();
    await expect.poll(() => heading().textContent()).toContain('Nodule');
    expect(page.url()).toContain(eventUrl);

    await page.getByRole('button', { name: 'Edit' }).click();
    await dialog().getByRole('combobox', { name: 'Severity grade' }).or(dialog().getByRole('textbox', { name: 'Severity grade' })).first().click();
    await page.getByRole('option', { name: /^3 — / }).click();
    expect(await seriousViolations(page)).toEqual([]);
    // Before the session the event follows: only the server knows, and says so on the date.
    const onsetDay = dialog().getByLabel('Day of onset');
    const today = await onsetDay.inputValue();
    await onsetDay.fill('01.01.2020');
    await dialog().getByLabel('Why the change').fill('Larger and fluctuant at review');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => onsetDay.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => dialog().getByText(/^Must not be before the session/).isVisible()).toBe(true);
    await shot(page, 'alerts-event-edit-en');

    await onsetDay.fill(today);
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page.getByText('Grade: G2 → G3').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Larger and fluctuant at review').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Resolve' }).click();
    await dialog().getByLabel('Note', { exact: true }).fill('Drained and healed after a course of clarithromycin');
    await dialog().getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => heading().textContent()).toContain('Resolved');
    await expect.poll(() => page.getByText('Drained and healed after a course of clarithromycin').first().isVisible()).toBe(true);
  });

  it('shows the alerts and the edit form in Russian, at tablet width', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Изменить' }).click();
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Причина изменения' }).isVisible()).toBe(true);
    await shot(page, 'alerts-event-edit-ru');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Предупреждения' }).click();
    await expect.poll(() => heading().textContent()).toBe('Предупреждения');
    await page.getByText('Все', { exact: true }).click();
    await expect.poll(() => page.getByRole('article').count()).toBe(2);
    await shot(page, 'alerts-page-ru');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the times of a vasovagal reaction as typed, in 24 hours, with "now" a click away', async () => {
    const [patient] = (await api<{ items: { id: string }[] }>('GET', `/patients?q=${encodeURIComponent('Павлова')}`)).items;
    const sessions = (await api<{ items: { id: string; performedAt: string }[] }>('GET', `/sessions?patientId=${patient!.id}`)).items;
    const last = [...sessions].sort((a, b) => b.performedAt.localeCompare(a.performedAt))[0]!;
    const event = await api<{ id: string }>('POST', '/adverse-events', { sessionId: last.id, type: 'vagal', grade: 2, onset: new Date(Date.now() - 20 * 60_000).toISOString(), description: 'Pale, sweating, dizzy after the injections' });
    await page.goto(`${server.url}/patients/${patient!.id}/adverse-events/${event.id}`);
    const record = page.getByRole('form', { name: 'Запись неотложной помощи: вазовагальная реакция' });
    await expect.poll(() => record.isVisible()).toBe(true);
    const field = (label: string, part: 'день' | 'часы' | 'минуты') => record.getByRole(part === 'день' ? 'textbox' : 'spinbutton', { name: `${label}: ${part}` });
    const type = async (label: string, part: 'часы' | 'минуты', text: string) => {
      await field(label, part).click();
      await page.keyboard.type(text);
    };
    const recovered = 'Когда состояние восстановилось';

    // Laid flat now; the recovery's time typed in 24 hours, its day taken as today's.
    await record.getByRole('button', { name: 'Сейчас: Когда уложен(а)' }).click();
    const today = await field('Когда уложен(а)', 'день').inputValue();
    expect(today).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    const [hh, mm] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()).split(':') as [string, string];
    await type(recovered, 'часы', hh);
    await type(recovered, 'минуты', mm);
    await expect.poll(() => field(recovered, 'день').inputValue()).toBe(today);
    await shot(page, 'adverse-vagal-record-ru');
    expect(await seriousViolations(page)).toEqual([]);

    // A day before the onset is refused on the recovery's own field, and nothing is saved.
    const yesterday = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() - 86_400_000));
    await field(recovered, 'день').fill(yesterday);
    await record.getByRole('button', { name: 'Сохранить запись' }).click();
    await expect.poll(() => field(recovered, 'день').getAttribute('aria-invalid')).toBe('true');
    expect((await api<{ vagal: unknown }>('GET', `/adverse-events/${event.id}`)).vagal).toBeNull();

    await field(recovered, 'день').fill(today);
    await record.getByRole('button', { name: 'Сохранить запись' }).click();
    const [d, m, y] = today.split('.').map(Number) as [number, number, number];
    const expected = Date.UTC(y, m - 1, d, Number(hh) - 3, Number(mm)); // Moscow is UTC+3 all year
    await expect.poll(async () => (await api<{ vagal: { positionedAt?: string; recoveredAt?: string } | null }>('GET', `/adverse-events/${event.id}`)).vagal?.recoveredAt).toBe(new Date(expected).toISOString());
  });
});
