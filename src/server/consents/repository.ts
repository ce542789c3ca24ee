import type { Consent, ConsentSummary } from '../../domain/api/consents.ts';
import type { ConsentKind } from '../../domain/consent/placeholders.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

/** A consents row as stored, signatures included (they are served and hashed, never listed). */
export interface ConsentRow {
  id: string;
  clinic_id: string;
  patient_id: string;
  course_id: string | null;
  kind: ConsentKind;
  language: Lang;
  template_id: string | null;
  template_version: number | null;
  status: Consent['status'];
  text: string;
  product_codes: string[];
  sessions: number | null;
  photo_use: 'clinical' | 'teaching' | null;
  additions: string | null;
  content_hash: string | null;
  patient_signature: Buffer | null;
  patient_signature_type: 'png' | 'svg' | null;
  patient_typed_name: string | null;
  signed_at: Date | null;
  countersigned_by: string | null;
  countersigned_by_name: string | null;
  doctor_signature: Buffer | null;
  doctor_signature_type: 'png' | 'svg' | null;
  countersigned_at: Date | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  superseded_at: Date | null;
  created_at: Date;
  created_by: string | null;
}

const columns = `c.id, c.clinic_id, c.patient_id, c.course_id, c.kind, c.language, c.template_id, c.template_version, c.status, c.text,
  c.product_codes, c.sessions, c.photo_use, c.additions, c.content_hash, c.patient_signature, c.patient_signature_type, c.patient_typed_name,
  c.signed_at, c.countersigned_by, u.display_name AS countersigned_by_name, c.doctor_signature, c.doctor_signature_type, c.countersigned_at,
  c.withdrawn_at, c.withdrawal_reason, c.superseded_at, c.created_at, c.created_by`;
const from = 'consents c LEFT JOIN users u ON u.clinic_id = c.clinic_id AND u.id = c.countersigned_by';

