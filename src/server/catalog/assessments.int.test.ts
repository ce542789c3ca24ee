import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestClinic } from '../../../test/app.ts';
import { assess, parseAssessmentInput, type Assessment } from '../../domain/assessment/index.ts';
import { baseInput, caseProblem, INPUT_ERROR_CASES, RULE_CASES, setCocktail } from '../../domain/assessment/fixtures/index.ts';
import { auditEvents, expectStatus, makeProduct, ok } from './testing.ts';

const t = await setupTestApp();

/** A clinic with the starter catalog, whose settings stay the defaults: the engine's own world. */
let c: TestClinic;
beforeAll(async () => {
  c = await t.clinic();
  await ok(c.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
});

const post = (who: TestClinic['doctor'], payload: unknown, query = '') =>
  who.call({ method: 'POST', url: `/api/v1/assessments${query}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

/** What `assess` answers in code for the same JSON, through JSON as the route answers it. */
const direct = (json: unknown, lang: 'en' | 'ru' = 'en'): Assessment => JSON.parse(JSON.stringify(assess(parseAssessmentInput(json), { lang }))) as Assessment;

describe('POST /assessments: the same decisions as the engine in code', () => {
  it.each(RULE_CASES.map((x) => [x.name, x] as const))('%s', async (_name, row) => {
    const answer = await ok<Assessment>(post(c.doctor, row.input));
    expect(answer).toEqual(direct(row.input));
    expect(caseProblem(row, answer.findings)).toBeUndefined();
  });

  it('answers in Russian with ?lang=ru, and in the user’s language by default', async () => {
    const input = baseInput();
    setCocktail(input, [['hofitol', 2]]);
    input.patient.conditions.push({ code: 'cholelithiasis' });
    const ru = await ok<Assessment>(post(c.nurse, input, '?lang=ru'));
    expect(ru).toEqual(direct(input, 'ru'));
    expect(ru.decision).toBe('block');
    expect(await ok<Assessment>(post(c.nurse, input))).toEqual(direct(input, 'en'));
    expectStatus(await c.nurse.call({ method: 'PUT', url: '/api/v1/auth/me/language', payload: { language: 'ru' } }), 204);
    expect(await ok<Assessment>(post(c.nurse, input))).toEqual(direct(input, 'ru'));
    expectStatus(await c.nurse.call({ method: 'PUT', url: '/api/v1/auth/me/language', payload: { language: 'en' } }), 204);
    expectStatus(await post(c.nurse, input, '?lang=de'), 400);
  });
});

describe('POST /assessments: invalid input', () => {
  it.each(INPUT_ERROR_CASES.map(([what, input, path, message]) => [what, input, path, message] as const))(
    '%s → 400 naming the field as the command line does',
    async (_what, input, path, message) => {
      const before = (await auditEvents(t, c.id, 'assessment.run')).length;
      const res = await post(c.doctor, input);
      expectStatus(res, 400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json<{ errors: { path: string; message: string }[]; detail: string }>();
      expect(body.errors).toContainEqual({ path, message });
      expect(body.detail).toContain(`${path}: ${message}`);
      expect((await auditEvents(t, c.id, 'assessment.run')).length).toBe(before);
    },
  );

  it('names an unknown product code by its place in the cocktail — and another clinic’s product is unknown here', async () => {
    const other = await t.clinic();
    await makeProduct(other.doctor, 'their-cocktail');
    for (const code of ['no-such-product', 'their-cocktail']) {
      const input = baseInput();
      input.procedure.components.push({ product: code, volumeMl: 1 });
      const res = await post(c.doctor, input);
      expectStatus(res, 400);
      expect(res.json()).toMatchObject({ errors: [{ path: 'procedure.components[2].product', message: `unknown product code "${code}"` }] });
    }
  });

  it('refuses a body that is not JSON, and an empty one', async () => {
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/assessments', headers: { 'content-type': 'application/json' }, payload: '{"date":' });
    expectStatus(res, 400);
    const empty = await post(c.doctor, null);
    expectStatus(empty, 400);
    expect(empty.json()).toMatchObject({ errors: [{ path: 'input', message: 'must be an object' }] });
  });
});

describe('POST /assessments: the clinic’s catalog and settings', () => {
  it('uses the clinic’s stored settings, lets the body override them, and names a setting that conflicts once merged', async () => {
    const clinic = await t.clinic();
    await ok(clinic.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
    const input = baseInput(); // last session 12 days before
    expect((await ok<Assessment>(post(clinic.doctor, input))).findings.map((f) => f.rule)).not.toContain('interval-short');
    await ok(clinic.owner.call({ method: 'PUT', url: '/api/v1/clinic/settings', payload: { minIntervalDays: 14, maxSessionVolumeMl: 10 } }));
    const stored = await ok<Assessment>(post(clinic.doctor, input));
    expect(stored.findings).toContainEqual(expect.objectContaining({ rule: 'interval-short', level: 'warn', facts: expect.objectContaining({ thresholdDays: 14 }) }));
    expect(stored).toEqual(direct({ ...input, clinic: { ...input.clinic, settings: { minIntervalDays: 14, maxSessionVolumeMl: 10 } } }));
    const overridden = await ok<Assessment>(post(clinic.doctor, { ...input, clinic: { ...input.clinic, settings: { minIntervalDays: 7 } } }));
    expect(overridden.findings.map((f) => f.rule)).not.toContain('interval-short');
    const conflict = await post(clinic.doctor, { ...input, clinic: { ...input.clinic, settings: { minSessionVolumeMl: 12 } } });
    expectStatus(conflict, 400);
    expect(conflict.json()).toMatchObject({ errors: [{ path: 'clinic.settings.minSessionVolumeMl', message: 'minimum session volume (12 ml) must not exceed the maximum (10 ml)' }] });
  });

  it('reads the facts from the clinic’s catalog as they stand: a product whose licence is revoked is blocked', async () => {
    const clinic = await t.clinic();
    await ok(clinic.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
    const input = baseInput();
    expect((await ok<Assessment>(post(clinic.doctor, input))).decision).toBe('ok');
    const products = await ok<{ items: { id: string }[] }>(clinic.doctor.call({ method: 'GET', url: '/api/v1/products?q=hyalo-nx-15' }));
    await ok(clinic.doctor.call({ method: 'PATCH', url: `/api/v1/products/${products.items[0]?.id}`, payload: { registrationStatus: 'revoked' } }));
    const after = await ok<Assessment>(post(clinic.doctor, input));
    expect(after.decision).toBe('block');
    expect(after.findings).toContainEqual(expect.objectContaining({ rule: 'unlicensed', level: 'block' }));
  });

  it('lets doctors and nurses assess, not owners or reception, and audits each run without a patient', async () => {
    const clinic = await t.clinic();
    await ok(clinic.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
    const input = baseInput();
    const expected = { owner: 403, doctor: 200, nurse: 200, reception: 403 };
    for (const role of ['owner', 'doctor', 'nurse', 'reception'] as const) expectStatus(await post(clinic[role], input), expected[role]);
    const events = await auditEvents(t, clinic.id, 'assessment.run');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actor_role: 'nurse', record_id: null, outcome: 'success', details: { decision: 'ok', rules: [], lang: 'en' } });
  });
});
