import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { setupTestApp } from '../../../test/app.ts';
import { auditActions, countRows, emergencyKitReady, makeCourse, ok, pdfPlainText, signBody, signedConsent } from './testing.ts';

const t = await setupTestApp({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-consents-')) });

interface ConsentBody {
  id: string;
  status: string;
  language: string;
  text: string;
  title: string;
  contentHash: string | null;
  signedAt: string | null;
  productCodes: string[];
  sessions: number | null;
  countersignedByName: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  supersededAt: string | null;
  templateVersion: number;
}

describe('a Russian consent for a course, signed on screen', () => {
  it('is produced in the patient’s language with every required element, signed, and renders to a PDF that reads back in Russian', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c, { lang: 'ru', plan: { expectedResults: 'Выпадение волос уменьшится после 4–6 сеансов.', postCare: 'Не мыть голову 24 часа, не посещать сауну 3 дня.' } });
    const draft = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: { additions: 'Перед курсом сдать анализ на ферритин.' } }), 201);
    expect(draft).toMatchObject({ status: 'draft', language: 'ru', contentHash: null, sessions: 8, title: 'Информированное добровольное согласие на медицинское вмешательство (мезотерапия)' });
    expect(draft.productCodes).toHaveLength(1);

    const signed = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/consents/${draft.id}/sign`, payload: await signBody() }));
    expect(signed).toMatchObject({ status: 'signed', text: draft.text, countersignedByName: 'Test doctor' });
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const course = await ok<{ status: string }>(c.doctor.call({ method: 'GET', url: `/api/v1/courses/${courseId}` }));
    expect(course.status).toBe('active');

    const res = await c.doctor.call({ method: 'GET', url: `/api/v1/consents/${draft.id}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1')).toMatch(/DejaVuSans/);
    const text = pdfPlainText(res.rawPayload);
    for (const element of [
      'Информированное добровольное согласие',
      'Иванова Елена Сергеевна',
      'ТрихоВитал Комплекс — Биотин (витамин B7), Глюконат цинка', // the drug and its active substances
      'Курс состоит из 8 сеансов с интервалом 7 дней', // sessions and interval
      'Выпадение волос уменьшится после 4–6 сеансов.', // expected results
      'Не мыть голову 24 часа, не посещать сауну 3 дня.', // post-care
      'Небольшие синяки (гематомы) в местах уколов', // risks from the vocabulary
      'Анафилаксия',
      'раствор миноксидила', // alternatives for hair loss
      'отказ от лечения или его перенос', // the alternative of no treatment
      'Все перечисленные препараты зарегистрированы и разрешены для введения в кожу.', // off-label statement
      'Стоимость одного сеанса — 3 500,00 ₽; курс из 8 сеансов стоит 28 000,00 ₽.', // cost
      'Перед курсом сдать анализ на ферритин.', // the doctor's additions
      'вправе отказаться от лечения или отозвать это согласие в любое время', // withdrawal
      'Подписи',
      `SHA-256 подписанного согласия: ${signed.contentHash}`,
      'Подписано:',
      'Стр. 1 из',
    ]) {
      expect(text, element).toContain(element);
    }
    const verify = await ok<{ valid: boolean; storedHash: string; computedHash: string }>(c.nurse.call({ method: 'GET', url: `/api/v1/consents/${draft.id}/verify` }));
    expect(verify).toEqual({ valid: true, storedHash: signed.contentHash, computedHash: signed.contentHash });
  });
});

