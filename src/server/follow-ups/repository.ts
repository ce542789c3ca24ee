// Follow-ups in the database, read with their patient, session and adverse event in one query.
import type { FollowUpItem } from '../../domain/api/follow-ups.ts';
import { FOLLOW_UP_RULES } from '../../domain/adverse-events/follow-up-rules.ts';
import type { FollowUpKind } from '../../domain/adverse-events/vocabulary.ts';
import type { AdverseEventType, Labels } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';
import { allOf, Params } from '../db/params.ts';

interface Row {
  id: string;
  patient_id: string;
  session_id: string | null;
  adverse_event_id: string | null;
  due_at: Date;
  kind: FollowUpKind;
  status: FollowUpItem['status'];
  completed_at: Date | null;
  completed_by: string | null;
  findings: string | null;
  outcome: string | null;
  opened_adverse_event_id: string | null;
  assigned_to: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_at: Date;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
  any_session_id: string | null;
  session_performed_at: Date | null;
  session_practitioner_id: string | null;
  ae_type: AdverseEventType | null;
  ae_grade: number | null;
  ae_status: string | null;
  ae_onset: Date | null;
}

const postSession: Labels = {
  en: 'Ask how the treated skin is: redness, swelling, bruises or papules that have not settled',
  ru: 'Узнать о состоянии кожи: не прошедшие покраснение, отёк, гематомы или папулы',
};
const patientReport: Labels = { en: 'The patient reported a side effect: call back and assess', ru: 'Пациент сообщил о нежелательном явлении: перезвонить и оценить' };

function purposeOf(r: Row): Labels {
  if (r.ae_type !== null && r.kind !== 'patient-report') return FOLLOW_UP_RULES[r.ae_type].purpose;
  return r.kind === 'patient-report' ? patientReport : postSession;
}

function toItem(r: Row, now: Date): FollowUpItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    dueAt: r.due_at,
    overdue: r.status === 'open' && r.due_at < now,
    purpose: purposeOf(r),
    patient: { id: r.patient_id, familyName: r.family_name, givenName: r.given_name, patronymic: r.patronymic, phone: r.phone, email: r.email },
    sessionId: r.any_session_id,
    sessionPerformedAt: r.session_performed_at,
    adverseEvent:
      r.adverse_event_id !== null && r.ae_type !== null
        ? { id: r.adverse_event_id, type: r.ae_type, grade: r.ae_grade ?? 0, status: r.ae_status ?? 'open', onset: r.ae_onset ?? r.created_at }
        : null,
    practitionerId: r.assigned_to ?? r.session_practitioner_id,
    assignedTo: r.assigned_to,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    findings: r.findings,
    outcome: r.outcome,
    openedAdverseEventId: r.opened_adverse_event_id,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
  };
}

const select = `
  SELECT f.id, f.patient_id, f.session_id, f.adverse_event_id, f.due_at, f.kind, f.status, f.completed_at, f.completed_by, f.findings, f.outcome,
         f.opened_adverse_event_id, f.assigned_to, f.cancelled_at, f.cancel_reason, f.created_at,
         p.family_name, p.given_name, p.patronymic, p.phone, p.email,
         s.id AS any_session_id, s.performed_at AS session_performed_at, s.practitioner_id AS session_practitioner_id,
         a.type AS ae_type, a.grade AS ae_grade, a.status AS ae_status, a.onset AS ae_onset
  FROM follow_ups f
  JOIN patients p ON p.clinic_id = f.clinic_id AND p.id = f.patient_id
  LEFT JOIN adverse_events a ON a.clinic_id = f.clinic_id AND a.id = f.adverse_event_id
  LEFT JOIN sessions s ON s.clinic_id = f.clinic_id AND s.id = coalesce(f.session_id, a.session_id)`;

/** A list's filters. */
export interface FollowUpFilter {
  status?: FollowUpItem['status'];
  practitionerId?: string | undefined;
  patientId?: string | undefined;
  adverseEventId?: string | undefined;
  dueBefore?: Date | undefined;
  overdueAt?: Date | undefined;
}

/** A follow-up to create. */
export interface NewFollowUp {
  id: string;
  clinicId: string;
  patientId: string;
  sessionId: string | null;
  adverseEventId: string | null;
  dueAt: Date;
  kind: FollowUpKind;
  assignedTo: string | null;
  createdBy: string | null;
}

