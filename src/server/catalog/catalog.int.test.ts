import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { auditEvents, countRows, expectStatus, makeProduct, makeSubstance, ok } from './testing.ts';

const t = await setupTestApp();
const roles = ['owner', 'doctor', 'nurse', 'reception'] as const;

describe('substances', () => {
  it('lets owners and doctors write, clinical staff read, and keeps reception out entirely', async () => {
    const c = await t.clinic();
    const write = { owner: 201, doctor: 201, nurse: 403, reception: 403 };
    const read = { owner: 200, doctor: 200, nurse: 200, reception: 403 };
    for (const role of roles) {
      const res = await c[role].call({ method: 'POST', url: '/api/v1/substances', payload: { code: `zinc-${role}`, nameEn: 'Zinc', nameRu: 'Цинк', class: 'trace-element' } });
      expectStatus(res, write[role]);
      expectStatus(await c[role].call({ method: 'GET', url: '/api/v1/substances' }), read[role]);
    }
    const id = (await ok<{ items: { id: string }[] }>(c.owner.call({ method: 'GET', url: '/api/v1/substances' }))).items[0]?.id;
    for (const role of roles) {
      expectStatus(await c[role].call({ method: 'PATCH', url: `/api/v1/substances/${id}`, payload: { notes: role } }), write[role] === 201 ? 200 : 403);
    }
    expect(await countRows(t, 'substances', c.id)).toBe(2);
  });

  it('creates, lists by text and class, edits, and audits every write', async () => {
    const c = await t.clinic();
    const created = await ok<{ id: string; code: string; class: string; compositae: boolean; notes: string | null }>(
      c.doctor.call({ method: 'POST', url: '/api/v1/substances', payload: { code: 'arnica-x', nameEn: 'Arnica', nameRu: 'Арника', class: 'homeopathic', compositae: true, notes: 'Asteraceae' } }),
      201,
    );
    expect(created).toMatchObject({ code: 'arnica-x', class: 'homeopathic', compositae: true, notes: 'Asteraceae' });
    await makeSubstance(c.doctor, 'vit-c', 'vitamin');
    const byText = await ok<{ items: { code: string }[] }>(c.nurse.call({ method: 'GET', url: `/api/v1/substances?q=${encodeURIComponent('арн')}` }));
    expect(byText.items.map((s) => s.code)).toEqual(['arnica-x']);
    const byClass = await ok<{ items: { code: string }[] }>(c.nurse.call({ method: 'GET', url: '/api/v1/substances?class=vitamin' }));
    expect(byClass.items.map((s) => s.code)).toEqual(['vit-c']);
    const patched = await ok<{ class: string; notes: string | null; nameEn: string }>(c.owner.call({ method: 'PATCH', url: `/api/v1/substances/${created.id}`, payload: { class: 'other', notes: null } }));
    expect(patched).toMatchObject({ class: 'other', notes: null, nameEn: 'Arnica' });
    expect((await auditEvents(t, c.id, 'substance.create')).length).toBe(2);
    const [update] = await auditEvents(t, c.id, 'substance.update');
    expect(update).toMatchObject({ actor_role: 'owner', record_id: created.id, details: { classBefore: 'homeopathic', classAfter: 'other' } });
  });

  it('pages a long list with a cursor', async () => {
    const c = await t.clinic();
    for (const code of ['s-a', 's-b', 's-c']) await makeSubstance(c.doctor, code);
    const first = await ok<{ items: { code: string }[]; nextCursor: string | null }>(c.doctor.call({ method: 'GET', url: '/api/v1/substances?limit=2' }));
    expect(first.items.map((s) => s.code)).toEqual(['s-a', 's-b']);
    const second = await ok<{ items: { code: string }[]; nextCursor: string | null }>(c.doctor.call({ method: 'GET', url: `/api/v1/substances?limit=2&cursor=${first.nextCursor}` }));
    expect(second).toEqual({ items: [expect.objectContaining({ code: 's-c' })], nextCursor: null });
    expectStatus(await c.doctor.call({ method: 'GET', url: '/api/v1/substances?cursor=minus-one' }), 400);
  });

  it.each([
    ['unknown class', { code: 'x', nameEn: 'X', nameRu: 'Х', class: 'pollen' }, 'body.class', 'unknown substance class code "pollen"'],
    ['code not kebab-case', { code: 'Vitamin C', nameEn: 'X', nameRu: 'Х', class: 'vitamin' }, 'body.code', 'must be a lower-case kebab-case code, e.g. "hofitol"'],
    ['missing Russian name', { code: 'x', nameEn: 'X', class: 'vitamin' }, 'body.nameRu', undefined],
    ['unknown field', { code: 'x', nameEn: 'X', nameRu: 'Х', class: 'vitamin', colour: 'red' }, 'body.colour', 'unknown field'],
    ['flag of the wrong type', { code: 'x', nameEn: 'X', nameRu: 'Х', class: 'vitamin', compositae: 'yes' }, 'body.compositae', undefined],
  ])('refuses a substance with %s (400 naming the field) and writes nothing', async (_what, payload, path, message) => {
    const c = await t.clinic();
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/substances', payload });
    expectStatus(res, 400);
    const error = res.json<{ errors: { path: string; message: string }[] }>().errors.find((e) => e.path === path);
    expect(error, res.body).toBeDefined();
    if (message) expect(error?.message).toBe(message);
    expect(await countRows(t, 'substances', c.id)).toBe(0);
  });

  it('refuses a duplicate code with 409, a changed code with 400, and another clinic’s substance with 404', async () => {
    const c = await t.clinic();
    const other = await t.clinic();
    const id = await makeSubstance(c.doctor, 'dup');
    const dup = await c.doctor.call({ method: 'POST', url: '/api/v1/substances', payload: { code: 'dup', nameEn: 'X', nameRu: 'Х', class: 'other' } });
    expectStatus(dup, 409);
    expect(dup.json()).toMatchObject({ errors: [{ path: 'body.code' }] });
    const renamed = await c.doctor.call({ method: 'PATCH', url: `/api/v1/substances/${id}`, payload: { code: 'dup-2' } });
    expectStatus(renamed, 400);
    expect(renamed.json()).toMatchObject({ errors: [{ path: 'body.code' }] });
    expectStatus(await c.doctor.call({ method: 'PATCH', url: `/api/v1/substances/${id}`, payload: { code: 'dup', nameEn: 'Same code is fine' } }), 200);
    expectStatus(await other.doctor.call({ method: 'PATCH', url: `/api/v1/substances/${id}`, payload: { notes: 'mine now' } }), 404);
    expectStatus(await c.doctor.call({ method: 'PATCH', url: '/api/v1/substances/not-a-uuid', payload: { notes: 'x' } }), 400);
    // The same code in another clinic is that clinic's own business.
    await makeSubstance(other.doctor, 'dup');
    const notes = await t.db.tx({ system: true }, async (q) => (await q.query<{ notes: string | null }>('SELECT notes FROM substances WHERE id = $1', [id])).rows[0]?.notes);
    expect(notes).toBeNull();
  });
});

