import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { auditEvents, clinicToday, countRows, expectStatus, makeLot, makeProduct, ok, shiftDate } from './testing.ts';

const t = await setupTestApp();
const roles = ['owner', 'doctor', 'nurse', 'reception'] as const;

interface LotAnswer {
  id: string;
  productId: string;
  productCode: string;
  productName: string;
  lot: string;
  expires: string;
  quantityReceived: number;
  quantity: number;
  supplier: string | null;
  receivedOn: string | null;
  recalled: boolean;
  expired: boolean;
  expiresInDays: number;
  status: string;
}

describe('lots: receiving and reading', () => {
  it('receives a lot with the fields of DESIGN §6, records the received stock in the ledger, and audits it', async () => {
    const c = await t.clinic();
    const today = await clinicToday(t, c.id);
    const productId = await makeProduct(c.doctor, 'hofitol');
    const lot = await ok<LotAnswer>(
      c.nurse.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: 'HF2611-03', expires: shiftDate(today, 300), quantity: 50, supplier: 'MesoSupply', receivedOn: shiftDate(today, -2) } }),
      201,
    );
    expect(lot).toMatchObject({
      productId,
      productCode: 'hofitol',
      productName: 'Product hofitol',
      lot: 'HF2611-03',
      expires: shiftDate(today, 300),
      quantityReceived: 50,
      quantity: 50,
      supplier: 'MesoSupply',
      receivedOn: shiftDate(today, -2),
      recalled: false,
      expired: false,
      expiresInDays: 300,
      status: 'usable',
    });
    const ledger = await ok<{ items: { deltaMl: number; reason: string; byUserId: string }[] }>(c.doctor.call({ method: 'GET', url: `/api/v1/lots/${lot.id}/movements` }));
    expect(ledger.items).toEqual([expect.objectContaining({ deltaMl: 50, reason: 'received', byUserId: c.nurse.userId })]);
    const [audit] = await auditEvents(t, c.id, 'lot.receive');
    expect(audit).toMatchObject({ actor_role: 'nurse', record_id: lot.id, details: { quantityMl: 50, expired: false } });
    expect(await ok<LotAnswer>(c.nurse.call({ method: 'GET', url: `/api/v1/lots/${lot.id}` }))).toMatchObject({ lot: 'HF2611-03', receivedOn: shiftDate(today, -2) });
  });

  it('accepts an expired lot but flags it; a lot expiring today is still usable (expires is the last day of use)', async () => {
    const c = await t.clinic();
    const today = await clinicToday(t, c.id);
    const productId = await makeProduct(c.doctor, 'dmae');
    const past = await makeLot(c.doctor, productId, 'OLD-1', shiftDate(today, -1), 5);
    expect(past).toMatchObject({ expired: true, status: 'expired' });
    const last = await makeLot(c.doctor, productId, 'TODAY-1', today, 5);
    expect(last).toMatchObject({ expired: false, status: 'usable' });
    expect((await ok<LotAnswer>(c.doctor.call({ method: 'GET', url: `/api/v1/lots/${past.id}` }))).expiresInDays).toBe(-1);
  });

  it('defaults the receipt date to today in the clinic, and refuses one in the future', async () => {
    const c = await t.clinic();
    const today = await clinicToday(t, c.id);
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await ok<LotAnswer>(c.doctor.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: 'A', expires: shiftDate(today, 100), quantity: 10 } }), 201);
    expect(lot.receivedOn).toBe(today);
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: 'B', expires: shiftDate(today, 100), quantity: 10, receivedOn: shiftDate(today, 3) } });
    expectStatus(res, 400);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body.receivedOn' }] });
    expect(await countRows(t, 'lots', c.id)).toBe(1);
  });

  it('filters: by product, usable only (in date, not recalled, in stock — soonest expiry first), expiring within N days', async () => {
    const c = await t.clinic();
    const today = await clinicToday(t, c.id);
    const a = await makeProduct(c.doctor, 'a');
    const b = await makeProduct(c.doctor, 'b');
    const late = await makeLot(c.doctor, a, 'LATE', shiftDate(today, 400), 10);
    const soon = await makeLot(c.doctor, a, 'SOON', shiftDate(today, 20), 10);
    await makeLot(c.doctor, a, 'EXPIRED', shiftDate(today, -5), 10);
    const empty = await makeLot(c.doctor, a, 'EMPTY', shiftDate(today, 50), 2);
    const recalled = await makeLot(c.doctor, a, 'RECALLED', shiftDate(today, 60), 10);
    const other = await makeLot(c.doctor, b, 'B-1', shiftDate(today, 10), 10);
    await ok(c.doctor.call({ method: 'POST', url: `/api/v1/lots/${empty.id}/adjustments`, payload: { deltaMl: -2, reason: 'write-off', note: 'broken ampoules' } }), 201);
    await ok(c.doctor.call({ method: 'PATCH', url: `/api/v1/lots/${recalled.id}`, payload: { recalled: true, recallReason: 'manufacturer recall' } }));

    const lots = async (query: string) => (await ok<{ items: LotAnswer[] }>(c.nurse.call({ method: 'GET', url: `/api/v1/lots${query}` }))).items.map((l) => l.lot);
    expect(await lots('')).toEqual(['EXPIRED', 'B-1', 'SOON', 'EMPTY', 'RECALLED', 'LATE']);
    expect(await lots(`?productId=${a}&usable=true`)).toEqual(['SOON', 'LATE']);
    expect(await lots('?usable=true')).toEqual(['B-1', 'SOON', 'LATE']);
    expect(await lots('?expiringWithinDays=30')).toEqual(['B-1', 'SOON']);
    expect(await lots(`?productId=${b}`)).toEqual(['B-1']);
    const all = (await ok<{ items: LotAnswer[] }>(c.nurse.call({ method: 'GET', url: '/api/v1/lots' }))).items;
    expect(Object.fromEntries(all.map((l) => [l.lot, l.status]))).toEqual({ EXPIRED: 'expired', 'B-1': 'usable', SOON: 'usable', EMPTY: 'empty', RECALLED: 'recalled', LATE: 'usable' });
    expect([late.id, soon.id, other.id]).toHaveLength(3);
  });

  it('lets clinical staff read lots and receive them, and keeps reception out', async () => {
    const c = await t.clinic();
    const today = await clinicToday(t, c.id);
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await makeLot(c.doctor, productId, 'L0', shiftDate(today, 100), 10);
    const expected = { owner: 201, doctor: 201, nurse: 201, reception: 403 };
    for (const role of roles) {
      const read = role === 'reception' ? 403 : 200;
      expectStatus(await c[role].call({ method: 'GET', url: '/api/v1/lots' }), read);
      expectStatus(await c[role].call({ method: 'GET', url: `/api/v1/lots/${lot.id}` }), read);
      expectStatus(await c[role].call({ method: 'GET', url: `/api/v1/lots/${lot.id}/movements` }), read);
      expectStatus(await c[role].call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: `L-${role}`, expires: shiftDate(today, 100), quantity: 1 } }), expected[role]);
      expectStatus(await c[role].call({ method: 'PATCH', url: `/api/v1/lots/${lot.id}`, payload: { supplier: role } }), role === 'reception' ? 403 : 200);
      expectStatus(await c[role].call({ method: 'POST', url: `/api/v1/lots/${lot.id}/adjustments`, payload: { deltaMl: 1, reason: 'adjustment', note: role } }), expected[role]);
    }
    expect(await countRows(t, 'lots', c.id)).toBe(4);
    expect(await countRows(t, 'stock_movements', c.id)).toBe(4 + 3);
  });

  it.each([
    ['quantity zero', { quantity: 0 }, 'body.quantity'],
    ['quantity negative', { quantity: -5 }, 'body.quantity'],
    ['quantity as text', { quantity: '10' }, 'body.quantity'],
    ['expiry not a date', { expires: '31.12.2027' }, 'body.expires'],
    ['expiry not on the calendar', { expires: '2027-02-30' }, 'body.expires'],
    ['product id not a UUID', { productId: 'hofitol' }, 'body.productId'],
    ['empty lot number', { lot: ' ' }, 'body.lot'],
    ['an unknown field', { price: 3 }, 'body.price'],
  ])('refuses a lot with %s (400) and writes nothing', async (_what, change, path) => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: 'L1', expires: '2030-01-31', quantity: 10, ...change } });
    expectStatus(res, 400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t, 'lots', c.id)).toBe(0);
    expect(await countRows(t, 'stock_movements', c.id)).toBe(0);
  });

  it('keeps clinics apart: another clinic’s product in POST /lots is 404 naming productId; its lot is 404 everywhere', async () => {
    const c = await t.clinic();
    const other = await t.clinic();
    const theirProduct = await makeProduct(other.doctor, 'theirs');
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/lots', payload: { productId: theirProduct, lot: 'X', expires: '2030-01-31', quantity: 5 } });
    expectStatus(res, 404);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body.productId' }] });
    const theirLot = await makeLot(other.doctor, theirProduct, 'THEIRS', '2030-01-31', 5);
    expectStatus(await c.doctor.call({ method: 'GET', url: `/api/v1/lots/${theirLot.id}` }), 404);
    expectStatus(await c.doctor.call({ method: 'GET', url: `/api/v1/lots/${theirLot.id}/movements` }), 404);
    expectStatus(await c.doctor.call({ method: 'PATCH', url: `/api/v1/lots/${theirLot.id}`, payload: { recalled: true, recallReason: 'x' } }), 404);
    expectStatus(await c.doctor.call({ method: 'POST', url: `/api/v1/lots/${theirLot.id}/adjustments`, payload: { deltaMl: -5, reason: 'write-off', note: 'x' } }), 404);
    expect((await ok<{ items: unknown[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/lots' }))).items).toHaveLength(0);
    expect(await ok<LotAnswer>(other.doctor.call({ method: 'GET', url: `/api/v1/lots/${theirLot.id}` }))).toMatchObject({ quantity: 5, recalled: false });
    expect(await countRows(t, 'lots', c.id)).toBe(0);
    expectStatus(await c.doctor.call({ method: 'GET', url: '/api/v1/lots/not-a-uuid' }), 400);
    expectStatus(await c.doctor.call({ method: 'GET', url: '/api/v1/lots?productId=hofitol' }), 400);
    expectStatus(await c.doctor.call({ method: 'GET', url: '/api/v1/lots?expiringWithinDays=-1' }), 400);
  });

  it('refuses a second lot with the same number for the same product with 409', async () => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    await makeLot(c.doctor, productId, 'SAME', '2030-01-31', 5);
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: 'SAME', expires: '2030-06-30', quantity: 5 } });
    expectStatus(res, 409);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body.lot' }] });
    expect(await countRows(t, 'stock_movements', c.id)).toBe(1);
  });
});

