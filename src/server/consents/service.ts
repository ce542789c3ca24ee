import { uuidv7 } from 'uuidv7';
import type { Consent, ConsentSummary } from '../../domain/api/consents.ts';
import { composePhotoConsent, composeTreatmentConsent, planGaps, type ConsentParties, type PlanGap } from '../../domain/consent/compose.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { courseProductCodes, loadCourse, patientFullName, treatmentFacts } from './course-plan.ts';
import { loadClinic, loadPatient, loadUser, type PatientRow } from './parties.ts';
import { consentsRepository, toConsent, type ConsentRow } from './repository.ts';
import { templatesRepository } from './templates-repository.ts';

const gapWords: Record<PlanGap, string> = {
  components: 'the products of the cocktail',
  plannedSessions: 'the number of sessions',
  intervalDays: 'the interval between sessions',
  expectedResults: 'the results to expect, in plain words',
  postCare: 'the care after each session',
  priceMinor: 'the price of a session',
};

/** Today's date (YYYY-MM-DD) in a time zone. */
export function dayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The consent row of the transaction's clinic, or a 404. */
export async function consentOr404(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<ConsentRow> {
  const row = await consentsRepository.byId(q, id, options);
  if (!row) throw Problem.notFound('Consent');
  return row;
}

async function partiesOf(q: Queryable, actor: Actor, patient: PatientRow, lang: Lang, doctorId: string | null, at: Date = new Date()): Promise<ConsentParties> {
  const clinic = await loadClinic(q, actor.clinicId);
  const planner = doctorId ? await loadUser(q, doctorId) : undefined;
  // The planning doctor is named; a consent prepared by a nurse still names the doctor of the plan.
  const doctor = planner?.role === 'doctor' ? planner : await loadUser(q, actor.userId);
  return {
    clinicName: clinic.name,
    patientName: patientFullName(patient, lang),
    patientBirthDate: patient.birth_date,
    doctorName: doctor?.display_name ?? '',
    date: dayIn(clinic.time_zone, at),
  };
}

/**
 * Produces the draft treatment consent of a course from the clinic's active template and the
 * plan, in the patient's language unless `lang` says otherwise. Refuses (422, naming the fields)
 * a plan that lacks what a consent must contain. A new draft replaces the course's earlier drafts.
 */
export async function produceTreatmentConsent(ctx: ServiceContext, courseId: string, body: { additions?: string | undefined }, lang: Lang | undefined): Promise<Consent> {
  return clinicalTx(ctx, 'consent.produce', 'course', courseId, (q) => produceTreatmentConsentIn(q, ctx.actor, courseId, body, lang));
}

/** The same, in a transaction already open; `at` dates the text (now, but for records entered afterwards, as the demo's). */
export async function produceTreatmentConsentIn(q: Queryable, actor: Actor, courseId: string, body: { additions?: string | undefined }, lang: Lang | undefined, at: Date = new Date()): Promise<Consent> {
  const course = await loadCourse(q, courseId, { lock: true });
  if (!course) throw Problem.notFound('Course');
  if (course.status === 'cancelled' || course.status === 'completed') throw Problem.conflict(`The course is ${course.status}: it needs no new consent`);
  const patient = await loadPatient(q, course.patient_id);
  if (!patient) throw Problem.notFound('Patient');
  const language = lang ?? patient.preferred_language;
  const parties = await partiesOf(q, actor, patient, language, course.created_by, at);
  const clinic = await loadClinic(q, actor.clinicId);
  const additions = body.additions?.trim() || null;
  const facts = treatmentFacts(course, parties, clinic.currency, language, additions);
  const gaps = planGaps(facts);
  if (gaps.length > 0) {
    throw Problem.unprocessable(
      'consent-plan-incomplete',
      `The plan lacks ${gaps.map((g) => `${g} (${gapWords[g]})`).join(', ')}: a consent cannot be produced without it. Complete the course plan first.`,
      gaps.map((g) => ({ path: g, message: `is required for the consent: ${gapWords[g]}` })),
      { gaps },
    );
  }
  await templatesRepository.seedDefaults(q, actor.clinicId);
  const template = await templatesRepository.active(q, 'treatment', language);
  if (!template) throw new Error('no active treatment template after seeding');
  const replaced = await consentsRepository.deleteDrafts(q, { courseId });
  const id = uuidv7();
  await consentsRepository.insertDraft(q, {
    id,
    clinicId: actor.clinicId,
    patientId: patient.id,
    courseId,
    kind: 'treatment',
    language,
    templateId: template.id,
    templateVersion: template.version,
    text: composeTreatmentConsent(template.body, facts, language),
    productCodes: courseProductCodes(course),
    sessions: course.planned_sessions,
    photoUse: null,
    additions,
    createdBy: actor.userId,
  });
  await appendAudit(
    q,
    clinicalAudit(actor, 'consent.produce', 'consent', id, { courseId, patientId: patient.id, language, templateVersion: template.version, replacedDrafts: replaced }),
  );
  return toConsent(await consentOr404(q, id));
}

/** Produces a draft photo-use consent for a patient (clinical record only, or also teaching). */
export async function producePhotoConsent(ctx: ServiceContext, patientId: string, photoUse: 'clinical' | 'teaching', lang: Lang | undefined): Promise<Consent> {
  return clinicalTx(ctx, 'consent.produce', 'patient', patientId, async (q) => {
    const patient = await loadPatient(q, patientId);
    if (!patient) throw Problem.notFound('Patient');
    const language = lang ?? patient.preferred_language;
    const parties = await partiesOf(q, ctx.actor, patient, language, null);
    await templatesRepository.seedDefaults(q, ctx.actor.clinicId);
    const template = await templatesRepository.active(q, 'photo-use', language);
    if (!template) throw new Error('no active photo-use template after seeding');
    const replaced = await consentsRepository.deleteDrafts(q, { patientId, kind: 'photo-use' });
    const id = uuidv7();
    await consentsRepository.insertDraft(q, {
      id,
      clinicId: ctx.actor.clinicId,
      patientId,
      courseId: null,
      kind: 'photo-use',
      language,
      templateId: template.id,
      templateVersion: template.version,
      text: composePhotoConsent(template.body, parties, photoUse, language),
      productCodes: [],
      sessions: null,
      photoUse,
      additions: null,
      createdBy: ctx.actor.userId,
    });
    await appendAudit(q, clinicalAudit(ctx.actor, 'consent.produce', 'consent', id, { patientId, photoUse, language, replacedDrafts: replaced }));
    return toConsent(await consentOr404(q, id));
  });
}

/** One consent with its full text. */
export async function getConsent(ctx: ServiceContext, id: string): Promise<Consent> {
  return clinicalTx(ctx, 'consent.read', 'consent', id, async (q) => {
    const row = await consentOr404(q, id);
    await appendAudit(q, clinicalAudit(ctx.actor, 'consent.read', 'consent', id, { patientId: row.patient_id }));
    return toConsent(row);
  });
}

/** A patient's consents, newest first (no texts: read one for its text). */
export async function listPatientConsents(
  ctx: ServiceContext,
  patientId: string,
  query: { kind?: 'treatment' | 'photo-use' | undefined; courseId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: ConsentSummary[]; nextCursor: string | null }> {
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) throw Problem.badRequest('cursor is not valid', [{ path: 'querystring.cursor', message: 'is not valid' }]);
  return clinicalTx(ctx, 'consent.list', 'patient', patientId, async (q) => {
    if (!(await loadPatient(q, patientId))) throw Problem.notFound('Patient');
    const rows = await consentsRepository.listByPatient(q, patientId, { kind: query.kind, courseId: query.courseId, limit: query.limit + 1, offset });
    const items = rows.slice(0, query.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'consent.list', 'patient', patientId, { consents: items.map((c) => c.id) }));
    return { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : null };
  });
}
