// Adverse events in the database.
import type { AdverseEvent } from '../../domain/api/adverse-events.ts';
import type { Queryable } from '../db/database.ts';

interface Row {
  id: string;
  patient_id: string;
  session_id: string;
  type: AdverseEvent['type'];
  grade: number;
  onset: Date;
  area: string | null;
  description: string;
  expected: boolean | null;
  status: AdverseEvent['status'];
  outcome: string | null;
  resolved_at: Date | null;
  reported_by: string | null;
  created_at: Date;
}

/** Maps an adverse_events row to the API shape. */
export function toAdverseEvent(r: Row): AdverseEvent {
  return {
    id: r.id,
    patientId: r.patient_id,
    sessionId: r.session_id,
    type: r.type,
    grade: r.grade,
    onset: r.onset,
    area: r.area,
    description: r.description,
    expected: r.expected,
    status: r.status,
    outcome: r.outcome,
    resolvedAt: r.resolved_at,
    reportedBy: r.reported_by,
    createdAt: r.created_at,
  };
}

export const adverseEventsRepository = {
  async insert(
    q: Queryable,
    e: { id: string; clinicId: string; patientId: string; sessionId: string; type: string; grade: number; onset: Date; area: string | null; description: string; expected: boolean | null; reportedBy: string },
  ): Promise<AdverseEvent> {
    const r = await q.query<Row>(
      `INSERT INTO adverse_events (id, clinic_id, patient_id, session_id, type, grade, onset, area, description, expected, reported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [e.id, e.clinicId, e.patientId, e.sessionId, e.type, e.grade, e.onset, e.area, e.description, e.expected, e.reportedBy],
    );
    return toAdverseEvent(r.rows[0] as Row);
  },

  async byId(q: Queryable, clinicId: string, id: string): Promise<AdverseEvent | undefined> {
    const r = await q.query<Row>('SELECT * FROM adverse_events WHERE clinic_id = $1 AND id = $2', [clinicId, id]);
    return r.rows[0] && toAdverseEvent(r.rows[0]);
  },

  async list(q: Queryable, clinicId: string, f: { patientId?: string | undefined; status?: string | undefined; openOnly?: boolean; limit: number; offset: number }): Promise<AdverseEvent[]> {
    const r = await q.query<Row>(
      `SELECT * FROM adverse_events WHERE clinic_id = $1 AND ($2::uuid IS NULL OR patient_id = $2) AND ($3::text IS NULL OR status = $3)
         AND (NOT $4 OR status <> 'resolved')
       ORDER BY onset DESC, id DESC LIMIT $5 OFFSET $6`,
      [clinicId, f.patientId ?? null, f.status ?? null, f.openOnly ?? false, f.limit, f.offset],
    );
    return r.rows.map(toAdverseEvent);
  },

  /** The session an event is recorded against: its patient and when it was performed. */
  async session(q: Queryable, clinicId: string, sessionId: string): Promise<{ patient_id: string; performed_at: Date } | undefined> {
    const r = await q.query<{ patient_id: string; performed_at: Date }>('SELECT patient_id, performed_at FROM sessions WHERE clinic_id = $1 AND id = $2', [clinicId, sessionId]);
    return r.rows[0];
  },
};
