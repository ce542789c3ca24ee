import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { DEFAULT_SETTINGS } from '../../domain/assessment/index.ts';
import { resolveStarterProduct } from '../../domain/catalog/index.ts';
import { loadAssessmentSettings, storedSettings } from './clinic-service.ts';
import { productResolver } from './product-facts.ts';
import { auditEvents, expectStatus, makeProduct, ok } from './testing.ts';

const t = await setupTestApp();
const roles = ['owner', 'doctor', 'nurse', 'reception'] as const;

interface ClinicAnswer {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  language: string;
  settings: Record<string, unknown>;
  effectiveSettings: Record<string, unknown>;
}

describe('GET /clinic and PUT /clinic/settings', () => {
  it('shows every role the clinic with its settings, the defaults filled in', async () => {
    const c = await t.clinic();
    for (const role of roles) {
      const clinic = await ok<ClinicAnswer>(c[role].call({ method: 'GET', url: '/api/v1/clinic' }));
      expect(clinic).toMatchObject({ id: c.id, name: c.name, timeZone: 'Europe/Moscow', currency: 'RUB', language: 'en', settings: {} });
      expect(clinic.effectiveSettings).toEqual(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)));
    }
  });

  it('lets only the owner replace the settings; stores them, merges them over the defaults, and audits before and after', async () => {
    const c = await t.clinic();
    for (const role of ['doctor', 'nurse', 'reception'] as const) {
      expectStatus(await c[role].call({ method: 'PUT', url: '/api/v1/clinic/settings', payload: { minIntervalDays: 10 } }), 403);
    }
    const saved = await ok<ClinicAnswer>(c.owner.call({ method: 'PUT', url: '/api/v1/clinic/settings', payload: { minIntervalDays: 10, maxFaceNeckVolumeMl: 4.5, rules: { 'fish-allergy': false } } }));
    expect(saved.settings).toEqual({ minIntervalDays: 10, maxFaceNeckVolumeMl: 4.5, rules: { 'fish-allergy': false } });
    expect(saved.effectiveSettings).toMatchObject({ minIntervalDays: 10, maxFaceNeckVolumeMl: 4.5, maxComponents: 5, rules: { 'fish-allergy': false, 'age-minor': true } });
    const loaded = await t.db.tx({ clinicId: c.id }, (q) => loadAssessmentSettings(q, c.id));
    expect(loaded).toMatchObject({ minIntervalDays: 10, maxFaceNeckVolumeMl: 4.5, recentSurgeryDays: 30, rules: { 'fish-allergy': false, 'lot-missing': true } });
    // PUT replaces: what is left out returns to its default.
    const replaced = await ok<ClinicAnswer>(c.owner.call({ method: 'PUT', url: '/api/v1/clinic/settings', payload: { maxComponents: 6 } }));
    expect(replaced.settings).toEqual({ maxComponents: 6 });
    expect(replaced.effectiveSettings).toMatchObject({ minIntervalDays: 7, maxComponents: 6 });
    const [audit] = await auditEvents(t, c.id, 'clinic.settings.update');
    expect(audit).toMatchObject({ actor_role: 'owner', details: { before: { minIntervalDays: 10 }, after: { maxComponents: 6 } } });
  });

  it('keeps other keys of clinics.settings when it writes the assessment settings', async () => {
    const c = await t.clinic();
    await t.db.tx({ system: true }, (q) => q.query(`UPDATE clinics SET settings = '{"reminders": {"hours": 24}}' WHERE id = $1`, [c.id]));
    await ok(c.owner.call({ method: 'PUT', url: '/api/v1/clinic/settings', payload: { minIntervalDays: 14 } }));
    const stored = await t.db.tx({ system: true }, async (q) => (await q.query<{ settings: unknown }>('SELECT settings FROM clinics WHERE id = $1', [c.id])).rows[0]?.settings);
    expect(stored).toEqual({ reminders: { hours: 24 }, assessment: { minIntervalDays: 14 } });
  });

  it.each([
    ['a setting below its range', { minIntervalDays: 0 }, 'body.minIntervalDays', 'must be between 1 and 90'],
    ['a setting above its range', { maxSessionVolumeMl: 500 }, 'body.maxSessionVolumeMl', 'must be between 1 and 100'],
    ['a count that is not whole', { maxComponents: 4.5 }, 'body.maxComponents', 'must be a whole number'],
    ['a number as text', { minIntervalDays: '7' }, 'body.minIntervalDays', 'must be a number'],
    ['an unknown setting', { maxDose: 3 }, 'body.maxDose', 'unknown field'],
    ['a switch for a rule that cannot be switched off', { rules: { pregnancy: false } }, 'body.rules.pregnancy', 'unknown field'],
    ['a minimum above the maximum', { minSessionVolumeMl: 30, maxSessionVolumeMl: 25 }, 'body.minSessionVolumeMl', 'minimum session volume (30 ml) must not exceed the maximum (25 ml)'],
  ])('refuses %s with 400 naming the setting, and changes nothing', async (_what, payload, path, message) => {
    const c = await t.clinic();
    await ok(c.owner.call({ method: 'PUT', url: '/api/v1/clinic/settings', payload: { minIntervalDays: 9 } }));
    const res = await c.owner.call({ method: 'PUT', url: '/api/v1/clinic/settings', payload });
    expectStatus(res, 400);
    expect(res.json<{ errors: { path: string; message: string }[] }>().errors).toContainEqual({ path, message });
    expect((await ok<ClinicAnswer>(c.owner.call({ method: 'GET', url: '/api/v1/clinic' }))).settings).toEqual({ minIntervalDays: 9 });
    expect(await auditEvents(t, c.id, 'clinic.settings.update')).toHaveLength(1);
  });
});