describe('producing a consent', () => {
  it('follows ?lang= over the patient’s language, and serves the drawn signatures', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c, { lang: 'ru' });
    const draft = await ok<ConsentBody>(c.nurse.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent?lang=en`, payload: {} }), 201);
    expect(draft.language).toBe('en');
    expect(draft.text).toContain('TrichoVital Complex — Biotin (vitamin B7), Zinc gluconate; 2 ml per session');
    expect(draft.text).toContain('I, Елена Сергеевна Иванова, born on 2 April 1985');
    await ok(c.doctor.call({ method: 'POST', url: `/api/v1/consents/${draft.id}/sign`, payload: await signBody('Elena Ivanova') }));
    const patientSig = await c.doctor.call({ method: 'GET', url: `/api/v1/consents/${draft.id}/signatures/patient` });
    expect(patientSig.headers['content-type']).toBe('image/svg+xml');
    expect(patientSig.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const doctorSig = await c.doctor.call({ method: 'GET', url: `/api/v1/consents/${draft.id}/signatures/doctor` });
    expect(doctorSig.headers['content-type']).toBe('image/png');
  });

  it('refuses a plan without expected results or post-care, naming the gaps, and writes nothing', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c, { plan: { expectedResults: undefined, postCare: undefined } });
    const res = await c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: {} });
    expect(res.statusCode).toBe(422);
    const body = res.json<{ type: string; gaps: string[]; errors: { path: string }[]; detail: string }>();
    expect(body.type).toMatch(/consent-plan-incomplete$/);
    expect(body.gaps).toEqual(['expectedResults', 'postCare']);
    expect(body.errors.map((e) => e.path)).toEqual(['expectedResults', 'postCare']);
    expect(body.detail).toContain('expectedResults');
    expect(await countRows(t, 'consents', c.id)).toBe(0);
  });

  it('replaces an unsigned draft with the new one', async () => {
    const c = await t.clinic();
    const { courseId, patientId } = await makeCourse(c);
    const first = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: {} }), 201);
    const second = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: { additions: 'Patch test first.' } }), 201);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/consents/${first.id}` })).statusCode).toBe(404);
    const list = await ok<{ items: { id: string }[] }>(c.owner.call({ method: 'GET', url: `/api/v1/patients/${patientId}/consents` }));
    expect(list.items.map((i) => i.id)).toEqual([second.id]);
  });
});

