import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { addLot, clinicalClinic, consentedCourse, countRows, dayFromToday, newCourse, newPatient, sessionBody, signedConsent, stockOf } from '../../../test/fixtures/clinical.ts';

const t = await setupTestApp();

interface Finding {
  rule: string;
  level: string;
  facts: Record<string, unknown>;
  message: string;
}
interface Session {
  id: string;
  number: number;
  practitionerId: string;
  supervisingDoctorId: string | null;
  sessionDate: string;
  performedAt: string;
  assessment: { decision: string; findings: Finding[] };
  overrideReason: string | null;
  overriddenBy: string | null;
  lots: { lotId: string; volumeMl: number; lotNumber: string }[];
  components: { code: string; volumeMl: number }[];
  followUps: { dueAt: string; kind: string; status: string }[];
}
interface Refusal {
  type: string;
  detail: string;
  decision?: string;
  findings?: Finding[];
  errors?: { path: string; message: string }[];
}

describe('recording a session', () => {
  it('records a session: the lot is taken from stock in the ledger, follow-ups fall due at 72 h and 7 days', async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const lotId = c.products['revita-complex']!.lotId;
    const body = sessionBody(courseId, lotId, {
      volumeMl: 2.5,
      overrides: {
        needle: { gauge: 30, lengthMm: 4 },
        anaesthesia: { method: 'topical', agent: 'EMLA cream' },
        injectionPoints: [{ area: 'face', zone: 'malar', x: 0.31, y: 0.42, volumeMl: 0.05, depthMm: 1.5 }],
        asepsis: { skinCleaned: true, anaestheticApplied: 'EMLA cream', disinfectedAfter: true },
        immediateReactions: [{ type: 'erythema', note: 'mild, expected' }],
        durationMinutes: 35,
        notes: 'Tolerated well',
      },
    });
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<Session>();
    expect(s).toMatchObject({ number: 1, practitionerId: c.doctor.userId, supervisingDoctorId: null, overrideReason: null });
    expect(s.assessment.decision).toBe('ok');
    expect(s.components).toEqual([expect.objectContaining({ code: 'revita-complex', volumeMl: 2.5 })]);
    expect(s.lots).toEqual([expect.objectContaining({ lotId, volumeMl: 2.5 })]);
    const performed = new Date(body.performedAt).getTime();
    expect(s.followUps.map((f) => (new Date(f.dueAt).getTime() - performed) / 3_600_000)).toEqual([72, 168]);
    expect(await stockOf(t.db, c.id, lotId)).toBe(97.5);
    const ledger = await t.db.tx({ clinicId: c.id }, (q) => q.query<{ delta_ml: number; session_id: string }>("SELECT delta_ml, session_id FROM stock_movements WHERE lot_id = $1 AND reason = 'session'", [lotId]));
    expect(ledger.rows).toEqual([{ delta_ml: -2.5, session_id: s.id }]);
  });

  it("refuses a pregnant patient's session with the pregnancy finding, and writes nothing", async () => {
    const c = await clinicalClinic(t);
    const { patientId, courseId } = await consentedCourse(c, t.db);
    await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'pregnancy' } });
    const lotId = c.products['revita-complex']!.lotId;
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: { ...sessionBody(courseId, lotId), overrideReason: 'she insists' } });
    expect(res.statusCode).toBe(422);
    const body = res.json<Refusal>();
    expect(body.type).toContain('assessment-block');
    expect(body.findings).toContainEqual(expect.objectContaining({ rule: 'pregnancy', level: 'block' }));
    expect(await countRows(t.db, c.id, 'sessions')).toBe(0);
    expect(await countRows(t.db, c.id, 'follow_ups')).toBe(0);
    expect(await stockOf(t.db, c.id, lotId)).toBe(100);
  });

  it("needs a doctor's written reason for a session five days after the previous one, and stores it with the findings", async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const lotId = c.products['revita-complex']!.lotId;
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId, { daysAgo: 10 }) })).statusCode).toBe(201);

    const second = sessionBody(courseId, lotId, { daysAgo: 5 });
    const warned = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: second });
    expect(warned.statusCode).toBe(422);
    const refusal = warned.json<Refusal>();
    expect(refusal.type).toContain('assessment-warn');
    expect(refusal.detail).toContain('overrideReason');
    expect(refusal.findings).toContainEqual(expect.objectContaining({ rule: 'interval-short', level: 'warn', facts: expect.objectContaining({ days: 5, thresholdDays: 7 }) }));

    // A nurse cannot override, even under a doctor.
    const nurse = await c.nurse.call({ method: 'POST', url: '/api/v1/sessions', payload: { ...second, supervisingDoctorId: c.doctor.userId, overrideReason: 'patient travels' } });
    expect(nurse.statusCode).toBe(403);
    expect(await countRows(t.db, c.id, 'sessions')).toBe(1);

    const reason = 'Patient leaves the country on Friday; interval discussed and accepted';
    const ok = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: { ...second, overrideReason: reason } });
    expect(ok.statusCode, ok.body).toBe(201);
    const saved = ok.json<Session>();
    expect(saved).toMatchObject({ number: 2, overrideReason: reason, overriddenBy: c.doctor.userId });
    expect(saved.assessment.findings.map((f) => f.rule)).toContain('interval-short');
    const stored = await t.db.tx({ clinicId: c.id }, (q) => q.query<{ override_reason: string; assessment: { input: { history: { lastSessionDate: string } } } }>('SELECT override_reason, assessment FROM sessions WHERE id = $1', [saved.id]));
    expect(stored.rows[0]?.override_reason).toBe(reason);
    expect(stored.rows[0]?.assessment.input.history.lastSessionDate).toBe(dayFromToday(-10));
    const listed = (await c.nurse.call({ method: 'GET', url: `/api/v1/sessions?courseId=${courseId}` })).json<{ items: Session[] }>().items;
    expect(listed.map((x) => [x.number, x.sessionDate])).toEqual([
      [1, dayFromToday(-10)],
      [2, dayFromToday(-5)],
    ]);
  });

  it('refuses a session using a lot with 1 ml left for 2 ml, naming the volume, and leaves the stock as it was', async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const lotId = await addLot(t.db, c.id, c.products['revita-complex']!.id, { quantityMl: 1 });
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId, { volumeMl: 2 }) });
    expect(res.statusCode).toBe(422);
    const body = res.json<Refusal>();
    expect(body.type).toContain('insufficient-stock');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'body.lots[0].volumeMl' })]);
    expect(await stockOf(t.db, c.id, lotId)).toBe(1);
    expect(await countRows(t.db, c.id, 'sessions')).toBe(0);
  });

  it('leaves exactly one of two parallel sessions on the last ampoule accepted, and the stock at zero', async () => {
    const c = await clinicalClinic(t);
    const a = await consentedCourse(c, t.db);
    const b = await consentedCourse(c, t.db);
    const lotId = await addLot(t.db, c.id, c.products['revita-complex']!.id, { quantityMl: 2 });
    const results = await Promise.all([
      c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(a.courseId, lotId, { volumeMl: 2 }) }),
      c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(b.courseId, lotId, { volumeMl: 2 }) }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.statusCode === 422)?.json<Refusal>().type).toContain('insufficient-stock');
    expect(await stockOf(t.db, c.id, lotId)).toBe(0);
    expect(await countRows(t.db, c.id, 'sessions')).toBe(1);
    const moves = await t.db.tx({ clinicId: c.id }, (q) => q.query("SELECT 1 FROM stock_movements WHERE lot_id = $1 AND reason = 'session'", [lotId]));
    expect(moves.rowCount).toBe(1);
  });

  it('refuses an expired or recalled lot, a course without consent and an incomplete kit, with their findings', async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const productId = c.products['revita-complex']!.id;
    const expired = await addLot(t.db, c.id, productId, { expiresOn: dayFromToday(-1) });
    const recalled = await addLot(t.db, c.id, productId, { recalled: true });
    const rules = async (payload: Record<string, unknown>) => {
      const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload });
      expect(res.statusCode).toBe(422);
      return res.json<Refusal>().findings?.map((f) => f.rule);
    };
    expect(await rules(sessionBody(courseId, expired))).toContain('lot-expired');
    expect(await rules(sessionBody(courseId, recalled))).toContain('lot-recalled');

    const patientId = await newPatient(c.reception);
    const unconsented = await newCourse(c, patientId, [{ productId, volumeMl: 2 }]);
    await t.db.tx({ clinicId: c.id }, (q) => q.query("INSERT INTO baseline_photo_waivers (id, clinic_id, course_id, reason, recorded_by) VALUES (gen_random_uuid(), $1, $2, 'none taken', $3)", [c.id, unconsented, c.doctor.userId]));
    expect(await rules(sessionBody(unconsented, c.products['revita-complex']!.lotId))).toContain('no-consent');

    await t.db.tx({ clinicId: c.id }, (q) => q.query("UPDATE emergency_kit_items SET present = false WHERE clinic_id = $1 AND kind = 'adrenaline'", [c.id]));
    expect(await rules(sessionBody(courseId, c.products['revita-complex']!.lotId))).toContain('emergency-kit');
    expect(await countRows(t.db, c.id, 'sessions')).toBe(0);
  });

  it('refuses the first session of a course without baseline photographs or a waiver', async () => {
    const c = await clinicalClinic(t);
    const productId = c.products['revita-complex']!.id;
    const patientId = await newPatient(c.reception);
    const courseId = await newCourse(c, patientId, [{ productId, volumeMl: 2 }]);
    await signedConsent(t.db, c, { courseId, patientId, productCodes: ['revita-complex'], sessions: 6 });
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId) });
    expect(res.statusCode).toBe(422);
    expect(res.json<Refusal>().type).toContain('baseline-photos-missing');
  });

  it('warns about an open adverse event of an earlier session', async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const lotId = c.products['revita-complex']!.lotId;
    const first = (await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId, { daysAgo: 8 }) })).json<Session>();
    const event = await c.nurse.call({
      method: 'POST',
      url: '/api/v1/adverse-events',
      payload: { sessionId: first.id, type: 'bruising', grade: 1, onset: new Date(new Date(first.performedAt).getTime() + 3_600_000).toISOString(), description: 'Small bruise on the left cheek' },
    });
    expect(event.statusCode, event.body).toBe(201);
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId) });
    expect(res.statusCode).toBe(422);
    expect(res.json<Refusal>().findings).toContainEqual(expect.objectContaining({ rule: 'open-adverse-event', level: 'warn', facts: expect.objectContaining({ type: 'bruising', grade: 1 }) }));
  });

  it('lets a nurse record under a supervising doctor, and only then', async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const body = sessionBody(courseId, c.products['revita-complex']!.lotId);
    const alone = await c.nurse.call({ method: 'POST', url: '/api/v1/sessions', payload: body });
    expect(alone.statusCode).toBe(400);
    expect(alone.json<Refusal>().errors?.[0]?.path).toBe('body.supervisingDoctorId');
    const notADoctor = await c.nurse.call({ method: 'POST', url: '/api/v1/sessions', payload: { ...body, supervisingDoctorId: c.reception.userId } });
    expect(notADoctor.statusCode).toBe(404);
    const ok = await c.nurse.call({ method: 'POST', url: '/api/v1/sessions', payload: { ...body, supervisingDoctorId: c.doctor.userId } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Session>()).toMatchObject({ practitionerId: c.nurse.userId, supervisingDoctorId: c.doctor.userId });
    for (const who of [c.reception, c.owner]) expect((await who.call({ method: 'POST', url: '/api/v1/sessions', payload: body })).statusCode).toBe(403);
  });
});

