// Adverse events in the database, read with their session and the lots it used in a fixed number
// of queries however many events are asked for.
import type { AdverseEvent } from '../../domain/api/adverse-events.ts';
import { ADRENALINE_REPEAT_MINUTES, type AnaphylaxisChecklist, type VagalChecklist } from '../../domain/api/adverse-event-checklists.ts';
import { daysAfter } from '../../domain/adverse-events/outbreak.ts';
import { isSerious } from '../../domain/adverse-events/regulator.ts';
import type { SeriousnessCriterion } from '../../domain/adverse-events/vocabulary.ts';
import type { Queryable } from '../db/database.ts';
import { allOf, Params } from '../db/params.ts';

export interface EventRow {
  id: string;
  clinic_id: string;
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
  resolution_note: string | null;
  reported_by: string | null;
  source: AdverseEvent['source'];
  treatments: AdverseEvent['treatments'];
  anaphylaxis: AnaphylaxisChecklist | null;
  vagal: VagalChecklist | null;
  seriousness: SeriousnessCriterion[];
  complication_since: Date | null;
  created_at: Date;
  updated_at: Date;
  // The session's, joined.
  performed_at: Date;
  session_date: string;
  practitioner_id: string;
  technique: string;
  areas: { area: string }[];
}

interface LotRow {
  session_id: string;
  lot_id: string;
  lot_number: string;
  expires_on: string;
  recalled: boolean;
  product_id: string;
  product_code: string;
  product_name: string;
  manufacturer: string | null;
  volume_ml: number;
}

/** The anaphylaxis checklist as answered: doses in order, their total, when a repeat is indicated. */
function anaphylaxisOf(c: AnaphylaxisChecklist | null): AdverseEvent['anaphylaxis'] {
  if (c === null) return null;
  const doses = [...c.adrenalineDoses].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const last = doses[doses.length - 1];
  const settled = c.outcome !== undefined && c.outcome !== 'ongoing';
  const total = Math.round(doses.reduce((s, d) => s + d.doseMg * 1000, 0)) / 1000;
  return {
    ...c,
    adrenalineDoses: doses,
    totalAdrenalineMg: total,
    nextDoseFrom: last && !settled ? new Date(Date.parse(last.at) + ADRENALINE_REPEAT_MINUTES * 60_000).toISOString() : null,
  };
}

