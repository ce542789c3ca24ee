// Recording a performed session: the server builds the whole assessment input from the record,
// runs the engine, and writes the session, its lots, the stock taken and the follow-ups in one
// transaction — or nothing at all.
import { uuidv7 } from 'uuidv7';
import type { Assessment, AssessmentInputJson } from '../../domain/assessment/index.ts';
import type { ComponentSnapshot } from '../../domain/api/courses.ts';
import type { NewSession, Session } from '../../domain/api/sessions.ts';
import { localDate } from '../../domain/clinical/calendar.ts';
import { can } from '../../domain/permissions.ts';
import type { TechniqueCode } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { loadClinicSettings } from '../catalog/clinic-service.ts';
import { assessmentRefused, runAssessment } from '../clinical/assessment.ts';
import { clinicalAudit } from '../clinical/audit.ts';
import { emergencyKit, loadClinicFacts, type ClinicFacts } from '../clinical/clinic.ts';
import { patientFacts } from '../clinical/patient-facts.ts';
import { fieldInvalid, referenceNotFound } from '../clinical/problems.ts';
import type { Actor } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { requireCourse } from '../courses/service.ts';
import { catalogReads } from '../courses/catalog-reads.ts';
import type { CourseRow } from '../courses/repository.ts';
import { patientsRepository } from '../patients/repository.ts';
import { assertBaselinePhotos } from '../photos/baseline-gate.ts';
import { sessionFacts, stock, type LotForUse } from './facts.ts';
import { sessionsRepository } from './repository.ts';

// A session is recorded when or after it happened; a few minutes of clock difference are tolerated.
const futureToleranceMs = 5 * 60_000;

function insufficient(i: number, lot: LotForUse, volumeMl: number, left: number): Problem {
  return Problem.unprocessable('insufficient-stock', `Lot ${lot.lot_number} has ${left} ml left, ${volumeMl} ml asked`, [
    { path: `body.lots[${i}].volumeMl`, message: `only ${left} ml left in lot ${lot.lot_number}` },
  ]);
}

/** Who records: the caller, under a supervising doctor when the caller is a nurse. */
async function practitioners(q: Queryable, actor: Actor, supervisingDoctorId: string | undefined): Promise<string | null> {
  if (actor.role !== 'nurse') {
    if (supervisingDoctorId !== undefined) throw fieldInvalid('body.supervisingDoctorId', 'only a nurse records under a supervising doctor');
    return null;
  }
  if (supervisingDoctorId === undefined) throw fieldInvalid('body.supervisingDoctorId', 'is required when a nurse records a session');
  if (!(await sessionFacts.doctor(q, actor.clinicId, supervisingDoctorId))) throw referenceNotFound('Doctor', 'body.supervisingDoctorId');
  return supervisingDoctorId;
}

/** The lots used, each the clinic's, of a product of the course, with stock enough. */
async function checkLots(q: Queryable, clinicId: string, course: CourseRow, lots: NewSession['lots']): Promise<LotForUse[]> {
  const found = await sessionFacts.lots(q, clinicId, lots.map((l) => l.lotId));
  const courseProducts = new Set(course.components.map((c) => c.productId));
  return lots.map((l, i) => {
    const lot = found.get(l.lotId);
    if (!lot) throw referenceNotFound('Lot', `body.lots[${i}].lotId`);
    if (!courseProducts.has(lot.product_id)) {
      throw Problem.unprocessable('lot-not-in-course', `Lot ${lot.lot_number} is of ${lot.product_code}, which is not in the course's cocktail`, [
        { path: `body.lots[${i}].lotId`, message: `is of ${lot.product_code}, not a product of the course` },
      ]);
    }
    if (lot.quantity_on_hand_ml < l.volumeMl) throw insufficient(i, lot, l.volumeMl, lot.quantity_on_hand_ml);
    return lot;
  });
}

