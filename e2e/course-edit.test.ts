// The parts of the chart reached after planning: the health questionnaire filled in with the patient
// (a "yes" becomes a condition the safety strip shows), editing a consented course's plan (which
// supersedes the consent), and cancelling a course with a reason — in English, then in Russian.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demo, launchBrowser, navigate, seriousViolations, shot, signIn, startServer, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const heading = () => page.getByRole('heading', { level: 1 });
const safety = () => page.getByRole('region', { name: /^(Safety|Безопасность)$/ });
const question = (text: RegExp) => page.getByRole('radiogroup', { name: text });

/** Opens the chart of the demo patient the search finds first (the journey tests the search itself). */
async function openPatient(search: string): Promise<void> {
  const found = await page.request.get(`${server.url}/api/v1/patients?q=${search}`);
  const patient = ((await found.json()) as { items: { id: string; familyName: string }[] }).items[0];
  if (!patient) throw new Error(`no demo patient found by ${search}`);
  await navigate(page, `/patients/${patient.id}`);
  // Her chart, not the one on view before it.
  await heading().filter({ hasText: patient.familyName }).waitFor();
  await expect.poll(() => safety().isVisible()).toBe(true);
}

/** Opens the first course card's page from the chart's overview. */
async function openCourse(): Promise<void> {
  await page.getByRole('link', { name: /^(Open course|Открыть курс)$/ }).first().click();
  await expect.poll(() => page.getByRole('link', { name: /^(Edit plan|Изменить план)$/ }).isVisible()).toBe(true);
}

/** A day some days back, typed as the date fields take it (DD.MM.YYYY). */
function daysAgo(n: number): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(Date.now() - n * 86_400_000)).split('-');
  return `${d}.${m}.${y}`;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(8_000);
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  await page.goto(server.url);
  await signIn(page, demo.doctor);
  await heading().filter({ hasText: /Dr\. Anna Petrova/ }).waitFor();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(page, `failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the chart after planning', () => {
  it('fills in the health questionnaire: a "yes" is recorded and the safety strip shows it', async () => {
    await openPatient('smirnova');
    // Her history was never taken: the strip says so (not "nothing recorded"), and offers the questionnaire.
    expect(await safety().textContent()).toContain('No medical history taken yet');
    // Planning for her says the same, and leads to her history.
    await navigate(page, `${new URL(page.url()).pathname}/courses/new`);
    await expect.poll(() => heading().textContent()).toBe('Plan a course');
    expect(await page.getByRole('status').filter({ hasText: 'The medical history has not been taken' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Take the history' }).click();
    await expect.poll(() => page.getByRole('tab', { name: /History/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByText(/^The history has not been taken yet/).isVisible()).toBe(true);
    await safety().getByRole('button', { name: 'Health questionnaire' }).click();
    const dialog = page.getByRole('dialog', { name: 'Health questionnaire' });
    await question(/blood thinners/).getByRole('radio', { name: 'Yes' }).check();
    await dialog.getByLabel(/^Details/).fill('Aspirin 100 mg daily');
    await question(/vaccinated in the last two weeks/).getByRole('radio', { name: 'Yes' }).check();
    await dialog.getByRole('button', { name: 'Answer “no” to the rest' }).click();
    await expect.poll(() => dialog.getByText('19 of 19 answered').isVisible()).toBe(true);

    // The vaccination's date is asked for: the dated rule counts from it.
    await dialog.getByRole('button', { name: 'Record the answers' }).click();
    await expect.poll(() => dialog.getByText('Is required when the answer is yes').isVisible()).toBe(true);
    await dialog.getByLabel('Date of the vaccination').fill(daysAgo(3));
    await dialog.getByText(/^Will be added to the history/).click();
    await expect.poll(() => dialog.getByText('Anticoagulant or antiplatelet therapy').isVisible()).toBe(true);
    await shot(page, 'course-questionnaire-en');
    expect(await seriousViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Record the answers' }).click();
    await expect.poll(() => dialog.getByText('The answers are recorded').isVisible()).toBe(true);
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['Anticoagulant or antiplatelet therapy — Aspirin 100 mg daily', 'Recent vaccination']);
    await shot(page, 'course-questionnaire-recorded-en');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => safety().textContent()).toContain('Anticoagulant or antiplatelet therapy');
    expect(await page.getByText('questionnaire', { exact: true }).count()).toBe(2);
    expect(await page.getByText(/^The history has not been taken yet/).count()).toBe(0);
  });

  it('edits a consented course: warned first, the consent is superseded and the course awaits a new one', async () => {
    await openPatient('pavlova');
    await openCourse();
    expect(await heading().textContent()).toContain('Active');
    await page.getByRole('link', { name: 'Edit plan' }).click();
    await expect.poll(() => heading().textContent()).toBe('Edit the plan');
    expect(await page.getByLabel('Number of sessions').inputValue()).toBe('6');
    await expect.poll(() => page.getByText(/^The patient signed the consent to this plan/).isVisible()).toBe(true);
    expect(await page.getByText(/^This change supersedes the signed consent/).count()).toBe(0);

    await page.getByLabel('Number of sessions').fill('8');
    await expect.poll(() => page.getByText(/^This change supersedes the signed consent/).isVisible()).toBe(true);
    await shot(page, 'course-edit-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save the changes' }).click();
    const confirm = page.getByRole('dialog', { name: 'Supersede the signed consent?' });
    await expect.poll(() => confirm.textContent()).toContain('covers 6 sessions');
    await confirm.getByRole('button', { name: 'Save and supersede the consent' }).click();
    await expect.poll(() => page.getByText(/that consent is superseded/).isVisible()).toBe(true);
    expect(await page.getByText('8 sessions every 7 days').isVisible()).toBe(true);
    await shot(page, 'course-superseded-en');
    expect(await heading().textContent()).toContain('Awaiting consent');
    expect(await page.getByRole('link', { name: 'Record a session' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Sign the consent' }).isVisible()).toBe(true);
  });

  it('cancels a course with a reason, which the course then shows', async () => {
    await openPatient('sokolova');
    await openCourse();
    await page.getByRole('button', { name: 'Cancel the course' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the course' });
    await dialog.getByRole('button', { name: 'Cancel the course' }).click();
    await expect.poll(() => dialog.getByText('Must not be empty').isVisible()).toBe(true);
    await dialog.getByLabel(/^Why is the course cancelled/).fill('Pregnancy: no mesotherapy until after breastfeeding');
    await dialog.getByRole('button', { name: 'Cancel the course' }).click();
    await expect.poll(() => heading().textContent()).toContain('Cancelled');
    expect(await page.getByText(/^Cancelled .*: Pregnancy: no mesotherapy until after breastfeeding$/).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Edit plan' }).count()).toBe(0);
  });

  it('shows the questionnaire and the plan editor in Russian, at tablet width', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await openPatient('orlov');
    await page.getByRole('tab', { name: /Анамнез/ }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Анкета здоровья' }).click();
    await question(/изотретиноин/).getByRole('radio', { name: 'Да' }).check();
    await expect.poll(() => page.getByLabel('Дата последнего приёма').isVisible()).toBe(true);
    await shot(page, 'course-questionnaire-ru');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

    await openPatient('pavlova');
    await openCourse();
    await page.getByRole('link', { name: 'Изменить план' }).click();
    await expect.poll(() => heading().textContent()).toBe('Изменение плана');
    await page.getByLabel('Интервал, дней').fill('10');
    await shot(page, 'course-edit-ru');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