describe('signing and amending', () => {
  it('is signed by its practitioner, is immutable after, and is corrected by amendments that keep the original', async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const s = (await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId, { overrides: { notes: 'Left side 1 ml' } }) })).json<Session>();
    const edited = await c.doctor.call({ method: 'PATCH', url: `/api/v1/sessions/${s.id}`, payload: { notes: 'Left and right side 1 ml each', durationMinutes: 30 } });
    expect(edited.statusCode, edited.body).toBe(200);

    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/sign` })).statusCode).toBe(403);
    const signed = await c.doctor.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/sign` });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ signedBy: c.doctor.userId, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), notes: 'Left and right side 1 ml each' });
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/sign` })).statusCode).toBe(409);
    // Nothing amended yet: the session's own fields are the record.
    expect(signed.json<{ amended: unknown }>().amended).toBeNull();

    const patch = await c.doctor.call({ method: 'PATCH', url: `/api/v1/sessions/${s.id}`, payload: { notes: 'rewritten' } });
    expect(patch.statusCode).toBe(409);
    await expect(t.db.tx({ clinicId: c.id }, (q) => q.query("UPDATE sessions SET notes = 'x' WHERE id = $1", [s.id]))).rejects.toThrow(/immutable/);

    const amend = await c.nurse.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/amendments`, payload: { reason: 'Reaction seen after signing', changes: { immediateReactions: [{ type: 'edema', note: 'mild' }] } } });
    expect(amend.statusCode, amend.body).toBe(201);
    const after = (await c.doctor.call({ method: 'GET', url: `/api/v1/sessions/${s.id}` })).json<
      Session & { notes: string; immediateReactions: unknown[]; contentHash: string; amendments: { reason: string }[]; amended: { immediateReactions: { type: string }[]; notes: string } | null }
    >();
    expect(after.immediateReactions).toEqual([]);
    expect(after.contentHash).toBe(signed.json().contentHash);
    expect(after.amendments.map((a) => a.reason)).toEqual(['Reaction seen after signing']);
    expect(after.amended?.immediateReactions.map((r) => r.type)).toEqual(['edema']);
    expect(after.amended?.notes).toBe('Left and right side 1 ml each');
    await expect(t.db.tx({ clinicId: c.id }, (q) => q.query("UPDATE session_amendments SET reason = 'x' WHERE session_id = $1", [s.id]))).rejects.toThrow(/append-only/);
  });

  it('refuses amendments of an unsigned session and empty changes', async () => {
    const c = await clinicalClinic(t);
    const { courseId } = await consentedCourse(c, t.db);
    const s = (await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, c.products['revita-complex']!.lotId) })).json<Session>();
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/amendments`, payload: { reason: 'x', changes: { notes: 'y' } } })).statusCode).toBe(409);
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/amendments`, payload: { reason: 'x', changes: {} } })).statusCode).toBe(400);
    expect((await c.doctor.call({ method: 'PATCH', url: `/api/v1/sessions/${s.id}`, payload: {} })).statusCode).toBe(400);
  });
});