describe('signing', () => {
  it('is the doctor’s: a nurse is refused, bad signatures change nothing, and a signed consent is never signed again', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c);
    const draft = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: {} }), 201);
    const url = `/api/v1/consents/${draft.id}/sign`;
    const good = await signBody();
    expect((await c.nurse.call({ method: 'POST', url, payload: good })).statusCode).toBe(403);
    const blank = { type: 'png', dataBase64: (await import('sharp')).default({ create: { width: 50, height: 20, channels: 4, background: '#ffffff00' } }) };
    const blankPng = (await blank.dataBase64.png().toBuffer()).toString('base64');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...good, patientSignature: { type: 'png', dataBase64: blankPng } }, 422, 'patientSignature'],
      [{ ...good, doctorSignature: { type: 'png', dataBase64: Buffer.from('%PDF-1.4 not a png').toString('base64') } }, 422, 'doctorSignature.dataBase64'],
      [{ ...good, patientSignature: { type: 'png', dataBase64: 'not base64!' } }, 400, 'body.patientSignature.dataBase64'],
      [{ ...good, patientSignature: { type: 'svg-path', width: 300, height: 100, paths: ['M0 0 L10 10"/><script>alert(1)</script>'] } }, 400, 'body.patientSignature.paths[0]'],
      [{ ...good, typedName: '' }, 400, 'body.typedName'],
      [{ ...good, typedName: 7 }, 400, 'body.typedName'],
      [{ ...good, extra: true }, 400, 'body.extra'],
    ];
    for (const [payload, status, path] of cases) {
      const res = await c.doctor.call({ method: 'POST', url, payload });
      expect(res.statusCode, path).toBe(status);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path), path).toContain(path);
    }
    expect((await ok<ConsentBody>(c.doctor.call({ method: 'GET', url: `/api/v1/consents/${draft.id}` }))).status).toBe('draft');
    await ok(c.doctor.call({ method: 'POST', url, payload: good }));
    const again = await c.doctor.call({ method: 'POST', url, payload: good });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a draft whose plan changed since, and a new signed consent supersedes the old one', async () => {
    const c = await t.clinic();
    const { courseId, patientId } = await makeCourse(c);
    const first = await signedConsent(c, courseId);
    const stale = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: {} }), 201);
    await ok(c.doctor.call({ method: 'PATCH', url: `/api/v1/courses/${courseId}`, payload: { plannedSessions: 10 } }));
    const refused = await c.doctor.call({ method: 'POST', url: `/api/v1/consents/${stale.id}/sign`, payload: await signBody() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ type: string }>().type).toMatch(/consent-plan-changed$/);
    const second = await signedConsent(c, courseId);
    const list = await ok<{ items: ConsentBody[] }>(c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/consents?kind=treatment` }));
    const status = Object.fromEntries(list.items.map((i) => [i.id, i.status]));
    expect(status[second.id]).toBe('signed');
    expect(status[first.id]).toBe('superseded');
    expect(list.items.find((i) => i.id === second.id)?.sessions).toBe(10);
  });
});

describe('verification', () => {
  it('confirms an untouched consent and detects a text altered behind the application’s back', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c);
    const signed = await signedConsent(c, courseId);
    const url = `/api/v1/consents/${signed.id}/verify`;
    expect((await ok<{ valid: boolean }>(c.doctor.call({ method: 'GET', url }))).valid).toBe(true);

    // The database itself refuses to change a signed consent…
    await expect(t.db.tx({ system: true }, (q) => q.query("UPDATE consents SET text = text || ' ' WHERE id = $1", [signed.id]))).rejects.toThrow(/frozen/);
    // …so tampering takes the table owner switching the guard off; the hash still tells.
    await t.db.tx({ system: true }, async (q) => {
      await q.query('ALTER TABLE consents DISABLE TRIGGER consents_frozen');
      await q.query("UPDATE consents SET text = replace(text, '8 сеансов', '4 сеанса') WHERE id = $1", [signed.id]);
      await q.query('ALTER TABLE consents ENABLE TRIGGER consents_frozen');
    });
    const tampered = await ok<{ valid: boolean; storedHash: string; computedHash: string }>(c.doctor.call({ method: 'GET', url }));
    expect(tampered.valid).toBe(false);
    expect(tampered.storedHash).toBe(signed.contentHash);
    expect(tampered.computedHash).not.toBe(signed.contentHash);
  });

  it('has nothing to verify on a draft', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c);
    const draft = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: {} }), 201);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/consents/${draft.id}/verify` })).statusCode).toBe(409);
    const pdf = pdfPlainText((await c.doctor.call({ method: 'GET', url: `/api/v1/consents/${draft.id}/pdf` })).rawPayload);
    expect(pdf).toContain('ПРОЕКТ — не подписан');
    expect(pdf).toContain('SHA-256 подписанного согласия: — (не подписано)');
  });
});

