import { uuidv7 } from 'uuidv7';
import { PHOTO_PHASES, type Photo, type PhotoUploadFields } from '../../domain/api/photos.ts';
import type { PhotoView } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { baselinePhotoGate, type BaselineGate } from './baseline-gate.ts';
import { processPhoto } from './images.ts';
import { photosRepository } from './repository.ts';

function notFoundField(what: string, path: string): Problem {
  return new Problem(404, 'not-found', 'Not found', `${what} not found`, [{ path, message: `${what.toLowerCase()} not found` }]);
}

function offsetOf(cursor: string | undefined): number {
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) throw Problem.badRequest('cursor is not valid', [{ path: 'querystring.cursor', message: 'is not valid' }]);
  return offset;
}

/** Checks that the course and session named by an upload belong to the patient; returns the course id. */
async function checkLinks(q: Queryable, f: PhotoUploadFields): Promise<{ courseId: string | null; sessionId: string | null }> {
  const patient = await q.query('SELECT 1 FROM patients WHERE id = $1', [f.patientId]);
  if (!patient.rowCount) throw notFoundField('Patient', 'body.patientId');
  let courseId = f.courseId ?? null;
  if (f.sessionId) {
    const s = await q.query<{ course_id: string; patient_id: string }>('SELECT course_id, patient_id FROM sessions WHERE id = $1', [f.sessionId]);
    const session = s.rows[0];
    if (!session || session.patient_id !== f.patientId) throw notFoundField('Session', 'body.sessionId');
    if (courseId !== null && courseId !== session.course_id) throw Problem.badRequest('body.sessionId: belongs to another course', [{ path: 'body.sessionId', message: 'belongs to another course' }]);
    courseId = session.course_id;
  }
  if (courseId !== null) {
    const c = await q.query<{ patient_id: string }>('SELECT patient_id FROM courses WHERE id = $1', [courseId]);
    if (c.rows[0]?.patient_id !== f.patientId) throw notFoundField('Course', f.courseId ? 'body.courseId' : 'body.sessionId');
  }
  return { courseId, sessionId: f.sessionId ?? null };
}

/**
 * Stores an uploaded photograph: the original as received (kept, never served) and the three
 * stripped copies go to the file store first (content-addressed, so a retried or failed upload
 * leaves nothing inconsistent), then the metadata row is written with its audit event.
 */
export async function uploadPhoto(ctx: ServiceContext, store: FileStore, fields: PhotoUploadFields, upload: Buffer): Promise<Photo> {
  // Links are checked before any file is written: a refused upload leaves no file behind.
  await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => checkLinks(q, fields), { readOnly: true });
  const processed = await processPhoto(upload);
  const [originalHash, fullHash, displayHash, thumbHash] = await Promise.all([store.put(upload), store.put(processed.full), store.put(processed.display), store.put(processed.thumb)]);
  return clinicalTx(ctx, 'photo.create', 'patient', fields.patientId, async (q) => {
    const links = await checkLinks(q, fields);
    const id = uuidv7();
    const photo = await photosRepository.insert(q, {
      id,
      clinicId: ctx.actor.clinicId,
      patientId: fields.patientId,
      ...links,
      view: fields.view,
      phase: fields.phase,
      takenAt: fields.takenAt ? new Date(fields.takenAt) : new Date(),
      originalHash,
      originalType: processed.originalType,
      originalBytes: upload.length,
      fullHash,
      displayHash,
      thumbHash,
      width: processed.width,
      height: processed.height,
      note: fields.note ?? null,
      uploadedBy: ctx.actor.userId,
    });
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.create', 'photo', id, { patientId: fields.patientId, ...links, view: fields.view, phase: fields.phase, sha256: fullHash }));
    return photo;
  });
}

/** One photo's metadata. */
export async function getPhoto(ctx: ServiceContext, id: string): Promise<Photo> {
  return clinicalTx(ctx, 'photo.read', 'photo', id, async (q) => {
    const photo = await photosRepository.byId(q, id);
    if (!photo) throw Problem.notFound('Photo');
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.read', 'photo', id, { patientId: photo.patientId }));
    return photo;
  });
}

/** The bytes of one served copy of a photo (never the original upload); every view is audited. */
export async function photoFile(ctx: ServiceContext, store: FileStore, id: string, size: 'thumb' | 'display' | 'full'): Promise<Buffer> {
  const hash = await clinicalTx(ctx, 'photo.view', 'photo', id, async (q) => {
    const files = await photosRepository.files(q, id);
    if (!files) throw Problem.notFound('Photo');
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.view', 'photo', id, { patientId: files.patient_id, size }));
    return size === 'thumb' ? files.thumb_hash : size === 'display' ? files.display_hash : files.full_hash;
  });
  const bytes = await store.get(hash);
  if (!bytes) throw new Error(`photo ${id}: file ${hash} is missing from the file store`);
  return bytes;
}

