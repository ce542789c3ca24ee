import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { clinicalClinic, consentedCourse, sessionBody } from '../../../test/fixtures/clinical.ts';
import { hour, hoursAfter, paths, recordEvent, recordSession, rows } from '../adverse-events/testing.ts';

const t = await setupTestApp();

interface Item {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  overdue: boolean;
  outcome: string | null;
  adverseEvent: { id: string; status: string } | null;
  patient: { id: string; phone: string | null };
  practitionerId: string;
}

describe('follow-ups', () => {
  it('done when: a grade-1 bruise warns the next session, its follow-ups come due, and completing them resolves it', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const { patientId, courseId } = await consentedCourse(c, t.db);
    const lotId = c.products['revita-complex']!.lotId;
    const first = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId, { daysAgo: 8 }) });
    expect(first.statusCode, first.body).toBe(201);
    const session = first.json<{ id: string; performedAt: string }>();
    const bruise = await recordEvent(c.nurse, { sessionId: session.id, type: 'bruising', grade: 1, onset: hoursAfter(new Date(session.performedAt), 2), description: 'Small bruise on the left cheek' });

    // The next session is warned about the open event: a doctor must give a reason to go ahead.
    const next = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId) });
    expect(next.statusCode).toBe(422);
    expect(next.json()).toMatchObject({ decision: 'warn' });
    expect(next.json().findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'open-adverse-event', level: 'warn', facts: expect.objectContaining({ type: 'bruising', grade: 1 }) })]));

    // Due now for the doctor who performed the session: the two post-session checks and the bruise's review.
    const due = await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups?practitionerId=${c.doctor.userId}&dueBefore=${encodeURIComponent(new Date(Date.now() + hour).toISOString())}` });
    expect(due.statusCode, due.body).toBe(200);
    const items = due.json<{ items: Item[] }>().items;
    expect(items.map((i) => i.kind)).toEqual(['post-session', 'post-session', 'adverse-event-review']);
    expect(items.every((i) => i.overdue && i.patient.id === patientId && i.practitionerId === c.doctor.userId)).toBe(true);
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());
    expect((await c.nurse.call({ method: 'GET', url: `/api/v1/follow-ups?practitionerId=${c.nurse.userId}` })).json().items).toEqual([]);

    const check = items[0]!;
    const fine = await c.nurse.call({ method: 'POST', url: `/api/v1/follow-ups/${check.id}/complete`, payload: { findings: 'Bruise fading, otherwise well', outcome: 'as-expected' } });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json()).toMatchObject({ followUp: { status: 'done', outcome: 'as-expected', completedBy: c.nurse.userId }, next: null });

    const review = items[2]!;
    const gone = await c.doctor.call({ method: 'POST', url: `/api/v1/follow-ups/${review.id}/complete`, payload: { findings: 'No bruise left', outcome: 'resolved' } });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().next).toBeNull();
    const event = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${bruise.id}` })).json();
    expect(event).toMatchObject({ status: 'resolved', outcome: 'recovered' });
    expect(event.history.map((h: { action: string }) => h.action)).toEqual(['created', 'follow-up', 'status']);

    // Resolved: the next session goes ahead without a reason.
    const after = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId) });
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json().assessment.findings.map((f: { rule: string }) => f.rule)).not.toContain('open-adverse-event');
  });

  it('makes papules still there at 72 h a complication, monitored and reviewed again in a week', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const s = await recordSession(t, c, { daysAgo: 4 });
    const papules = await recordEvent(c.nurse, { sessionId: s.sessionId, type: 'papules', grade: 1, onset: hoursAfter(s.performedAt, 1), description: 'Papules along the injection lines' });
    expect(papules.expected).toBe(true);
    const [review] = (await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups?adverseEventId=${papules.id}` })).json<{ items: Item[] }>().items;
    expect(review?.overdue).toBe(true);
    const res = await c.doctor.call({ method: 'POST', url: `/api/v1/follow-ups/${review!.id}/complete`, payload: { findings: 'Papules still palpable', outcome: 'unchanged' } });
    expect(res.statusCode, res.body).toBe(200);
    const { next } = res.json<{ next: Item }>();
    expect(next).toMatchObject({ kind: 'adverse-event-review', status: 'open', overdue: false });
    expect(Math.round((Date.parse(next.dueAt) - Date.now()) / hour)).toBe(168);
    const event = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${papules.id}` })).json();
    expect(event).toMatchObject({ status: 'monitoring', expected: false, complicationSince: expect.any(String) });
    expect(event.history.map((h: { action: string }) => h.action)).toEqual(['created', 'follow-up', 'became-complication', 'status']);
  });

  it('opens an adverse event from a post-session check in the same transaction, and nothing when it fails', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const s = await recordSession(t, c, { daysAgo: 4 });
    const [check] = (await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups?patientId=${s.patientId}` })).json<{ items: Item[] }>().items;
    const event = { type: 'erythema', grade: 1, onset: hoursAfter(s.performedAt, 1), description: 'Redness not settled' };
    const bad = await c.nurse.call({ method: 'POST', url: `/api/v1/follow-ups/${check!.id}/complete`, payload: { findings: 'Still red', outcome: 'complication', openAdverseEvent: { ...event, grade: 7 } } });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toContain('body.openAdverseEvent.grade');
    const early = await c.nurse.call({ method: 'POST', url: `/api/v1/follow-ups/${check!.id}/complete`, payload: { findings: 'Still red', outcome: 'complication', openAdverseEvent: { ...event, onset: hoursAfter(s.performedAt, -1) } } });
    expect(paths(early)).toEqual(['body.openAdverseEvent.onset']);
    const missing = await c.nurse.call({ method: 'POST', url: `/api/v1/follow-ups/${check!.id}/complete`, payload: { findings: 'Still red', outcome: 'complication' } });
    expect(paths(missing)).toEqual(['body.openAdverseEvent']);
    expect(await rows(t, c.id, 'adverse_events')).toBe(0);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups/${check!.id}` })).json().status).toBe('open');

    const ok = await c.nurse.call({ method: 'POST', url: `/api/v1/follow-ups/${check!.id}/complete`, payload: { findings: 'Still red', outcome: 'complication', openAdverseEvent: event } });
    expect(ok.statusCode, ok.body).toBe(200);
    const opened = ok.json().openedAdverseEventId;
    expect(ok.json().followUp).toMatchObject({ status: 'done', openedAdverseEventId: opened });
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${opened}` })).json()).toMatchObject({ sessionId: s.sessionId, type: 'erythema' });
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/follow-ups/${check!.id}/complete`, payload: { findings: 'again', outcome: 'as-expected' } })).statusCode).toBe(409);
  });

  it('tries again in a day when the patient is not reached', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const s = await recordSession(t, c, { daysAgo: 4 });
    const [check] = (await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups?patientId=${s.patientId}` })).json<{ items: Item[] }>().items;
    const res = await c.nurse.call({ method: 'POST', url: `/api/v1/follow-ups/${check!.id}/complete`, payload: { findings: 'No answer', outcome: 'not-reached' } });
    expect(res.json().next).toMatchObject({ kind: 'post-session', status: 'open' });
    expect(Math.round((Date.parse(res.json().next.dueAt) - Date.now()) / hour)).toBe(24);
  });

  it('schedules post-session follow-ups at the hours the clinic sets', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const put = await c.owner.call({ method: 'PUT', url: '/api/v1/clinic/safety-settings', payload: { followUpHours: [24, 72, 336] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().effective).toMatchObject({ followUpHours: [24, 72, 336], kitExpiryWarningDays: 30 });
    const s = await recordSession(t, c);
    const items = (await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups?patientId=${s.patientId}` })).json<{ items: Item[] }>().items;
    expect(items.map((i) => (Date.parse(i.dueAt) - s.performedAt.getTime()) / hour)).toEqual([24, 72, 336]);
    expect((await c.doctor.call({ method: 'PUT', url: '/api/v1/clinic/safety-settings', payload: { followUpHours: [24] } })).statusCode).toBe(403);
    const bad = await c.owner.call({ method: 'PUT', url: '/api/v1/clinic/safety-settings', payload: { followUpHours: [0, 24] } });
    expect(bad.statusCode).toBe(400);
    expect((await c.reception.call({ method: 'GET', url: '/api/v1/clinic/safety-settings' })).json().effective.followUpHours).toEqual([24, 72, 336]);
  });

  it('reassigns and reschedules an open follow-up; refuses bad input and other clinics', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const s = await recordSession(t, c, { daysAgo: 1 });
    const [f] = (await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups?patientId=${s.patientId}` })).json<{ items: Item[] }>().items;
    const moved = await c.doctor.call({ method: 'PATCH', url: `/api/v1/follow-ups/${f!.id}`, payload: { assignedTo: c.nurse.userId, dueAt: hoursAfter(new Date(), 5) } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ assignedTo: c.nurse.userId, practitionerId: c.nurse.userId });
    expect((await c.nurse.call({ method: 'GET', url: `/api/v1/follow-ups?practitionerId=${c.nurse.userId}` })).json().items.map((i: Item) => i.id)).toEqual([f!.id]);
    const reception = await c.doctor.call({ method: 'PATCH', url: `/api/v1/follow-ups/${f!.id}`, payload: { assignedTo: c.reception.userId } });
    expect(reception.statusCode).toBe(404);
    expect(paths(reception)).toEqual(['body.assignedTo']);
    for (const payload of [{}, { dueAt: 'tomorrow' }, { assignedTo: 'x' }, { status: 'done' }]) {
      expect((await c.doctor.call({ method: 'PATCH', url: `/api/v1/follow-ups/${f!.id}`, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const payload of [{ findings: 'x' }, { findings: '', outcome: 'as-expected' }, { findings: 'x', outcome: 'resolved' }, { findings: 'x', outcome: 'as-expected', eventOutcome: 'fatal' }]) {
      const res = await c.doctor.call({ method: 'POST', url: `/api/v1/follow-ups/${f!.id}/complete`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/follow-ups?dueBefore=yesterday' })).statusCode).toBe(400);
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/follow-ups/123' })).statusCode).toBe(400);
    const other = await t.clinic();
    expect((await other.doctor.call({ method: 'GET', url: `/api/v1/follow-ups/${f!.id}` })).statusCode).toBe(404);
    expect((await other.doctor.call({ method: 'POST', url: `/api/v1/follow-ups/${f!.id}/complete`, payload: { findings: 'x', outcome: 'as-expected' } })).statusCode).toBe(404);
    expect((await other.doctor.call({ method: 'GET', url: '/api/v1/follow-ups' })).json().items).toEqual([]);
    expect((await c.reception.call({ method: 'GET', url: '/api/v1/follow-ups' })).statusCode).toBe(403);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/follow-ups/${f!.id}` })).json()).toMatchObject({ status: 'open', outcome: null });
  });
});
