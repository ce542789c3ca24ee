import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../domain/consent/default-templates.ts';
import { setupTestApp } from '../../../test/app.ts';
import { countRows, makeCourse, makePatient, ok, signBody, signedConsent } from './testing.ts';

const t = await setupTestApp({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-templates-')) });

interface Template {
  id: string;
  kind: string;
  language: string;
  version: number;
  title: string;
  body: string;
  active: boolean;
}

describe('consent templates', () => {
  it('are seeded on first use in English and Russian, and read by clinical staff only', async () => {
    const c = await t.clinic();
    expect(await countRows(t, 'consent_templates', c.id)).toBe(0);
    const list = await ok<{ items: Template[] }>(c.doctor.call({ method: 'GET', url: '/api/v1/consent-templates' }));
    expect(list.items.map((i) => `${i.kind}/${i.language}/v${i.version}`).sort()).toEqual(['photo-use/en/v1', 'photo-use/ru/v1', 'treatment/en/v1', 'treatment/ru/v1']);
    expect(list.items.find((i) => i.kind === 'treatment' && i.language === 'ru')?.body).toBe(defaultTemplate('treatment', 'ru').body);
    await ok(c.owner.call({ method: 'GET', url: '/api/v1/consent-templates?kind=photo-use&language=ru' }));
    expect((await c.reception.call({ method: 'GET', url: '/api/v1/consent-templates' })).statusCode).toBe(403);
    const placeholders = await ok<{ items: { name: string; required: boolean }[] }>(c.nurse.call({ method: 'GET', url: '/api/v1/consent-templates/placeholders' }));
    expect(placeholders.items.filter((p) => p.required).map((p) => p.name)).toContain('course.expectedResults');
  });

  it('are edited by owners as new versions: new consents use the new text, signed ones keep theirs', async () => {
    const c = await t.clinic();
    const { courseId } = await makeCourse(c, { lang: 'ru' });
    const before = await signedConsent(c, courseId);
    const body = defaultTemplate('treatment', 'ru').body.replace('## 10. Мои заявления', '## 10. Заявления пациента');
    const v2 = await ok<Template>(c.owner.call({ method: 'POST', url: '/api/v1/consent-templates', payload: { kind: 'treatment', language: 'ru', title: 'ИДС на мезотерапию', body } }), 201);
    expect(v2).toMatchObject({ version: 2, active: true });
    const history = await ok<{ items: Template[] }>(c.owner.call({ method: 'GET', url: '/api/v1/consent-templates?kind=treatment&language=ru&history=true' }));
    expect(history.items.map((i) => [i.version, i.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const draft = await ok<{ text: string; templateVersion: number }>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent`, payload: {} }), 201);
    expect(draft.templateVersion).toBe(2);
    expect(draft.text).toContain('## 10. Заявления пациента');
    const old = await ok<{ text: string; templateVersion: number }>(c.doctor.call({ method: 'GET', url: `/api/v1/consents/${before.id}` }));
    expect(old).toMatchObject({ templateVersion: 1, text: before.text });
    expect(old.text).toContain('## 10. Мои заявления');
    // Versions are kept as written, in the database too.
    await expect(t.db.tx({ system: true }, (q) => q.query("UPDATE consent_templates SET body = 'x' WHERE id = $1", [v2.id]))).rejects.toThrow(/kept/);
  });

  it('refuses an edit that drops a required element or invents a placeholder, and writes nothing', async () => {
    const c = await t.clinic();
    await ok(c.owner.call({ method: 'GET', url: '/api/v1/consent-templates' }));
    const full = defaultTemplate('treatment', 'en').body;
    const dropped = await c.owner.call({ method: 'POST', url: '/api/v1/consent-templates', payload: { kind: 'treatment', language: 'en', title: 'T', body: full.replace('{{course.postCare}}', '') } });
    expect(dropped.statusCode).toBe(422);
    expect(dropped.json<{ missing: string[] }>().missing).toEqual(['course.postCare']);
    const invented = await c.owner.call({ method: 'POST', url: '/api/v1/consent-templates', payload: { kind: 'treatment', language: 'en', title: 'T', body: `${full}\n{{patient.shoeSize}}` } });
    expect(invented.statusCode).toBe(422);
    expect(invented.json<{ unknown: string[] }>().unknown).toEqual(['patient.shoeSize']);
    for (const payload of [
      { kind: 'treatment', language: 'de', title: 'T', body: full },
      { kind: 'waiver', language: 'en', title: 'T', body: full },
      { kind: 'treatment', language: 'en', title: '', body: full },
      { kind: 'treatment', language: 'en', title: 'T', body: full, active: false },
    ]) {
      expect((await c.owner.call({ method: 'POST', url: '/api/v1/consent-templates', payload })).statusCode).toBe(400);
    }
    expect((await c.doctor.call({ method: 'POST', url: '/api/v1/consent-templates', payload: { kind: 'treatment', language: 'en', title: 'T', body: full } })).statusCode).toBe(403);
    expect(await countRows(t, 'consent_templates', c.id)).toBe(4);
    expect((await c.owner.call({ method: 'GET', url: '/api/v1/consent-templates/not-an-id' })).statusCode).toBe(400);
  });
});

describe('photo-use consent', () => {
  it('is separate from treatment, per patient, and a new one supersedes the one in force', async () => {
    const c = await t.clinic();
    const patientId = await makePatient(c, 'ru');
    const teaching = await ok<{ id: string; text: string; kind: string; photoUse: string; courseId: string | null }>(
      c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/photo-consent`, payload: { photoUse: 'teaching' } }),
      201,
    );
    expect(teaching).toMatchObject({ kind: 'photo-use', photoUse: 'teaching', courseId: null });
    expect(teaching.text).toContain('для обучения медицинских специалистов');
    await ok(c.doctor.call({ method: 'POST', url: `/api/v1/consents/${teaching.id}/sign`, payload: await signBody() }));
    const clinical = await ok<{ id: string; text: string }>(c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/photo-consent?lang=en`, payload: { photoUse: 'clinical' } }), 201);
    expect(clinical.text).toContain('Only within my medical record');
    await ok(c.doctor.call({ method: 'POST', url: `/api/v1/consents/${clinical.id}/sign`, payload: await signBody('Elena Ivanova') }));
    const list = await ok<{ items: { id: string; status: string }[] }>(c.doctor.call({ method: 'GET', url: `/api/v1/patients/${patientId}/consents?kind=photo-use` }));
    expect(list.items.map((i) => [i.id, i.status])).toEqual([
      [clinical.id, 'signed'],
      [teaching.id, 'superseded'],
    ]);
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/photo-consent`, payload: { photoUse: 'marketing' } })).statusCode).toBe(400);
    expect((await c.nurse.call({ method: 'POST', url: `/api/v1/patients/${patientId}/photo-consent`, payload: {} })).statusCode).toBe(400);
  });
});

describe('the API description', () => {
  it('documents the consent and photo routes from their schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    type Op = { requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> }; description?: string };
    const paths = res.json<{ paths: Record<string, Record<string, Op>> }>().paths;
    const sign = paths['/api/v1/consents/{id}/sign']?.post;
    expect(Object.keys(sign?.requestBody?.content['application/json']?.schema?.properties ?? {})).toEqual(['patientSignature', 'typedName', 'doctorSignature']);
    expect(Object.keys(paths['/api/v1/courses/{id}/consent']?.post?.requestBody?.content['application/json']?.schema?.properties ?? {})).toEqual(['additions']);
    expect(paths['/api/v1/photos']?.post?.description).toContain('multipart/form-data');
    for (const p of ['/api/v1/consents/{id}/verify', '/api/v1/consents/{id}/pdf', '/api/v1/photos/{id}/{size}', '/api/v1/courses/{id}/photo-comparison', '/api/v1/consent-templates']) expect(paths[p], p).toBeDefined();
  });
});
