import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';
import { clinicalClinic, consentedCourse, countRows, courseBody, dayFromToday, newCourse, newPatient, sessionBody, signedConsent } from '../../../test/fixtures/clinical.ts';

const t = await setupTestApp();

interface Course {
  id: string;
  status: string;
  components: { productId: string; code: string; name: string; volumeMl: number; substances: { code: string; class: string }[] }[];
  plannedDates: string[];
  startsOn: string;
  assessment: { decision: string; findings: { rule: string; level: string }[] };
  totalVolumeMl: number;
  nextDueOn: string | null;
}

describe('planning a course', () => {
  it('saves the plan with its cocktail as a snapshot and its planned dates', async () => {
    const c = await clinicalClinic(t);
    const patientId = await newPatient(c.reception);
    const res = await c.doctor.call({
      method: 'POST',
      url: '/api/v1/courses',
      payload: courseBody(
        patientId,
        [
          { productId: c.products['revita-complex']!.id, volumeMl: 3 },
          { productId: c.products['hyalo-nx-15']!.id, volumeMl: 1.5 },
        ],
        { startsOn: '2026-03-20', plannedSessions: 3, intervalDays: 10, allergyTest: { done: true, method: 'skin prick', result: 'negative', date: dayFromToday(-2) }, priceMinor: 450000 },
      ),
    });
    expect(res.statusCode, res.body).toBe(201);
    const course = res.json<Course & { priceMinor: number; currency: string; allergyTest: unknown }>();
    expect(course.status).toBe('awaiting-consent');
    expect(course.plannedDates).toEqual(['2026-03-20', '2026-03-30', '2026-04-09']);
    expect(course.totalVolumeMl).toBe(4.5);
    expect(course.components.map((x) => x.code)).toEqual(['revita-complex', 'hyalo-nx-15']);
    expect(course.components[0]?.substances.map((s) => s.class)).toContain('vitamin');
    expect(course).toMatchObject({ priceMinor: 450000, currency: 'RUB', allergyTest: { done: true, result: 'negative' } });

    // A later catalog edit never rewrites the plan's snapshot.
    await t.db.tx({ clinicId: c.id }, (q) => q.query("UPDATE products SET name = 'Renamed' WHERE id = $1", [c.products['revita-complex']!.id]));
    const again = (await c.doctor.call({ method: 'GET', url: `/api/v1/courses/${course.id}` })).json<Course>();
    expect(again.components[0]?.name).toBe('Revita Complex');
  });

  it("refuses a gallstones patient's course with an artichoke (Hofitol) cocktail, naming the cholelithiasis finding", async () => {
    const c = await clinicalClinic(t);
    const patientId = await newPatient(c.reception);
    await c.doctor.call({ method: 'POST', url: `/api/v1/patients/${patientId}/conditions`, payload: { code: 'cholelithiasis' } });
    const res = await c.doctor.call({
      method: 'POST',
      url: '/api/v1/courses',
      payload: courseBody(patientId, [{ productId: c.products.hofitol!.id, volumeMl: 2 }], { indications: ['cellulite'], areas: ['abdomen'] }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<{ decision: string; findings: { rule: string; level: string; facts: Record<string, unknown>; message: string }[] }>();
    expect(body.decision).toBe('block');
    const finding = body.findings.find((f) => f.rule === 'cholelithiasis');
    expect(finding).toMatchObject({ level: 'block', facts: { substance: 'artichoke-extract', product: 'hofitol' } });
    expect(await countRows(t.db, c.id, 'courses')).toBe(0);
  });

  it('keeps the warnings of a plan with the course (course-long, interval-short)', async () => {
    const c = await clinicalClinic(t);
    const patientId = await newPatient(c.reception);
    const res = await c.doctor.call({
      method: 'POST',
      url: '/api/v1/courses',
      payload: courseBody(patientId, [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }], { plannedSessions: 14, intervalDays: 3, indications: ['cellulite'] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const rules = res.json<Course>().assessment.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['course-long', 'interval-short', 'cellulite-mono']));
  });

  it('takes the cocktail from a template', async () => {
    const c = await clinicalClinic(t);
    const templateId = crypto.randomUUID();
    await t.db.tx({ clinicId: c.id }, async (q) => {
      await q.query("INSERT INTO cocktail_templates (id, clinic_id, name) VALUES ($1, $2, 'Hydration')", [templateId, c.id]);
      await q.query('INSERT INTO cocktail_template_components (clinic_id, template_id, product_id, volume_ml, position) VALUES ($1, $2, $3, 2, 0), ($1, $2, $4, 1, 1)', [
        c.id,
        templateId,
        c.products['hyalo-nx-15']!.id,
        c.products['revita-complex']!.id,
      ]);
    });
    const patientId = await newPatient(c.reception);
    const { components: _, ...body } = courseBody(patientId, []);
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/courses', payload: { ...body, templateId } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Course>().components.map((x) => [x.code, x.volumeMl])).toEqual([
      ['hyalo-nx-15', 2],
      ['revita-complex', 1],
    ]);
  });

  it('sends a consented course back to awaiting consent when its products change, superseding the consent', async () => {
    const c = await clinicalClinic(t);
    const patientId = await newPatient(c.reception);
    const courseId = await newCourse(c, patientId, [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }]);
    const consentId = await signedConsent(t.db, c, { courseId, patientId, productCodes: ['revita-complex'], sessions: 6 });
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/courses/${courseId}` })).json<Course>().status).toBe('active');

    // A change that touches neither products nor session count keeps the consent.
    const note = await c.doctor.call({ method: 'PATCH', url: `/api/v1/courses/${courseId}`, payload: { postCare: 'Avoid sun for a week' } });
    expect(note.json<Course>().status).toBe('active');

    const changed = await c.doctor.call({
      method: 'PATCH',
      url: `/api/v1/courses/${courseId}`,
      payload: { components: [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }, { productId: c.products['hyalo-nx-15']!.id, volumeMl: 1 }] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Course>().status).toBe('awaiting-consent');
    const consent = await t.db.tx({ clinicId: c.id }, (q) => q.query<{ status: string; superseded_at: Date | null }>('SELECT status, superseded_at FROM consents WHERE id = $1', [consentId]));
    expect(consent.rows[0]).toMatchObject({ status: 'superseded' });
    expect(consent.rows[0]?.superseded_at).not.toBeNull();

    await signedConsent(t.db, c, { courseId, patientId, productCodes: ['revita-complex', 'hyalo-nx-15'], sessions: 6 });
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/courses/${courseId}` })).json<Course>().status).toBe('active');
    const fewer = await c.doctor.call({ method: 'PATCH', url: `/api/v1/courses/${courseId}`, payload: { plannedSessions: 4 } });
    expect(fewer.json<Course>().status).toBe('awaiting-consent');
  });

  it('moves a draft to awaiting consent, cancels with a reason and refuses changes afterwards', async () => {
    const c = await clinicalClinic(t);
    const patientId = await newPatient(c.reception);
    const courseId = await newCourse(c, patientId, [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }], { draft: true });
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/courses/${courseId}` })).json<Course>().status).toBe('draft');
    const ready = await c.doctor.call({ method: 'PATCH', url: `/api/v1/courses/${courseId}`, payload: { status: 'awaiting-consent' } });
    expect(ready.json<Course>().status).toBe('awaiting-consent');
    expect((await c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/complete` })).statusCode).toBe(409);
    const cancelled = await c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/cancel`, payload: { reason: 'Patient moved away' } });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Patient moved away', nextDueOn: null });
    expect((await c.doctor.call({ method: 'PATCH', url: `/api/v1/courses/${courseId}`, payload: { notes: 'x' } })).statusCode).toBe(409);
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/courses?patientId=${patientId}` })).json<{ items: Course[] }>().items.map((x) => x.id)).toEqual([courseId]);
  });
});

