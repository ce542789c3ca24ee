// A course cannot start its first session without baseline photographs unless the doctor records
// why (CLINICAL_RULES §4: patients judge results against the first picture). The clinic setting
// `requireBaselinePhotos` (clinics.settings -> 'photos', default true) turns the requirement off.
import type { PhotoView } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';

/** Whether a course's first session may start, and why. */
export interface BaselineGate {
  courseId: string;
  required: boolean;
  firstSession: boolean;
  baselineViews: PhotoView[];
  waiver: { reason: string; recordedBy: string; recordedAt: Date } | null;
  satisfied: boolean;
}

/**
 * The baseline-photo gate of a course, read in the caller's transaction: satisfied when the
 * clinic does not require baseline photos, when the course already has a session, when a baseline
 * photo is linked to the course, or when a doctor recorded a waiver. Undefined for an unknown course.
 */
export async function baselinePhotoGate(q: Queryable, courseId: string): Promise<BaselineGate | undefined> {
  const r = await q.query<{ required: boolean; sessions: number; views: PhotoView[] | null; reason: string | null; recorded_by: string | null; recorded_at: Date | null }>(
    `SELECT coalesce((cl.settings -> 'photos' ->> 'requireBaselinePhotos')::boolean, true) AS required,
            (SELECT count(*) FROM sessions s WHERE s.clinic_id = co.clinic_id AND s.course_id = co.id) AS sessions,
            (SELECT array_agg(DISTINCT ph.view ORDER BY ph.view) FROM photos ph
              WHERE ph.clinic_id = co.clinic_id AND ph.course_id = co.id AND ph.phase = 'baseline') AS views,
            w.reason, w.recorded_by, w.recorded_at
     FROM courses co JOIN clinics cl ON cl.id = co.clinic_id
     LEFT JOIN LATERAL (SELECT reason, recorded_by, recorded_at FROM baseline_photo_waivers bw
                        WHERE bw.clinic_id = co.clinic_id AND bw.course_id = co.id ORDER BY recorded_at DESC LIMIT 1) w ON true
     WHERE co.id = $1`,
    [courseId],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  const baselineViews = row.views ?? [];
  const waiver = row.reason !== null && row.recorded_by !== null && row.recorded_at !== null ? { reason: row.reason, recordedBy: row.recorded_by, recordedAt: row.recorded_at } : null;
  const firstSession = row.sessions === 0;
  return {
    courseId,
    required: row.required,
    firstSession,
    baselineViews,
    waiver,
    satisfied: !row.required || !firstSession || baselineViews.length > 0 || waiver !== null,
  };
}

/**
 * For the session service: throws 422 `baseline-photos-missing` when the course's first session
 * may not start yet; returns the gate otherwise (store `waiver` with the session if you like).
 */
export async function assertBaselinePhotos(q: Queryable, courseId: string): Promise<BaselineGate> {
  const gate = await baselinePhotoGate(q, courseId);
  if (!gate) throw Problem.notFound('Course');
  if (!gate.satisfied) {
    throw Problem.unprocessable(
      'baseline-photos-missing',
      'The course has no baseline photographs. Upload them (phase "baseline", linked to the course), or have a doctor record why the course starts without them (POST /api/v1/courses/{id}/baseline-photo-waiver).',
      [{ path: 'courseId', message: 'has no baseline photographs' }],
      { courseId },
    );
  }
  return gate;
}
