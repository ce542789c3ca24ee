import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { clinicalClinic } from '../../../test/fixtures/clinical.ts';
import { recordAdverseEventIn } from './service.ts';
import { hoursAfter, paths, recordEvent, recordSession, rows } from './testing.ts';

const t = await setupTestApp();

async function sessionOf(daysAgo = 2) {
  const c = await clinicalClinic(t, ['revita-complex']);
  const s = await recordSession(t, c, { daysAgo });
  return { c, ...s };
}

describe('adverse events', () => {
  it('records an event of a session with its lots, products, first follow-up and history, and lists it', async () => {
    const { c, patientId, sessionId, performedAt } = await sessionOf();
    const event = await recordEvent(c.nurse, { sessionId, type: 'papules', grade: 2, onset: hoursAfter(performedAt, 1), description: 'Papules on both cheeks', area: 'face' });
    expect(event).toMatchObject({
      patientId,
      sessionId,
      type: 'papules',
      grade: 2,
      status: 'open',
      expected: true,
      source: 'clinician',
      reportedBy: c.nurse.userId,
      serious: false,
      daysAfterSession: 0,
      lots: [{ lotId: c.products['revita-complex']!.lotId, productCode: 'revita-complex', volumeMl: 2 }],
    });
    const list = await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events?patientId=${patientId}` });
    expect(list.json<{ items: { id: string }[] }>().items.map((e) => e.id)).toEqual([event.id]);
    const detail = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}` })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['created']);
    // Papules are checked 72 h after the session.
    expect(detail.followUps).toHaveLength(1);
    expect((Date.parse(detail.followUps[0].dueAt) - performedAt.getTime()) / 3_600_000).toBe(72);
    expect(detail.followUps[0]).toMatchObject({ kind: 'adverse-event-review', purpose: { en: expect.stringContaining('72 h') } });
  });

  it('records an anaphylaxis with each adrenaline dose and its time, the call, position and outcome', async () => {
    const { c, sessionId, performedAt } = await sessionOf(1);
    const onset = hoursAfter(performedAt, 0.05);
    const event = await recordEvent(c.doctor, {
      sessionId,
      type: 'anaphylaxis',
      grade: 4,
      onset,
      description: 'Hives, wheeze and falling blood pressure minutes after the injections',
      seriousness: ['life-threatening'],
      anaphylaxis: { adrenalineDoses: [{ at: hoursAfter(performedAt, 0.1) }], emergencyCalled: true, emergencyCalledAt: hoursAfter(performedAt, 0.1), position: 'supine-legs-raised' },
      treatments: [{ drug: 'Chloropyramine 2%', dose: '1 ml', route: 'im', at: hoursAfter(performedAt, 0.2) }],
    });
    expect(event.anaphylaxis).toMatchObject({ adrenalineDoses: [{ doseMg: 0.5, site: 'anterolateral-thigh' }], totalAdrenalineMg: 0.5, emergencyCalled: true });
    expect(Date.parse((event.anaphylaxis as { nextDoseFrom: string }).nextDoseFrom)).toBe(performedAt.getTime() + 0.1 * 3_600_000 + 5 * 60_000);
    expect(event.serious).toBe(true);
    const second = await c.doctor.call({ method: 'POST', url: `/api/v1/adverse-events/${event.id}/adrenaline-doses`, payload: { at: hoursAfter(performedAt, 0.1 + 5 / 60) } });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().anaphylaxis.adrenalineDoses).toHaveLength(2);
    expect(second.json().anaphylaxis.totalAdrenalineMg).toBe(1);
    const done = await c.doctor.call({ method: 'PATCH', url: `/api/v1/adverse-events/${event.id}`, payload: { anaphylaxis: { ...second.json().anaphylaxis, totalAdrenalineMg: undefined, nextDoseFrom: undefined, outcome: 'recovered-on-site' } } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().anaphylaxis.nextDoseFrom).toBeNull();
    // Anaphylaxis: a call the next day.
    const detail = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}` })).json();
    expect(detail.followUps.map((f: { kind: string }) => f.kind)).toEqual(['adverse-event-call']);
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['created', 'adrenaline-dose-added', 'updated']);
  });

  it('records a vasovagal reaction with position, atropine and readings', async () => {
    const { c, sessionId, performedAt } = await sessionOf(1);
    const event = await recordEvent(c.nurse, {
      sessionId,
      type: 'vagal',
      grade: 2,
      onset: hoursAfter(performedAt, 0.01),
      description: 'Pale, sweating, pulse 44',
      vagal: { laidFlat: true, legsRaised: true, positionedAt: hoursAfter(performedAt, 0.02), atropine: { given: true, doseMg: 0.5, route: 'iv', at: hoursAfter(performedAt, 0.05) }, readings: [{ at: hoursAfter(performedAt, 0.03), systolic: 85, diastolic: 50, pulse: 44 }] },
    });
    const more = await c.nurse.call({ method: 'POST', url: `/api/v1/adverse-events/${event.id}/vitals`, payload: { at: hoursAfter(performedAt, 0.2), systolic: 110, diastolic: 70, pulse: 68 } });
    expect(more.statusCode, more.body).toBe(201);
    expect(more.json().vagal.readings.map((r: { pulse: number }) => r.pulse)).toEqual([44, 68]);
    const wrong = await c.nurse.call({ method: 'POST', url: `/api/v1/adverse-events/${event.id}/adrenaline-doses`, payload: { at: hoursAfter(performedAt, 0.2) } });
    expect(wrong.statusCode).toBe(400);
  });

  it('moves through open → monitoring → resolved with an outcome, closing its follow-ups, and reopens', async () => {
    const { c, sessionId, performedAt } = await sessionOf();
    const event = await recordEvent(c.doctor, { sessionId, type: 'edema', grade: 1, onset: hoursAfter(performedAt, 2), description: 'Swelling of the lower eyelids' });
    const go = (payload: Record<string, unknown>) => c.doctor.call({ method: 'POST', url: `/api/v1/adverse-events/${event.id}/transitions`, payload });
    expect((await go({ to: 'monitoring' })).json().status).toBe('monitoring');
    const noOutcome = await go({ to: 'resolved' });
    expect(noOutcome.statusCode).toBe(400);
    expect(paths(noOutcome)).toEqual(['body.outcome']);
    const resolved = await go({ to: 'resolved', outcome: 'recovered-with-sequelae', note: 'Slight sagging remains' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', outcome: 'recovered-with-sequelae', resolutionNote: 'Slight sagging remains' });
    let detail = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}` })).json();
    expect(detail.followUps.map((f: { status: string }) => f.status)).toEqual(['cancelled']);
    expect((await go({ to: 'monitoring' })).statusCode).toBe(409);
    const fatal = await go({ to: 'open', note: 'Swelling back' });
    expect(fatal.json()).toMatchObject({ status: 'open', outcome: null, resolvedAt: null });
    detail = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}` })).json();
    expect(detail.followUps.map((f: { status: string }) => f.status).sort()).toEqual(['cancelled', 'open']);
    expect(detail.history.filter((h: { action: string }) => h.action === 'status').map((h: { toStatus: string }) => h.toStatus)).toEqual(['monitoring', 'resolved', 'open']);
    expect((await go({ to: 'resolved', outcome: 'fatal' })).statusCode).toBe(400);
  });

  it('changes fields with PATCH, keeps the before and after in the history, and refuses a change that breaks the record', async () => {
    const { c, sessionId, performedAt } = await sessionOf();
    const event = await recordEvent(c.doctor, {
      sessionId,
      type: 'bruising',
      grade: 1,
      onset: hoursAfter(performedAt, 1),
      description: 'Small bruise',
      treatments: [{ drug: 'Cold compress', dose: '10 min', route: 'topical', at: hoursAfter(performedAt, 1.5) }],
    });
    const res = await c.doctor.call({ method: 'PATCH', url: `/api/v1/adverse-events/${event.id}`, payload: { grade: 2, description: 'Bruise 3 cm', note: 'Measured' } });
    expect(res.json()).toMatchObject({ grade: 2, description: 'Bruise 3 cm' });
    const detail = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}` })).json();
    expect(detail.history[1]).toMatchObject({ action: 'updated', note: 'Measured', changes: { grade: { before: 1, after: 2 } } });
    // Moving the onset after a treatment already recorded blames the onset.
    const late = await c.doctor.call({ method: 'PATCH', url: `/api/v1/adverse-events/${event.id}`, payload: { onset: hoursAfter(performedAt, 3) } });
    expect(late.statusCode).toBe(400);
    expect(paths(late)).toEqual(['body.onset']);
    for (const payload of [{}, { note: 'nothing else' }, { status: 'resolved' }, { grade: 9 }]) {
      expect((await c.doctor.call({ method: 'PATCH', url: `/api/v1/adverse-events/${event.id}`, payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await rows(t, c.id, 'adverse_event_history')).toBe(2);
  });

  it('answers the vocabulary: what each grade means, each type’s follow-up rule, in English and Russian', async () => {
    const c = await t.clinic();
    const v = (await c.nurse.call({ method: 'GET', url: '/api/v1/adverse-events/vocabulary' })).json();
    expect(v.grades).toHaveLength(5);
    expect(v.grades[2]).toMatchObject({ grade: 3, en: 'Severe', meaning: { ru: expect.stringContaining('госпитализация') } });
    expect(v.types.find((x: { code: string }) => x.code === 'abscess')).toMatchObject({ ru: 'Абсцесс', atypicalInfectionSuspect: true });
    expect(v.types.find((x: { code: string }) => x.code === 'anaphylaxis')).toMatchObject({ checklist: 'anaphylaxis', followUp: { afterHours: 24 } });
    expect(v.outcomes.map((o: { code: string }) => o.code)).toEqual(['recovered', 'recovered-with-sequelae', 'ongoing', 'fatal', 'unknown']);
    expect((await c.reception.call({ method: 'GET', url: '/api/v1/adverse-events/vocabulary' })).statusCode).toBe(403);
  });

  it.each([
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 6, onset: hoursAfter(at, 1), description: 'x' }), 'body.grade', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 0, onset: hoursAfter(at, 1), description: 'x' }), 'body.grade', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1.5, onset: hoursAfter(at, 1), description: 'x' }), 'body.grade', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'sunburn', grade: 1, onset: hoursAfter(at, 1), description: 'x' }), 'body.type', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, -2), description: 'x' }), 'body.onset', 400],
    [(s: string) => ({ sessionId: s, type: 'bruising', grade: 1, onset: '2099-01-01T00:00:00Z', description: 'x' }), 'body.onset', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: '' }), 'body.description', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1) }), 'body.description', 400],
    [(_s: string, at: Date) => ({ sessionId: 'nope', type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: 'x' }), 'body.sessionId', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: 'x', colour: 'blue' }), 'body.colour', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: 'x', seriousness: ['death', 'death'] }), 'body.seriousness', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 2), description: 'x', treatments: [{ drug: 'Ice', dose: '1', route: 'topical', at: hoursAfter(at, 1) }] }), 'body.treatments[0].at', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: 'x', treatments: [{ drug: 'Ice', dose: '1', route: 'nasal', at: hoursAfter(at, 1) }] }), 'body.treatments[0].route', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'bruising', grade: 1, onset: hoursAfter(at, 1), description: 'x', anaphylaxis: { adrenalineDoses: [] } }), 'body.anaphylaxis', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'anaphylaxis', grade: 4, onset: hoursAfter(at, 1), description: 'x', anaphylaxis: { adrenalineDoses: [{ at: hoursAfter(at, 1), doseMg: 5 }] } }), 'body.anaphylaxis.adrenalineDoses[0].doseMg', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'anaphylaxis', grade: 4, onset: hoursAfter(at, 1), description: 'x', anaphylaxis: { adrenalineDoses: [{ at: hoursAfter(at, 0.5) }] } }), 'body.anaphylaxis.adrenalineDoses[0].at', 400],
    [(s: string, at: Date) => ({ sessionId: s, type: 'vagal', grade: 2, onset: hoursAfter(at, 1), description: 'x', vagal: { atropine: { given: true } } }), 'body.vagal.atropine.doseMg', 400],
  ])('refuses bad input %# naming %s, and writes nothing', async (make, path, status) => {
    const { c, sessionId, performedAt } = await sessionOf();
    const followUps = await rows(t, c.id, 'follow_ups');
    const res = await c.nurse.call({ method: 'POST', url: '/api/v1/adverse-events', payload: make(sessionId, performedAt) });
    expect(res.statusCode, res.body).toBe(status);
    expect(paths(res).some((p) => p === path || p.startsWith(`${path}.`)), res.body).toBe(true);
    expect(await rows(t, c.id, 'adverse_events')).toBe(0);
    expect(await rows(t, c.id, 'follow_ups')).toBe(followUps);
  });

  it("answers 404 for another clinic's session or event, 400 for a non-UUID id, and keeps reception out", async () => {
    const a = await sessionOf();
    const b = await t.clinic();
    const payload = { sessionId: a.sessionId, type: 'bruising', grade: 1, onset: hoursAfter(a.performedAt, 1), description: 'x' };
    const res = await b.nurse.call({ method: 'POST', url: '/api/v1/adverse-events', payload });
    expect(res.statusCode).toBe(404);
    expect(paths(res)).toEqual(['body.sessionId']);
    expect(await rows(t, b.id, 'adverse_events')).toBe(0);
    expect((await a.c.reception.call({ method: 'POST', url: '/api/v1/adverse-events', payload })).statusCode).toBe(403);
    expect((await a.c.reception.call({ method: 'GET', url: '/api/v1/adverse-events' })).statusCode).toBe(403);
    const mine = await recordEvent(a.c.nurse, payload);
    for (const [method, url, body] of [
      ['GET', `/api/v1/adverse-events/${mine.id}`, undefined],
      ['PATCH', `/api/v1/adverse-events/${mine.id}`, { grade: 2 }],
      ['POST', `/api/v1/adverse-events/${mine.id}/transitions`, { to: 'monitoring' }],
      ['POST', `/api/v1/adverse-events/${mine.id}/treatments`, { drug: 'Ice', dose: '1', route: 'topical', at: hoursAfter(a.performedAt, 2) }],
      ['GET', `/api/v1/adverse-events/${mine.id}/report`, undefined],
    ] as const) {
      expect((await b.doctor.call({ method, url, payload: body })).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await a.c.doctor.call({ method: 'GET', url: '/api/v1/adverse-events/not-a-uuid' })).statusCode).toBe(400);
    const after = (await a.c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${mine.id}` })).json();
    expect(after).toMatchObject({ grade: 1, status: 'open', treatments: [] });
  });
});

describe('reported by the patient (the portal, later)', () => {
  it('records her event with no user behind it, and a call back due at once beside the type’s follow-up', async () => {
    const { c, patientId, sessionId, performedAt } = await sessionOf(3);
    const event = await t.db.tx({ clinicId: c.id }, (q) =>
      recordAdverseEventIn(q, { kind: 'patient-portal', clinicId: c.id, patientId, ip: '203.0.113.9' }, { sessionId, type: 'edema', grade: 1, onset: hoursAfter(performedAt, 20), description: 'Eyelids still swollen' }),
    );
    expect(event).toMatchObject({ source: 'patient-portal', reportedBy: null, patientId });
    const detail = (await c.doctor.call({ method: 'GET', url: `/api/v1/adverse-events/${event.id}` })).json();
    expect(detail.followUps.map((f: { kind: string }) => f.kind).sort()).toEqual(['adverse-event-review', 'patient-report']);
    const audit = await t.db.tx({ clinicId: c.id }, (q) => q.query("SELECT actor_user_id, actor_role FROM audit_events WHERE clinic_id = $1 AND action = 'adverse-event.create'", [c.id]));
    expect(audit.rows).toEqual([{ actor_user_id: null, actor_role: 'patient' }]);
    // Another patient's session is not hers to report on.
    const other = await recordSession(t, c);
    await expect(
      t.db.tx({ clinicId: c.id }, (q) => recordAdverseEventIn(q, { kind: 'patient-portal', clinicId: c.id, patientId, ip: null }, { sessionId: other.sessionId, type: 'edema', grade: 1, onset: new Date().toISOString(), description: 'x' })),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('the API document', () => {
  it('describes the adverse-event, follow-up, recall, report, kit and day-list routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    for (const path of ['/api/v1/adverse-events/{id}/transitions', '/api/v1/follow-ups/{id}/complete', '/api/v1/lots/{id}/recall', '/api/v1/reports/adverse-events', '/api/v1/emergency-kit/checks', '/api/v1/today']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