function toEvent(r: EventRow, lots: LotRow[]): AdverseEvent {
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
    resolutionNote: r.resolution_note,
    reportedBy: r.reported_by,
    source: r.source,
    treatments: r.treatments,
    anaphylaxis: anaphylaxisOf(r.anaphylaxis),
    vagal: r.vagal,
    seriousness: r.seriousness,
    serious: isSerious(r.grade, r.seriousness),
    complicationSince: r.complication_since,
    session: { performedAt: r.performed_at, sessionDate: r.session_date, practitionerId: r.practitioner_id, technique: r.technique, areas: r.areas.map((a) => a.area) },
    daysAfterSession: daysAfter(r.performed_at, r.onset),
    lots: lots.map((l) => ({
      lotId: l.lot_id,
      lotNumber: l.lot_number,
      expiresOn: l.expires_on,
      recalled: l.recalled,
      productId: l.product_id,
      productCode: l.product_code,
      productName: l.product_name,
      manufacturer: l.manufacturer,
      volumeMl: Number(l.volume_ml),
    })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const select = `SELECT a.*, s.performed_at, s.session_date, s.practitioner_id, s.technique, s.areas
  FROM adverse_events a JOIN sessions s ON s.clinic_id = a.clinic_id AND s.id = a.session_id`;

/** The fields an insert writes. */
export interface NewEventRow {
  id: string;
  clinicId: string;
  patientId: string;
  sessionId: string;
  type: string;
  grade: number;
  onset: Date;
  area: string | null;
  description: string;
  expected: boolean | null;
  reportedBy: string | null;
  source: AdverseEvent['source'];
  treatments: unknown[];
  anaphylaxis: unknown;
  vagal: unknown;
  seriousness: string[];
}

/** The fields a PATCH may change, as stored. */
export interface EventFields {
  type: string;
  grade: number;
  onset: Date;
  area: string | null;
  description: string;
  expected: boolean | null;
  treatments: unknown[];
  anaphylaxis: unknown;
  vagal: unknown;
  seriousness: string[];
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export const adverseEventsRepository = {
  async insert(q: Queryable, e: NewEventRow): Promise<void> {
    await q.query(
      `INSERT INTO adverse_events (id, clinic_id, patient_id, session_id, type, grade, onset, area, description, expected, reported_by, source, treatments, anaphylaxis, vagal, seriousness, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $11)`,
      [e.id, e.clinicId, e.patientId, e.sessionId, e.type, e.grade, e.onset, e.area, e.description, e.expected, e.reportedBy, e.source, JSON.stringify(e.treatments), json(e.anaphylaxis), json(e.vagal), e.seriousness],
    );
  },

  async update(q: Queryable, clinicId: string, id: string, f: EventFields, by: string): Promise<void> {
    await q.query(
      `UPDATE adverse_events SET type = $3, grade = $4, onset = $5, area = $6, description = $7, expected = $8, treatments = $9, anaphylaxis = $10, vagal = $11,
         seriousness = $12, updated_at = now(), updated_by = $13
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, f.type, f.grade, f.onset, f.area, f.description, f.expected, JSON.stringify(f.treatments), json(f.anaphylaxis), json(f.vagal), f.seriousness, by],
    );
  },

  async setStatus(q: Queryable, clinicId: string, id: string, s: { status: string; outcome: string | null; resolvedAt: Date | null; note: string | null; by: string | null }): Promise<void> {
    await q.query(
      `UPDATE adverse_events SET status = $3, outcome = $4, resolved_at = $5, resolution_note = CASE WHEN $3 = 'resolved' THEN $6 ELSE NULL END, updated_at = now(), updated_by = $7
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, s.status, s.outcome, s.resolvedAt, s.note, s.by],
    );
  },

  /** Marks an expected reaction as a complication from now (once). */
  async markComplication(q: Queryable, clinicId: string, id: string, at: Date): Promise<void> {
    await q.query('UPDATE adverse_events SET expected = false, complication_since = coalesce(complication_since, $3), updated_at = now() WHERE clinic_id = $1 AND id = $2', [clinicId, id, at]);
  },

  /** Events with their session and lots: two queries whatever their number. Latest onset first. */
  async load(
    q: Queryable,
    clinicId: string,
    f: { ids?: string[]; patientId?: string | undefined; sessionId?: string | undefined; status?: string | undefined; unresolved?: boolean; type?: string | undefined },
    page: { limit: number; offset: number } = { limit: 1000, offset: 0 },
    lock = false,
  ): Promise<AdverseEvent[]> {
    // Only the filters given (src/server/db/params.ts: a plan of its own for each combination).
    const p = new Params();
    const where = allOf([
      `a.clinic_id = ${p.add(clinicId)}`,
      f.ids && (f.ids.length === 1 ? `a.id = ${p.add(f.ids[0])}` : `a.id = ANY(${p.add(f.ids)}::uuid[])`),
      f.patientId && `a.patient_id = ${p.add(f.patientId)}`,
      f.sessionId && `a.session_id = ${p.add(f.sessionId)}`,
      f.status && `a.status = ${p.add(f.status)}`,
      f.unresolved && "a.status <> 'resolved'",
      f.type && `a.type = ${p.add(f.type)}`,
    ]);
    const r = await q.query<EventRow>(
      `${select} WHERE ${where} ORDER BY a.onset DESC, a.id DESC LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}${lock ? ' FOR UPDATE OF a' : ''}`,
      p.values,
    );
    if (r.rows.length === 0) return [];
    const lots = await q.query<LotRow>(
      `SELECT sl.session_id, sl.lot_id, l.lot_number, l.expires_on, l.recalled_at IS NOT NULL AS recalled, sl.product_id, p.code AS product_code, p.name AS product_name,
              p.manufacturer, sl.volume_ml
       FROM session_lots sl JOIN lots l ON l.clinic_id = sl.clinic_id AND l.id = sl.lot_id JOIN products p ON p.clinic_id = sl.clinic_id AND p.id = sl.product_id
       WHERE sl.clinic_id = $1 AND sl.session_id = ANY($2::uuid[]) ORDER BY sl.session_id, sl.position`,
      [clinicId, [...new Set(r.rows.map((e) => e.session_id))]],
    );
    return r.rows.map((e) => toEvent(e, lots.rows.filter((l) => l.session_id === e.session_id)));
  },

  async byId(q: Queryable, clinicId: string, id: string, lock = false): Promise<AdverseEvent | undefined> {
    const [event] = await this.load(q, clinicId, { ids: [id] }, { limit: 1, offset: 0 }, lock);
    return event;
  },

  /** The chart's and the engine's read: events of a patient, optionally only the unresolved. */
  async list(q: Queryable, clinicId: string, f: { patientId?: string | undefined; status?: string | undefined; openOnly?: boolean; limit: number; offset: number }): Promise<AdverseEvent[]> {
    return this.load(q, clinicId, { patientId: f.patientId, status: f.status, unresolved: f.openOnly ?? false }, { limit: f.limit, offset: f.offset });
  },

  /** The session an event is recorded against: its patient, practitioners and when it was performed. */
  async session(q: Queryable, clinicId: string, sessionId: string): Promise<{ patient_id: string; performed_at: Date; practitioner_id: string; supervising_doctor_id: string | null } | undefined> {
    const r = await q.query<{ patient_id: string; performed_at: Date; practitioner_id: string; supervising_doctor_id: string | null }>(
      'SELECT patient_id, performed_at, practitioner_id, supervising_doctor_id FROM sessions WHERE clinic_id = $1 AND id = $2',
      [clinicId, sessionId],
    );
    return r.rows[0];
  },

  async addHistory(
    q: Queryable,
    h: { id: string; clinicId: string; eventId: string; by: string | null; action: string; fromStatus?: string | null; toStatus?: string | null; changes?: Record<string, unknown>; note?: string | null },
  ): Promise<void> {
    await q.query(
      `INSERT INTO adverse_event_history (id, clinic_id, adverse_event_id, by_user_id, action, from_status, to_status, changes, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [h.id, h.clinicId, h.eventId, h.by, h.action, h.fromStatus ?? null, h.toStatus ?? null, JSON.stringify(h.changes ?? {}), h.note ?? null],
    );
  },

  async history(q: Queryable, clinicId: string, eventId: string) {
    const r = await q.query<{ at: Date; by_user_id: string | null; action: string; from_status: string | null; to_status: string | null; changes: Record<string, unknown>; note: string | null }>(
      'SELECT at, by_user_id, action, from_status, to_status, changes, note FROM adverse_event_history WHERE clinic_id = $1 AND adverse_event_id = $2 ORDER BY at, id',
      [clinicId, eventId],
    );
    return r.rows.map((h) => ({ at: h.at, byUserId: h.by_user_id, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, changes: h.changes, note: h.note }));
  },
};
