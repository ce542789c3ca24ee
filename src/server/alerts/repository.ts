// Stored alerts and their lots.
import type { AlertKind, AlertSeverity } from '../../domain/adverse-events/vocabulary.ts';
import type { Queryable } from '../db/database.ts';
import { allOf, Params } from '../db/params.ts';

export interface AlertRow {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  status: 'open' | 'acknowledged';
  adverse_event_id: string | null;
  patient_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
  created_by: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledgement: string | null;
  lot_ids: string[];
  // The event's, joined.
  ae_type: string | null;
  ae_grade: number | null;
  ae_onset: Date | null;
  ae_session_id: string | null;
  session_performed_at: Date | null;
}

const select = `
  SELECT al.*, coalesce((SELECT array_agg(x.lot_id ORDER BY x.lot_id) FROM alert_lots x WHERE x.clinic_id = al.clinic_id AND x.alert_id = al.id), '{}') AS lot_ids,
         a.type AS ae_type, a.grade AS ae_grade, a.onset AS ae_onset, a.session_id AS ae_session_id, s.performed_at AS session_performed_at
  FROM alerts al
  LEFT JOIN adverse_events a ON a.clinic_id = al.clinic_id AND a.id = al.adverse_event_id
  LEFT JOIN sessions s ON s.clinic_id = a.clinic_id AND s.id = a.session_id`;

export const alertsRepository = {
  /** Inserts an alert with its lots; an event's alert of a kind is raised once (false when it already was). */
  async insert(
    q: Queryable,
    a: { id: string; clinicId: string; kind: AlertKind; severity: AlertSeverity; adverseEventId: string | null; patientId: string | null; details: Record<string, unknown>; createdBy: string | null; lotIds: string[] },
  ): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO alerts (id, clinic_id, kind, severity, adverse_event_id, patient_id, details, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (clinic_id, adverse_event_id, kind) WHERE adverse_event_id IS NOT NULL DO NOTHING`,
      [a.id, a.clinicId, a.kind, a.severity, a.adverseEventId, a.patientId, JSON.stringify(a.details), a.createdBy],
    );
    if ((r.rowCount ?? 0) === 0) return false;
    await q.query('INSERT INTO alert_lots (clinic_id, alert_id, lot_id) SELECT $1, $2, unnest($3::uuid[])', [a.clinicId, a.id, [...new Set(a.lotIds)]]);
    return true;
  },

  async list(
    q: Queryable,
    clinicId: string,
    f: { ids?: string[]; status?: string | undefined; kind?: string | undefined; adverseEventId?: string | undefined; lotId?: string | undefined },
    page: { limit: number; offset: number },
  ): Promise<AlertRow[]> {
    // Only the filters given (src/server/db/params.ts: a plan of its own for each combination).
    const p = new Params();
    const where = allOf([
      `al.clinic_id = ${p.add(clinicId)}`,
      f.ids && `al.id = ANY(${p.add(f.ids)}::uuid[])`,
      f.status && `al.status = ${p.add(f.status)}`,
      f.kind && `al.kind = ${p.add(f.kind)}`,
      f.adverseEventId && `al.adverse_event_id = ${p.add(f.adverseEventId)}`,
      f.lotId && `EXISTS (SELECT 1 FROM alert_lots x WHERE x.clinic_id = al.clinic_id AND x.alert_id = al.id AND x.lot_id = ${p.add(f.lotId)})`,
    ]);
    const r = await q.query<AlertRow>(
      `${select} WHERE ${where} ORDER BY (al.status = 'open') DESC, al.created_at DESC, al.id DESC LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return r.rows;
  },

  async acknowledge(q: Queryable, clinicId: string, id: string, by: string, note: string | null): Promise<boolean> {
    const r = await q.query(
      "UPDATE alerts SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $3, acknowledgement = $4 WHERE clinic_id = $1 AND id = $2 AND status = 'open'",
      [clinicId, id, by, note],
    );
    return (r.rowCount ?? 0) > 0;
  },

  async exists(q: Queryable, clinicId: string, id: string): Promise<{ status: string } | undefined> {
    const r = await q.query<{ status: string }>('SELECT status FROM alerts WHERE clinic_id = $1 AND id = $2 FOR UPDATE', [clinicId, id]);
    return r.rows[0];
  },

  /** Open alerts by kind, for the day list. */
  async openSummary(q: Queryable, clinicId: string): Promise<AlertRow[]> {
    return this.list(q, clinicId, { status: 'open' }, { limit: 200, offset: 0 });
  },
};
