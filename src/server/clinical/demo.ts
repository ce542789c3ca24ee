// The demo clinic's clinical record: an anti-shock kit in date, patients whose histories show the
// safety engine at work (pregnant, gallstones, lidocaine allergy), and one patient with an active
// course and two signed sessions — recorded through the same services as the API, so they are real.
// Runs after the catalog's demo step (it uses the starter products and their lots).
import crypto from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { addDays } from '../../domain/clinical/calendar.ts';
import { consentHash } from '../../domain/consent/hash.ts';
import type { Role } from '../../domain/permissions.ts';
import type { Actor } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import type { DemoStep } from '../db/demo.ts';
import { createCourseIn } from '../courses/service.ts';
import { addAllergyIn, addConditionIn } from '../history/service.ts';
import { patientsRepository } from '../patients/repository.ts';
import { recordSessionIn } from '../sessions/record.ts';
import { signSessionIn } from '../sessions/service.ts';
import { clinicToday, loadClinicFacts } from './clinic.ts';

const day = 86_400_000;
// A 1×1 PNG: the demo consent's "drawn" signatures.
const signaturePng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function actorFor(clinicId: string, userId: string, role: Role): Actor {
  return { userId, clinicId, role, email: `${role}@demo.mesochart.app`, language: 'en', via: 'session', ip: '127.0.0.1' };
}

async function kit(q: Queryable, clinicId: string, nurseId: string, today: string): Promise<void> {
  const items: [string, string][] = [
    ['Adrenaline (epinephrine) 0.1% 1 ml ×3', 'adrenaline'],
    ['Chloropyramine 2% 1 ml ×2', 'antihistamine'],
    ['Prednisolone 30 mg/ml ×3', 'corticosteroid'],
    ['Atropine 0.1% 1 ml ×2', 'atropine'],
    ['Infusion set with 0.9% saline 500 ml', 'infusion-set'],
  ];
  for (const [i, [name, kind]] of items.entries()) {
    await q.query(
      `INSERT INTO emergency_kit_items (id, clinic_id, name, kind, required, lot, expires_on, last_checked_at, last_checked_by)
       VALUES ($1, $2, $3, $4, true, $5, $6, now() - interval '2 days', $7)`,
      [uuidv7(), clinicId, name, kind, `AK-${2611 + i}`, addDays(today, 300 + 20 * i), nurseId],
    );
  }
}

async function patient(q: Queryable, clinicId: string, by: string, p: Parameters<typeof patientsRepository.insert>[3]): Promise<{ id: string; birthDate: string }> {
  const created = await patientsRepository.insert(q, uuidv7(), clinicId, p, by);
  return { id: created.id, birthDate: created.birthDate };
}

/** The in-date lot of a product with the most stock on hand. */
async function bestLot(q: Queryable, clinicId: string, code: string, onDay: string): Promise<{ id: string; productId: string }> {
  const r = await q.query<{ id: string; product_id: string }>(
    `SELECT l.id, l.product_id FROM lots l JOIN products p ON p.clinic_id = l.clinic_id AND p.id = l.product_id
     WHERE l.clinic_id = $1 AND p.code = $2 AND l.expires_on >= $3 AND l.recalled_at IS NULL ORDER BY l.quantity_on_hand_ml DESC LIMIT 1`,
    [clinicId, code, onDay],
  );
  const lot = r.rows[0];
  if (!lot) throw new Error(`the demo catalog has no usable lot of ${code}: the catalog's demo step must run first`);
  return { id: lot.id, productId: lot.product_id };
}

