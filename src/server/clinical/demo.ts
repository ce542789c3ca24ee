// The demo clinic's clinical record: an anti-shock kit in date, patients whose histories show the
// safety engine at work (pregnant, gallstones, lidocaine allergy), and one patient with an active
// course and two signed sessions — recorded through the same services as the API, so they are real.
// Runs after the catalog's demo step (it uses the starter products and their lots).
import { uuidv7 } from 'uuidv7';
import { addDays, instantAt } from '../../domain/clinical/calendar.ts';
import type { SignatureInput } from '../../domain/api/consents.ts';
import type { Role } from '../../domain/permissions.ts';
import type { Actor } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import type { DemoStep } from '../db/demo.ts';
import { produceTreatmentConsentIn } from '../consents/service.ts';
import { signConsentIn } from '../consents/sign.ts';
import { storedSignature } from '../consents/signatures.ts';
import { createCourseIn } from '../courses/service.ts';
import { addAllergyIn, addConditionIn } from '../history/service.ts';
import { patientsRepository } from '../patients/repository.ts';
import { recordSessionIn } from '../sessions/record.ts';
import { signSessionIn } from '../sessions/service.ts';
import { clinicToday, loadClinicFacts } from './clinic.ts';

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

// Signatures as the pad sends them: pen strokes, drawn once here for the demo's patients and doctor.
const strokes = (paths: string[]): SignatureInput => ({ type: 'svg-path', width: 400, height: 120, paths });
const patientPen = strokes([
  'M20 82 C 34 30, 58 24, 66 70 S 92 108, 112 56 C 122 30, 140 34, 142 70 C 144 98, 164 96, 178 62 L 192 40',
  'M204 76 C 222 44, 242 42, 252 74 S 292 102, 318 56 C 330 36, 352 42, 380 72',
]);
const doctorPen = strokes(['M24 70 C 40 20, 70 20, 64 64 C 60 96, 96 96, 112 58 C 124 30, 150 26, 160 62 S 196 96, 220 50 L 236 30 M 250 64 C 280 52, 320 58, 376 48']);

/** The course's consent as the consents capability produces it from the plan, signed on screen at `at`. */
async function signedConsent(q: Queryable, doctor: Actor, c: { courseId: string; typedName: string; at: Date }): Promise<void> {
  const { at } = c;
  const draft = await produceTreatmentConsentIn(q, doctor, c.courseId, {}, undefined, at);
  const patientSig = await storedSignature(patientPen, 'patientSignature');
  const doctorSig = await storedSignature(doctorPen, 'doctorSignature');
  await signConsentIn(q, doctor, draft.id, { patientSig, doctorSig, typedName: c.typedName }, at);
}

async function waiveBaselinePhotos(q: Queryable, clinicId: string, courseId: string, doctorId: string): Promise<void> {
  await q.query("INSERT INTO baseline_photo_waivers (id, clinic_id, course_id, reason, recorded_by) VALUES ($1, $2, $3, 'Baseline photographs kept in the paper chart of the first visit', $4)", [
    uuidv7(),
    clinicId,
    courseId,
    doctorId,
  ]);
}

// Papules on the face chart as the web client stores them: zone "diagram/zone", x and y of the
// diagram (src/web/components/injection/zones.ts), 0.25 ml each — 2.5 ml into the face, 1 ml into the neck.
const facePoint = (zone: string, x: number, y: number) => ({ area: 'face' as const, zone: `front/${zone}`, x, y, volumeMl: 0.25, depthMm: 1.5 });
const neckPoint = (x: number, y: number) => ({ area: 'neck' as const, zone: 'front/neck', x, y, volumeMl: 0.25, depthMm: 1 });
const demoMap = [
  facePoint('forehead', 0.4, 0.33),
  facePoint('forehead', 0.5, 0.32),
  facePoint('forehead', 0.6, 0.33),
  facePoint('cheek-r', 0.3, 0.58),
  facePoint('cheek-r', 0.34, 0.62),
  facePoint('cheek-r', 0.29, 0.64),
  facePoint('cheek-l', 0.7, 0.58),
  facePoint('cheek-l', 0.66, 0.62),
  facePoint('cheek-l', 0.71, 0.64),
  facePoint('chin', 0.5, 0.745),
  neckPoint(0.44, 0.86),
  neckPoint(0.56, 0.86),
  neckPoint(0.46, 0.9),
  neckPoint(0.54, 0.9),
];

/** The demo step of the clinical record. */
export const clinicalDemoStep: DemoStep = async (q, clinicId, users) => {
  // The catalog's engine facts read the transaction's clinic; the demo runs in a system transaction.
  await q.query("SELECT set_config('app.clinic_id', $1, true)", [clinicId]);
  const doctor = actorFor(clinicId, users.doctor, 'doctor');
  const clinic = await loadClinicFacts(q, clinicId);
  const today = clinicToday(clinic);
  // What happened on an earlier day happened in the clinic's hours; what happened today, no later than now.
  const onDay = (daysAgo: number, time: string) => new Date(Math.min(Date.now(), instantAt(addDays(today, -daysAgo), time, clinic.timeZone).getTime()));
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
    // In Russian, as she reads her consent.
    expectedResults: 'Более увлажнённая кожа лица.',
    postCare: 'Без макияжа 24 часа; без сауны 3 дня.',
    priceMinor: 300_000,
  });
  await signedConsent(q, doctor, { courseId: hers.id, typedName: 'Соколова Анна Викторовна', at: onDay(0, '10:20') });
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
    expectedResults: 'Более увлажнённая, ровная и упругая кожа лица и шеи; изменения заметны постепенно, с третьего сеанса.',
    postCare: 'Без макияжа 24 часа; без сауны, бассейна и загара 3 дня; SPF 50 в течение двух недель.',
    allergyTest: { done: true, method: 'Внутрикожная проба коктейля на предплечье', result: 'negative', date: addDays(today, -15) },
    priceMinor: 450_000,
  });
  await signedConsent(q, doctor, { courseId: course.id, typedName: 'Павлова Екатерина Андреевна', at: onDay(15, '17:40') });
  await waiveBaselinePhotos(q, clinicId, course.id, users.doctor);
  for (const [i, daysAgo] of [14, 7].entries()) {
    const performedAt = onDay(daysAgo, i === 0 ? '11:30' : '15:00');
    const session = await recordSessionIn(q, doctor, {
      courseId: course.id,
      performedAt: performedAt.toISOString(),
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
      anaesthesia: { method: 'topical', agent: 'Крем EMLA, 30 минут' },
      asepsis: { skinCleaned: true, anaestheticApplied: 'Крем EMLA', disinfectedAfter: true },
      injectionPoints: demoMap,
      immediateReactions: [{ type: 'erythema', note: 'Лёгкая, прошла в течение часа' }],
      durationMinutes: 40,
      notes: i === 0 ? 'Первая процедура; перенесла хорошо.' : 'Кожа заметно менее сухая; коктейль тот же.',
    });
    // Signed as the doctor finished writing it up.
    await signSessionIn(q, doctor, session.id, new Date(Math.min(Date.now(), performedAt.getTime() + 50 * 60_000)));
  }
};
