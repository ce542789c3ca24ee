import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { clinicalClinic, consentedCourse, newPatient, sessionBody, type ClinicalClinic } from '../../../test/fixtures/clinical.ts';

const t = await setupTestApp();

interface Chart {
  patient: { id: string };
  history: { conditions: { code: string }[]; allergies: { substance: string | null }[]; weight: { weightKg: number } | null };
  courses: { id: string; status: string; sessionsDone: number; sessions: { id: string; number: number; signedAt: string | null; overrideReason: string | null }[] }[];
  consents: { courseId: string; status: string; productCodes: string[] }[];
  photos: unknown[];
  adverseEvents: { type: string; grade: number; status: string }[];
  followUps: { sessionId: string; dueAt: string; overdue: boolean }[];
}

/** A patient with `sessions` sessions (one a week, backwards from today) on a consented course. */
async function patientWithSessions(c: ClinicalClinic, sessions: number): Promise<{ patientId: string; courseId: string; sessionIds: string[] }> {
  const { patientId, courseId } = await consentedCourse(c, t.db, 'revita-complex', { plannedSessions: 10 });
  const sessionIds: string[] = [];
  for (let i = sessions; i >= 1; i--) {
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId, { daysAgo: i * 7 }) });
    expect(res.statusCode, res.body).toBe(201);
    sessionIds.push(res.json<{ id: string }>().id);
  }
  return { patientId, courseId, sessionIds };
}