export const followUpsRepository = {
  async insert(q: Queryable, f: NewFollowUp): Promise<void> {
    await q.query(
      `INSERT INTO follow_ups (id, clinic_id, patient_id, session_id, adverse_event_id, due_at, kind, assigned_to, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [f.id, f.clinicId, f.patientId, f.sessionId, f.adverseEventId, f.dueAt, f.kind, f.assignedTo, f.createdBy],
    );
  },

  async list(q: Queryable, clinicId: string, f: FollowUpFilter, page: { limit: number; offset: number }, now: Date): Promise<FollowUpItem[]> {
    // Only the filters given (src/server/db/params.ts: a plan of its own for each combination).
    const p = new Params();
    const practitioner = f.practitionerId ? p.add(f.practitionerId) : '';
    const where = allOf([
      `f.clinic_id = ${p.add(clinicId)}`,
      f.status && `f.status = ${p.add(f.status)}`,
      f.patientId && `f.patient_id = ${p.add(f.patientId)}`,
      f.adverseEventId && `f.adverse_event_id = ${p.add(f.adverseEventId)}`,
      f.dueBefore && `f.due_at < ${p.add(f.dueBefore)}`,
      f.overdueAt && `f.due_at < ${p.add(f.overdueAt)}`,
      practitioner && `(f.assigned_to = ${practitioner} OR (f.assigned_to IS NULL AND (s.practitioner_id = ${practitioner} OR s.supervising_doctor_id = ${practitioner})))`,
    ]);
    const r = await q.query<Row>(`${select} WHERE ${where} ORDER BY f.due_at, f.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`, p.values);
    return r.rows.map((row) => toItem(row, now));
  },

  async byId(q: Queryable, clinicId: string, id: string, now: Date): Promise<FollowUpItem | undefined> {
    const r = await q.query<Row>(`${select} WHERE f.clinic_id = $1 AND f.id = $2`, [clinicId, id]);
    return r.rows[0] && toItem(r.rows[0], now);
  },

  /** Locks a follow-up for a change; its status and what it follows. */
  async lock(q: Queryable, clinicId: string, id: string): Promise<{ status: string; patient_id: string; session_id: string | null; adverse_event_id: string | null; kind: FollowUpKind } | undefined> {
    const r = await q.query<{ status: string; patient_id: string; session_id: string | null; adverse_event_id: string | null; kind: FollowUpKind }>(
      'SELECT status, patient_id, session_id, adverse_event_id, kind FROM follow_ups WHERE clinic_id = $1 AND id = $2 FOR UPDATE',
      [clinicId, id],
    );
    return r.rows[0];
  },

  async complete(q: Queryable, clinicId: string, id: string, c: { at: Date; by: string; findings: string; outcome: string; openedEventId: string | null }): Promise<void> {
    await q.query(
      `UPDATE follow_ups SET status = 'done', completed_at = $3, completed_by = $4, findings = $5, outcome = $6, opened_adverse_event_id = $7 WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, c.at, c.by, c.findings, c.outcome, c.openedEventId],
    );
  },

  async reschedule(q: Queryable, clinicId: string, id: string, p: { dueAt?: Date | undefined; assignedTo?: string | null | undefined }): Promise<void> {
    await q.query(
      `UPDATE follow_ups SET due_at = coalesce($3, due_at), assigned_to = CASE WHEN $4 THEN $5::uuid ELSE assigned_to END WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, p.dueAt ?? null, p.assignedTo !== undefined, p.assignedTo ?? null],
    );
  },

  /** Cancels an event's open follow-ups (it resolved); returns how many. */
  async cancelForEvent(q: Queryable, clinicId: string, eventId: string, reason: string): Promise<number> {
    const r = await q.query(
      `UPDATE follow_ups SET status = 'cancelled', cancelled_at = now(), cancel_reason = $3 WHERE clinic_id = $1 AND adverse_event_id = $2 AND status = 'open'`,
      [clinicId, eventId, reason],
    );
    return r.rowCount ?? 0;
  },

  /** How many follow-ups of an event were completed (the first one decides a complication). */
  async doneForEvent(q: Queryable, clinicId: string, eventId: string): Promise<number> {
    const r = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM follow_ups WHERE clinic_id = $1 AND adverse_event_id = $2 AND status = 'done'", [clinicId, eventId]);
    return r.rows[0]?.n ?? 0;
  },

  async openForEvent(q: Queryable, clinicId: string, eventId: string): Promise<number> {
    const r = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM follow_ups WHERE clinic_id = $1 AND adverse_event_id = $2 AND status = 'open'", [clinicId, eventId]);
    return r.rows[0]?.n ?? 0;
  },

  /** Overdue and due-today counts for the day list. */
  async counts(q: Queryable, clinicId: string, now: Date, endOfToday: Date): Promise<{ overdue: number; dueToday: number }> {
    const r = await q.query<{ overdue: number; due_today: number }>(
      `SELECT count(*) FILTER (WHERE due_at < $2)::int AS overdue, count(*) FILTER (WHERE due_at >= $2 AND due_at < $3)::int AS due_today
       FROM follow_ups WHERE clinic_id = $1 AND status = 'open'`,
      [clinicId, now, endOfToday],
    );
    return { overdue: r.rows[0]?.overdue ?? 0, dueToday: r.rows[0]?.due_today ?? 0 };
  },
};
