// Sessions in the database: the session row, its lots, amendments and follow-ups, read in a fixed
// number of queries however many sessions are asked for.
import type { Assessment } from '../../domain/assessment/index.ts';
import type { ComponentSnapshot } from '../../domain/api/courses.ts';
import type { Amendment, Documentation, DocumentationPatch, FollowUp, Session } from '../../domain/api/sessions.ts';
import type { Queryable } from '../db/database.ts';

export interface SessionRow {
  id: string;
  clinic_id: string;
  patient_id: string;
  course_id: string;
  number: number;
  practitioner_id: string;
  supervising_doctor_id: string | null;
  performed_at: Date;
  session_date: string;
  technique: string;
  depth_mm: number;
  areas: { area: string; volumeMl: number }[];
  components: ComponentSnapshot[];
  needle: Documentation['needle'];
  anaesthesia: Documentation['anaesthesia'];
  injection_points: Documentation['injectionPoints'];
  asepsis: Documentation['asepsis'];
  immediate_reactions: Documentation['immediateReactions'];
  duration_minutes: number | null;
  notes: string | null;
  assessment: Assessment & { input?: unknown };
  override_reason: string | null;
  overridden_by: string | null;
  signed_at: Date | null;
  signed_by: string | null;
  content_hash: string | null;
  created_at: Date;
  updated_at: Date;
}

interface LotRow {
  session_id: string;
  lot_id: string;
  product_id: string;
  product_code: string;
  lot_number: string;
  expires_on: string;
  volume_ml: number;
}

interface AmendmentRow {
  id: string;
  session_id: string;
  reason: string;
  changes: DocumentationPatch;
  created_by: string;
  created_at: Date;
}

interface FollowUpRow {
  id: string;
  patient_id: string;
  session_id: string | null;
  adverse_event_id: string | null;
  due_at: Date;
  kind: string;
  status: 'open' | 'done' | 'cancelled';
  completed_at: Date | null;
  findings: string | null;
}

/** A new session as written. */
export type NewSessionRow = Omit<SessionRow, 'signed_at' | 'signed_by' | 'content_hash' | 'created_at' | 'updated_at'> & { created_by: string };

const sumMl = (values: number[]): number => Math.round(values.reduce((a, b) => a + b * 100, 0)) / 100;

/** The documentation fields of a row. */
export function documentationOf(r: SessionRow): Documentation {
  return {
    needle: r.needle,
    anaesthesia: r.anaesthesia,
    injectionPoints: r.injection_points,
    asepsis: r.asepsis,
    immediateReactions: r.immediate_reactions,
    durationMinutes: r.duration_minutes,
    notes: r.notes,
  };
}

/** Applies a documentation change: a field given replaces the old one, null clears it. */
export function applyDocumentation(doc: Documentation, patch: DocumentationPatch): Documentation {
  const out = { ...doc } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  return out as Documentation;
}

export function toFollowUp(r: FollowUpRow): FollowUp {
  return {
    id: r.id,
    patientId: r.patient_id,
    sessionId: r.session_id,
    adverseEventId: r.adverse_event_id,
    dueAt: r.due_at,
    kind: r.kind,
    status: r.status,
    completedAt: r.completed_at,
    findings: r.findings,
  };
}

function toAmendment(r: AmendmentRow): Amendment {
  return { id: r.id, sessionId: r.session_id, reason: r.reason, changes: r.changes, createdBy: r.created_by, createdAt: r.created_at };
}

