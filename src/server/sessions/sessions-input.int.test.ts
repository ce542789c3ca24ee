import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { clinicalClinic, consentedCourse, countRows, sessionBody, stockOf } from '../../../test/fixtures/clinical.ts';

const t = await setupTestApp();

interface Session {
  id: string;
}
interface Refusal {
  type: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe('bad session input', () => {
  it.each([
    [{ lots: [{ volumeMl: 0 }] }, 'body.lots[0].volumeMl'],
    [{ areas: [{ area: 'face', volumeMl: 0 }] }, 'body.areas[0].volumeMl'],
    [{ depthMm: -2 }, 'body.depthMm'],
    [{ depthMm: 'deep' }, 'body.depthMm'],
    [{ performedAt: 'yesterday' }, 'body.performedAt'],
    [{ courseId: 'abc' }, 'body.courseId'],
    [{ areas: [{ area: 'elbow', volumeMl: 1 }] }, 'body.areas[0].area'],
    [{ technique: 'laser' }, 'body.technique'],
    [{ injectionPoints: [{ area: 'face', x: 1.5, y: 0.2 }] }, 'body.injectionPoints[0].x'],
    [{ injectionPoints: [{ area: 'neck', x: 0.5, y: 0.2 }] }, 'body.injectionPoints[0].area'],
    [{ needle: { gauge: 18, lengthMm: 4 } }, 'body.needle.gauge'],
    [{ extra: true }, 'body.extra'],
  ])('refuses %j naming %s, and writes nothing', async (overrides, path) => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const { courseId } = await consentedCourse(c, t.db);
    const lotId = c.products['revita-complex']!.lotId;
    const base = sessionBody(courseId, lotId);
    const payload = { ...base, ...overrides, ...('lots' in overrides ? { lots: [{ lotId, volumeMl: 0 }] } : {}) };
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<Refusal>().errors?.map((e) => e.path)).toContain(path);
    expect(await countRows(t.db, c.id, 'sessions')).toBe(0);
    expect(await stockOf(t.db, c.id, lotId)).toBe(100);
  });

  it('refuses a session date in the far future, naming performedAt', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const { courseId } = await consentedCourse(c, t.db);
    const lotId = c.products['revita-complex']!.lotId;
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: { ...sessionBody(courseId, lotId), performedAt: '2099-01-01T10:00:00Z' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<Refusal>().errors?.[0]?.path).toBe('body.performedAt');
    expect(await countRows(t.db, c.id, 'sessions')).toBe(0);
    expect(await stockOf(t.db, c.id, lotId)).toBe(100);
  });

  it("answers 404 naming the field for another clinic's course or lot and a course that does not exist; 422 for a lot of another product", async () => {
    const a = await clinicalClinic(t, ['revita-complex', 'hyalo-nx-15']);
    const b = await clinicalClinic(t, ['revita-complex']);
    const mine = await consentedCourse(a, t.db);
    const theirs = await consentedCourse(b, t.db);
    const myLot = a.products['revita-complex']!.lotId;
    const theirLot = b.products['revita-complex']!.lotId;
    const movementsBefore = await countRows(t.db, a.id, 'stock_movements');
    const cases: [Record<string, unknown>, number, string][] = [
      [sessionBody(theirs.courseId, myLot), 404, 'body.courseId'],
      [sessionBody('0190a8a0-0000-7000-8000-000000000000', myLot), 404, 'body.courseId'],
      [sessionBody(mine.courseId, theirLot), 404, 'body.lots[0].lotId'],
      [sessionBody(mine.courseId, a.products['hyalo-nx-15']!.lotId), 422, 'body.lots[0].lotId'],
    ];
    for (const [payload, status, path] of cases) {
      const res = await a.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload });
      expect(res.statusCode, path).toBe(status);
      expect(res.json<Refusal>().errors?.[0]?.path).toBe(path);
    }
    expect(await countRows(t.db, a.id, 'sessions')).toBe(0);
    expect(await countRows(t.db, b.id, 'sessions')).toBe(0);
    expect(await stockOf(t.db, a.id, myLot)).toBe(100);
    expect(await stockOf(t.db, b.id, theirLot)).toBe(100);
    expect(await countRows(t.db, a.id, 'stock_movements')).toBe(movementsBefore);
  });

  it("answers 404 for another clinic's session, and 400 for a non-UUID id", async () => {
    const a = await clinicalClinic(t, ['revita-complex']);
    const b = await t.clinic();
    const { courseId } = await consentedCourse(a, t.db);
    const s = (await a.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, a.products['revita-complex']!.lotId) })).json<Session>();
    expect((await b.doctor.call({ method: 'GET', url: `/api/v1/sessions/${s.id}` })).statusCode).toBe(404);
    expect((await b.doctor.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/sign` })).statusCode).toBe(404);
    expect((await b.doctor.call({ method: 'PATCH', url: `/api/v1/sessions/${s.id}`, payload: { notes: 'x' } })).statusCode).toBe(404);
    expect((await b.doctor.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/amendments`, payload: { reason: 'x', changes: { notes: 'y' } } })).statusCode).toBe(404);
    expect((await a.doctor.call({ method: 'GET', url: '/api/v1/sessions/123' })).statusCode).toBe(400);
    expect((await a.reception.call({ method: 'GET', url: `/api/v1/sessions/${s.id}` })).statusCode).toBe(403);
    expect((await b.doctor.call({ method: 'GET', url: `/api/v1/sessions?courseId=${courseId}` })).statusCode).toBe(404);
    expect((await a.doctor.call({ method: 'GET', url: '/api/v1/sessions' })).statusCode).toBe(400);
  });
});