describe('lots: corrections, recalls and stock', () => {
  it('corrects expiry and number, recalls with a reason and clears the recall, auditing each', async () => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await makeLot(c.doctor, productId, 'A1', '2030-01-31', 5);
    const fixed = await ok<LotAnswer>(c.nurse.call({ method: 'PATCH', url: `/api/v1/lots/${lot.id}`, payload: { lot: 'A-1', expires: '2030-02-28' } }));
    expect(fixed).toMatchObject({ lot: 'A-1', expires: '2030-02-28', quantity: 5 });
    const recalled = await ok<LotAnswer & { recallReason: string }>(c.doctor.call({ method: 'PATCH', url: `/api/v1/lots/${lot.id}`, payload: { recalled: true, recallReason: 'Roszdravnadzor letter 12/2026' } }));
    expect(recalled).toMatchObject({ recalled: true, status: 'recalled', recallReason: 'Roszdravnadzor letter 12/2026' });
    const cleared = await ok<LotAnswer & { recallReason: string | null }>(c.doctor.call({ method: 'PATCH', url: `/api/v1/lots/${lot.id}`, payload: { recalled: false } }));
    expect(cleared).toMatchObject({ recalled: false, recallReason: null, status: 'usable' });
    expect((await auditEvents(t, c.id, 'lot.update'))[0]?.details).toMatchObject({ expires: { before: '2030-01-31', after: '2030-02-28' }, lot: { before: 'A1', after: 'A-1' } });
    expect(await auditEvents(t, c.id, 'lot.recall')).toHaveLength(1);
    expect(await auditEvents(t, c.id, 'lot.recall-clear')).toHaveLength(1);
  });

  it('never edits stock through PATCH: the answer points at the adjustments', async () => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await makeLot(c.doctor, productId, 'A1', '2030-01-31', 5);
    const res = await c.doctor.call({ method: 'PATCH', url: `/api/v1/lots/${lot.id}`, payload: { quantity: 50 } });
    expectStatus(res, 400);
    expect(res.json()).toMatchObject({ errors: [{ path: 'body.quantity', message: expect.stringContaining('adjustments') }] });
    const reason = await c.doctor.call({ method: 'PATCH', url: `/api/v1/lots/${lot.id}`, payload: { recallReason: 'no recall yet' } });
    expectStatus(reason, 400);
    expect((await ok<LotAnswer>(c.doctor.call({ method: 'GET', url: `/api/v1/lots/${lot.id}` }))).quantity).toBe(5);
  });

  it('adjusts stock both ways with a ledger line each, and the ledger always sums to the stock on hand', async () => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await makeLot(c.doctor, productId, 'A1', '2030-01-31', 10);
    const down = await ok<{ lot: LotAnswer; movement: { deltaMl: number; reason: string; note: string } }>(
      c.nurse.call({ method: 'POST', url: `/api/v1/lots/${lot.id}/adjustments`, payload: { deltaMl: -2.5, reason: 'write-off', note: 'ampoule dropped' } }),
      201,
    );
    expect(down).toMatchObject({ lot: { quantity: 7.5, quantityReceived: 10 }, movement: { deltaMl: -2.5, reason: 'write-off', note: 'ampoule dropped' } });
    const up = await ok<{ lot: LotAnswer }>(c.nurse.call({ method: 'POST', url: `/api/v1/lots/${lot.id}/adjustments`, payload: { deltaMl: 0.25, reason: 'adjustment', note: 'recount' } }), 201);
    expect(up.lot.quantity).toBe(7.75);
    const ledger = await ok<{ items: { deltaMl: number }[] }>(c.nurse.call({ method: 'GET', url: `/api/v1/lots/${lot.id}/movements` }));
    expect(ledger.items.map((m) => m.deltaMl)).toEqual([10, -2.5, 0.25]);
    expect(ledger.items.reduce((a, m) => a + m.deltaMl, 0)).toBe(7.75);
    expect((await auditEvents(t, c.id, 'lot.adjust'))[1]?.details).toMatchObject({ onHandBefore: 10, onHandAfter: 7.5, reason: 'write-off' });
  });

  it('never takes stock below zero: 409 with a clear message, nothing written; exactly to zero is fine', async () => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await makeLot(c.doctor, productId, 'LOW', '2030-01-31', 1);
    const res = await c.nurse.call({ method: 'POST', url: `/api/v1/lots/${lot.id}/adjustments`, payload: { deltaMl: -1.01, reason: 'write-off', note: 'too much' } });
    expectStatus(res, 409);
    expect(res.json<{ detail: string }>().detail).toBe('Lot LOW of Product p has 1 ml on hand: a change of -1.01 ml would take the stock below zero');
    expect(await countRows(t, 'stock_movements', c.id)).toBe(1);
    expect(await auditEvents(t, c.id, 'lot.adjust')).toHaveLength(0);
    const zero = await ok<{ lot: LotAnswer }>(c.nurse.call({ method: 'POST', url: `/api/v1/lots/${lot.id}/adjustments`, payload: { deltaMl: -1, reason: 'write-off', note: 'last ml' } }), 201);
    expect(zero.lot).toMatchObject({ quantity: 0, status: 'empty' });
  });

  it('lets only one of two concurrent write-offs of the last ml through', async () => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await makeLot(c.doctor, productId, 'RACE', '2030-01-31', 1);
    const both = await Promise.all(
      [c.nurse, c.doctor].map((who) => who.call({ method: 'POST', url: `/api/v1/lots/${lot.id}/adjustments`, payload: { deltaMl: -1, reason: 'write-off', note: 'race' } })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await ok<LotAnswer>(c.nurse.call({ method: 'GET', url: `/api/v1/lots/${lot.id}` }))).quantity).toBe(0);
    expect(await countRows(t, 'stock_movements', c.id)).toBe(2);
  });

  it.each([
    ['a zero change', { deltaMl: 0, reason: 'adjustment', note: 'x' }, 'body.deltaMl'],
    ['a positive write-off', { deltaMl: 1, reason: 'write-off', note: 'x' }, 'body.deltaMl'],
    ['three decimals', { deltaMl: -0.001, reason: 'adjustment', note: 'x' }, 'body.deltaMl'],
    ['a session reason (sessions move stock themselves)', { deltaMl: -1, reason: 'session', note: 'x' }, 'body.reason'],
    ['no note', { deltaMl: -1, reason: 'adjustment' }, 'body.note'],
    ['an unknown field', { deltaMl: -1, reason: 'adjustment', note: 'x', sessionId: 'y' }, 'body.sessionId'],
  ])('refuses an adjustment with %s (400) and writes nothing', async (_what, payload, path) => {
    const c = await t.clinic();
    const productId = await makeProduct(c.doctor, 'p');
    const lot = await makeLot(c.doctor, productId, 'L', '2030-01-31', 10);
    const res = await c.nurse.call({ method: 'POST', url: `/api/v1/lots/${lot.id}/adjustments`, payload });
    expectStatus(res, 400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t, 'stock_movements', c.id)).toBe(1);
    expect((await ok<LotAnswer>(c.nurse.call({ method: 'GET', url: `/api/v1/lots/${lot.id}` }))).quantity).toBe(10);
  });
});
