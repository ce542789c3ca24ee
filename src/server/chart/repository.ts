// The parts of the chart no other capability reads for it: consents' metadata and open follow-ups.
import type { Queryable } from '../db/database.ts';
import { toFollowUp } from '../sessions/repository.ts';

interface ConsentRow {
  id: string;
  course_id: string | null;
  kind: string;
  language: string;
  status: string;
  product_codes: string[];
  sessions: number | null;
  photo_use: string | null;
  template_version: number | null;
  content_hash: string | null;
  signed_at: Date | null;
  withdrawn_at: Date | null;
  superseded_at: Date | null;
  created_at: Date;
}

export const chartRepository = {
  async consents(q: Queryable, clinicId: string, patientId: string) {
    const r = await q.query<ConsentRow>(
      `SELECT id, course_id, kind, language, status, product_codes, sessions, photo_use, template_version, content_hash, signed_at, withdrawn_at, superseded_at, created_at
       FROM consents WHERE clinic_id = $1 AND patient_id = $2 ORDER BY created_at DESC, id DESC`,
      [clinicId, patientId],
    );
    return r.rows.map((c) => ({
      id: c.id,
      courseId: c.course_id,
      kind: c.kind,
      language: c.language,
      status: c.status,
      productCodes: c.product_codes,
      sessions: c.sessions,
      photoUse: c.photo_use,
      templateVersion: c.template_version,
      contentHash: c.content_hash,
      signedAt: c.signed_at,
      withdrawnAt: c.withdrawn_at,
      supersededAt: c.superseded_at,
      createdAt: c.created_at,
    }));
  },

  async openFollowUps(q: Queryable, clinicId: string, patientId: string, now: Date) {
    const r = await q.query<Parameters<typeof toFollowUp>[0]>("SELECT * FROM follow_ups WHERE clinic_id = $1 AND patient_id = $2 AND status = 'open' ORDER BY due_at, id", [clinicId, patientId]);
    return r.rows.map((f) => ({ ...toFollowUp(f), overdue: f.due_at < now }));
  },
};
