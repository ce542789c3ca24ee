import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { addLot, clinicalClinic, newPatient, sessionBody, signedConsent, waiveBaselinePhotos } from '../../../test/fixtures/clinical.ts';
import { hoursAfter, pdfToText, recordEvent, recordSession } from '../adverse-events/testing.ts';

const t = await setupTestApp();

const period = (from: number, to: number) => {
  const d = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return `from=${d(from)}&to=${d(to)}`;
};

describe('pharmacovigilance report', () => {
  it('counts events per 100 sessions by lot, product, practitioner, technique and area, with the sessions as denominators', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const second = await addLot(t.db, c.id, c.products['revita-complex']!.id, { lotNumber: 'B-2' });
    const a = await recordSession(t, c, { daysAgo: 12 });
    await recordSession(t, c, { daysAgo: 9 });
    await recordSession(t, c, { daysAgo: 8 });
    const d = await recordSession(t, c, { daysAgo: 7, lotId: second });
    await recordEvent(c.doctor, { sessionId: a.sessionId, type: 'bruising', grade: 1, onset: hoursAfter(a.performedAt, 2), description: 'Bruise' });
    await recordEvent(c.doctor, { sessionId: a.sessionId, type: 'nodule', grade: 3, onset: hoursAfter(a.performedAt, 48), description: 'Nodule', area: 'neck' });
    await recordEvent(c.doctor, { sessionId: d.sessionId, type: 'edema', grade: 1, onset: hoursAfter(d.performedAt, 1), description: 'Swelling' });

    const byLot = await c.owner.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-30, 0)}&groupBy=lot` });
    expect(byLot.statusCode, byLot.body).toBe(200);
    const r = byLot.json();
    expect(r.totals).toMatchObject({ sessions: 4, events: 3, seriousEvents: 1, ratePer100: 75 });
    expect(r.items.map((g: { label: string; sessions: number; events: number; ratePer100: number }) => [g.label.split(' ')[1], g.sessions, g.events, g.ratePer100])).toEqual([
      [expect.stringMatching(/^L-/), 3, 2, 66.67],
      ['B-2', 1, 1, 100],
    ]);
    expect(r.items[0].byType).toEqual({ bruising: 1, nodule: 1 });
    expect(r.items[0].byGrade).toMatchObject({ '1': 1, '3': 1 });

    const byArea = (await c.doctor.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-30, 0)}&groupBy=area&lang=ru` })).json();
    expect(byArea.items.map((g: { key: string; label: string; sessions: number; events: number }) => [g.key, g.label, g.sessions, g.events])).toEqual([
      ['face', 'Лицо', 4, 2],
      ['neck', 'Шея', 0, 1],
    ]);
    const byPractitioner = (await c.doctor.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-30, 0)}&groupBy=practitioner` })).json();
    expect(byPractitioner.items).toEqual([expect.objectContaining({ key: c.doctor.userId, label: 'Test doctor', sessions: 4, events: 3 })]);
    const byProduct = (await c.doctor.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-30, 0)}&groupBy=product` })).json();
    expect(byProduct.items).toEqual([expect.objectContaining({ key: c.products['revita-complex']!.id, sessions: 4, events: 3, ratePer100: 75 })]);
    const byTechnique = (await c.doctor.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-30, 0)}&groupBy=technique` })).json();
    expect(byTechnique.items).toEqual([expect.objectContaining({ key: 'manual', sessions: 4 })]);
    // A period with the first session left out.
    const later = (await c.doctor.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-9, 0)}&groupBy=lot` })).json();
    expect(later.totals).toMatchObject({ sessions: 3, events: 1 });

    const csv = await c.owner.call({ method: 'GET', url: `/api/v1/reports/adverse-events.csv?${period(-30, 0)}&groupBy=area&lang=ru` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Зона,Ключ,Сеансов,Нежелательных явлений,Серьёзных,Явлений на 100 сеансов,Степень 1,Степень 2,Степень 3,Степень 4,Степень 5',
      'Лицо,face,4,2,0,50,2,0,0,0,0',
      'Шея,neck,0,1,1,,0,0,1,0,0',
      'Всего,,4,3,1,75,2,0,1,0,0',
    ]);
  });

  it('refuses bad periods and groupings, and keeps nurses and reception out', async () => {
    const c = await t.clinic();
    for (const q of [`${period(0, -5)}&groupBy=lot`, `${period(-5, 0)}&groupBy=colour`, 'groupBy=lot', `${period(-2000, 0)}&groupBy=lot`, `from=2026-02-30&to=2026-03-01&groupBy=lot`]) {
      expect((await c.owner.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${q}` })).statusCode, q).toBe(400);
    }
    expect((await c.nurse.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-5, 0)}&groupBy=lot` })).statusCode).toBe(403);
    expect((await c.reception.call({ method: 'GET', url: `/api/v1/reports/adverse-events.csv?${period(-5, 0)}&groupBy=lot` })).statusCode).toBe(403);
    const empty = (await c.owner.call({ method: 'GET', url: `/api/v1/reports/adverse-events?${period(-5, 0)}&groupBy=lot` })).json();
    expect(empty).toMatchObject({ totals: { sessions: 0, events: 0, ratePer100: null }, items: [] });
  });
});