describe('the practitioner of a course', () => {
  it('is the doctor who planned it until a session is recorded, then whoever performed the latest session', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const { patientId, courseId } = await consentedCourse(c, t.db);
    const list = async () => (await c.doctor.call({ method: 'GET', url: `/api/v1/courses?status=active&patientId=${patientId}` })).json<{ items: (Course & { practitioner: unknown })[] }>().items;
    expect((await list())[0]?.practitioner).toMatchObject({ id: c.doctor.userId, displayName: expect.any(String) });

    const lotId = c.products['revita-complex']!.lotId;
    const byNurse = await c.nurse.call({ method: 'POST', url: '/api/v1/sessions', payload: { ...sessionBody(courseId, lotId, { daysAgo: 8 }), supervisingDoctorId: c.doctor.userId } });
    expect(byNurse.statusCode, byNurse.body).toBe(201);
    expect((await list())[0]?.practitioner).toMatchObject({ id: c.nurse.userId });
    expect((await c.doctor.call({ method: 'GET', url: `/api/v1/courses/${courseId}` })).json<{ practitioner: { id: string } }>().practitioner.id).toBe(c.nurse.userId);

    // Reception never lists courses, practitioner or not.
    expect((await c.reception.call({ method: 'GET', url: '/api/v1/courses?status=active' })).statusCode).toBe(403);
  });
});