async function signedConsent(
  q: Queryable,
  c: { clinicId: string; patientId: string; courseId: string; doctorId: string; codes: string[]; sessions: number; typedName: string; daysAgo: number },
): Promise<void> {
  const id = uuidv7();
  const signedAt = new Date(Date.now() - c.daysAgo * day);
  const text = [
    'INFORMED CONSENT TO MESOTHERAPY',
    `I agree to a course of ${c.sessions} mesotherapy sessions, one a week, with ${c.codes.join(' and ')}.`,
    'Expected results: better hydrated, more even skin; the change is gradual.',
    'After each session: no make-up for 24 hours, no sauna, pool or sunbathing for 3 days.',
    'I was told of the expected reactions (redness, small bruises, papules for up to 72 hours) and the rare complications.',
  ].join('\n');
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const hash = await consentHash({
    consentId: id,
    kind: 'treatment',
    language: 'en',
    patientId: c.patientId,
    courseId: c.courseId,
    productCodes: c.codes,
    sessions: c.sessions,
    photoUse: null,
    text,
    signedAt,
    typedName: c.typedName,
    patientSignatureSha256: sha(signaturePng),
    doctorSignatureSha256: sha(signaturePng),
    countersignedBy: c.doctorId,
  });
  await q.query(
    `INSERT INTO consents (id, clinic_id, patient_id, course_id, kind, language, status, text, product_codes, sessions, content_hash, signed_at,
                           patient_typed_name, patient_signature, patient_signature_type, doctor_signature, doctor_signature_type, countersigned_by, countersigned_at, created_by)
     VALUES ($1, $2, $3, $4, 'treatment', 'en', 'signed', $5, $6, $7, $8, $9, $10, $11, 'png', $11, 'png', $12, $9, $12)`,
    [id, c.clinicId, c.patientId, c.courseId, text, c.codes, c.sessions, hash, signedAt, c.typedName, signaturePng, c.doctorId],
  );
  await q.query("UPDATE courses SET status = 'active' WHERE clinic_id = $1 AND id = $2 AND status = 'awaiting-consent'", [c.clinicId, c.courseId]);
}

async function waiveBaselinePhotos(q: Queryable, clinicId: string, courseId: string, doctorId: string): Promise<void> {
  await q.query("INSERT INTO baseline_photo_waivers (id, clinic_id, course_id, reason, recorded_by) VALUES ($1, $2, $3, 'Baseline photographs kept in the paper chart of the first visit', $4)", [
    uuidv7(),
    clinicId,
    courseId,
    doctorId,
  ]);
}

