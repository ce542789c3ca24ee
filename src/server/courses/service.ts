// Courses: plan, change, cancel and complete a series of sessions. Every save assesses the plan;
// a block is refused with its findings, warnings are kept with the course.
import { uuidv7 } from 'uuidv7';
import type { Course, CoursePatch, CourseStatus, NewCourse } from '../../domain/api/courses.ts';
import { appendAudit } from '../audit/audit.ts';
import { assessmentRefused } from '../clinical/assessment.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { clinicToday, loadClinicFacts } from '../clinical/clinic.ts';
import { fieldInvalid, referenceNotFound } from '../clinical/problems.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { requirePatient } from '../history/service.ts';
import { patientsRepository } from '../patients/repository.ts';
import { assessPlan, snapshotComponents } from './plan.ts';
import { coursesRepository, toCourse, type CourseFields, type CourseRow } from './repository.ts';

const finished: readonly CourseStatus[] = ['completed', 'cancelled'];

/** A course of the caller's clinic, or 404 (naming `path` when the id came in a body). */
export async function requireCourse(q: Queryable, clinicId: string, id: string, options: { lock?: boolean; path?: string } = {}): Promise<CourseRow> {
  const row = await coursesRepository.byId(q, clinicId, id, options);
  if (!row) throw options.path ? referenceNotFound('Course', options.path) : Problem.notFound('Course');
  return row;
}

function checkStartsOn(startsOn: string | undefined, today: string): void {
  // A plan may be written down after its first session, but not years off either way.
  if (startsOn !== undefined && (startsOn < `${Number(today.slice(0, 4)) - 2}${today.slice(4)}` || startsOn > `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`)) {
    throw fieldInvalid('body.startsOn', 'must be within two years of today');
  }
}

/** Plans a course in a transaction already open (the demo uses it too). */
export async function createCourseIn(q: Queryable, actor: Actor, input: NewCourse): Promise<Course> {
  const patient = await patientsRepository.byId(q, input.patientId);
  if (!patient) throw referenceNotFound('Patient', 'body.patientId');
  const clinic = await loadClinicFacts(q, actor.clinicId);
  const today = clinicToday(clinic);
  checkStartsOn(input.startsOn, today);
  const components = await snapshotComponents(q, actor.clinicId, input.components, input.templateId);
  const { assessment } = await assessPlan(q, actor, patient, { ...input, components }, today);
  if (assessment.decision === 'block') throw assessmentRefused('assessment-block', 'The plan is refused by the safety rules: see the findings', assessment);
  const id = uuidv7();
  const fields: CourseFields = {
    status: input.draft ? 'draft' : 'awaiting-consent',
    indications: input.indications,
    areas: input.areas,
    technique: input.technique,
    depth_mm: input.depthMm,
    template_id: input.templateId ?? null,
    components,
    planned_sessions: input.plannedSessions,
    interval_days: input.intervalDays,
    starts_on: input.startsOn ?? today,
    expected_results: input.expectedResults ?? null,
    post_care: input.postCare ?? null,
    allergy_test: input.allergyTest ?? null,
    price_minor: input.priceMinor ?? null,
    notes: input.notes ?? null,
    plan_assessment: assessment,
  };
  await coursesRepository.insert(q, id, actor.clinicId, input.patientId, actor.userId, fields);
  await appendAudit(q, clinicalAudit(actor, 'course.create', 'course', id, { patientId: input.patientId, decision: assessment.decision, rules: assessment.findings.map((f) => f.rule) }));
  return toCourse(await requireCourse(q, actor.clinicId, id), clinic.currency);
}

/** Plans a course for a patient. */
export async function createCourse(ctx: ServiceContext, input: NewCourse): Promise<Course> {
  return clinicalTx(ctx, 'course.create', 'patient', input.patientId, (q) => createCourseIn(q, ctx.actor, input));
}

/** Reads a course. */
export async function getCourse(ctx: ServiceContext, id: string): Promise<Course> {
  return clinicalTx(ctx, 'course.read', 'course', id, async (q) => {
    const row = await requireCourse(q, ctx.actor.clinicId, id);
    await appendAudit(q, clinicalAudit(ctx.actor, 'course.read', 'course', id, { patientId: row.patient_id }));
    return toCourse(row, (await loadClinicFacts(q, ctx.actor.clinicId)).currency);
  });
}

