// Helpers of the consent and photo integration tests: a patient with a planned course made over
// the API, drawn signatures, a ready emergency kit, and the text of a PDF.
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { uuidv7 } from 'uuidv7';
import { expect } from 'vitest';
import type { TestClinic, TestContext } from '../../../test/app.ts';
import { pdfText } from '../../../test/pdf-text.ts';

/** The JSON answer of a request that must answer `status` (the body is shown when it does not). */
export async function ok<T = Record<string, unknown>>(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

/** A PDF's text on one line: lines wrapped by the layout joined back, runs of space collapsed. */
export function pdfPlainText(pdf: Buffer): string {
  return pdfText(pdf)
    .replace(/(\s)\n/g, '$1')
    .replace(/\s+/g, ' ');
}

/** Registers a patient; Russian-speaking with a Cyrillic name by default. */
export async function makePatient(c: TestClinic, lang: 'en' | 'ru' = 'ru'): Promise<string> {
  const body =
    lang === 'ru'
      ? { givenName: 'Елена', familyName: 'Иванова', patronymic: 'Сергеевна', birthDate: '1985-04-02', sex: 'female', preferredLanguage: 'ru' }
      : { givenName: 'Mary', familyName: 'Smith', birthDate: '1990-09-15', sex: 'female', preferredLanguage: 'en' };
  return (await ok<{ id: string }>(c.doctor.call({ method: 'POST', url: '/api/v1/patients', payload: body }), 201)).id;
}

/** A hair-loss product with two substances, named in English and Russian; returns its id. */
export async function makeHairProduct(c: TestClinic): Promise<string> {
  const code = `hair-${uuidv7().slice(-8)}`;
  for (const [s, en, ru, cls] of [
    [`${code}-biotin`, 'Biotin (vitamin B7)', 'Биотин (витамин B7)', 'vitamin'],
    [`${code}-zinc`, 'Zinc gluconate', 'Глюконат цинка', 'trace-element'],
  ] as const) {
    await ok(c.doctor.call({ method: 'POST', url: '/api/v1/substances', payload: { code: s, nameEn: en, nameRu: ru, class: cls } }), 201);
  }
  const product = await ok<{ id: string }>(
    c.doctor.call({
      method: 'POST',
      url: '/api/v1/products',
      payload: {
        code,
        name: 'TrichoVital Complex',
        nameRu: 'ТрихоВитал Комплекс',
        registrationNumber: 'DEMO-RZN-2024/0042',
        licensed: true,
        intradermal: true,
        ampouleMl: 5,
        substances: [{ code: `${code}-biotin` }, { code: `${code}-zinc` }],
      },
    }),
    201,
  );
  return product.id;
}

/** The plan of a hair-loss course; fields may be overridden or removed (undefined). */
export function coursePlan(patientId: string, productId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId,
    indications: ['alopecia'],
    areas: ['scalp'],
    technique: 'manual',
    depthMm: 2,
    components: [{ productId, volumeMl: 2 }],
    plannedSessions: 8,
    intervalDays: 7,
    expectedResults: 'Less hair shedding after 4–6 sessions; new growth visible after about three months.',
    postCare: 'Do not wash the hair for 24 hours; no sauna or swimming pool for 3 days.',
    priceMinor: 350_000,
    ...extra,
  };
}

/** A patient with a planned hair-loss course. */
export async function makeCourse(c: TestClinic, options: { lang?: 'en' | 'ru'; patientId?: string; plan?: Record<string, unknown> } = {}): Promise<{ patientId: string; courseId: string; productId: string }> {
  const patientId = options.patientId ?? (await makePatient(c, options.lang ?? 'ru'));
  const productId = await makeHairProduct(c);
  const course = await ok<{ id: string }>(c.doctor.call({ method: 'POST', url: '/api/v1/courses', payload: coursePlan(patientId, productId, options.plan) }), 201);
  return { patientId, courseId: course.id, productId };
}

/** A drawn signature as a PNG: a zig-zag stroke on a transparent pad. */
export async function pngSignature(): Promise<{ type: 'png'; dataBase64: string }> {
  const stroke = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><path d="M20 80 L60 20 L100 80 L140 20 L180 80" stroke="#000" stroke-width="3" fill="none"/></svg>');
  const png = await sharp({ create: { width: 300, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite([{ input: stroke }]).png().toBuffer();
  return { type: 'png', dataBase64: png.toString('base64') };
}

/** A drawn signature as pen strokes. */
export const svgSignature = { type: 'svg-path', width: 300, height: 100, paths: ['M10 70 C 40 10, 60 10, 80 60 S 120 90, 150 40', 'M160 40 L 200 60 Q 230 20 280 50'] } as const;

/** A body that signs a consent. */
export async function signBody(typedName = 'Иванова Елена Сергеевна'): Promise<Record<string, unknown>> {
  return { patientSignature: svgSignature, typedName, doctorSignature: await pngSignature() };
}

/** Produces and signs the course's consent; returns it. */
export async function signedConsent(c: TestClinic, courseId: string, lang?: 'en' | 'ru'): Promise<{ id: string; contentHash: string; text: string }> {
  const draft = await ok<{ id: string }>(c.doctor.call({ method: 'POST', url: `/api/v1/courses/${courseId}/consent${lang ? `?lang=${lang}` : ''}`, payload: {} }), 201);
  return ok(c.doctor.call({ method: 'POST', url: `/api/v1/consents/${draft.id}/sign`, payload: await signBody() }));
}

/** A complete, in-date anti-shock kit for the clinic (the emergency-kit rule blocks without one). */
export async function emergencyKitReady(t: TestContext, clinicId: string): Promise<void> {
  await t.db.tx({ system: true }, async (q) => {
    for (const kind of ['adrenaline', 'antihistamine', 'corticosteroid']) {
      await q.query("INSERT INTO emergency_kit_items (id, clinic_id, name, kind, expires_on) VALUES ($1, $2, $3, $4, current_date + 365)", [uuidv7(), clinicId, kind, kind]);
    }
  });
}

/** Rows of a table for one clinic, read past row-level security. */
export async function countRows(t: TestContext, table: 'consents' | 'consent_templates' | 'photos' | 'baseline_photo_waivers' | 'courses', clinicId: string, where = 'true'): Promise<number> {
  return t.db.tx({ system: true }, async (q) => (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE clinic_id = $1 AND ${where}`, [clinicId])).rows[0]?.n ?? 0);
}

/** Audit events of a clinic with this action, newest first. */
export async function auditActions(t: TestContext, clinicId: string, action: string): Promise<{ record_id: string | null; outcome: string; actor_role: string | null; details: Record<string, unknown> }[]> {
  return t.db.tx({ system: true }, async (q) =>
    (
      await q.query<{ record_id: string | null; outcome: string; actor_role: string | null; details: Record<string, unknown> }>(
        'SELECT record_id, outcome, actor_role, details FROM audit_events WHERE clinic_id = $1 AND action = $2 ORDER BY id DESC',
        [clinicId, action],
      )
    ).rows,
  );
}
