// The doctor's journey through the web client, in Chromium against the real server: sign in, find
// and register a patient (surviving an expired session half-way), record her allergy, plan a course
// that the safety check blocks and fix it, sign the consent, record a session with points on the
// face chart, add and compare photos, report a bruise, read her chart in Russian, and turn on the
// second factor of the sign-in — with an accessibility check on the main screens and a screenshot of every step.
import crypto from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demo, launchBrowser, navigate, samplePhoto, seriousViolations, shot, signIn, startServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let chartUrl = '';

/** Picks an option of a Mantine Select / MultiSelect by its label (Tab closes a multi-select's list). */
async function choose(label: string | RegExp, option: string | RegExp, multiple = false): Promise<void> {
  await page.getByRole('combobox', { name: label }).or(page.getByRole('textbox', { name: label })).first().click();
  await page.getByRole('option', { name: option }).first().click();
  if (multiple) await page.keyboard.press('Tab');
}

/** Draws a signature-like stroke across a canvas. */
async function draw(canvas: Locator): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 22, box.y + box.height * (0.6 + 0.2 * Math.sin(i)), { steps: 2 });
  await page.mouse.up();
}

const heading = () => page.getByRole('heading', { level: 1 });

/** The code an authenticator app shows now for a base32 secret (RFC 6238: SHA-1, 30 s, 6 digits). */
function totpNow(secret: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret.replace(/=+$/, '').toUpperCase()].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const at = (mac[19] ?? 0) & 15;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
  // A step that cannot find its control fails in seconds, not after the default half minute.
  context.setDefaultTimeout(8_000);
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(page, `failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the doctor’s journey', () => {
  it('shows the login, and refuses a wrong password', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    await shot(page, '01-login-en');
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, demo.doctor, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password');
  });

  it('signs the doctor in to Today', async () => {
    await signIn(page, demo.doctor);
    await expect.poll(() => heading().textContent()).toMatch(/Dr\. Anna Petrova/);
    await expect.poll(() => page.getByRole('heading', { name: 'Sessions due' }).isVisible()).toBe(true);
    await shot(page, '02-today-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds a patient as the name is typed, in either script', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('ivanova');
    await expect.poll(() => page.getByRole('link', { name: /Иванова Елена Сергеевна/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: /Smirnova/ }).count()).toBe(0);
    await shot(page, '03-patients-search-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('registers a patient, keeping what was typed across an expired session', async () => {
    await page.getByRole('link', { name: 'Register patient' }).click();
    await page.getByLabel('Family name').fill('Sidorova');
    await page.getByLabel('Given name').fill('Anna');
    await page.getByLabel('Birth date').fill('14.03.1988');
    await page.getByLabel('Phone').fill('+7 916 555-77-88');
    await page.getByLabel('Given name').click();
    await shot(page, '04-register-en');
    expect(await seriousViolations(page)).toEqual([]);

    // The session ends (as after the idle timeout); the next save meets a 401.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'signed out after a period of inactivity' }).isVisible()).toBe(true);
    await shot(page, '05-session-expired-en');
    await signIn(page, demo.doctor);

    await expect.poll(() => page.getByLabel('Family name').inputValue()).toBe('Sidorova');
    expect(await page.getByLabel('Phone').inputValue()).toBe('+7 916 555-77-88');
    await page.getByRole('button', { name: 'Register' }).click();
    // Against a reused server (MESOCHART_E2E_URL) an earlier run's Anna is a likely duplicate.
    await expect.poll(async () => (await page.getByRole('dialog').count()) > 0 || (await heading().textContent()) === 'Sidorova Anna').toBe(true);
    if ((await page.getByRole('dialog').count()) > 0) await page.getByRole('button', { name: 'Keep both' }).click();
    await expect.poll(() => heading().textContent()).toBe('Sidorova Anna');
    chartUrl = page.url();
  });

  it('records her allergy, which the safety strip then shows', async () => {
    await page.getByRole('tab', { name: /History/ }).click();
    await page.getByRole('button', { name: 'Add allergy' }).click();
    await choose('Substance', /^Ascorbic acid/);
    await page.getByLabel('Reaction').fill('Hives within an hour');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Safety' }).textContent()).toContain('Allergy: Ascorbic acid');
    await shot(page, '06-chart-history-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('plans a course: the cocktail with the allergen is blocked, and saved once fixed', async () => {
    await page.getByRole('tab', { name: /Overview/ }).click();
    await page.getByRole('link', { name: 'Plan a course' }).click();
    await choose('Indications', 'Age-related skin changes', true);
    await choose('Areas', /^Face$/, true);
    await choose('Start from a template', /^Face revitalisation/);
    await expect.poll(() => page.getByText('Blocked: this cannot be done as planned').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('allergy-component').first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save and prepare the consent' }).isDisabled()).toBe(true);
    await shot(page, '07-planner-blocked-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Remove: Revita Complex/ }).click();
    await expect.poll(() => page.getByText('Blocked: this cannot be done as planned').count()).toBe(0);
    await page.getByLabel('Expected results').fill('Better hydrated, more even skin, seen gradually from the third session.');
    await page.getByLabel('Aftercare').fill('No make-up for 24 hours; no sauna for 3 days; SPF 50.');
    await page.getByLabel(/^Price of a session/).fill('4500');
    await shot(page, '08-planner-fixed-en');
    await page.getByRole('button', { name: 'Save and prepare the consent' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Prepare the consent text' }).isVisible()).toBe(true);
  });

  it('signs the consent on screen', async () => {
    await page.getByRole('button', { name: 'Prepare the consent text' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign the consent' }).isVisible()).toBe(true);
    await page.getByLabel('Patient’s name, as she writes it').fill('Sidorova Anna');
    await draw(page.getByRole('img', { name: /^Patient’s signature/ }));
    await draw(page.getByRole('img', { name: /^Doctor’s signature/ }));
    await shot(page, '09-consent-signing-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign the consent' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Signed PDF' }).isVisible()).toBe(true);
    await shot(page, '10-consent-signed-en');
  });

  /** Adds a photo of the face from the file chooser, in a phase. */
  async function addPhoto(tone: number, phase: string, picture?: string): Promise<void> {
    await page.getByRole('button', { name: 'Add photos' }).first().click();
    await page.getByRole('dialog').locator('input[type=file]').nth(1).setInputFiles({ name: `face-${tone}.jpg`, mimeType: 'image/jpeg', buffer: await samplePhoto(tone) });
    await choose('Phase', phase);
    if (picture) await shot(page, picture);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  }

  it('takes the baseline photo the first session needs', async () => {
    await navigate(page, `${chartUrl}/photos`);
    await addPhoto(0, 'Baseline', '11-photo-upload-en');
    await expect.poll(() => page.getByRole('img', { name: /^Face, front, Baseline/ }).count()).toBe(1);
  });

  it('records a session with points on the face chart, and signs it', async () => {
    await navigate(page, chartUrl);
    await page.getByRole('link', { name: 'Record a session' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Cheek (right)' }).isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: 'Skin cleaned before' }).check();
    await page.getByRole('checkbox', { name: 'Disinfected after' }).check();
    for (const zone of ['Cheek (right)', 'Cheek (left)', 'Forehead', 'Chin']) await page.getByRole('button', { name: zone }).click();
    await expect.poll(() => page.getByText('4 points').isVisible()).toBe(true);
    await shot(page, '12-session-form-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save the session' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign the session' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sign the session' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign the session' }).click();
    await expect.poll(() => heading().textContent()).toContain('Signed');
    await shot(page, '13-session-signed-en');
  });

  it('adds a later photo and compares it with the baseline', async () => {
    await navigate(page, `${chartUrl}/photos`);
    await addPhoto(1, 'During the course');
    await page.getByRole('link', { name: /^Compare photos/ }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Latest/ }).count()).toBeGreaterThan(0);
    await page.getByText('Slider').click();
    await shot(page, '14-photo-compare-en');
  });

  it('reports a bruise after the session', async () => {
    await navigate(page, `${chartUrl}/adverse-events`);
    await page.getByRole('link', { name: 'Report an adverse event' }).click();
    await choose('Session', /^Session 1/);
    await choose('What happened', 'Bruising');
    await page.getByLabel('Description').fill('Small bruise on the right cheek, 1 cm, no swelling.');
    await shot(page, '15-adverse-event-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Report an adverse event' }).click();
    await expect.poll(() => heading().textContent()).toContain('Bruising');
    await shot(page, '16-adverse-event-recorded-en');
    await navigate(page, chartUrl);
    await expect.poll(() => page.getByRole('region', { name: 'Safety' }).textContent()).toContain('Open adverse event: Bruising');
  });

  it('completes the bruise’s follow-up: the event is resolved', async () => {
    await navigate(page, chartUrl);
    const item = page.getByRole('listitem').filter({ hasText: /side effect/ }).first();
    await item.getByRole('button', { name: 'Complete' }).click();
    await choose('What was found', 'The side effect has gone');
    await page.getByLabel('Findings').fill('Bruise gone; skin intact.');
    await shot(page, '17-follow-up-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Complete' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Safety' }).textContent()).not.toContain('Open adverse event');
  });

  it('switches to Russian and shows the chart in Russian, remembered for the user', async () => {
    await navigate(page, chartUrl);
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Безопасность' }).textContent()).toContain('Аллергия: Аскорбиновая кислота');
    await page.getByRole('tab', { name: /Анамнез/ }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await shot(page, '18-chart-ru');
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: /Процедуры/ }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: /Процедуры/ }).click();
    await shot(page, '19-chart-sessions-ru');
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Сегодня' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Предупреждения' }).isVisible()).toBe(true);
    await shot(page, '20-today-ru');
  });

  it('turns on two-step sign-in, then signs in only with the code from the app', async () => {
    await navigate(page, `${server.url}/settings`);
    await page.getByRole('button', { name: 'Настроить вход в два шага' }).click();
    // The phone scans the set-up link; the key is there for typing by hand.
    await expect.poll(() => page.getByRole('img', { name: /^QR-код/ }).isVisible()).toBe(true);
    const secret = (await page.locator('code').filter({ hasText: /^[A-Z2-7]{16,}$/ }).textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await shot(page, '21-totp-setup-ru');
    await page.getByLabel('Код', { exact: true }).first().click();
    await page.keyboard.type(totpNow(secret));
    await expect.poll(() => page.getByText(/^Вход в два шага включён/).isVisible()).toBe(true);

    await page.getByRole('button', { name: /^Меню учётной записи/ }).click();
    await page.getByRole('menuitem', { name: 'Выйти' }).click();
    await signIn(page, demo.doctor);
    const code = page.getByLabel('Код из приложения-аутентификатора').first();
    await expect.poll(() => code.isVisible()).toBe(true);
    await code.click();
    await page.keyboard.type(totpNow(secret) === '000000' ? '111111' : '000000');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Код неверен');
    await page.getByLabel('Код из приложения-аутентификатора').first().click();
    await page.keyboard.type(totpNow(secret));
    await expect.poll(() => page.getByRole('button', { name: /^Меню учётной записи/ }).isVisible()).toBe(true);
  });
});