/** Lists courses, of one patient or of the clinic, newest first. */
export async function listCourses(ctx: ServiceContext, f: { patientId?: string | undefined; status?: CourseStatus | undefined; limit: number; cursor?: string | undefined }) {
  const offset = f.cursor === undefined ? 0 : Number(f.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  return clinicalTx(ctx, 'course.list', 'patient', f.patientId ?? null, async (q) => {
    if (f.patientId) {
      await requirePatient(q, f.patientId);
    }
    const rows = await coursesRepository.list(q, ctx.actor.clinicId, { ...f, limit: f.limit + 1, offset });
    const items = rows.slice(0, f.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'course.list', 'patient', f.patientId ?? null, { courses: items.map((c) => c.id) }));
    const { currency } = await loadClinicFacts(q, ctx.actor.clinicId);
    return { items: items.map((r) => toCourse(r, currency)), nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
  });
}

function pick<T>(patch: T | undefined, current: T): T {
  return patch === undefined ? current : patch;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Changes a plan and assesses it again. A change of products or of the number of sessions once a
 * consent was signed supersedes that consent and sends the course back to awaiting consent.
 */
export async function updateCourse(ctx: ServiceContext, id: string, patch: CoursePatch): Promise<Course> {
  return clinicalTx(ctx, 'course.update', 'course', id, async (q) => {
    const current = await requireCourse(q, ctx.actor.clinicId, id, { lock: true });
    if (finished.includes(current.status)) throw Problem.conflict(`The course is ${current.status}: it can no longer be changed`);
    if (patch.status === 'awaiting-consent' && current.status !== 'draft') throw fieldInvalid('body.status', 'only a draft can be moved to awaiting-consent');
    const clinic = await loadClinicFacts(q, ctx.actor.clinicId);
    const today = clinicToday(clinic);
    checkStartsOn(patch.startsOn, today);
    const components =
      patch.components !== undefined || patch.templateId !== undefined ? await snapshotComponents(q, ctx.actor.clinicId, patch.components, patch.templateId) : current.components;
    const next: CourseFields = {
      status: patch.status ?? current.status,
      indications: pick(patch.indications, current.indications),
      areas: pick(patch.areas, current.areas),
      technique: pick(patch.technique, current.technique),
      depth_mm: pick(patch.depthMm, Number(current.depth_mm)),
      template_id: patch.templateId ?? (patch.components !== undefined ? null : current.template_id),
      components,
      planned_sessions: pick(patch.plannedSessions, current.planned_sessions),
      interval_days: pick(patch.intervalDays, current.interval_days),
      starts_on: pick(patch.startsOn, current.starts_on),
      expected_results: pick(patch.expectedResults, current.expected_results),
      post_care: pick(patch.postCare, current.post_care),
      allergy_test: pick(patch.allergyTest, current.allergy_test),
      price_minor: pick(patch.priceMinor, current.price_minor),
      notes: pick(patch.notes, current.notes),
      plan_assessment: current.plan_assessment,
    };
    if (next.planned_sessions < current.sessions_done) throw fieldInvalid('body.plannedSessions', `must be at least the ${current.sessions_done} sessions already done`);
    const patient = await requirePatient(q, current.patient_id);
    const { assessment } = await assessPlan(
      q,
      ctx.actor,
      { id: current.patient_id, ...patient },
      { technique: next.technique, depthMm: next.depth_mm, components, plannedSessions: next.planned_sessions, intervalDays: next.interval_days, indications: next.indications },
      today,
    );
    if (assessment.decision === 'block') throw assessmentRefused('assessment-block', 'The changed plan is refused by the safety rules: see the findings', assessment);
    next.plan_assessment = assessment;
    const productsChanged = !sameSet(current.components.map((c) => c.productId), components.map((c) => c.productId));
    let superseded: string[] = [];
    if (productsChanged || next.planned_sessions !== current.planned_sessions) {
      superseded = await coursesRepository.supersedeConsents(q, ctx.actor.clinicId, id);
      if (next.status === 'active') next.status = 'awaiting-consent';
    }
    await coursesRepository.update(q, ctx.actor.clinicId, id, next);
    await coursesRepository.syncConsentStatus(q, ctx.actor.clinicId, { courseId: id });
    await appendAudit(
      q,
      clinicalAudit(ctx.actor, 'course.update', 'course', id, {
        patientId: current.patient_id,
        fields: Object.keys(patch),
        decision: assessment.decision,
        ...(superseded.length > 0 ? { supersededConsents: superseded } : {}),
      }),
    );
    return toCourse(await requireCourse(q, ctx.actor.clinicId, id), clinic.currency);
  });
}

/** Cancels a course, with the reason; its sessions stay in the record. */
export async function cancelCourse(ctx: ServiceContext, id: string, reason: string): Promise<Course> {
  return changeStatus(ctx, id, 'cancelled', reason);
}

/** Completes a course that has had sessions. */
export async function completeCourse(ctx: ServiceContext, id: string): Promise<Course> {
  return changeStatus(ctx, id, 'completed');
}

async function changeStatus(ctx: ServiceContext, id: string, status: 'cancelled' | 'completed', reason?: string): Promise<Course> {
  return clinicalTx(ctx, `course.${status === 'cancelled' ? 'cancel' : 'complete'}`, 'course', id, async (q) => {
    const current = await requireCourse(q, ctx.actor.clinicId, id, { lock: true });
    if (finished.includes(current.status)) throw Problem.conflict(`The course is already ${current.status}`);
    if (status === 'completed' && current.sessions_done === 0) throw Problem.conflict('A course without sessions cannot be completed; cancel it instead');
    await coursesRepository.setStatus(q, ctx.actor.clinicId, id, status, reason ? { cancelReason: reason } : {});
    await appendAudit(q, clinicalAudit(ctx.actor, `course.${status === 'cancelled' ? 'cancel' : 'complete'}`, 'course', id, { patientId: current.patient_id, ...(reason ? { reason } : {}) }));
    return toCourse(await requireCourse(q, ctx.actor.clinicId, id), (await loadClinicFacts(q, ctx.actor.clinicId)).currency);
  });
}
