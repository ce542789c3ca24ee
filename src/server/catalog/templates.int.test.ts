import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { auditEvents, countRows, expectStatus, makeProduct, ok } from './testing.ts';

const t = await setupTestApp();
const roles = ['owner', 'doctor', 'nurse', 'reception'] as const;

interface TemplateAnswer {
  id: string;
  code: string | null;
  name: string;
  indication: string | null;
  technique: string | null;
  depthMm: number | null;
  components: { productId: string; productCode: string; productName: string; volumeMl: number }[];
  totalVolumeMl: number;
  active: boolean;
}

describe('cocktail templates', () => {
  it('creates a template with its components in order, totals the volume, reads and lists it, and audits the write', async () => {
    const c = await t.clinic();
    const ha = await makeProduct(c.doctor, 'ha');
    const vit = await makeProduct(c.doctor, 'vit');
    const made = await ok<TemplateAnswer>(
      c.doctor.call({
        method: 'POST',
        url: '/api/v1/cocktail-templates',
        payload: { code: 'face', name: 'Face revitalisation', indication: 'age-changes', technique: 'papular', depthMm: 1.5, notes: 'weekly', components: [{ productId: vit, volumeMl: 3.1 }, { productId: ha, volumeMl: 2.2 }] },
      }),
      201,
    );
    expect(made).toMatchObject({
      code: 'face',
      indication: 'age-changes',
      technique: 'papular',
      depthMm: 1.5,
      components: [
        { productId: vit, productCode: 'vit', productName: 'Product vit', volumeMl: 3.1 },
        { productId: ha, productCode: 'ha', volumeMl: 2.2 },
      ],
      totalVolumeMl: 5.3,
      active: true,
    });
    expect(await ok<TemplateAnswer>(c.nurse.call({ method: 'GET', url: `/api/v1/cocktail-templates/${made.id}` }))).toEqual(made);
    const listed = await ok<{ items: TemplateAnswer[] }>(c.nurse.call({ method: 'GET', url: '/api/v1/cocktail-templates?indication=age-changes&q=REVITAL' }));
    expect(listed.items.map((x) => x.id)).toEqual([made.id]);
    expect((await ok<{ items: unknown[] }>(c.nurse.call({ method: 'GET', url: '/api/v1/cocktail-templates?indication=alopecia' }))).items).toHaveLength(0);
    expect(await auditEvents(t, c.id, 'cocktail-template.create')).toHaveLength(1);
  });

  it('replaces components on PATCH, clears optional fields with null, and deactivates', async () => {
    const c = await t.clinic();
    const a = await makeProduct(c.doctor, 'a');
    const b = await makeProduct(c.doctor, 'b');
    const made = await ok<TemplateAnswer>(c.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { name: 'T', technique: 'manual', components: [{ productId: a, volumeMl: 1 }] } }), 201);
    const patched = await ok<TemplateAnswer>(
      c.owner.call({ method: 'PATCH', url: `/api/v1/cocktail-templates/${made.id}`, payload: { technique: null, active: false, components: [{ productId: b, volumeMl: 2 }, { productId: a, volumeMl: 4 }] } }),
    );
    expect(patched).toMatchObject({ technique: null, active: false, totalVolumeMl: 6, components: [{ productCode: 'b' }, { productCode: 'a' }] });
    expect(await countRows(t, 'cocktail_template_components', c.id)).toBe(2);
    expect((await ok<{ items: unknown[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/cocktail-templates?active=true' }))).items).toHaveLength(0);
    expect((await auditEvents(t, c.id, 'cocktail-template.update'))[0]?.details).toMatchObject({ fields: ['technique', 'active', 'components'] });
  });

  it('lets owners and doctors write, nurses read, and keeps reception out', async () => {
    const c = await t.clinic();
    const p = await makeProduct(c.doctor, 'p');
    const made = await ok<TemplateAnswer>(c.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { name: 'T', components: [{ productId: p, volumeMl: 1 }] } }), 201);
    const write = { owner: 201, doctor: 201, nurse: 403, reception: 403 };
    for (const role of roles) {
      const read = role === 'reception' ? 403 : 200;
      expectStatus(await c[role].call({ method: 'GET', url: '/api/v1/cocktail-templates' }), read);
      expectStatus(await c[role].call({ method: 'GET', url: `/api/v1/cocktail-templates/${made.id}` }), read);
      expectStatus(await c[role].call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { name: role, components: [{ productId: p, volumeMl: 1 }] } }), write[role]);
      expectStatus(await c[role].call({ method: 'PATCH', url: `/api/v1/cocktail-templates/${made.id}`, payload: { notes: role } }), write[role] === 201 ? 200 : 403);
    }
    expect(await countRows(t, 'cocktail_templates', c.id)).toBe(3);
  });

  it.each([
    ['no components', { components: [] }, 'body.components'],
    ['an unknown indication', { indication: 'tattoo' }, 'body.indication'],
    ['an unknown technique', { technique: 'laser' }, 'body.technique'],
    ['a negative depth', { depthMm: -1 }, 'body.depthMm'],
    ['a component volume of zero', { components: [{ productId: '0190f0f0-0000-7000-8000-000000000000', volumeMl: 0 }] }, 'body.components[0].volumeMl'],
    ['a component without product', { components: [{ volumeMl: 1 }] }, 'body.components[0].productId'],
    ['an unknown field', { price: 1 }, 'body.price'],
  ])('refuses a template with %s (400) and writes nothing', async (_what, change, path) => {
    const c = await t.clinic();
    const p = await makeProduct(c.doctor, 'p');
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { name: 'T', components: [{ productId: p, volumeMl: 1 }], ...change } });
    expectStatus(res, 400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t, 'cocktail_templates', c.id)).toBe(0);
  });

  it('keeps clinics apart: another clinic’s template is 404, and its product in a component is 404 naming the component', async () => {
    const c = await t.clinic();
    const other = await t.clinic();
    const mine = await makeProduct(c.doctor, 'mine');
    const theirs = await makeProduct(other.doctor, 'theirs');
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { name: 'T', components: [{ productId: mine, volumeMl: 1 }, { productId: theirs, volumeMl: 1 }] } });
    expectStatus(res, 404);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body.components[1].productId' }] });
    expect(await countRows(t, 'cocktail_templates', c.id)).toBe(0);
    const made = await ok<TemplateAnswer>(other.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { name: 'Theirs', components: [{ productId: theirs, volumeMl: 1 }] } }), 201);
    expectStatus(await c.doctor.call({ method: 'GET', url: `/api/v1/cocktail-templates/${made.id}` }), 404);
    expectStatus(await c.doctor.call({ method: 'PATCH', url: `/api/v1/cocktail-templates/${made.id}`, payload: { name: 'Stolen' } }), 404);
    const own = await ok<TemplateAnswer>(c.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { name: 'Own', components: [{ productId: mine, volumeMl: 1 }] } }), 201);
    const swap = await c.doctor.call({ method: 'PATCH', url: `/api/v1/cocktail-templates/${own.id}`, payload: { components: [{ productId: theirs, volumeMl: 1 }] } });
    expectStatus(swap, 404);
    expect((await ok<TemplateAnswer>(c.doctor.call({ method: 'GET', url: `/api/v1/cocktail-templates/${own.id}` }))).components).toMatchObject([{ productId: mine }]);
    expect((await ok<TemplateAnswer>(other.doctor.call({ method: 'GET', url: `/api/v1/cocktail-templates/${made.id}` }))).name).toBe('Theirs');
    expectStatus(await c.doctor.call({ method: 'GET', url: '/api/v1/cocktail-templates/42' }), 400);
  });

  it('refuses a duplicate template code with 409', async () => {
    const c = await t.clinic();
    const p = await makeProduct(c.doctor, 'p');
    await ok(c.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { code: 'same', name: 'A', components: [{ productId: p, volumeMl: 1 }] } }), 201);
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/cocktail-templates', payload: { code: 'same', name: 'B', components: [{ productId: p, volumeMl: 1 }] } });
    expectStatus(res, 409);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body.code' }] });
    expect(await countRows(t, 'cocktail_templates', c.id)).toBe(1);
  });
});