describe('loadAssessmentSettings and productResolver (for the session service)', () => {
  it('falls back to the default for a stored value the engine no longer accepts, keeping the rest', () => {
    expect(storedSettings({ minIntervalDays: 500, maxComponents: 6, rules: { 'fish-allergy': false, gone: true }, retired: 1 })).toEqual({ maxComponents: 6, rules: { 'fish-allergy': false } });
    expect(storedSettings(null)).toEqual({});
    expect(storedSettings('garbage')).toEqual({});
  });

  it('resolves the clinic’s products by code into the engine’s facts, and only that clinic’s', async () => {
    const c = await t.clinic();
    const other = await t.clinic();
    await ok(c.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
    await makeProduct(other.doctor, 'theirs-only');
    const resolve = await t.db.tx({ clinicId: c.id }, (q) => productResolver(q, ['hofitol', 'lidocaine-2-adrenaline', 'traumaplex', 'gf-boost-x', 'theirs-only', 'nope']));
    for (const code of ['hofitol', 'lidocaine-2-adrenaline', 'traumaplex', 'gf-boost-x']) expect(resolve(code), code).toEqual(resolveStarterProduct(code));
    expect(resolve('theirs-only')).toBeUndefined();
    expect(resolve('nope')).toBeUndefined();
    // A code not asked for is not loaded: the resolver knows only what the input named.
    expect(resolve('dmae-3')).toBeUndefined();
  });

  it('counts a product as licensed only with its registration in force, and carries the substance flags', async () => {
    const c = await t.clinic();
    await ok(c.doctor.call({ method: 'POST', url: '/api/v1/substances', payload: { code: 'my-fish-dna', nameEn: 'Fish DNA', nameRu: 'ДНК рыб', class: 'other', fishDerived: true } }), 201);
    await ok(c.doctor.call({ method: 'POST', url: '/api/v1/substances', payload: { code: 'arnica-montana', nameEn: 'Arnica', nameRu: 'Арника', class: 'homeopathic' } }), 201);
    const id = await makeProduct(c.doctor, 'pending-one', { registrationStatus: 'pending', substances: [{ code: 'my-fish-dna', concentrationMgPerMl: 5 }, { code: 'arnica-montana' }] });
    const facts = await t.db.tx({ clinicId: c.id }, async (q) => (await productResolver(q, ['pending-one']))('pending-one'));
    expect(facts).toMatchObject({
      code: 'pending-one',
      licensed: false,
      intradermal: true,
      substances: [
        { code: 'my-fish-dna', class: 'other', concentrationMgPerMl: 5, fishDerived: true },
        { code: 'arnica-montana', class: 'homeopathic', compositae: true },
      ],
    });
    await ok(c.doctor.call({ method: 'PATCH', url: `/api/v1/products/${id}`, payload: { registrationStatus: 'registered' } }));
    const after = await t.db.tx({ clinicId: c.id }, async (q) => (await productResolver(q, ['pending-one']))('pending-one'));
    expect(after?.licensed).toBe(true);
  });
});
