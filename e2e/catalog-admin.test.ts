// The owner keeps the catalog and the clinic's texts, in Chromium against the real server: edits a
// product, composes a cocktail template, adds an item to the anti-shock kit, and saves a new version
// of the treatment consent after the server refused one without a required placeholder — with an
// accessibility check, and the same screens in Russian (at tablet width).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demo, launchBrowser, navigate, seriousViolations, shot, signIn, startServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
// A run against a reused server (MESOCHART_E2E_URL) must not meet its own earlier names.
const run = Date.now().toString(36).slice(-5);

/** Picks an option of a Mantine Select by its label, inside the open dialog. */
async function choose(label: string | RegExp, option: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: label }).or(dialog.getByRole('textbox', { name: label })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

const tab = (name: string | RegExp) => page.getByRole('tab', { name });

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
  if (ctx.task.result?.state === 'fail') await shot(page, `failed-catalog-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the owner’s catalog and consent texts', () => {
  it('edits a product, and the change is saved', async () => {
    await page.goto(`${server.url}/catalog/products`);
    await signIn(page, demo.owner);
    await expect.poll(() => page.getByRole('button', { name: 'Edit: Hofitol' }).isVisible()).toBe(true);
    await shot(page, 'catalog-products-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Edit: Hofitol' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Code').isDisabled()).toBe(true);
    await dialog.getByLabel(/^Manufacturer/).fill(`Rosa-Phytopharma ${run}`);
    await shot(page, 'catalog-product-edit-en');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Read again from the server, not from the screen's cache.
    await page.reload();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Hofitol' }).first().textContent()).toContain(`Rosa-Phytopharma ${run}`);
    await tab('Substances').click();
    await expect.poll(() => page.getByRole('button', { name: 'Edit: Artichoke leaf extract' }).isVisible()).toBe(true);
    await shot(page, 'catalog-substances-en');
  });

  it('composes a cocktail template from the catalog, checked as it is composed', async () => {
    await tab('Cocktail templates').click();
    await page.getByRole('button', { name: 'New template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name of the template/).fill(`Neck hydration ${run}`);
    await choose('Product', /^HyaloNova 1\.5%/);
    await dialog.getByLabel('ml per session').fill('2');
    await choose(/^Technique/, 'Papular');
    await expect.poll(() => dialog.getByText('No objection').or(dialog.getByText(/^Warnings/)).first().isVisible()).toBe(true);
    await shot(page, 'catalog-template-new-en');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Neck hydration ${run}` }).isVisible()).toBe(true);
    await shot(page, 'catalog-templates-en');
  });

  it('adds an item to the anti-shock kit', async () => {
    await tab('Anti-shock kit').click();
    await page.getByRole('button', { name: 'Add an item' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Item' }).fill(`Salbutamol inhaler 100 µg ${run}`);
    await choose('Kind', 'Other');
    await dialog.getByRole('checkbox', { name: /^Required/ }).uncheck();
    await dialog.getByLabel(/^Lot/).fill('SB-771');
    await dialog.getByLabel(/^Last day of use/).fill('31.12.2027');
    await dialog.getByLabel(/^Lot/).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: `Salbutamol inhaler 100 µg ${run}` });
    await expect.poll(() => row.textContent()).toContain('SB-771');
    expect(await row.textContent()).not.toContain('required');
    await shot(page, 'catalog-kit-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('saves a new version of the treatment consent, after the server refused one without a required placeholder', async () => {
    await navigate(page, '/settings/consents');
    const body = page.getByRole('textbox', { name: /^Text/ });
    await expect.poll(() => body.inputValue()).toContain('{{course.risks}}');
    await shot(page, 'catalog-consent-templates-en');
    expect(await seriousViolations(page)).toEqual([]);
    const original = await body.inputValue();
    const version = Number(/Save as version (\d+)/.exec((await page.getByRole('button', { name: /^Save as version/ }).textContent()) ?? '')?.[1]);

    await body.fill(original.replace('{{course.risks}}', 'the usual risks'));
    await page.getByRole('button', { name: /^Save as version/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The server refused this version' });
    await expect.poll(() => refusal.textContent()).toContain('{{course.risks}} is required');
    await shot(page, 'catalog-consent-refused-en');

    await body.fill(`${original}\n\nThe clinic keeps a copy of this consent (${run}).`);
    await page.getByRole('button', { name: `Save as version ${version}` }).click();
    await expect.poll(() => page.getByRole('button', { name: `Save as version ${version + 1}` }).isVisible()).toBe(true);
    const newest = page.getByRole('row').filter({ hasText: 'In use' }).first();
    await expect.poll(() => newest.textContent()).toMatch(new RegExp(`^${version}`));
    expect(await body.inputValue()).toContain(`(${run})`);
  });

  it('shows the same screens in Russian, at tablet width', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Шаблоны согласий' }).isVisible()).toBe(true);
    // The language menu may still be fading out with its own "Русский": take the text-language switch.
    await page.getByRole('radiogroup', { name: 'Язык текста' }).getByText('Русский', { exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Текст/ }).inputValue()).toContain('{{course.risks}}');
    await shot(page, 'catalog-consent-templates-ru');
    expect(await seriousViolations(page)).toEqual([]);

    await navigate(page, '/catalog/products');
    await expect.poll(() => page.getByRole('button', { name: 'Изменить: Хофитол' }).isVisible()).toBe(true);
    await shot(page, 'catalog-products-ru');
    await page.getByRole('button', { name: 'Изменить: Хофитол' }).click();
    await expect.poll(() => page.getByRole('dialog').getByLabel(/^Производитель/).inputValue()).toBe(`Rosa-Phytopharma ${run}`);
    await shot(page, 'catalog-product-edit-ru');
    await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

    await tab('Шаблоны коктейлей').click();
    await expect.poll(() => page.getByRole('heading', { name: `Neck hydration ${run}` }).isVisible()).toBe(true);
    await shot(page, 'catalog-templates-ru');
    await tab('Аптечка').click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'SB-771' }).count()).toBeGreaterThan(0);
    await shot(page, 'catalog-kit-ru');
  });
});
