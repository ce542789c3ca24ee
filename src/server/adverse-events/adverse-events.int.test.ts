import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { clinicalClinic, consentedCourse, countRows, sessionBody } from '../../../test/fixtures/clinical.ts';

const t = await setupTestApp();

async function sessionOf(daysAgo = 2) {
  const c = await clinicalClinic(t, ['revita-complex']);
  const { patientId, courseId } = await consentedCourse(c, t.db);
  const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId, { daysAgo }) });
  expect(res.statusCode, res.body).toBe(201);
  const s = res.json<{ id: string; performedAt: string }>();
  return { c, patientId, sessionId: s.id, performedAt: new Date(s.performedAt) };
}

const hoursAfter = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000).toISOString();

describe('adverse events', () => {
  it('records an event of a session, for the patient of the session, and lists it', async () => {
    const { c, patientId, sessionId, performedAt } = await sessionOf();
    const res = await c.nurse.call({
      method: 'POST',
      url: '/api/v1/adverse-events',
      payload: { sessionId, type: 'papules', grade: 2, onset: hoursAfter(performedAt, 1), description: 'Papules on both cheeks', area: 'face', expected: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ patientId, sessionId, type: 'papules', grade: 2, status: 'open', reportedBy: c.nurse.userId });
    const list = await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events?patientId=${patientId}` });
    expect(list.json<{ items: { id: string }[] }>().items.map((e) => e.id)).toEqual([res.json<{ id: string }>().id]);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${res.json<{ id: string }>().id}` })).statusCode).toBe(200);
  });

  it.each([
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 6, onset: hoursAfter(at, 1), description: 'x' }), 'body.grade'],
    [(s: string, at: Date) => ({ sessionId: s, type: 'sunburn', grade: 1, onset: hoursAfter(at, 1), description: 'x' }), 'body.type'],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, -2), description: 'x' }), 'body.onset'],
    [(s: string) => ({ sessionId: s, type: 'bruising', grade: 1, onset: '2099-01-01T00:00:00Z', description: 'x' }), 'body.onset'],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: '' }), 'body.description'],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1) }), 'body.description'],
    [(_s: string, at: Date) => ({ sessionId: 'nope', type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: 'x' }), 'body.sessionId'],
  ])('refuses bad input %# naming %s, and writes nothing', async (make, path) => {
    const { c, sessionId, performedAt } = await sessionOf();
    const res = await c.nurse.call({ method: 'POST', url: '/api/v1/adverse-events', payload: make(sessionId, performedAt) });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t.db, c.id, 'adverse_events')).toBe(0);
  });

  it("answers 404 for another clinic's session or event, and keeps reception out", async () => {
    const a = await sessionOf();
    const b = await t.clinic();
    const payload = { sessionId: a.sessionId, type: 'bruising', grade: 1, onset: hoursAfter(a.performedAt, 1), description: 'x' };
    const res = await b.nurse.call({ method: 'POST', url: '/api/v1/adverse-events', payload });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].path).toBe('body.sessionId');
    expect(await countRows(t.db, b.id, 'adverse_events')).toBe(0);
    expect((await a.c.reception.call({ method: 'POST', url: '/api/v1/adverse-events', payload })).statusCode).toBe(403);
    const mine = (await a.c.nurse.call({ method: 'POST', url: '/api/v1/adverse-events', payload })).json<{ id: string }>();
    expect((await b.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${mine.id}` })).statusCode).toBe(404);
  });
});