describe('regulator report of one event', () => {
  it('prefills initials, age, sex, products with lot, expiry and manufacturer, dates, reaction, seriousness, treatment, outcome and reporter — as JSON and PDF', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const patientId = await newPatient(c.reception, { familyName: 'Павлова', givenName: 'Екатерина', patronymic: 'Андреевна', birthDate: '1984-05-30' });
    const course = await c.doctor.call({ method: 'POST', url: '/api/v1/courses', payload: { patientId, indications: ['age-changes'], areas: ['face'], technique: 'manual', depthMm: 2, components: [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }], plannedSessions: 6, intervalDays: 7, expectedResults: 'x', postCare: 'y' } });
    const courseId = course.json<{ id: string }>().id;
    await signedConsent(t.db, c, { courseId, patientId, productCodes: ['revita-complex'], sessions: 6 });
    await waiveBaselinePhotos(t.db, c, courseId);
    const s = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId, { daysAgo: 3 }) });
    const session = s.json<{ id: string; performedAt: string }>();
    const at = new Date(session.performedAt);
    const event = await recordEvent(c.nurse, {
      sessionId: session.id,
      type: 'allergic-local',
      grade: 2,
      onset: hoursAfter(at, 3),
      description: 'Крапивница на шее и лице',
      area: 'face',
      treatments: [{ drug: 'Хлоропирамин 2%', dose: '1 мл', route: 'im', at: hoursAfter(at, 4) }],
      seriousness: ['medically-important'],
    });
    await c.doctor.call({ method: 'POST', url: `/api/v1/adverse-events/${event.id}/transitions`, payload: { to: 'resolved', outcome: 'recovered' } });

    const res = await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}/report?lang=ru` });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      language: 'ru',
      patient: { initials: 'П.Е.А.', sex: 'female', sexLabel: 'Женский' },
      products: [{ code: 'revita-complex', lotNumber: expect.stringMatching(/^L-/), expiresOn: expect.any(String), volumeMl: 2 }],
      administration: { date: expect.any(String), techniqueLabel: expect.any(String), areas: ['face'] },
      reaction: { type: 'allergic-local', grade: 2, description: 'Крапивница на шее и лице' },
      seriousness: { serious: true, criteria: [{ code: 'medically-important' }] },
      treatment: [{ drug: 'Хлоропирамин 2%', dose: '1 мл', route: 'Внутримышечно' }],
      outcome: { status: 'resolved', code: 'recovered', label: 'Выздоровление' },
      reporter: { name: 'Test nurse', role: 'Медицинская сестра' },
    });
    expect(r.patient.ageYears).toBeGreaterThanOrEqual(41);
    expect(r.products[0].manufacturer).toBeTruthy();

    const pdf = await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}/report.pdf?lang=ru` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfToText(pdf.rawPayload);
    for (const expected of ['Извещение о нежелательной реакции', 'П.Е.А.', 'Женский', r.products[0].lotNumber, 'Крапивница на шее и лице', 'Хлоропирамин 2%', 'Выздоровление', 'Test nurse', 'Медицинская сестра']) {
      expect(text, expected).toContain(expected);
    }
    const en = pdfToText((await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}/report.pdf?lang=en` })).rawPayload);
    expect(en).toContain('Adverse drug reaction report');
    expect(en).toContain('Recovered');
    expect((await c.reception.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}/report.pdf` })).statusCode).toBe(403);
    expect((await (await t.clinic()).doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}/report.pdf` })).statusCode).toBe(404);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}/report?lang=de` })).statusCode).toBe(400);
  });
});
