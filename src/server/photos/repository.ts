import type { Photo } from '../../domain/api/photos.ts';
import type { PhotoView } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

interface Row {
  id: string;
  patient_id: string;
  course_id: string | null;
  session_id: string | null;
  session_number: number | null;
  view: PhotoView;
  phase: Photo['phase'];
  taken_at: Date;
  width: number;
  height: number;
  full_hash: string;
  original_hash: string;
  note: string | null;
  uploaded_by: string;
  uploaded_at: Date;
  photo_use: 'clinical' | 'teaching' | null;
}

/** The stored file hashes of a photo, by served size. */
export interface PhotoFiles {
  patient_id: string;
  full_hash: string;
  display_hash: string;
  thumb_hash: string;
}

// The photo-use level comes from the patient's signed photo-use consent in force.
const columns = `ph.id, ph.patient_id, ph.course_id, ph.session_id, s.number AS session_number, ph.view, ph.phase, ph.taken_at, ph.width, ph.height,
  ph.full_hash, ph.original_hash, ph.note, ph.uploaded_by, ph.uploaded_at,
  (SELECT c.photo_use FROM consents c WHERE c.clinic_id = ph.clinic_id AND c.patient_id = ph.patient_id AND c.kind = 'photo-use' AND c.status = 'signed' LIMIT 1) AS photo_use`;
const from = 'photos ph LEFT JOIN sessions s ON s.clinic_id = ph.clinic_id AND s.id = ph.session_id';

/** Maps a row to the API shape, with the authorised URLs of its copies. */
function toPhoto(r: Row): Photo {
  const base = `/api/v1/photos/${r.id}`;
  return {
    id: r.id,
    patientId: r.patient_id,
    courseId: r.course_id,
    sessionId: r.session_id,
    sessionNumber: r.session_number,
    view: r.view,
    phase: r.phase,
    takenAt: r.taken_at,
    width: r.width,
    height: r.height,
    sha256: r.full_hash,
    originalSha256: r.original_hash,
    note: r.note,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    photoUse: r.photo_use,
    urls: { thumb: `${base}/thumb`, display: `${base}/display`, full: `${base}/full` },
  };
}

/** A new photo row. */
export interface NewPhoto {
  id: string;
  clinicId: string;
  patientId: string;
  courseId: string | null;
  sessionId: string | null;
  view: PhotoView;
  phase: Photo['phase'];
  takenAt: Date;
  originalHash: string;
  originalType: string;
  originalBytes: number;
  fullHash: string;
  displayHash: string;
  thumbHash: string;
  width: number;
  height: number;
  note: string | null;
  uploadedBy: string;
}

/** Reads and writes photo metadata of the transaction's clinic (the files live in the FileStore). */
export const photosRepository = {
  async insert(q: Queryable, p: NewPhoto): Promise<Photo> {
    await q.query(
      `INSERT INTO photos (id, clinic_id, patient_id, course_id, session_id, view, phase, taken_at, original_hash, original_type, original_bytes,
         full_hash, display_hash, thumb_hash, width, height, note, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [p.id, p.clinicId, p.patientId, p.courseId, p.sessionId, p.view, p.phase, p.takenAt, p.originalHash, p.originalType, p.originalBytes, p.fullHash, p.displayHash, p.thumbHash, p.width, p.height, p.note, p.uploadedBy],
    );
    return (await this.byId(q, p.id)) as Photo;
  },

  async byId(q: Queryable, id: string): Promise<Photo | undefined> {
    const r = await q.query<Row>(`SELECT ${columns} FROM ${from} WHERE ph.id = $1`, [id]);
    return r.rows[0] && toPhoto(r.rows[0]);
  },

  async files(q: Queryable, id: string): Promise<PhotoFiles | undefined> {
    const r = await q.query<PhotoFiles>('SELECT patient_id, full_hash, display_hash, thumb_hash FROM photos WHERE id = $1', [id]);
    return r.rows[0];
  },

  /** Photos of a patient, newest first. */
  async byPatient(q: Queryable, patientId: string, f: { courseId?: string | undefined; phase?: string | undefined; view?: string | undefined; limit: number; offset: number }): Promise<Photo[]> {
    const r = await q.query<Row>(
      `SELECT ${columns} FROM ${from}
       WHERE ph.patient_id = $1 AND ($2::uuid IS NULL OR ph.course_id = $2) AND ($3::text IS NULL OR ph.phase = $3) AND ($4::text IS NULL OR ph.view = $4)
       ORDER BY ph.taken_at DESC, ph.id DESC LIMIT $5 OFFSET $6`,
      [patientId, f.courseId ?? null, f.phase ?? null, f.view ?? null, f.limit, f.offset],
    );
    return r.rows.map(toPhoto);
  },

  /** Photos of the clinic for a purpose: `teaching` keeps only patients whose consent in force allows it. */
  async forPurpose(q: Queryable, f: { purpose: 'clinical' | 'teaching'; patientId?: string | undefined; view?: string | undefined; limit: number; offset: number }): Promise<Photo[]> {
    const r = await q.query<Row>(
      `SELECT * FROM (SELECT ${columns} FROM ${from}
         WHERE ($1::uuid IS NULL OR ph.patient_id = $1) AND ($2::text IS NULL OR ph.view = $2)) x
       WHERE $3 = 'clinical' OR x.photo_use = 'teaching'
       ORDER BY x.taken_at DESC, x.id DESC LIMIT $4 OFFSET $5`,
      [f.patientId ?? null, f.view ?? null, f.purpose, f.limit, f.offset],
    );
    return r.rows.map(toPhoto);
  },

  /** Every photo of a course, oldest first (comparison and the baseline gate). */
  async byCourse(q: Queryable, courseId: string): Promise<Photo[]> {
    const r = await q.query<Row>(`SELECT ${columns} FROM ${from} WHERE ph.course_id = $1 ORDER BY ph.taken_at, ph.id`, [courseId]);
    return r.rows.map(toPhoto);
  },
};
