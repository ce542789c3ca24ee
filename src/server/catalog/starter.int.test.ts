import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { STARTER_PRODUCTS, STARTER_SUBSTANCES } from '../../domain/catalog/index.ts';
import { demoClinicName, demoPassword, seedDemo } from '../db/demo.ts';
import { catalogDemoStep, demoLots } from './demo.ts';
import { STARTER_TEMPLATES } from './starter-templates.ts';
import { auditEvents, clinicToday, countRows, expectStatus, ok } from './testing.ts';

const t = await setupTestApp();

interface Lot {
  id: string;
  productCode: string;
  lot: string;
  expires: string;
  quantity: number;
  quantityReceived: number;
  expired: boolean;
  expiresInDays: number;
  status: string;
}

describe('POST /catalog/import-starter', () => {
  it('is for owners only, imports substances, products with composition and templates, and is idempotent by code', async () => {
    const c = await t.clinic();
    for (const role of ['doctor', 'nurse', 'reception'] as const) expectStatus(await c[role].call({ method: 'POST', url: '/api/v1/catalog/import-starter' }), 403);
    expect(await countRows(t, 'products', c.id)).toBe(0);

    // The clinic already has its own hofitol: the import keeps it as the clinic made it.
    await ok(c.owner.call({ method: 'POST', url: '/api/v1/substances', payload: { code: 'artichoke-extract', nameEn: 'Our artichoke', nameRu: 'Наш артишок', class: 'choleretic' } }), 201);
    await ok(c.owner.call({ method: 'POST', url: '/api/v1/products', payload: { code: 'hofitol', name: 'Our Hofitol', licensed: true, intradermal: true, substances: [{ code: 'artichoke-extract' }] } }), 201);

    const first = await ok(c.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
    expect(first).toEqual({
      substances: { created: STARTER_SUBSTANCES.length - 1, existing: 1 },
      products: { created: STARTER_PRODUCTS.length - 1, existing: 1 },
      templates: { created: STARTER_TEMPLATES.length, existing: 0 },
    });
    const again = await ok(c.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
    expect(again).toEqual({
      substances: { created: 0, existing: STARTER_SUBSTANCES.length },
      products: { created: 0, existing: STARTER_PRODUCTS.length },
      templates: { created: 0, existing: STARTER_TEMPLATES.length },
    });
    expect(await countRows(t, 'products', c.id)).toBe(STARTER_PRODUCTS.length);
    // Our hofitol has one substance, as the starter's does.
    expect(await countRows(t, 'product_substances', c.id)).toBe(STARTER_PRODUCTS.reduce((n, p) => n + p.composition.length, 0));

    const hofitol = await ok<{ items: { name: string }[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/products?q=hofitol' }));
    expect(hofitol.items.map((p) => p.name)).toEqual(['Our Hofitol']);
    const lido = await ok<{ items: { substances: { code: string; concentrationMgPerMl: number | null; containsAdrenaline: boolean }[] }[] }>(
      c.doctor.call({ method: 'GET', url: '/api/v1/products?q=lidocaine-2-adrenaline' }),
    );
    expect(lido.items[0]?.substances).toEqual([
      expect.objectContaining({ code: 'lidocaine', concentrationMgPerMl: 20, containsAdrenaline: true }),
      expect.objectContaining({ code: 'epinephrine', concentrationMgPerMl: 0.005 }),
    ]);
    expect((await auditEvents(t, c.id, 'catalog.import-starter')).map((e) => e.actor_role)).toEqual(['owner', 'owner']);
  });

  it('writes the templates in the clinic’s language', async () => {
    const c = await t.clinic();
    await t.db.tx({ system: true }, (q) => q.query("UPDATE clinics SET default_language = 'ru' WHERE id = $1", [c.id]));
    await ok(c.owner.call({ method: 'POST', url: '/api/v1/catalog/import-starter' }));
    const templates = await ok<{ items: { code: string; name: string; totalVolumeMl: number }[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/cocktail-templates?q=face-revitalisation' }));
    expect(templates.items).toEqual([expect.objectContaining({ name: 'Ревитализация лица: гиалуроновая кислота + витаминный комплекс', totalVolumeMl: 5 })]);
  });
});

describe('the demo catalog', () => {
  it('plans lots 6–18 months ahead, one already expired and one with 1 ml left, with distinct lot numbers', () => {
    const lots = demoLots('2026-11-22');
    expect(lots).toHaveLength(STARTER_PRODUCTS.length + 2);
    expect(lots.filter((l) => l.expires < '2026-11-22')).toHaveLength(1);
    expect(lots.filter((l) => l.onHandMl === 1)).toHaveLength(1);
    const ahead = lots.filter((l) => l.expires >= '2026-11-22' && l.onHandMl !== 1);
    for (const l of ahead) expect(l.expires >= '2027-05-22' && l.expires <= '2028-05-31', `${l.lot} ${l.expires}`).toBe(true);
    for (const l of lots) expect(l.lot).toMatch(/^[A-Z]{2}\d{4}-\d{2}$/);
    expect(new Set(lots.map((l) => `${l.product}/${l.lot}`)).size).toBe(lots.length);
    for (const l of lots) expect(l.receivedOn <= '2026-11-22').toBe(true);
  });

  it('loads into a clinic: every product has a lot, the ledger explains every stock figure, and the usable list skips the expired lot', async () => {
    const c = await t.clinic();
    const today = await clinicToday(t, c.id);
    await t.db.tx({ system: true }, (q) => catalogDemoStep(q, c.id, { owner: c.owner.userId, doctor: c.doctor.userId, nurse: c.nurse.userId, reception: c.reception.userId }));
    const lots = (await ok<{ items: Lot[] }>(c.nurse.call({ method: 'GET', url: '/api/v1/lots?limit=500' }))).items;
    expect(new Set(lots.map((l) => l.productCode))).toEqual(new Set(STARTER_PRODUCTS.map((p) => p.code)));
    expect(lots.filter((l) => l.expired)).toHaveLength(1);
    expect(lots.filter((l) => l.quantity === 1)).toHaveLength(1);
    expect(lots[0]?.expired).toBe(true);
    for (const l of lots) {
      const ledger = await ok<{ items: { deltaMl: number }[] }>(c.nurse.call({ method: 'GET', url: `/api/v1/lots/${l.id}/movements` }));
      expect(Math.round(ledger.items.reduce((a, m) => a + m.deltaMl * 100, 0)) / 100, l.lot).toBe(l.quantity);
    }
    const usable = (await ok<{ items: Lot[] }>(c.nurse.call({ method: 'GET', url: '/api/v1/lots?usable=true&limit=500' }))).items;
    expect(usable).toHaveLength(lots.length - 1);
    expect(usable.every((l) => l.expires >= today)).toBe(true);
    expect(await countRows(t, 'cocktail_templates', c.id)).toBe(STARTER_TEMPLATES.length);
  });

  it('is seeded with the demo clinic, and its Hofitol template is blocked for a patient with gallstones', async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const doctor = await t.login('doctor@demo.mesochart.app', demoPassword);
    const clinic = await ok<{ name: string }>(doctor.call({ method: 'GET', url: '/api/v1/clinic' }));
    expect(clinic.name).toBe(demoClinicName);
    const templates = await ok<{ items: { code: string; components: { productCode: string; volumeMl: number }[] }[] }>(doctor.call({ method: 'GET', url: '/api/v1/cocktail-templates' }));
    const hofitol = templates.items.find((x) => x.code === 'edema-hofitol');
    expect(hofitol).toBeDefined();
    const assessment = await ok<{ decision: string; findings: { rule: string }[] }>(
      doctor.call({
        method: 'POST',
        url: '/api/v1/assessments',
        payload: {
          date: await clinicToday(t, doctor.clinicId),
          patient: { conditions: [{ code: 'cholelithiasis' }] },
          procedure: { technique: 'manual', components: hofitol?.components.map((x) => ({ product: x.productCode, volumeMl: x.volumeMl })) },
        },
      }),
    );
    expect(assessment.decision).toBe('block');
    expect(assessment.findings.map((f) => f.rule)).toContain('cholelithiasis');
  });
});