/** The demo step of the clinical record. */
export const clinicalDemoStep: DemoStep = async (q, clinicId, users) => {
  // The catalog's engine facts read the transaction's clinic; the demo runs in a system transaction.
  await q.query("SELECT set_config('app.clinic_id', $1, true)", [clinicId]);
  const doctor = actorFor(clinicId, users.doctor, 'doctor');
  const today = clinicToday(await loadClinicFacts(q, clinicId));
  await kit(q, clinicId, users.nurse, today);

  const gallstones = await patient(q, clinicId, users.reception, { givenName: 'Татьяна', familyName: 'Морозова', birthDate: '1971-02-09', sex: 'female', phone: '+7 925 555-30-41', preferredLanguage: 'ru' });
  await addConditionIn(q, doctor, gallstones.id, { code: 'cholelithiasis', note: 'Ultrasound 2024: several small stones; no surgery' });
  await q.query('INSERT INTO patient_weights (id, clinic_id, patient_id, weight_kg, measured_on, recorded_by) VALUES ($1, $2, $3, 74, $4, $5)', [uuidv7(), clinicId, gallstones.id, today, users.nurse]);

  const allergic = await patient(q, clinicId, users.reception, { givenName: 'Victoria', familyName: 'Lebedeva', birthDate: '1987-11-03', sex: 'female', phone: '+7 903 555-72-18', email: 'v.lebedeva@example.com', preferredLanguage: 'en' });
  await addAllergyIn(q, doctor, allergic.id, { substance: 'lidocaine', reaction: 'Hives and facial swelling after dental anaesthesia (2019)' });

  const treated = await patient(q, clinicId, users.reception, { givenName: 'Екатерина', familyName: 'Павлова', patronymic: 'Андреевна', birthDate: '1984-05-30', sex: 'female', phone: '+7 977 555-84-06', preferredLanguage: 'ru' });
  await addConditionIn(q, doctor, treated.id, { code: 'recent-surgery', onset: addDays(today, -150), endDate: addDays(today, -100), note: 'Laparoscopic appendectomy; healed' });
  const revita = await bestLot(q, clinicId, 'revita-complex', today);
  const hyalo = await bestLot(q, clinicId, 'hyalo-nx-15', today);

  // Her course was planned and consented before she knew she was pregnant: its sessions are refused.
  const pregnant = await patient(q, clinicId, users.reception, { givenName: 'Анна', familyName: 'Соколова', patronymic: 'Викторовна', birthDate: '1993-07-21', sex: 'female', phone: '+7 916 555-11-20', preferredLanguage: 'ru' });
  const hers = await createCourseIn(q, doctor, {
    patientId: pregnant.id,
    indications: ['dehydrated-skin'],
    areas: ['face'],
    technique: 'manual',
    depthMm: 2,
    components: [{ productId: revita.productId, volumeMl: 2 }],
    plannedSessions: 5,
    intervalDays: 7,
    startsOn: today,
    expectedResults: 'Better hydrated skin of the face.',
    postCare: 'No make-up for 24 hours; no sauna for 3 days.',
    priceMinor: 300_000,
  });
  await signedConsent(q, { clinicId, patientId: pregnant.id, courseId: hers.id, doctorId: users.doctor, codes: ['revita-complex'], sessions: 5, typedName: 'Соколова Анна Викторовна', daysAgo: 0 });
  await waiveBaselinePhotos(q, clinicId, hers.id, users.doctor);
  await addConditionIn(q, doctor, pregnant.id, { code: 'pregnancy', onset: addDays(today, -70), note: 'About 10 weeks; told us after the course was planned' });
  const course = await createCourseIn(q, doctor, {
    patientId: treated.id,
    indications: ['age-changes', 'dehydrated-skin'],
    areas: ['face', 'neck'],
    technique: 'papular',
    depthMm: 1.5,
    components: [
      { productId: revita.productId, volumeMl: 2 },
      { productId: hyalo.productId, volumeMl: 1.5 },
    ],
    plannedSessions: 6,
    intervalDays: 7,
    startsOn: addDays(today, -14),
    expectedResults: 'Better hydrated, more even and elastic skin of the face and neck, seen gradually from the third session.',
    postCare: 'No make-up for 24 hours; no sauna, pool or sunbathing for 3 days; SPF 50 for two weeks.',
    allergyTest: { done: true, method: 'Intradermal test of the cocktail, forearm', result: 'negative', date: addDays(today, -15) },
    priceMinor: 450_000,
  });
  await signedConsent(q, { clinicId, patientId: treated.id, courseId: course.id, doctorId: users.doctor, codes: ['revita-complex', 'hyalo-nx-15'], sessions: 6, typedName: 'Павлова Екатерина Андреевна', daysAgo: 15 });
  await waiveBaselinePhotos(q, clinicId, course.id, users.doctor);
  for (const [i, daysAgo] of [14, 7].entries()) {
    const session = await recordSessionIn(q, doctor, {
      courseId: course.id,
      performedAt: new Date(Date.now() - daysAgo * day - 3 * 3_600_000).toISOString(),
      areas: [
        { area: 'face', volumeMl: 2.5 },
        { area: 'neck', volumeMl: 1 },
      ],
      lots: [
        { lotId: revita.id, volumeMl: 2 },
        { lotId: hyalo.id, volumeMl: 1.5 },
      ],
      depthMm: 1.5,
      needle: { gauge: 32, lengthMm: 4 },
      anaesthesia: { method: 'topical', agent: 'EMLA cream, 30 minutes' },
      asepsis: { skinCleaned: true, anaestheticApplied: 'EMLA cream', disinfectedAfter: true },
      injectionPoints: [
        { area: 'face', zone: 'malar-left', x: 0.34, y: 0.47, volumeMl: 0.05, depthMm: 1.5 },
        { area: 'face', zone: 'malar-right', x: 0.66, y: 0.47, volumeMl: 0.05, depthMm: 1.5 },
        { area: 'neck', zone: 'anterior', x: 0.5, y: 0.8, volumeMl: 0.05, depthMm: 1 },
      ],
      immediateReactions: [{ type: 'erythema', note: 'Mild, gone within the hour' }],
      durationMinutes: 40,
      notes: i === 0 ? 'First session; tolerated well.' : 'Skin visibly less dry; same cocktail.',
    });
    await signSessionIn(q, doctor, session.id);
  }
};