function toSession(r: SessionRow, lots: LotRow[], amendments: AmendmentRow[], followUps: FollowUpRow[]): Session {
  const doc = documentationOf(r);
  const mine = amendments.map(toAmendment);
  const { decision, findings } = r.assessment;
  return {
    id: r.id,
    courseId: r.course_id,
    patientId: r.patient_id,
    number: r.number,
    practitionerId: r.practitioner_id,
    supervisingDoctorId: r.supervising_doctor_id,
    performedAt: r.performed_at,
    sessionDate: r.session_date,
    technique: r.technique,
    depthMm: Number(r.depth_mm),
    areas: r.areas,
    totalVolumeMl: sumMl(r.areas.map((a) => a.volumeMl)),
    lots: lots.map((l) => ({ lotId: l.lot_id, productId: l.product_id, productCode: l.product_code, lotNumber: l.lot_number, expiresOn: l.expires_on, volumeMl: Number(l.volume_ml) })),
    components: r.components,
    ...doc,
    assessment: { decision, findings },
    overrideReason: r.override_reason,
    overriddenBy: r.overridden_by,
    signedAt: r.signed_at,
    signedBy: r.signed_by,
    contentHash: r.content_hash,
    amendments: mine,
    // Without amendments the fields above are the record; repeating them doubled a long chart.
    amended: mine.length ? mine.reduce((d, a) => applyDocumentation(d, a.changes), doc) : null,
    followUps: followUps.map(toFollowUp),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// Every column of a session but the engine's input kept with its assessment (for the record, not
// for the answer: it is the largest value of the row).
const readColumns = `s.id, s.clinic_id, s.patient_id, s.course_id, s.number, s.practitioner_id, s.supervising_doctor_id, s.performed_at, s.session_date,
  s.technique, s.depth_mm, s.areas, s.components, s.needle, s.anaesthesia, s.injection_points, s.asepsis, s.immediate_reactions, s.duration_minutes,
  s.notes, s.assessment - 'input' AS assessment, s.override_reason, s.overridden_by, s.signed_at, s.signed_by, s.content_hash, s.created_at, s.updated_at`;

function groupBy<T extends { session_id: string | null }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    if (r.session_id === null) continue;
    const list = out.get(r.session_id);
    if (list) list.push(r);
    else out.set(r.session_id, [r]);
  }
  return out;
}

