import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { countRows, dayFromToday, newPatient } from '../../../test/fixtures/clinical.ts';

const t = await setupTestApp();

interface Entry {
  id: string;
  version: number;
  code?: string;
  area?: string | null;
  onset?: string | null;
  endDate: string | null;
  active: boolean;
  recordedAt: string;
  substance?: string | null;
  class?: string | null;
  note?: string | null;
}
interface History {
  conditions: Entry[];
  allergies: Entry[];
  weight: { weightKg: number; measuredOn: string } | null;
}

describe('conditions and allergies', () => {
  it('records a condition and an allergy, and shows them in the history', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const cond = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'cholelithiasis', note: 'since 2019' } });
    expect(cond.statusCode, cond.body).toBe(201);
    expect(cond.json()).toMatchObject({ code: 'cholelithiasis', version: 1, active: true, source: 'clinician' });
    const allergy = await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/allergies`, payload: { substance: 'lidocaine', reaction: 'hives' } });
    expect(allergy.statusCode, allergy.body).toBe(201);
    const classAllergy = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/allergies`, payload: { class: 'vitamin' } });
    expect(classAllergy.statusCode).toBe(201);
    const h = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history` })).json<History>();
    expect(h.conditions.map((x) => x.code)).toEqual(['cholelithiasis']);
    expect(h.allergies.map((x) => x.substance ?? x.class).sort()).toEqual(['lidocaine', 'vitamin']);
  });

  it('requires an area for site conditions and an onset for dated ones', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const noArea = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'site-inflamed' } });
    expect(noArea.statusCode).toBe(400);
    expect(noArea.json().errors).toContainEqual(expect.objectContaining({ path: 'body.area' }));
    const noOnset = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'recent-surgery' } });
    expect(noOnset.statusCode).toBe(400);
    expect(noOnset.json().errors).toContainEqual(expect.objectContaining({ path: 'body.onset' }));
    const ok = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'site-broken', area: 'face' } });
    expect(ok.statusCode).toBe(201);
  });

  it.each([
    [{ code: 'vampirism' }, 'body.code'],
    [{ code: 'site-broken', area: 'elbow' }, 'body.area'],
    [{ code: 'pregnancy', onset: '2026-02-30' }, 'body.onset'],
    [{ code: 'pregnancy', colour: 'red' }, 'body.colour'],
    [{ code: 'pregnancy', note: '' }, 'body.note'],
    [{ code: 'recent-surgery', onset: '2026-01-10', endDate: '2026-01-01' }, 'body.endDate'],
  ])('refuses the condition %j naming %s, and writes nothing', async (payload, path) => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const res = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t.db, c.id, 'history_versions')).toBe(0);
  });

  it('refuses an onset in the future or before birth', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception, { birthDate: '1990-01-01' });
    const future = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'recent-surgery', onset: dayFromToday(3) } });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('body.onset');
    const beforeBirth = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'recent-surgery', onset: '1980-01-01' } });
    expect(beforeBirth.statusCode).toBe(400);
    expect(await countRows(t.db, c.id, 'history_versions')).toBe(0);
  });

  it.each([
    [{}, 'body.substance'],
    [{ substance: 'lidocaine', class: 'vitamin' }, 'body.class'],
    [{ substance: 'Lidocaine!' }, 'body.substance'],
    [{ class: 'sugar' }, 'body.class'],
  ])('refuses the allergy %j naming %s', async (payload, path) => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const res = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/allergies`, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
  });

  it('refuses the same active condition twice with 409 naming the entry', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const first = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'keloid' } });
    const again = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'keloid' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().entryId).toBe(first.json().id);
  });

  it('keeps another clinic out: 404 for its patient and its entries, nothing written', async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    const patientId = await newPatient(a.reception);
    const entry = (await a.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'epilepsy' } })).json<Entry>();
    expect((await b.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'keloid' } })).statusCode).toBe(404);
    expect((await b.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history` })).statusCode).toBe(404);
    expect((await b.doctor.call({ method: 'PATCH', url: `/api/v1/patients/${patientId}/conditions/${entry.id}`, payload: { note: 'x' } })).statusCode).toBe(404);
    const otherPatient = await newPatient(b.reception);
    expect((await b.doctor.call({ method: 'PATCH', url: `/api/v1/patients/${otherPatient}/conditions/${entry.id}`, payload: { note: 'x' } })).statusCode).toBe(404);
    expect(await countRows(t.db, b.id, 'history_versions')).toBe(0);
    expect(await countRows(t.db, a.id, 'history_versions')).toBe(1);
  });

  it('answers non-UUID ids with 400 and keeps reception out of the clinical history', async () => {
    const c = await t.clinic();
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/patients/nope/history' })).statusCode).toBe(400);
    expect((await c.doctor.call({ method: 'PATCH', url: `/api/v1/patients/${crypto.randomUUID()}/conditions/nope`, payload: {} })).statusCode).toBe(400);
    const patientId = await newPatient(c.reception);
    expect((await c.reception.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history` })).statusCode).toBe(403);
    expect((await c.reception.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'keloid' } })).statusCode).toBe(403);
    expect((await c.owner.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'keloid' } })).statusCode).toBe(403);
  });
});