/** A patient's photos, newest first. */
export async function patientPhotos(
  ctx: ServiceContext,
  patientId: string,
  query: { courseId?: string | undefined; phase?: string | undefined; view?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: Photo[]; nextCursor: string | null }> {
  const offset = offsetOf(query.cursor);
  return clinicalTx(ctx, 'photo.list', 'patient', patientId, async (q) => {
    const patient = await q.query('SELECT 1 FROM patients WHERE id = $1', [patientId]);
    if (!patient.rowCount) throw Problem.notFound('Patient');
    const rows = await photosRepository.byPatient(q, patientId, { ...query, limit: query.limit + 1, offset });
    const items = rows.slice(0, query.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.list', 'patient', patientId, { photos: items.map((p) => p.id) }));
    return { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : null };
  });
}

/** The clinic's photos usable for a purpose; `teaching` only where the patient's consent allows it. */
export async function photosForPurpose(
  ctx: ServiceContext,
  query: { purpose: 'clinical' | 'teaching'; patientId?: string | undefined; view?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: Photo[]; nextCursor: string | null }> {
  const offset = offsetOf(query.cursor);
  return clinicalTx(ctx, 'photo.list', 'photo', null, async (q) => {
    const rows = await photosRepository.forPurpose(q, { ...query, limit: query.limit + 1, offset });
    const items = rows.slice(0, query.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.list', 'photo', null, { purpose: query.purpose, photos: items.map((p) => p.id) }));
    return { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : null };
  });
}

const phaseRank = (p: Photo['phase']) => PHOTO_PHASES.indexOf(p);

/** For each view of a course: the first baseline photo and the most recent later one. */
export async function photoComparison(ctx: ServiceContext, courseId: string) {
  return clinicalTx(ctx, 'photo.compare', 'course', courseId, async (q) => {
    const course = await q.query('SELECT 1 FROM courses WHERE id = $1', [courseId]);
    if (!course.rowCount) throw Problem.notFound('Course');
    const photos = await photosRepository.byCourse(q, courseId);
    const views = [...new Set(photos.map((p) => p.view))] as PhotoView[];
    const pairs = views.map((view) => {
      const of = photos.filter((p) => p.view === view);
      const baseline = of.find((p) => p.phase === 'baseline') ?? null;
      const later = of.filter((p) => p.phase !== 'baseline' && (!baseline || p.takenAt >= baseline.takenAt));
      const latest = later.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || phaseRank(b.phase) - phaseRank(a.phase))[0] ?? null;
      const daysApart = baseline && latest ? Math.round((latest.takenAt.getTime() - baseline.takenAt.getTime()) / 86_400_000) : null;
      return { view, baseline, latest, daysApart };
    });
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.compare', 'course', courseId, { photos: pairs.flatMap((p) => [p.baseline?.id, p.latest?.id].filter(Boolean)) }));
    return { courseId, pairs };
  });
}

/** The baseline-photo gate of a course, as the session form shows it. */
export async function courseBaselineGate(ctx: ServiceContext, courseId: string): Promise<BaselineGate> {
  return clinicalTx(ctx, 'photo.baseline-gate', 'course', courseId, async (q) => {
    const gate = await baselinePhotoGate(q, courseId);
    if (!gate) throw Problem.notFound('Course');
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.baseline-gate', 'course', courseId, { satisfied: gate.satisfied }));
    return gate;
  });
}

/** A doctor records why the course starts without baseline photos. */
export async function recordBaselineWaiver(ctx: ServiceContext, courseId: string, reason: string): Promise<BaselineGate> {
  return clinicalTx(ctx, 'photo.baseline-waiver', 'course', courseId, async (q) => {
    const course = await q.query('SELECT 1 FROM courses WHERE id = $1', [courseId]);
    if (!course.rowCount) throw Problem.notFound('Course');
    const id = uuidv7();
    await q.query('INSERT INTO baseline_photo_waivers (id, clinic_id, course_id, reason, recorded_by) VALUES ($1, $2, $3, $4, $5)', [id, ctx.actor.clinicId, courseId, reason, ctx.actor.userId]);
    await appendAudit(q, clinicalAudit(ctx.actor, 'photo.baseline-waiver', 'course', courseId, { waiverId: id, reason }));
    return (await baselinePhotoGate(q, courseId)) as BaselineGate;
  });
}