/** The products given: one per product of the lots used, with the volume drawn from them. */
async function givenComponents(q: Queryable, clinicId: string, lots: LotForUse[], input: NewSession['lots']): Promise<ComponentSnapshot[]> {
  const volumes = new Map<string, number>();
  lots.forEach((lot, i) => volumes.set(lot.product_id, Math.round(((volumes.get(lot.product_id) ?? 0) + (input[i]?.volumeMl ?? 0)) * 100) / 100));
  const products = await catalogReads.products(q, clinicId, [...volumes.keys()]);
  return [...volumes].map(([productId, volumeMl]) => {
    const p = products.get(productId);
    if (!p) throw new Error(`product ${productId} of a lot vanished`);
    return p.snapshot(volumeMl);
  });
}

/** The session as the assessment sees it: its course, patient, day, instant, number and technique. */
interface SessionFacts {
  course: CourseRow;
  patient: { id: string; birthDate: string; sex: string };
  day: string;
  at: Date;
  number: number;
  technique: string;
}

interface Built {
  input: AssessmentInputJson;
  assessment: Assessment;
}

async function assessSession(
  q: Queryable,
  actor: Actor,
  the: SessionFacts,
  body: NewSession,
  lots: LotForUse[],
  components: ComponentSnapshot[],
): Promise<Built> {
  const { course, patient, day, at, number } = the;
  const codes = components.map((c) => c.code);
  const history = await sessionFacts.patientHistory(q, actor.clinicId, patient.id, at);
  const last = await sessionFacts.lastSessionDate(q, actor.clinicId, course.id, at);
  const input: AssessmentInputJson = {
    date: day,
    patient: await patientFacts(q, actor.clinicId, patient, day),
    procedure: {
      technique: the.technique as TechniqueCode,
      depthMm: body.depthMm,
      areas: body.areas,
      components: components.map((c) => ({ product: c.code, volumeMl: c.volumeMl })),
      lots: lots.map((l) => ({ product: l.product_code, lot: l.lot_number, expires: l.expires_on, recalled: l.recalled })),
    },
    history: {
      ...(last ? { lastSessionDate: last } : {}),
      openAdverseEvents: history.openAdverseEvents,
      vagalReaction: history.vagal,
      sessionNumber: number,
      ...(history.lastLipolyticDate ? { lastLipolyticSessionDate: history.lastLipolyticDate } : {}),
    },
    consent: await sessionFacts.consent(q, actor.clinicId, course.id, codes, number),
    clinic: { emergencyKit: await emergencyKit(q, actor.clinicId), settings: await loadClinicSettings(q, actor.clinicId) },
  };
  return { input, assessment: await runAssessment(q, input, codes, actor.language) };
}

/** The engine's word decides: a block refuses, a warning needs a doctor's written reason. */
function decide(actor: Actor, assessment: Assessment, overrideReason: string | undefined): string | null {
  if (assessment.decision === 'block') throw assessmentRefused('assessment-block', 'The session is refused by the safety rules: see the findings', assessment);
  if (assessment.decision === 'ok') return null;
  if (overrideReason === undefined) {
    const who = can(actor.role, 'sessions.override') ? 'give overrideReason' : 'record it with a written overrideReason';
    throw assessmentRefused('assessment-warn', `The safety rules warn about this session: a doctor must ${who} to proceed`, assessment);
  }
  if (!can(actor.role, 'sessions.override')) throw new Problem(403, 'override-forbidden', 'Forbidden', 'Only a doctor may override the warnings of the safety rules');
  return overrideReason;
}

