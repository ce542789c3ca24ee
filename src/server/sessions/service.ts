// Sessions: record (record.ts), read, edit the documentation until signing, sign, and amend after.
import crypto from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Amendment, DocumentationPatch, NewSession, Session } from '../../domain/api/sessions.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { fieldInvalid } from '../clinical/problems.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { requireCourse } from '../courses/service.ts';
import { requirePatient } from '../history/service.ts';
import { recordSessionIn } from './record.ts';
import { applyDocumentation, documentationOf, sessionsRepository, type SessionRow } from './repository.ts';

/** Records a performed session (see record.ts). */
export async function recordSession(ctx: ServiceContext, body: NewSession): Promise<Session> {
  return clinicalTx(ctx, 'session.create', 'course', body.courseId, (q) => recordSessionIn(q, ctx.actor, body));
}

async function loadOne(q: Queryable, clinicId: string, id: string): Promise<Session> {
  const [session] = await sessionsRepository.load(q, clinicId, { ids: [id] });
  if (!session) throw Problem.notFound('Session');
  return session;
}

/** Reads a session with its lots, amendments and follow-ups. */
export async function getSession(ctx: ServiceContext, id: string): Promise<Session> {
  return clinicalTx(ctx, 'session.read', 'session', id, async (q) => {
    const session = await loadOne(q, ctx.actor.clinicId, id);
    await appendAudit(q, clinicalAudit(ctx.actor, 'session.read', 'session', id, { patientId: session.patientId }));
    return session;
  });
}

/** Lists the sessions of a course or of a patient, as performed. */
export async function listSessions(ctx: ServiceContext, f: { courseId?: string | undefined; patientId?: string | undefined; limit: number; cursor?: string | undefined }) {
  if ((f.courseId === undefined) === (f.patientId === undefined)) throw fieldInvalid('querystring', 'give exactly one of courseId or patientId');
  const offset = f.cursor === undefined ? 0 : Number(f.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  return clinicalTx(ctx, 'session.list', f.patientId ? 'patient' : 'course', f.patientId ?? f.courseId ?? null, async (q) => {
    if (f.patientId) await requirePatient(q, f.patientId);
    else await requireCourse(q, ctx.actor.clinicId, f.courseId as string);
    const where = f.patientId ? { patientId: f.patientId } : { courseId: f.courseId as string };
    const rows = await sessionsRepository.load(q, ctx.actor.clinicId, where, { limit: f.limit + 1, offset });
    const items = rows.slice(0, f.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'session.list', f.patientId ? 'patient' : 'course', f.patientId ?? f.courseId ?? null, { sessions: items.map((s) => s.id) }));
    return { items, nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
  });
}

/** The practitioner, or the doctor a nurse recorded under: who may edit and sign the session. */
function requireAuthor(actor: Actor, row: SessionRow, what: string): void {
  if (row.practitioner_id !== actor.userId && row.supervising_doctor_id !== actor.userId) {
    throw Problem.forbidden(`Only the session's practitioner or supervising doctor may ${what} it`);
  }
}

async function lockSession(q: Queryable, clinicId: string, id: string): Promise<SessionRow> {
  const row = await sessionsRepository.rowForUpdate(q, clinicId, id);
  if (!row) throw Problem.notFound('Session');
  return row;
}

/** Edits the documentation of a session not yet signed; a signed one is corrected by amendment. */
export async function updateSession(ctx: ServiceContext, id: string, patch: DocumentationPatch): Promise<Session> {
  return clinicalTx(ctx, 'session.update', 'session', id, async (q) => {
    const row = await lockSession(q, ctx.actor.clinicId, id);
    if (row.signed_at) throw Problem.conflict('The session is signed and cannot be changed: record an amendment instead');
    requireAuthor(ctx.actor, row, 'edit');
    await sessionsRepository.updateDocumentation(q, ctx.actor.clinicId, id, applyDocumentation(documentationOf(row), patch));
    await appendAudit(q, clinicalAudit(ctx.actor, 'session.update', 'session', id, { patientId: row.patient_id, fields: Object.keys(patch) }));
    return loadOne(q, ctx.actor.clinicId, id);
  });
}

/** The hash of what a signature covers: the session as signed, in canonical JSON. */
export function sessionContentHash(s: Session, signedBy: string, signedAt: Date): string {
  const content = {
    id: s.id,
    courseId: s.courseId,
    patientId: s.patientId,
    number: s.number,
    practitionerId: s.practitionerId,
    supervisingDoctorId: s.supervisingDoctorId,
    performedAt: s.performedAt.toISOString(),
    sessionDate: s.sessionDate,
    technique: s.technique,
    depthMm: s.depthMm,
    areas: s.areas,
    lots: s.lots,
    components: s.components,
    needle: s.needle,
    anaesthesia: s.anaesthesia,
    injectionPoints: s.injectionPoints,
    asepsis: s.asepsis,
    immediateReactions: s.immediateReactions,
    durationMinutes: s.durationMinutes,
    notes: s.notes,
    assessment: s.assessment,
    overrideReason: s.overrideReason,
    overriddenBy: s.overriddenBy,
    signedBy,
    signedAt: signedAt.toISOString(),
  };
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Signs a session in a transaction already open: from then on it is immutable. */
export async function signSessionIn(q: Queryable, actor: Actor, id: string, at: Date = new Date()): Promise<Session> {
  const row = await lockSession(q, actor.clinicId, id);
  if (row.signed_at) throw Problem.conflict('The session is already signed');
  requireAuthor(actor, row, 'sign');
  const session = await loadOne(q, actor.clinicId, id);
  // `at` in milliseconds, as the answer carries them: the hash can be recomputed from what is shown.
  const hash = sessionContentHash(session, actor.userId, at);
  await sessionsRepository.sign(q, actor.clinicId, id, actor.userId, at, hash);
  await appendAudit(q, clinicalAudit(actor, 'session.sign', 'session', id, { patientId: row.patient_id, contentHash: hash }));
  return loadOne(q, actor.clinicId, id);
}

/** Signs a session. */
export async function signSession(ctx: ServiceContext, id: string): Promise<Session> {
  return clinicalTx(ctx, 'session.sign', 'session', id, (q) => signSessionIn(q, ctx.actor, id));
}

/** Corrects a signed session: the amendment is kept beside the original, which stays as signed. */
export async function amendSession(ctx: ServiceContext, id: string, body: { reason: string; changes: DocumentationPatch }): Promise<Amendment> {
  return clinicalTx(ctx, 'session.amend', 'session', id, async (q) => {
    const row = await lockSession(q, ctx.actor.clinicId, id);
    if (!row.signed_at) throw Problem.conflict('The session is not signed yet: edit it instead of amending it');
    const amendment = await sessionsRepository.insertAmendment(q, { id: uuidv7(), clinicId: ctx.actor.clinicId, sessionId: id, reason: body.reason, changes: body.changes, createdBy: ctx.actor.userId });
    await appendAudit(q, clinicalAudit(ctx.actor, 'session.amend', 'session', id, { patientId: row.patient_id, amendmentId: amendment.id, fields: Object.keys(body.changes), reason: body.reason }));
    return amendment;
  });
}