describe('withdrawal', () => {
  it('is recorded with time and reason, and blocks the course’s next session (no-consent)', async () => {
    const c = await t.clinic();
    await emergencyKitReady(t, c.id);
    const { courseId, productId } = await makeCourse(c);
    const lot = await ok<{ id: string }>(c.doctor.call({ method: 'POST', url: '/api/v1/lots', payload: { productId, lot: 'L-1', expires: '2099-12-31', quantity: 50 } }), 201);
    const session = (daysAgo: number) => ({
      courseId,
      performedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      areas: [{ area: 'scalp', volumeMl: 2 }],
      lots: [{ lotId: lot.id, volumeMl: 2 }],
      depthMm: 2,
      overrideReason: 'Reviewed with the patient.',
    });
    const signed = await signedConsent(c, courseId);
    await ok(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/baseline-photo-waiver`, payload: { reason: 'Photographed at the previous clinic.' } }), 201);
    await ok(c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: session(14) }), 201);

    const withdrawn = await ok<ConsentBody>(c.nurse.call({ method: 'POST', url: `/api/v1/consents/${signed.id}/withdraw`, payload: { reason: 'Changed her mind after the first session.' } }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawalReason: 'Changed her mind after the first session.', contentHash: signed.contentHash });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/consents/${signed.id}/withdraw`, payload: { reason: 'Again.' } })).statusCode).toBe(409);

    const blocked = await c.doctor.call({ method: 'POST', url: '/api/v1/sessions', payload: session(7) });
    expect(blocked.statusCode).toBe(422);
    const findings = blocked.json<{ findings: { rule: string; level: string }[] }>().findings;
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'no-consent', level: 'block' }));
    const pdf = await c.doctor.call({ method: 'GET', url: `/api/v1/consents/${signed.id}/pdf` });
    expect(pdfPlainText(pdf.rawPayload)).toContain('ОТОЗВАНО пациентом');
    // The withdrawn consent still verifies: withdrawal never touches what was signed.
    expect((await ok<{ valid: boolean }>(c.doctor.call({ method: 'GET', url: `/api/v1/consents/${signed.id}/verify` }))).valid).toBe(true);
  });

  it('needs a reason, and only a signed consent can be withdrawn', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c);
    const draft = await ok<ConsentBody>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: {} }), 201);
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/consents/${draft.id}/withdraw`, payload: {} })).statusCode).toBe(400);
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/consents/${draft.id}/withdraw`, payload: { reason: 'No longer wants it.' } })).statusCode).toBe(409);
  });
});

describe('access and tenancy', () => {
  it("answers 404 for another clinic's consent or course, 400 for ids that are not UUIDs, 403 to reception, and audits reads", async () => {
    const a = await t.clinic();
    const b = await t.clinic();
    const { courseId, patientId } = await makeCourse(a);
    const signed = await signedConsent(a, courseId);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/consents/${signed.id}`, undefined],
      ['GET', `/api/v1/consents/${signed.id}/pdf`, undefined],
      ['GET', `/api/v1/consents/${signed.id}/verify`, undefined],
      ['GET', `/api/v1/consents/${signed.id}/signatures/patient`, undefined],
      ['POST', `/api/v1/consents/${signed.id}/withdraw`, { reason: 'Not hers to withdraw.' }],
      ['POST', `/api/v1/courses/${courseId}/consent`, {}],
      ['POST', `/api/v1/patients/${patientId}/photo-consent`, { photoUse: 'teaching' }],
      ['GET', `/api/v1/patients/${patientId}/consents`, undefined],
    ] as const) {
      expect((await b.doctor.call({ method, url, payload })).statusCode, url).toBe(404);
    }
    expect((await b.doctor.call({ method: 'POST', url: `/api/v1/consents/${uuidv7()}/sign`, payload: await signBody() })).statusCode).toBe(404);
    expect((await a.doctor.call({ method: 'GET', url: '/api/v1/consents/42' })).statusCode).toBe(400);
    expect((await a.doctor.call({ method: 'POST', url: '/api/v1/courses/not-a-uuid/consent', payload: {} })).statusCode).toBe(400);
    expect((await a.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent?lang=de`, payload: {} })).statusCode).toBe(400);
    expect((await a.reception.call({ method: 'GET', url: `/api/v1/consents/${signed.id}` })).statusCode).toBe(403);
    expect((await ok<ConsentBody>(a.doctor.call({ method: 'GET', url: `/api/v1/consents/${signed.id}` }))).status).toBe('signed');

    await a.owner.call({ method: 'GET', url: `/api/v1/consents/${signed.id}/pdf` });
    expect((await auditActions(t, a.id, 'consent.read'))[0]).toMatchObject({ record_id: signed.id, outcome: 'success' });
    expect((await auditActions(t, a.id, 'consent.pdf'))[0]).toMatchObject({ record_id: signed.id, actor_role: 'owner' });
    expect((await auditActions(t, a.id, 'consent.sign'))[0]).toMatchObject({ record_id: signed.id, details: expect.objectContaining({ contentHash: signed.contentHash }) as unknown });
    expect((await auditActions(t, b.id, 'consent.read'))[0]).toMatchObject({ record_id: signed.id, outcome: 'not-found' });
  });
});
