import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import type { Caller } from '../../../test/app.ts';
import { addLot, clinicalClinic, consentedCourse, dayFromToday, sessionBody } from '../../../test/fixtures/clinical.ts';
import { addDays } from '../../domain/clinical/calendar.ts';
import { paths, recordSession, rows } from '../adverse-events/testing.ts';

const t = await setupTestApp();

/** A day counted from today in the clinic's calendar (its time zone, not the test machine's). */
async function clinicDay(caller: Caller, days: number): Promise<string> {
  return addDays((await caller.call({ method: 'GET', url: '/api/v1/today' })).json<{ date: string }>().date, days);
}

interface Item {
  id: string;
  name: string;
  kind: string;
  state: string;
  expiresOn: string | null;
}

describe('emergency kit', () => {
  it('done when: letting the adrenaline expire blocks sessions until a new one is stocked', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const { courseId } = await consentedCourse(c, t.db);
    const lotId = c.products['revita-complex']!.lotId;
    const kit = (await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json();
    expect(kit.state).toMatchObject({ ready: true, complete: true, missing: [], expired: [] });
    const adrenaline = kit.items.find((i: Item) => i.kind === 'adrenaline');

    const expire = await c.nurse.call({ method: 'PATCH', url: `/api/v1/emergency-kit/items/${adrenaline.id}`, payload: { expiresOn: await clinicDay(c.nurse, -1) } });
    expect(expire.statusCode, expire.body).toBe(200);
    expect(expire.json()).toMatchObject({ state: 'expired', expiresInDays: -1 });
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json().state).toMatchObject({ ready: false, complete: true, expired: [{ id: adrenaline.id }] });

    const refused = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'emergency-kit', level: 'block', facts: expect.objectContaining({ reason: 'expired' }) })]));
    const today = (await c.doctor.call({ method: 'GET', url: '/api/v1/today' })).json();
    expect(today.kitReady).toBe(false);
    expect(today.alerts[0]).toMatchObject({ kind: 'kit-item-expired', severity: 'critical', facts: { itemId: adrenaline.id, blocking: true } });

    // Restocked at the next check: sessions go ahead again.
    const items = (await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit/items' })).json().items as Item[];
    const check = await c.nurse.call({
      method: 'POST',
      url: '/api/v1/emergency-kit/checks',
      payload: { items: items.map((i) => ({ itemId: i.id, present: true, ...(i.id === adrenaline.id ? { lot: 'ADR-2027', expiresOn: dayFromToday(400), note: 'Replaced' } : {}) })), notes: 'Monthly check' },
    });
    expect(check.statusCode, check.body).toBe(201);
    expect(check.json()).toMatchObject({ ready: true, checkedBy: c.nurse.userId, notes: 'Monthly check' });
    expect(check.json().items.find((i: { itemId: string }) => i.itemId === adrenaline.id)).toMatchObject({ lot: 'ADR-2027', state: 'ok', note: 'Replaced' });
    const after = (await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json();
    expect(after.lastCheck).toMatchObject({ id: check.json().id });
    expect(after.items.every((i: { lastCheckedBy: string }) => i.lastCheckedBy === c.nurse.userId)).toBe(true);
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId) })).statusCode).toBe(201);
  });

  it('blocks sessions while a required item is missing, and lists it', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const items = (await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit/items' })).json().items as Item[];
    const atropine = items.find((i) => i.kind === 'atropine')!;
    const check = await c.nurse.call({ method: 'POST', url: '/api/v1/emergency-kit/checks', payload: { items: items.map((i) => ({ itemId: i.id, present: i.id !== atropine.id })) } });
    expect(check.json().ready).toBe(false);
    const kit = (await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json();
    expect(kit.state).toMatchObject({ ready: false, complete: false, missing: [{ id: atropine.id, kind: 'atropine' }] });
    const { courseId } = await consentedCourse(c, t.db);
    const refused = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId) });
    expect(refused.json().findings.map((f: { rule: string }) => f.rule)).toContain('emergency-kit');
    // No longer required: the kit is complete again (atropine is not one of the essential kinds).
    await c.doctor.call({ method: 'PATCH', url: `/api/v1/emergency-kit/items/${atropine.id}`, payload: { required: false } });
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json().state.ready).toBe(true);
  });

  it('adds, edits and removes items; flags those expiring within the clinic’s warning days', async () => {
    const c = await t.clinic();
    const empty = (await c.doctor.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json();
    expect(empty.state).toMatchObject({ ready: false, complete: false });
    expect(empty.state.missing.map((m: { kind: string }) => m.kind)).toEqual(['adrenaline', 'antihistamine', 'corticosteroid']);
    const add = (body: Record<string, unknown>) => c.nurse.call({ method: 'POST', url: '/api/v1/emergency-kit/items', payload: body });
    const adr = await add({ name: 'Adrenaline 0.1% 1 ml ×3', kind: 'adrenaline', lot: 'A1', expiresOn: await clinicDay(c.nurse, 20), quantity: 3 });
    expect(adr.statusCode, adr.body).toBe(201);
    expect(adr.json()).toMatchObject({ state: 'expiring', expiresInDays: 20, required: true, present: true, position: 0 });
    await add({ name: 'Chloropyramine', kind: 'antihistamine', expiresOn: dayFromToday(300) });
    const pred = (await add({ name: 'Prednisolone', kind: 'corticosteroid', expiresOn: dayFromToday(300) })).json();
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json().state).toMatchObject({ ready: true, expiring: [{ name: 'Adrenaline 0.1% 1 ml ×3', expiresInDays: 20 }] });
    const today = (await c.nurse.call({ method: 'GET', url: '/api/v1/today' })).json();
    expect(today.alerts).toEqual([expect.objectContaining({ kind: 'kit-item-expiring', severity: 'warning', message: expect.stringContaining('20 days') })]);
    await c.owner.call({ method: 'PUT', url: '/api/v1/clinic/safety-settings', payload: { kitExpiryWarningDays: 10 } });
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/today' })).json().alerts).toEqual([]);

    expect((await c.nurse.call({ method: 'DELETE', url: `/api/v1/emergency-kit/items/${pred.id}` })).statusCode).toBe(204);
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json().state.ready).toBe(false);
    expect((await c.nurse.call({ method: 'DELETE', url: `/api/v1/emergency-kit/items/${pred.id}` })).statusCode).toBe(404);

    for (const body of [{}, { name: 'X', kind: 'magic' }, { name: 'X', kind: 'other', expiresOn: '2026-02-30' }, { name: 'X', kind: 'other', quantity: -1 }, { name: 'X', kind: 'other', colour: 'red' }]) {
      expect((await add(body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await c.nurse.call({ method: 'PATCH', url: `/api/v1/emergency-kit/items/${adr.json().id}`, payload: {} })).statusCode).toBe(400);
    expect(await rows(t, c.id, 'emergency_kit_items')).toBe(2);
    expect((await c.reception.call({ method: 'POST', url: '/api/v1/emergency-kit/items', payload: { name: 'X', kind: 'other' } })).statusCode).toBe(403);
    const other = await t.clinic();
    expect((await other.nurse.call({ method: 'PATCH', url: `/api/v1/emergency-kit/items/${adr.json().id}`, payload: { present: false } })).statusCode).toBe(404);
  });

  it('refuses a check that leaves an item out or names an unknown one, and records nothing', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const items = (await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit/items' })).json().items as Item[];
    const partial = await c.nurse.call({ method: 'POST', url: '/api/v1/emergency-kit/checks', payload: { items: items.slice(1).map((i) => ({ itemId: i.id, present: false })) } });
    expect(partial.statusCode).toBe(400);
    expect(paths(partial)).toEqual(['body.items']);
    expect(partial.json().detail).toContain(items[0]!.name);
    const unknown = await c.nurse.call({ method: 'POST', url: '/api/v1/emergency-kit/checks', payload: { items: [...items.map((i) => ({ itemId: i.id, present: false })), { itemId: '01936f7e-0000-7000-8000-000000000000', present: true }] } });
    expect(unknown.statusCode).toBe(404);
    expect(paths(unknown)).toEqual([`body.items[${items.length}].itemId`]);
    const twice = await c.nurse.call({ method: 'POST', url: '/api/v1/emergency-kit/checks', payload: { items: [...items, items[0]!].map((i) => ({ itemId: i.id, present: true })) } });
    expect(twice.statusCode).toBe(400);
    expect(await rows(t, c.id, 'emergency_kit_checks')).toBe(0);
    expect((await c.nurse.call({ method: 'GET', url: '/api/v1/emergency-kit' })).json().state.ready).toBe(true);
  });
});