describe('bad course input', () => {
  it.each([
    [{ indications: ['beauty'] }, 'body.indications[0]'],
    [{ areas: [] }, 'body.areas'],
    [{ technique: 'laser' }, 'body.technique'],
    [{ depthMm: -1 }, 'body.depthMm'],
    [{ plannedSessions: 0 }, 'body.plannedSessions'],
    [{ intervalDays: 2.5 }, 'body.intervalDays'],
    [{ components: [] }, 'body.components'],
    [{ components: undefined }, 'body.components'],
    [{ priceMinor: 10.5 }, 'body.priceMinor'],
    [{ colour: 'blue' }, 'body.colour'],
  ])('refuses %j naming %s, and writes nothing', async (overrides, path) => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const patientId = await newPatient(c.reception);
    const res = await c.doctor.call({ method: 'POST', url: '/api/v1/courses', payload: courseBody(patientId, [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }], overrides) });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await countRows(t.db, c.id, 'courses')).toBe(0);
  });

  it("answers 404 naming the field for another clinic's patient, product or template", async () => {
    const a = await clinicalClinic(t, ['revita-complex']);
    const b = await clinicalClinic(t, ['revita-complex']);
    const theirPatient = await newPatient(b.reception);
    const mine = await newPatient(a.reception);
    const cases: [Record<string, unknown>, string][] = [
      [courseBody(theirPatient, [{ productId: a.products['revita-complex']!.id, volumeMl: 2 }]), 'body.patientId'],
      [courseBody(mine, [{ productId: b.products['revita-complex']!.id, volumeMl: 2 }]), 'body.components[0].productId'],
      [{ ...courseBody(mine, [{ productId: a.products['revita-complex']!.id, volumeMl: 2 }]), templateId: crypto.randomUUID() }, 'body.templateId'],
    ];
    for (const [payload, path] of cases) {
      const res = await a.doctor.call({ method: 'POST', url: '/api/v1/courses', payload });
      expect(res.statusCode, path).toBe(404);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect(await countRows(t.db, a.id, 'courses')).toBe(0);
    const theirCourse = await newCourse(b, theirPatient, [{ productId: b.products['revita-complex']!.id, volumeMl: 2 }]);
    expect((await a.doctor.call({ method: 'GET', url: `/api/v1/courses/${theirCourse}` })).statusCode).toBe(404);
    expect((await a.doctor.call({ method: 'PATCH', url: `/api/v1/courses/${theirCourse}`, payload: { notes: 'x' } })).statusCode).toBe(404);
    expect((await a.doctor.call({ method: 'GET', url: '/api/v1/courses/not-a-uuid' })).statusCode).toBe(400);
  });

  it('lets only doctors plan', async () => {
    const c = await clinicalClinic(t, ['revita-complex']);
    const patientId = await newPatient(c.reception);
    for (const who of [c.nurse, c.reception, c.owner]) {
      const res = await who.call({ method: 'POST', url: '/api/v1/courses', payload: courseBody(patientId, [{ productId: c.products['revita-complex']!.id, volumeMl: 2 }]) });
      expect(res.statusCode).toBe(403);
    }
  });
});