describe('versions', () => {
  it('keeps every version: a change, a resolution and a removal each add one, and the earlier ones stay', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const created = (await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'site-inflamed', area: 'face' } })).json<Entry>();
    const moved = await c.doctor.call({ method: 'PATCH', url: `/api/v1/patients/${patientId}/conditions/${created.id}`, payload: { area: 'neck', reason: 'wrong area' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: created.id, version: 2, area: 'neck' });
    const resolved = await c.nurse.call({ method: 'PATCH', url: `/api/v1/patients/${patientId}/conditions/${created.id}`, payload: { endDate: dayFromToday(0) } });
    expect(resolved.json()).toMatchObject({ version: 3, active: false });
    const removed = await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions/${created.id}/entered-in-error`, payload: { reason: 'another patient' } });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ version: 4, change: 'entered-in-error', enteredInError: true, reason: 'another patient' });

    const versions = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history/versions?entryId=${created.id}` })).json<{
      items: { version: number; change: string; area: string; recordedBy: string; validTo: string | null }[];
    }>().items;
    expect(versions.map((v) => [v.version, v.change, v.area])).toEqual([
      [1, 'created', 'face'],
      [2, 'updated', 'neck'],
      [3, 'resolved', 'neck'],
      [4, 'entered-in-error', 'neck'],
    ]);
    expect(versions.map((v) => v.recordedBy)).toEqual([c.doctor.userId, c.doctor.userId, c.nurse.userId, c.doctor.userId]);
    expect(versions.filter((v) => v.validTo === null)).toHaveLength(1);

    const now = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history` })).json<History>();
    expect(now.conditions).toEqual([]);
    const again = await c.doctor.call({ method: 'PATCH', url: `/api/v1/patients/${patientId}/conditions/${created.id}`, payload: { note: 'x' } });
    expect(again.statusCode).toBe(409);
  });

  it('refuses to change or delete a stored version, even from inside the database', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'keloid' } });
    await expect(t.db.tx({ clinicId: c.id }, (q) => q.query("UPDATE history_versions SET code = 'pregnancy' WHERE clinic_id = $1", [c.id]))).rejects.toThrow(/append-only/);
    await expect(t.db.tx({ clinicId: c.id }, (q) => q.query('DELETE FROM history_versions WHERE clinic_id = $1', [c.id]))).rejects.toThrow(/kept/);
  });

  it('answers the history as it stood at an instant and at the end of a past day', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const created = (await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'anticoagulants', note: 'warfarin' } })).json<Entry>();
    const firstRecordedAt = created.recordedAt;
    await c.doctor.call({ method: 'PATCH', url: `/api/v1/patients/${patientId}/conditions/${created.id}`, payload: { note: 'apixaban' } });
    await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/allergies`, payload: { substance: 'lidocaine' } });

    const atFirst = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history?asOf=${encodeURIComponent(firstRecordedAt)}` })).json<History>();
    expect(atFirst.conditions.map((x) => [x.version, x.note])).toEqual([[1, 'warfarin']]);
    expect(atFirst.allergies).toEqual([]);
    const nowHistory = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history` })).json<History>();
    expect(nowHistory.conditions.map((x) => [x.version, x.note])).toEqual([[2, 'apixaban']]);
    expect(nowHistory.allergies).toHaveLength(1);

    // Push the record back in time (as if written last month) to ask about a day in between.
    await t.db.tx({ clinicId: c.id }, async (q) => {
      await q.query('ALTER TABLE history_versions DISABLE TRIGGER history_versions_append_only');
      await q.query(
        `UPDATE history_versions SET recorded_at = recorded_at - interval '30 days' * (3 - version), valid_to = valid_to - interval '30 days' * (2 - version)
         WHERE clinic_id = $1 AND entry_id = $2`,
        [c.id, created.id],
      );
      await q.query('ALTER TABLE history_versions ENABLE TRIGGER history_versions_append_only');
    });
    const lastMonth = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history?asOf=${dayFromToday(-45)}` })).json<History>();
    expect(lastMonth.conditions.map((x) => [x.version, x.note])).toEqual([[1, 'warfarin']]);
    expect(lastMonth.allergies).toEqual([]);
    const beforeAll = (await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history?asOf=${dayFromToday(-90)}` })).json<History>();
    expect(beforeAll.conditions).toEqual([]);
  });

  it('refuses an asOf that is neither a date nor an instant', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const res = await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history?asOf=yesterday` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('asOf');
  });
});

describe('weight and questionnaire', () => {
  it('records a weight and shows the latest', async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/weight`, payload: { weightKg: 61.5, measuredOn: dayFromToday(-30) } })).statusCode).toBe(201);
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/weight`, payload: { weightKg: 63 } })).statusCode).toBe(201);
    const bad = await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/weight`, payload: { weightKg: -3 } });
    expect(bad.statusCode).toBe(400);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/history` })).json<History>().weight).toEqual({ weightKg: 63, measuredOn: dayFromToday(0) });
  });

  it('serves the questionnaire in both languages, and maps yes answers to history entries', async () => {
    const c = await t.clinic();
    const q = (await c.reception.call({ method: 'GET', url: '/api/v1/questionnaire' })).json<{ questions: { id: string; text: { en: string; ru: string } }[] }>();
    expect(q.questions.find((x) => x.id === 'gallstones')?.text.ru).toContain('желчн');
    const patientId = await newPatient(c.reception);
    await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'keloid' } });
    const res = await c.nurse.call({
      method: 'POST',
      url: `/api/v1/patients/${patientId}/questionnaire`,
      payload: {
        answers: [
          { questionId: 'gallstones', answer: true },
          { questionId: 'pregnant', answer: false },
          { questionId: 'surgery', answer: true, date: dayFromToday(-10) },
          { questionId: 'anaesthetic-allergy', answer: true },
          { questionId: 'keloid', answer: true },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ conditions: { code: string; onset: string | null; source: string }[]; allergies: { substance: string }[]; alreadyRecorded: { questionId: string }[] }>();
    expect(body.conditions.map((x) => [x.code, x.onset, x.source])).toEqual([
      ['cholelithiasis', null, 'questionnaire'],
      ['recent-surgery', dayFromToday(-10), 'questionnaire'],
    ]);
    expect(body.allergies.map((a) => a.substance)).toEqual(['lidocaine']);
    expect(body.alreadyRecorded.map((a) => a.questionId)).toEqual(['keloid']);
  });

  it("keeps an answer's note on the entries its yes records, and in the stored answers", async () => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const res = await c.nurse.call({
      method: 'POST',
      url: `/api/v1/patients/${patientId}/questionnaire`,
      payload: {
        answers: [
          { questionId: 'blood-thinners', answer: true, note: 'Aspirin 100 mg daily since 2023' },
          { questionId: 'anaesthetic-allergy', answer: true, note: 'Hives after dental anaesthesia' },
          { questionId: 'fish', answer: false, note: 'Tolerates seafood' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ conditions: Entry[]; allergies: Entry[] }>();
    expect(body.conditions.map((x) => [x.code, x.note])).toEqual([['anticoagulants', 'Aspirin 100 mg daily since 2023']]);
    expect(body.allergies.map((x) => [x.substance, x.note])).toEqual([['lidocaine', 'Hives after dental anaesthesia']]);
    const stored = await t.db.tx({ clinicId: c.id }, (q) => q.query<{ answers: { questionId: string; note?: string }[] }>('SELECT answers FROM questionnaire_responses WHERE patient_id = $1', [patientId]));
    expect(stored.rows[0]?.answers.find((a) => a.questionId === 'fish')?.note).toBe('Tolerates seafood');
  });

  it.each([
    [{ answers: [{ questionId: 'gallstones', answer: true, note: '  ' }] }, 'body.answers[0].note'],
    [{ answers: [{ questionId: 'astrology', answer: true }] }, 'body.answers[0].questionId'],
    [{ answers: [{ questionId: 'surgery', answer: true }] }, 'body.answers[0].date'],
    [{ answers: [{ questionId: 'gallstones', answer: 'yes' }] }, 'body.answers[0].answer'],
    [{ answers: [] }, 'body.answers'],
  ])('refuses the answers %j naming %s, and writes nothing', async (payload, path) => {
    const c = await t.clinic();
    const patientId = await newPatient(c.reception);
    const res = await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/questionnaire`, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t.db, c.id, 'history_versions')).toBe(0);
  });
});
