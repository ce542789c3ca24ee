import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { emergencyKitReady, makeCourse, makePatient, ok, signBody, signedConsent } from '../consents/testing.ts';
import { assertBaselinePhotos, baselinePhotoGate } from './baseline-gate.ts';
import { phoneJpeg, upload } from './testing.ts';

const t = await setupTestApp({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-comparison-')) });

interface PhotoBody {
  id: string;
  sessionNumber: number | null;
  photoUse: string | null;
}
interface Pair {
  view: string;
  baseline: PhotoBody | null;
  latest: PhotoBody | null;
  daysApart: number | null;
}
interface Gate {
  required: boolean;
  firstSession: boolean;
  baselineViews: string[];
  waiver: { reason: string } | null;
  satisfied: boolean;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('before and after', () => {
  it('pairs the baseline of each view with its latest photo after two sessions', async () => {
    const c = await t.clinic();
    await emergencyKitReady(t, c.id);
    const { patientId, courseId, productId } = await makeCourse(c, { lang: 'ru' });
    await signedConsent(c, courseId);
    const lot = await ok<{ id: string }>(c.doctor.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: 'L-7', expires: '2099-12-31', quantity: 50 } }), 201);
    const views = ['front', 'left-45', 'right-45'];
    for (const view of views) await ok(await upload(c.nurse, { patientId, courseId, view, phase: 'baseline', takenAt: daysAgo(15) }, { bytes: await phoneJpeg() }), 201);
    const sessions: { id: string }[] = [];
    for (const ago of [14, 7]) {
      const s = { courseId, performedAt: daysAgo(ago), areas: [{ area: 'scalp', volumeMl: 2 }], lots: [{ lotId: lot.id, volumeMl: 2 }], depthMm: 2, overrideReason: 'Reviewed.' };
      sessions.push(await ok<{ id: string }>(c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: s }), 201));
    }
    await ok(await upload(c.nurse, { patientId, sessionId: sessions[0]!.id, view: 'front', phase: 'during-course', takenAt: daysAgo(14) }, { bytes: await phoneJpeg('#b07050') }), 201);
    const latestFront = await ok<PhotoBody>(await upload(c.nurse, { patientId, sessionId: sessions[1]!.id, view: 'front', phase: 'during-course', takenAt: daysAgo(7) }, { bytes: await phoneJpeg('#a06040') }), 201);
    const latestLeft = await ok<PhotoBody>(await upload(c.nurse, { patientId, courseId, sessionId: sessions[1]!.id, view: 'left-45', phase: 'during-course', takenAt: daysAgo(7) }, { bytes: await phoneJpeg('#906040') }), 201);

    const cmp = await ok<{ pairs: Pair[] }>(c.doctor.call({ method: 'GET', url: `/api/v1/courses/${courseId}/photo-comparison` }));
    const byView = Object.fromEntries(cmp.pairs.map((p) => [p.view, p]));
    expect(Object.keys(byView).sort()).toEqual(['front', 'left-45', 'right-45']);
    expect(byView.front).toMatchObject({ latest: { id: latestFront.id, sessionNumber: 2 }, daysApart: 8 });
    expect(byView['left-45']?.latest?.id).toBe(latestLeft.id);
    expect(byView['right-45']).toMatchObject({ latest: null, daysApart: null });
    for (const p of cmp.pairs) expect(p.baseline?.id).toBeTruthy();

    const list = await ok<{ items: PhotoBody[] }>(c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/photos?phase=during-course&limit=2` }));
    expect(list.items.map((p) => p.id).sort()).toEqual([latestFront.id, latestLeft.id].sort());
    const sessionOfOtherCourse = await makeCourse(c, { patientId });
    const wrong = await upload(c.nurse, { patientId, courseId: sessionOfOtherCourse.courseId, sessionId: sessions[0]!.id, view: 'front', phase: 'during-course' }, { bytes: await phoneJpeg() });
    expect(wrong.statusCode).toBe(400);
  });
});

describe('photo-use consent', () => {
  it('decides which photos may be used for teaching, and a withdrawal takes them out', async () => {
    const c = await t.clinic();
    const teaching = await makePatient(c, 'ru');
    const clinical = await makePatient(c, 'en');
    const none = await makePatient(c, 'en');
    const consentOf = async (patientId: string, photoUse: string) => {
      const d = await ok<{ id: string }>(c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/photo-consent`, payload: { photoUse } }), 201);
      return ok<{ id: string }>(c.doctor.call({ method: 'POST', url: `/api/v1/consents/${d.id}/sign`, payload: await signBody() }));
    };
    const teachingConsent = await consentOf(teaching, 'teaching');
    await consentOf(clinical, 'clinical');
    const ids: Record<string, string> = {};
    for (const [name, patientId] of Object.entries({ teaching, clinical, none })) ids[name] = (await ok<PhotoBody>(await upload(c.doctor, { patientId, view: 'front', phase: 'follow-up' }, { bytes: await phoneJpeg() }), 201)).id;

    const forTeaching = await ok<{ items: PhotoBody[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/photos?purpose=teaching' }));
    expect(forTeaching.items.map((p) => [p.id, p.photoUse])).toEqual([[ids.teaching, 'teaching']]);
    const all = await ok<{ items: PhotoBody[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/photos?purpose=clinical' }));
    expect(Object.fromEntries(all.items.map((p) => [p.id, p.photoUse]))).toEqual({ [ids.teaching!]: 'teaching', [ids.clinical!]: 'clinical', [ids.none!]: null });

    await ok(c.nurse.call({ method: 'POST', url: `/api/v1/consents/${teachingConsent.id}/withdraw`, payload: { reason: 'Does not want her photos shown.' } }));
    expect((await ok<{ items: unknown[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/photos?purpose=teaching' }))).items).toEqual([]);
    expect((await c.doctor.call({ method: 'GET', url: '/api/v1/photos' })).statusCode).toBe(400);
  });
});

describe('the baseline-photo gate', () => {
  it('holds a first session until baseline photos exist or a doctor records why, unless the clinic turned it off', async () => {
    const c = await t.clinic();
    const { patientId, courseId } = await makeCourse(c);
    const gateUrl = `/api/v1/courses/${courseId}/baseline-photos`;
    expect(await ok<Gate>(c.nurse.call({ method: 'GET', url: gateUrl }))).toMatchObject({ required: true, firstSession: true, baselineViews: [], waiver: null, satisfied: false });
    const refused = t.db.tx({ clinicId: c.id }, (q) => assertBaselinePhotos(q, courseId));
    await expect(refused).rejects.toMatchObject({ status: 422, type: 'baseline-photos-missing' });

    const waiverUrl = `/api/v1/courses/${courseId}/baseline-photo-waiver`;
    expect((await c.nurse.call({ method: 'POST', url: waiverUrl, payload: { reason: 'Patient refuses photos.' } })).statusCode).toBe(403);
    expect((await c.doctor.call({ method: 'POST', url: waiverUrl, payload: { reason: '' } })).statusCode).toBe(400);
    const waived = await ok<Gate>(c.doctor.call({ method: 'POST', url: waiverUrl, payload: { reason: 'Patient refuses to be photographed; findings described in the notes.' } }), 201);
    expect(waived).toMatchObject({ satisfied: true, waiver: { reason: 'Patient refuses to be photographed; findings described in the notes.' } });

    const other = await makeCourse(c, { patientId });
    await ok(await upload(c.nurse, { patientId, courseId: other.courseId, view: 'scalp-top', phase: 'baseline' }, { bytes: await phoneJpeg() }), 201);
    expect(await t.db.tx({ clinicId: c.id }, (q) => assertBaselinePhotos(q, other.courseId))).toMatchObject({ satisfied: true, baselineViews: ['scalp-top'] });

    const third = await makeCourse(c, { patientId });
    expect((await c.doctor.call({ method: 'PUT', url: '/api/v1/clinic/photo-settings', payload: { requireBaselinePhotos: false } })).statusCode).toBe(403);
    expect((await c.owner.call({ method: 'PUT', url: '/api/v1/clinic/photo-settings', payload: { requireBaselinePhotos: 'no' } })).statusCode).toBe(400);
    expect(await ok(c.owner.call({ method: 'PUT', url: '/api/v1/clinic/photo-settings', payload: { requireBaselinePhotos: false } }))).toEqual({ requireBaselinePhotos: false });
    expect(await ok(c.reception.call({ method: 'GET', url: '/api/v1/clinic/photo-settings' }))).toEqual({ requireBaselinePhotos: false });
    expect(await t.db.tx({ clinicId: c.id }, (q) => baselinePhotoGate(q, third.courseId))).toMatchObject({ required: false, satisfied: true });

    const b = await t.clinic();
    expect((await b.doctor.call({ method: 'GET', url: gateUrl })).statusCode).toBe(404);
    expect((await b.doctor.call({ method: 'POST', url: waiverUrl, payload: { reason: 'Not my course.' } })).statusCode).toBe(404);
  });
});