/** Records a session in a transaction already open (the demo uses it too). */
export async function recordSessionIn(q: Queryable, actor: Actor, body: NewSession): Promise<Session> {
  const at = new Date(body.performedAt);
  if (at.getTime() > Date.now() + futureToleranceMs) throw fieldInvalid('body.performedAt', 'must not be in the future');
  const course = await requireCourse(q, actor.clinicId, body.courseId, { lock: true, path: 'body.courseId' });
  if (course.status === 'completed' || course.status === 'cancelled') throw Problem.conflict(`The course is ${course.status}: no more sessions can be recorded on it`);
  const patient = await patientsRepository.byId(q, course.patient_id);
  if (!patient) throw Problem.notFound('Patient');
  const clinic: ClinicFacts = await loadClinicFacts(q, actor.clinicId);
  const day = localDate(at, clinic.timeZone);
  if (day < patient.birthDate) throw fieldInvalid('body.performedAt', "must not be before the patient's birth date");
  const supervisor = await practitioners(q, actor, body.supervisingDoctorId);
  const lots = await checkLots(q, actor.clinicId, course, body.lots);
  // The first session needs baseline photographs, or a doctor's written reason to go without.
  await assertBaselinePhotos(q, course.id);
  const components = await givenComponents(q, actor.clinicId, lots, body.lots);
  const number = course.sessions_done + 1;
  const technique = body.technique ?? course.technique;
  const { input, assessment } = await assessSession(q, actor, { course, patient, day, at, number, technique }, body, lots, components);
  const overrideReason = decide(actor, assessment, body.overrideReason);

  const id = uuidv7();
  await sessionsRepository.insert(q, {
    id,
    clinic_id: actor.clinicId,
    patient_id: course.patient_id,
    course_id: course.id,
    number,
    practitioner_id: actor.userId,
    supervising_doctor_id: supervisor,
    performed_at: at,
    session_date: day,
    technique,
    depth_mm: body.depthMm,
    areas: body.areas,
    components,
    needle: body.needle ?? null,
    anaesthesia: body.anaesthesia ?? null,
    injection_points: body.injectionPoints ?? [],
    asepsis: body.asepsis ?? null,
    immediate_reactions: body.immediateReactions ?? [],
    duration_minutes: body.durationMinutes ?? null,
    notes: body.notes ?? null,
    assessment: { ...assessment, input },
    override_reason: overrideReason,
    overridden_by: overrideReason === null ? null : actor.userId,
    created_by: actor.userId,
  });
  await sessionsRepository.insertLots(q, actor.clinicId, id, body.lots.map((l, i) => ({ lotId: l.lotId, productId: (lots[i] as LotForUse).product_id, volumeMl: l.volumeMl })));
  // In lot order, so that two sessions sharing lots always lock them in the same order (no deadlock).
  const takes = [...body.lots.entries()].sort(([, x], [, y]) => (x.lotId < y.lotId ? -1 : 1));
  for (const [i, l] of takes) {
    // A concurrent session may have taken the stock since it was read: the guard has the last word.
    if (!(await stock.take(q, actor.clinicId, l.lotId, l.volumeMl, id, actor.userId, uuidv7()))) {
      throw insufficient(i, lots[i] as LotForUse, l.volumeMl, await leftIn(q, actor.clinicId, l.lotId));
    }
  }
  await sessionsRepository.insertFollowUps(
    q,
    clinic.followUpHours.map((h) => ({ id: uuidv7(), clinicId: actor.clinicId, patientId: course.patient_id, sessionId: id, dueAt: new Date(at.getTime() + h * 3_600_000), kind: 'post-session' })),
  );
  await appendAudit(
    q,
    clinicalAudit(actor, 'session.create', 'session', id, {
      patientId: course.patient_id,
      courseId: course.id,
      decision: assessment.decision,
      rules: assessment.findings.map((f) => f.rule),
      ...(overrideReason ? { overrideReason } : {}),
      lots: body.lots,
    }),
  );
  const [session] = await sessionsRepository.load(q, actor.clinicId, { ids: [id] });
  return session as Session;
}

async function leftIn(q: Queryable, clinicId: string, lotId: string): Promise<number> {
  const r = await q.query<{ left: number }>('SELECT quantity_on_hand_ml AS left FROM lots WHERE clinic_id = $1 AND id = $2', [clinicId, lotId]);
  return Number(r.rows[0]?.left ?? 0);
}
