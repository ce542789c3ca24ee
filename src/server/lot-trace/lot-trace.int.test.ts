import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { addLot, clinicalClinic, consentedCourse, newPatient, sessionBody, signedConsent, waiveBaselinePhotos } from '../../../test/fixtures/clinical.ts';
import { paths, recordEvent, recordSession, rows } from '../adverse-events/testing.ts';

const t = await setupTestApp();

describe('outbreak check', () => {
  it('done when: a nodule six weeks after a session raises an alert listing the other recipients of the lot', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const lotId = c.products['revita-complex']!.lotId;
    const index = await recordSession(t, c, { daysAgo: 42 });
    const other = await recordSession(t, c, { daysAgo: 35 });
    const third = await recordSession(t, c, { daysAgo: 20 });
    const elsewhere = await recordSession(t, c, { daysAgo: 30, lotId: await addLot(t.db, c.id, c.products['revita-complex']!.id) });

    const nodule = await recordEvent(c.doctor, { sessionId: index.sessionId, type: 'nodule', grade: 2, onset: new Date(Date.now() - 60_000).toISOString(), description: 'Tender nodule at an injection point of the left cheek', area: 'face' });
    expect(nodule.daysAfterSession).toBe(42);

    const alerts = (await c.doctor.call({ method: 'GET', url: '/api/v1/alerts?status=open' })).json();
    expect(alerts.items).toHaveLength(1);
    const alert = alerts.items[0];
    expect(alert).toMatchObject({
      kind: 'suspected-atypical-infection',
      severity: 'critical',
      status: 'open',
      title: { en: 'Suspected atypical mycobacterial infection' },
      adverseEvent: { id: nodule.id, type: 'nodule', daysAfterSession: 42 },
      patientId: index.patientId,
      lots: [{ id: lotId, productCode: 'revita-complex' }],
      otherPatients: 2,
    });
    expect(alert.recipients.map((r: { patient: { id: string } }) => r.patient.id)).toEqual([other.patientId, third.patientId]);
    expect(alert.recipients.map((r: { patient: { id: string } }) => r.patient.id)).not.toContain(elsewhere.patientId);
    expect(alert.recipients[0].patient).toHaveProperty('phone');

    const detail = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${nodule.id}` })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['created', 'alert-raised']);
    // Editing the event does not raise it twice.
    await c.doctor.call({ method: 'PATCH', url: `/api/v1/adverse-events/${nodule.id}`, payload: { grade: 3 } });
    expect(await rows(t, c.id, 'alerts')).toBe(1);

    const today = (await c.doctor.call({ method: 'GET', url: '/api/v1/today' })).json();
    expect(today.alerts[0]).toMatchObject({ kind: 'suspected-outbreak', severity: 'critical', facts: { alertId: alert.id, otherPatients: 2 } });

    const ack = await c.nurse.call({ method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, payload: { note: 'Both patients called; culture sent' } });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: c.nurse.userId, acknowledgement: 'Both patients called; culture sent' });
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, payload: {} })).statusCode).toBe(409);
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/alerts?status=open' })).json().items).toEqual([]);
    expect((await c.reception.call({ method: 'GET', url: '/api/v1/alerts' })).statusCode).toBe(403);
    expect((await (await t.clinic()).doctor.call({ method: 'GET', url: `/api/v1/alerts/${alert.id}` })).statusCode).toBe(404);
  });

  it.each([
    ['a nodule five days after', 'nodule', 5, 0],
    ['an abscess three weeks after', 'abscess', 21, 1],
    ['a non-healing lesion twelve weeks after', 'non-healing-lesion', 84, 1],
    ['a nodule fourteen weeks after', 'nodule', 98, 0],
    ['a bruise six weeks after', 'bruising', 42, 0],
  ])('%s the session raises %s alert(s)', async (_name, type, daysAgo, alerts) => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const s = await recordSession(t, c, { daysAgo });
    await recordEvent(c.doctor, { sessionId: s.sessionId, type, grade: 2, onset: new Date(Date.now() - 60_000).toISOString(), description: 'Lesion' });
    expect(await rows(t, c.id, 'alerts')).toBe(alerts);
  });
});

describe('recipients and recall', () => {
  it('lists every patient and session that received a lot, with contact details', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const lotId = c.products['revita-complex']!.lotId;
    const a = await recordSession(t, c, { daysAgo: 10 });
    const b = await recordSession(t, c, { daysAgo: 3 });
    const res = await c.nurse.call({ method: 'GET', url: `/api/v1/lots/${lotId}/recipients` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lot: { id: lotId, recalled: false }, patients: 2, nextCursor: null });
    expect(res.json().items.map((i: { sessionId: string }) => i.sessionId)).toEqual([a.sessionId, b.sessionId]);
    expect(res.json().items[0]).toMatchObject({ volumeMl: 2, patient: { id: a.patientId, givenName: 'Anna', birthDate: '1988-05-17' } });
    expect((await c.reception.call({ method: 'GET', url: `/api/v1/lots/${lotId}/recipients` })).statusCode).toBe(403);
    expect((await (await t.clinic()).doctor.call({ method: 'GET', url: `/api/v1/lots/${lotId}/recipients` })).statusCode).toBe(404);
  });

  it('done when: recalling the lot refuses the next session using it, and lists the patients to contact as CSV', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const lotId = c.products['revita-complex']!.lotId;
    const patientId = await newPatient(c.reception, { familyName: 'Иванова, "Старшая"', givenName: 'Мария', phone: '+7 925 555-30-41', email: 'maria@example.com' });
    const { courseId } = await consentedCourse(c, t.db);
    // A second patient's course, to record her session with the Cyrillic name above.
    const hers = await c.doctor.call({ method: 'POST', url: '/api/v1/courses', payload: { patientId, indications: ['age-changes'], areas: ['face'], technique: 'manual', depthMm: 2, components: [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }], plannedSessions: 6, intervalDays: 7, expectedResults: 'x', postCare: 'y' } });
    await signedConsent(t.db, c, { courseId: hers.json().id, patientId, productCodes: ['revita-complex'], sessions: 6 });
    await waiveBaselinePhotos(t.db, c, hers.json().id);
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(hers.json().id, lotId, { daysAgo: 9 }) })).statusCode).toBe(201);
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId, { daysAgo: 8 }) })).statusCode).toBe(201);

    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/lots/${lotId}/recall`, payload: { reason: 'Manufacturer notice' } })).statusCode).toBe(403);
    const recall = await c.doctor.call({ method: 'POST', url: `/api/v1/lots/${lotId}/recall`, payload: { reason: 'Manufacturer notice 12/2026: possible contamination' } });
    expect(recall.statusCode, recall.body).toBe(200);
    expect(recall.json()).toMatchObject({ lot: { recalled: true, recallReason: 'Manufacturer notice 12/2026: possible contamination', recalledBy: c.doctor.userId }, patients: 2 });
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/lots/${lotId}/recall`, payload: { reason: 'again' } })).statusCode).toBe(409);

    const refused = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ decision: 'block' });
    expect(refused.json().findings.map((f: { rule: string }) => f.rule)).toContain('lot-recalled');

    const csv = await c.nurse.call({ method: 'GET', url: `/api/v1/lots/${lotId}/recall-contacts.csv?lang=ru` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="recall-contacts-revita-complex-.+\.csv"$/);
    const bytes = csv.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Фамилия,Имя,Отчество,Дата рождения,Телефон,Эл. почта,Язык,Препарат,Серия,Сеансы (даты),"Получено, мл",Нежелательные явления,Причина отзыва');
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('"Иванова'))).toMatch(/^"Иванова, ""Старшая""",Мария,,\d{4}-\d{2}-\d{2},\+7 925 555-30-41,maria@example\.com,ru,Revita/);
    expect(lines[1]).toMatch(/,Manufacturer notice 12\/2026: possible contamination$/);

    const alerts = (await c.doctor.call({ method: 'GET', url: `/api/v1/alerts?kind=lot-recall&lotId=${lotId}` })).json().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'warning', otherPatients: 2, details: { reason: 'Manufacturer notice 12/2026: possible contamination', patients: 2 } });
    const today = (await c.nurse.call({ method: 'GET', url: '/api/v1/today' })).json();
    expect(today.alerts.map((a: { kind: string }) => a.kind)).toContain('lot-recall');
  });

  it('answers 404 naming the id for a recall of an unknown lot, 400 for bad input, and writes nothing', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const unknown = '01936f7e-0000-7000-8000-000000000000';
    const res = await c.doctor.call({ method: 'POST', url: `/api/v1/lots/${unknown}/recall`, payload: { reason: 'x' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain(unknown);
    expect(paths(res)).toEqual(['params.id']);
    const lotId = c.products['revita-complex']!.lotId;
    for (const payload of [{}, { reason: '' }, { reason: 'x', extra: 1 }, { reason: 5 }]) {
      expect((await c.doctor.call({ method: 'POST', url: `/api/v1/lots/${lotId}/recall`, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/lots/nope/recall', payload: { reason: 'x' } })).statusCode).toBe(400);
    const other = await t.clinic();
    expect((await other.owner.call({ method: 'POST', url: `/api/v1/lots/${lotId}/recall`, payload: { reason: 'x' } })).statusCode).toBe(404);
    expect((await other.owner.call({ method: 'GET', url: `/api/v1/lots/${lotId}/recall-contacts.csv` })).statusCode).toBe(404);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/lots/${lotId}` })).json().recalled).toBe(false);
    expect(await rows(t, c.id, 'alerts')).toBe(0);
  });
});