export const sessionsRepository = {
  async insert(q: Queryable, s: NewSessionRow): Promise<void> {
    await q.query(
      `INSERT INTO sessions (id, clinic_id, patient_id, course_id, number, practitioner_id, supervising_doctor_id, performed_at, session_date, technique, depth_mm,
                             areas, components, needle, anaesthesia, injection_points, asepsis, immediate_reactions, duration_minutes, notes, assessment,
                             override_reason, overridden_by, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
      [
        s.id,
        s.clinic_id,
        s.patient_id,
        s.course_id,
        s.number,
        s.practitioner_id,
        s.supervising_doctor_id,
        s.performed_at,
        s.session_date,
        s.technique,
        s.depth_mm,
        JSON.stringify(s.areas),
        JSON.stringify(s.components),
        s.needle === null ? null : JSON.stringify(s.needle),
        s.anaesthesia === null ? null : JSON.stringify(s.anaesthesia),
        JSON.stringify(s.injection_points),
        s.asepsis === null ? null : JSON.stringify(s.asepsis),
        JSON.stringify(s.immediate_reactions),
        s.duration_minutes,
        s.notes,
        JSON.stringify(s.assessment),
        s.override_reason,
        s.overridden_by,
        s.created_by,
      ],
    );
  },

  async insertLots(q: Queryable, clinicId: string, sessionId: string, lots: { lotId: string; productId: string; volumeMl: number }[]): Promise<void> {
    await q.query(
      `INSERT INTO session_lots (clinic_id, session_id, position, lot_id, product_id, volume_ml)
       SELECT $1, $2, t.ord - 1, t.lot_id, t.product_id, t.volume_ml FROM unnest($3::uuid[], $4::uuid[], $5::numeric[]) WITH ORDINALITY AS t(lot_id, product_id, volume_ml, ord)`,
      [clinicId, sessionId, lots.map((l) => l.lotId), lots.map((l) => l.productId), lots.map((l) => l.volumeMl)],
    );
  },

  async insertFollowUps(q: Queryable, rows: { id: string; clinicId: string; patientId: string; sessionId: string; dueAt: Date; kind: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await q.query(
      `INSERT INTO follow_ups (id, clinic_id, patient_id, session_id, due_at, kind)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::text[])`,
      [rows.map((r) => r.id), rows.map((r) => r.clinicId), rows.map((r) => r.patientId), rows.map((r) => r.sessionId), rows.map((r) => r.dueAt), rows.map((r) => r.kind)],
    );
  },

  async rowForUpdate(q: Queryable, clinicId: string, id: string): Promise<SessionRow | undefined> {
    const r = await q.query<SessionRow>('SELECT * FROM sessions WHERE clinic_id = $1 AND id = $2 FOR UPDATE', [clinicId, id]);
    return r.rows[0];
  },

  async updateDocumentation(q: Queryable, clinicId: string, id: string, d: Documentation): Promise<void> {
    await q.query(
      `UPDATE sessions SET needle = $3, anaesthesia = $4, injection_points = $5, asepsis = $6, immediate_reactions = $7, duration_minutes = $8, notes = $9, updated_at = now()
       WHERE clinic_id = $1 AND id = $2 AND signed_at IS NULL`,
      [
        clinicId,
        id,
        d.needle === null ? null : JSON.stringify(d.needle),
        d.anaesthesia === null ? null : JSON.stringify(d.anaesthesia),
        JSON.stringify(d.injectionPoints),
        d.asepsis === null ? null : JSON.stringify(d.asepsis),
        JSON.stringify(d.immediateReactions),
        d.durationMinutes,
        d.notes,
      ],
    );
  },

  async sign(q: Queryable, clinicId: string, id: string, by: string, at: Date, hash: string): Promise<void> {
    await q.query('UPDATE sessions SET signed_at = $3, signed_by = $4, content_hash = $5, updated_at = $3 WHERE clinic_id = $1 AND id = $2 AND signed_at IS NULL', [
      clinicId,
      id,
      at,
      by,
      hash,
    ]);
  },

  async insertAmendment(q: Queryable, a: { id: string; clinicId: string; sessionId: string; reason: string; changes: DocumentationPatch; createdBy: string }): Promise<Amendment> {
    const r = await q.query<AmendmentRow>(
      'INSERT INTO session_amendments (id, clinic_id, session_id, reason, changes, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [a.id, a.clinicId, a.sessionId, a.reason, JSON.stringify(a.changes), a.createdBy],
    );
    return toAmendment(r.rows[0] as AmendmentRow);
  },

  /**
   * Sessions with their lots, amendments and follow-ups: four queries whatever their number.
   * Ordered as performed.
   */
  async load(q: Queryable, clinicId: string, where: { ids: string[] } | { patientId: string } | { courseId: string }, page?: { limit: number; offset: number }): Promise<Session[]> {
    // One session (its page, the answer to recording it) by `=`: with `= ANY(array)` PostgreSQL
    // cannot know the array's length from a kept plan, and plans such a statement on every call.
    const one = 'ids' in where && where.ids.length === 1;
    const [cond, value] =
      'ids' in where ? (one ? ['s.id = $2', where.ids[0]] : ['s.id = ANY($2::uuid[])', where.ids]) : 'patientId' in where ? ['s.patient_id = $2', where.patientId] : ['s.course_id = $2', where.courseId];
    const limit = page ? `LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}` : '';
    const sessions = (await q.query<SessionRow>(`SELECT ${readColumns} FROM sessions s WHERE s.clinic_id = $1 AND ${cond} ORDER BY s.performed_at, s.id ${limit}`, [clinicId, value])).rows;
    if (sessions.length === 0) return [];
    const ids = sessions.map((s) => s.id);
    const bySession = sessions.length === 1 ? 'session_id = $2' : 'session_id = ANY($2::uuid[])';
    const sessionIds = sessions.length === 1 ? ids[0] : ids;
    // One after another: a pg client runs one query at a time anyway.
    const lots = await q.query<LotRow>(
        `SELECT sl.session_id, sl.lot_id, sl.product_id, p.code AS product_code, l.lot_number, l.expires_on, sl.volume_ml
         FROM session_lots sl JOIN lots l ON l.clinic_id = sl.clinic_id AND l.id = sl.lot_id JOIN products p ON p.clinic_id = sl.clinic_id AND p.id = sl.product_id
         WHERE sl.clinic_id = $1 AND sl.${bySession} ORDER BY sl.session_id, sl.position`,
        [clinicId, sessionIds],
    );
    const amendments = await q.query<AmendmentRow>(`SELECT * FROM session_amendments WHERE clinic_id = $1 AND ${bySession} ORDER BY created_at, id`, [clinicId, sessionIds]);
    const followUps = await q.query<FollowUpRow>(`SELECT * FROM follow_ups WHERE clinic_id = $1 AND ${bySession} ORDER BY due_at, id`, [clinicId, sessionIds]);
    const lotsBy = groupBy(lots.rows);
    const amendmentsBy = groupBy(amendments.rows);
    const followUpsBy = groupBy(followUps.rows);
    return sessions.map((s) => toSession(s, lotsBy.get(s.id) ?? [], amendmentsBy.get(s.id) ?? [], followUpsBy.get(s.id) ?? []));
  },
};