describe('the chart', () => {
  it('shows in one answer the patient, history, courses with sessions, consents, open adverse events and due follow-ups', async () => {
    const c = await clinicalClinic(t);
    const { patientId, courseId, sessionIds } = await patientWithSessions(c, 2);
    await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'anticoagulants' } });
    await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/allergies`, payload: { substance: 'lidocaine' } });
    await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/weight`, payload: { weightKg: 58 } });
    await c.doctor.call({ method: 'POST', url: `/api/v1/sessions/${sessionIds[0]!}/sign` });
    const ae = await c.nurse.call({
      method: 'POST',
      url: '/api/v1/adverse-events',
      payload: { sessionId: sessionIds[1], type: 'bruising', grade: 1, onset: new Date(Date.now() - 6 * 86_400_000).toISOString(), description: 'Bruise under the left eye' },
    });
    expect(ae.statusCode, ae.body).toBe(201);

    const res = await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/chart` });
    expect(res.statusCode, res.body).toBe(200);
    const chart = res.json<Chart>();
    expect(chart.patient.id).toBe(patientId);
    expect(chart.history.conditions.map((x) => x.code)).toEqual(['anticoagulants']);
    expect(chart.history.allergies.map((x) => x.substance)).toEqual(['lidocaine']);
    expect(chart.history.weight?.weightKg).toBe(58);
    expect(chart.courses).toHaveLength(1);
    expect(chart.courses[0]).toMatchObject({ id: courseId, status: 'active', sessionsDone: 2 });
    expect(chart.courses[0]?.sessions.map((s) => [s.number, s.signedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(chart.consents).toEqual([expect.objectContaining({ courseId, status: 'signed', productCodes: ['revita-complex'] })]);
    expect(chart.photos).toEqual([]);
    expect(chart.adverseEvents).toEqual([expect.objectContaining({ type: 'bruising', grade: 1, status: 'open' })]);
    // Two sessions a week apart, each with follow-ups at 72 h and 7 days: the older ones are overdue;
    // and the bruise's own review, 7 days after its session (issue 6).
    expect(chart.followUps).toHaveLength(5);
    expect(chart.followUps.filter((f) => f.overdue).length).toBeGreaterThanOrEqual(3);

    const audit = await t.db.tx({ clinicId: c.id }, (q) => q.query("SELECT actor_user_id FROM audit_events WHERE clinic_id = $1 AND action = 'chart.read' AND record_id = $2", [c.id, patientId]));
    expect(audit.rows).toEqual([{ actor_user_id: c.doctor.userId }]);
  });

  it("lists each session in brief, agreeing with the session's own record", async () => {
    const c = await clinicalClinic(t);
    const { patientId, sessionIds } = await patientWithSessions(c, 2);
    const [first, second] = sessionIds as [string, string];
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/sessions/${first}/sign` })).statusCode).toBe(200);
    const amend = await c.doctor.call({ method: 'POST', url: `/api/v1/sessions/${first}/amendments`, payload: { reason: 'Typo in the notes', changes: { notes: 'Well tolerated.' } } });
    expect(amend.statusCode, amend.body).toBe(201);

    const chart = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/chart` })).json<{ courses: { sessions: Record<string, unknown>[] }[] }>();
    const listed = chart.courses.flatMap((x) => x.sessions);
    expect(listed.map((s) => s.id)).toEqual([first, second]);
    for (const s of listed) {
      const full = (await c.doctor.call({ method: 'GET', url: `/api/v1/sessions/${String(s.id)}` })).json<{
        assessment: { decision: string; findings: { rule: string; level: string }[] };
        lots: unknown[];
        areas: unknown[];
        totalVolumeMl: number;
        signedAt: string | null;
        amendments: unknown[];
        components: { substances: { class: string }[] }[];
      }>();
      expect(s).toMatchObject({
        decision: full.assessment.decision,
        findings: full.assessment.findings.map((f) => ({ rule: f.rule, level: f.level })),
        lots: full.lots,
        areas: full.areas,
        totalVolumeMl: full.totalVolumeMl,
        signedAt: full.signedAt,
        amendmentCount: full.amendments.length,
      });
      expect([...(s.substanceClasses as string[])].sort()).toEqual([...new Set(full.components.flatMap((x) => x.substances.map((y) => y.class)))].sort());
      // The documentation, the catalog snapshot and the findings' text stay with the session.
      for (const key of ['components', 'injectionPoints', 'notes', 'assessment', 'amendments', 'followUps']) expect(s).not.toHaveProperty(key);
    }
    expect(listed.map((s) => s.amendmentCount)).toEqual([1, 0]);
  });

  it('tells a history never taken from one taken with nothing to declare', async () => {
    const c = await clinicalClinic(t);
    const lastRecorded = async (patientId: string) => (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/chart` })).json<{ history: { lastRecordedAt: string | null; conditions: unknown[]; allergies: unknown[] } }>().history;

    const never = await newPatient(c.reception);
    expect(await lastRecorded(never)).toMatchObject({ lastRecordedAt: null, conditions: [], allergies: [] });

    // Every answer "no": no entry, but the history was taken.
    const asked = await newPatient(c.reception);
    const before = Date.now();
    const q = await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${asked}/questionnaire`, payload: { answers: [{ questionId: 'pregnant', answer: false }, { questionId: 'gallstones', answer: false }] } });
    expect(q.statusCode, q.body).toBe(201);
    const h = await lastRecorded(asked);
    expect(h).toMatchObject({ conditions: [], allergies: [] });
    expect(Date.parse(h.lastRecordedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);

    // An entry recorded by the doctor counts as well.
    const entered = await newPatient(c.reception);
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${entered}/allergies`, payload: { substance: 'lidocaine' } })).statusCode).toBe(201);
    expect((await lastRecorded(entered)).lastRecordedAt).not.toBeNull();
    // A weight is not a history.
    const weighed = await newPatient(c.reception);
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${weighed}/weight`, payload: { weightKg: 60 } })).statusCode).toBe(201);
    expect((await lastRecorded(weighed)).lastRecordedAt).toBeNull();
  });

  it('reads a long record in as many queries as a short one', async () => {
    const c = await clinicalClinic(t);
    const short = await patientWithSessions(c, 1);
    const long = await patientWithSessions(c, 5);
    await consentedCourse(c, t.db); // a second course for nobody in particular
    const count = async (patientId: string) => {
      const spy = vi.spyOn(pg.Client.prototype, 'query');
      try {
        const res = await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/chart` });
        expect(res.statusCode).toBe(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const few = await count(short.patientId);
    const many = await count(long.patientId);
    expect(many).toBe(few);
    expect(few).toBeLessThan(25);
  });

  it("keeps the chart from reception and from another clinic, and refuses a non-UUID id", async () => {
    const a = await clinicalClinic(t, ['revita-complex']);
    const b = await t.clinic();
    const { patientId } = await consentedCourse(a, t.db);
    expect((await a.reception.call({ method: 'GET', url: `/api/v1/patients/${patientId}/chart` })).statusCode).toBe(403);
    expect((await b.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/chart` })).statusCode).toBe(404);
    expect((await a.doctor.call({ method: 'GET', url: '/api/v1/patients/xyz/chart' })).statusCode).toBe(400);
    expect((await a.nurse.call({ method: 'GET', url: `/api/v1/patients/${patientId}/chart` })).statusCode).toBe(200);
  });
});