describe('today', () => {
  it('shows clinical staff the lots and sessions to act on, and reception the follow-up counts only', async () => {
    const c = await clinicalClinic(t, ['revita-complex', 'hyalo-nx-15']);
    await addLot(t.db, c.id, c.products['hyalo-nx-15']!.id, { expiresOn: dayFromToday(-3), lotNumber: 'OLD-1' });
    await addLot(t.db, c.id, c.products['hyalo-nx-15']!.id, { expiresOn: dayFromToday(10), lotNumber: 'SOON-1' });
    await recordSession(t, c, { daysAgo: 4 });
    const doctor = (await c.doctor.call({ method: 'GET', url: '/api/v1/today' })).json();
    const kinds = doctor.alerts.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['lot-expired-in-stock', 'lot-expiring', 'unsigned-sessions', 'overdue-follow-ups']));
    expect(doctor.alerts.find((a: { kind: string }) => a.kind === 'lot-expiring').facts.lots.map((l: { lotNumber: string }) => l.lotNumber)).toEqual(['hyalo-nx-15 SOON-1']);
    expect(doctor.counts).toMatchObject({ overdueFollowUps: 1, unsignedSessions: 1, openAlerts: 0 });
    expect(doctor.kitReady).toBe(true);

    const reception = (await c.reception.call({ method: 'GET', url: '/api/v1/today' })).json();
    expect(reception).toMatchObject({ kitReady: null, counts: { overdueFollowUps: 1, unsignedSessions: null, openAlerts: null } });
    expect(reception.alerts.map((a: { kind: string }) => a.kind)).toEqual(['overdue-follow-ups']);
    expect(JSON.stringify(reception)).not.toMatch(/patient|lot/i);

    const ru = (await c.doctor.call({ method: 'GET', url: '/api/v1/today' })).json();
    expect(ru.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