describe('products', () => {
  it('lets every role read products, owners and doctors write, and nobody else', async () => {
    const c = await t.clinic();
    const id = await makeProduct(c.owner, 'p-base');
    const write = { owner: 201, doctor: 201, nurse: 403, reception: 403 };
    for (const role of roles) {
      expectStatus(await c[role].call({ method: 'GET', url: '/api/v1/products' }), 200);
      expectStatus(await c[role].call({ method: 'GET', url: `/api/v1/products/${id}` }), 200);
      const res = await c[role].call({ method: 'POST', url: '/api/v1/products', payload: { code: `p-${role}`, name: 'P', licensed: true, intradermal: true, substances: [] } });
      expectStatus(res, write[role]);
      expectStatus(await c[role].call({ method: 'PATCH', url: `/api/v1/products/${id}`, payload: { notes: role } }), write[role] === 201 ? 200 : 403);
    }
    expect(await countRows(t, 'products', c.id)).toBe(3);
  });

  it('creates a product with its composition by code or id, answers the substances with names and class, and searches', async () => {
    const c = await t.clinic();
    const lido = await makeSubstance(c.doctor, 'lidocaine', 'anesthetic');
    await makeSubstance(c.doctor, 'epinephrine', 'other');
    const product = await ok<Record<string, unknown> & { id: string; substances: unknown[] }>(
      c.doctor.call({
        method: 'POST',
        url: '/api/v1/products',
        payload: {
          code: 'lido-adr',
          name: 'Lidocaine with adrenaline',
          nameRu: 'Лидокаин с адреналином',
          manufacturer: 'Pharm',
          distributor: 'Dist',
          registrationNumber: 'LP-1',
          registrationStatus: 'registered',
          licensed: true,
          intradermal: true,
          ampouleMl: 2,
          multiDose: false,
          notes: 'max 7 mg/kg',
          substances: [
            { substanceId: lido, concentrationMgPerMl: 20, containsAdrenaline: true },
            { code: 'epinephrine', concentrationMgPerMl: 0.005 },
          ],
        },
      }),
      201,
    );
    expect(product).toMatchObject({
      code: 'lido-adr',
      nameRu: 'Лидокаин с адреналином',
      registrationStatus: 'registered',
      ampouleMl: 2,
      active: true,
      substances: [
        { substanceId: lido, code: 'lidocaine', nameEn: 'lidocaine en', nameRu: 'lidocaine ru', class: 'anesthetic', concentrationMgPerMl: 20, containsAdrenaline: true },
        { code: 'epinephrine', class: 'other', concentrationMgPerMl: 0.005, containsAdrenaline: false },
      ],
    });
    await makeProduct(c.doctor, 'hofitol-x', { name: 'Hofitol' });
    const found = await ok<{ items: { code: string }[] }>(c.reception.call({ method: 'GET', url: '/api/v1/products?q=ADRENALINE' }));
    expect(found.items.map((p) => p.code)).toEqual(['lido-adr']);
    const byCode = await ok<{ items: { code: string }[] }>(c.reception.call({ method: 'GET', url: '/api/v1/products?q=hofitol-' }));
    expect(byCode.items.map((p) => p.code)).toEqual(['hofitol-x']);
    const [audit] = await auditEvents(t, c.id, 'product.create');
    expect(audit?.actor_role).toBe('doctor');
  });

  it('replaces the composition on PATCH, deactivates, and audits changed safety flags with before and after', async () => {
    const c = await t.clinic();
    const id = await makeProduct(c.doctor, 'p1');
    await makeSubstance(c.doctor, 'zinc', 'trace-element');
    const patched = await ok<{ substances: { code: string }[]; licensed: boolean; active: boolean; registrationStatus: string }>(
      c.doctor.call({ method: 'PATCH', url: `/api/v1/products/${id}`, payload: { substances: [{ code: 'zinc' }], licensed: false, registrationStatus: 'revoked', active: false } }),
    );
    expect(patched).toMatchObject({ substances: [{ code: 'zinc' }], licensed: false, registrationStatus: 'revoked', active: false });
    expect(await countRows(t, 'product_substances', c.id)).toBe(1);
    const [audit] = await auditEvents(t, c.id, 'product.update');
    expect(audit?.details).toMatchObject({ changes: { licensed: { before: true, after: false }, registrationStatus: { before: 'registered', after: 'revoked' } } });
    const active = await ok<{ items: unknown[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/products?active=true' }));
    expect(active.items).toHaveLength(0);
  });

  it.each([
    ['an unknown substance code', { substances: [{ code: 'nope' }] }, 'body.substances[0].code', 400],
    ['a substance listed twice', { substances: [{ code: 'base' }, { code: 'base' }] }, 'body.substances[1].code', 400],
    ['a substance named both ways', { substances: [{ code: 'base', substanceId: '0190f0f0-0000-7000-8000-000000000000' }] }, 'body.substances[0]', 400],
    ['licensed missing', { licensed: undefined }, 'body.licensed', 400],
    ['an unknown registration status', { registrationStatus: 'maybe' }, 'body.registrationStatus', 400],
    ['ampoule volume zero', { ampouleMl: 0 }, 'body.ampouleMl', 400],
    ['three decimals of ampoule volume', { ampouleMl: 1.005 }, 'body.ampouleMl', 400],
    ['an unknown field', { price: 100 }, 'body.price', 400],
  ])('refuses a product with %s and writes nothing', async (_what, change, path, status) => {
    const c = await t.clinic();
    await makeSubstance(c.doctor, 'base');
    const payload = { code: 'prod', name: 'Prod', licensed: true, intradermal: true, substances: [{ code: 'base' }], ...change };
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/products', payload });
    expectStatus(res, status);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t, 'products', c.id)).toBe(0);
    expect(await countRows(t, 'product_substances', c.id)).toBe(0);
  });

  it('keeps clinics apart: another clinic’s product is 404, its substance unknown, and the same code free', async () => {
    const c = await t.clinic();
    const other = await t.clinic();
    const id = await makeProduct(c.doctor, 'shared-code');
    const theirSubstance = await makeSubstance(other.doctor, 'theirs');
    expectStatus(await other.reception.call({ method: 'GET', url: `/api/v1/products/${id}` }), 404);
    expectStatus(await other.doctor.call({ method: 'PATCH', url: `/api/v1/products/${id}`, payload: { active: false } }), 404);
    expect((await ok<{ items: unknown[] }>(other.doctor.call({ method: 'GET', url: '/api/v1/products' }))).items).toHaveLength(0);
    const res = await c.doctor.call({ method: 'PATCH', url: `/api/v1/products/${id}`, payload: { substances: [{ substanceId: theirSubstance }] } });
    expectStatus(res, 400);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body.substances[0].substanceId' }] });
    await makeProduct(other.doctor, 'shared-code');
    expectStatus(await c.doctor.call({ method: 'GET', url: '/api/v1/products/not-a-uuid' }), 400);
    const dup = await c.doctor.call({ method: 'POST', url: '/api/v1/products', payload: { code: 'shared-code', name: 'Again', licensed: true, intradermal: true, substances: [] } });
    expectStatus(dup, 409);
    expect(await countRows(t, 'products', c.id)).toBe(1);
  });
});

describe('the OpenAPI document', () => {
  it('describes the catalog routes, the assessment contract included', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expectStatus(res, 200);
    const doc = res.json<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    for (const path of ['/api/v1/substances', '/api/v1/products/{id}', '/api/v1/lots', '/api/v1/lots/{id}/adjustments', '/api/v1/cocktail-templates/{id}', '/api/v1/clinic/settings', '/api/v1/assessments', '/api/v1/catalog/import-starter']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(JSON.stringify(doc.paths['/api/v1/assessments']?.post?.requestBody)).toContain('procedure');
  });
});