/** The title of a consent: its first `# ` line, or its first line. */
export function titleOf(text: string): string {
  return (/^# (.*)$/m.exec(text)?.[1] ?? text.split('\n', 1)[0] ?? '').trim();
}

/** Maps a row to the API's full consent. */
export function toConsent(r: ConsentRow): Consent {
  return { ...toSummary(r), text: r.text, additions: r.additions };
}

/** Maps a row to the API's consent summary (no text). */
export function toSummary(r: ConsentRow): ConsentSummary {
  return {
    id: r.id,
    patientId: r.patient_id,
    courseId: r.course_id,
    kind: r.kind,
    language: r.language,
    status: r.status,
    title: titleOf(r.text),
    templateId: r.template_id,
    templateVersion: r.template_version,
    productCodes: r.product_codes,
    sessions: r.sessions,
    photoUse: r.photo_use,
    contentHash: r.content_hash,
    patientTypedName: r.patient_typed_name,
    signedAt: r.signed_at,
    countersignedBy: r.countersigned_by,
    countersignedByName: r.countersigned_by_name,
    withdrawnAt: r.withdrawn_at,
    withdrawalReason: r.withdrawal_reason,
    supersededAt: r.superseded_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** A new draft consent. */
export interface NewDraft {
  id: string;
  clinicId: string;
  patientId: string;
  courseId: string | null;
  kind: ConsentKind;
  language: Lang;
  templateId: string;
  templateVersion: number;
  text: string;
  productCodes: string[];
  sessions: number | null;
  photoUse: 'clinical' | 'teaching' | null;
  additions: string | null;
  createdBy: string;
}

/** The frozen facts written at signing. */
export interface Signing {
  contentHash: string;
  patientSignature: Buffer;
  patientSignatureType: 'png' | 'svg';
  typedName: string;
  signedAt: Date;
  doctorId: string;
  doctorSignature: Buffer;
  doctorSignatureType: 'png' | 'svg';
}

/** Reads and writes consents of the transaction's clinic. */
export const consentsRepository = {
  async insertDraft(q: Queryable, d: NewDraft): Promise<void> {
    await q.query(
      `INSERT INTO consents (id, clinic_id, patient_id, course_id, kind, language, template_id, template_version, status, text, product_codes, sessions, photo_use, additions, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11, $12, $13, $14)`,
      [d.id, d.clinicId, d.patientId, d.courseId, d.kind, d.language, d.templateId, d.templateVersion, d.text, d.productCodes, d.sessions, d.photoUse, d.additions, d.createdBy],
    );
  },

  /** Removes the unsigned drafts a new draft replaces; returns their ids. */
  async deleteDrafts(q: Queryable, where: { courseId: string } | { patientId: string; kind: 'photo-use' }): Promise<string[]> {
    const r =
      'courseId' in where
        ? await q.query<{ id: string }>("DELETE FROM consents WHERE course_id = $1 AND kind = 'treatment' AND status = 'draft' RETURNING id", [where.courseId])
        : await q.query<{ id: string }>("DELETE FROM consents WHERE patient_id = $1 AND kind = 'photo-use' AND status = 'draft' RETURNING id", [where.patientId]);
    return r.rows.map((x) => x.id);
  },

  async byId(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<ConsentRow | undefined> {
    if (options.lock) await q.query('SELECT 1 FROM consents WHERE id = $1 FOR UPDATE', [id]);
    const r = await q.query<ConsentRow>(`SELECT ${columns} FROM ${from} WHERE c.id = $1`, [id]);
    return r.rows[0];
  },

  async listByPatient(q: Queryable, patientId: string, filter: { kind?: ConsentKind | undefined; courseId?: string | undefined; limit: number; offset: number }): Promise<ConsentSummary[]> {
    const r = await q.query<ConsentRow>(
      `SELECT ${columns} FROM ${from}
       WHERE c.patient_id = $1 AND ($2::text IS NULL OR c.kind = $2) AND ($3::uuid IS NULL OR c.course_id = $3)
       ORDER BY c.created_at DESC, c.id DESC LIMIT $4 OFFSET $5`,
      [patientId, filter.kind ?? null, filter.courseId ?? null, filter.limit, filter.offset],
    );
    return r.rows.map(toSummary);
  },

  /** Marks the consents in force that the newly signed one replaces as superseded; returns their ids. */
  async supersede(q: Queryable, c: { id: string; kind: ConsentKind; courseId: string | null; patientId: string }, at: Date): Promise<string[]> {
    const r =
      c.kind === 'treatment'
        ? await q.query<{ id: string }>(
            "UPDATE consents SET status = 'superseded', superseded_at = $3 WHERE course_id = $1 AND kind = 'treatment' AND status = 'signed' AND id <> $2 RETURNING id",
            [c.courseId, c.id, at],
          )
        : await q.query<{ id: string }>(
            "UPDATE consents SET status = 'superseded', superseded_at = $3 WHERE patient_id = $1 AND kind = 'photo-use' AND status = 'signed' AND id <> $2 RETURNING id",
            [c.patientId, c.id, at],
          );
    return r.rows.map((x) => x.id);
  },

  async sign(q: Queryable, id: string, s: Signing): Promise<void> {
    await q.query(
      `UPDATE consents SET status = 'signed', content_hash = $2, patient_signature = $3, patient_signature_type = $4, patient_typed_name = $5,
         signed_at = $6, countersigned_by = $7, doctor_signature = $8, doctor_signature_type = $9, countersigned_at = $6
       WHERE id = $1 AND status = 'draft'`,
      [id, s.contentHash, s.patientSignature, s.patientSignatureType, s.typedName, s.signedAt, s.doctorId, s.doctorSignature, s.doctorSignatureType],
    );
  },

  async withdraw(q: Queryable, id: string, reason: string, userId: string, at: Date): Promise<void> {
    await q.query(
      "UPDATE consents SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3, withdrawal_recorded_by = $4 WHERE id = $1 AND status = 'signed'",
      [id, at, reason, userId],
    );
  },
};
