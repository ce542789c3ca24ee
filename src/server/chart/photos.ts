// The chart's photos: metadata only (the files are served by the photos capability).
import type { ChartPhoto } from '../../domain/api/chart.ts';
import type { Queryable } from '../db/database.ts';

/** Metadata of the patient's photos, newest first, in one query. */
export async function chartPhotos(q: Queryable, clinicId: string, patientId: string): Promise<ChartPhoto[]> {
  const r = await q.query<{ id: string; course_id: string | null; session_id: string | null; view: string; phase: string; taken_at: Date }>(
    'SELECT id, course_id, session_id, view, phase, taken_at FROM photos WHERE clinic_id = $1 AND patient_id = $2 ORDER BY taken_at DESC, id DESC',
    [clinicId, patientId],
  );
  return r.rows.map((p) => ({ id: p.id, courseId: p.course_id, sessionId: p.session_id, view: p.view, phase: p.phase, takenAt: p.taken_at }));
}
