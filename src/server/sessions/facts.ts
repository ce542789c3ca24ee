// What the record says around a session, read for its assessment: the lots, the course's earlier
// sessions, the patient's open adverse events and reactions, and the course's consent.
import type { AdverseEventType } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

export interface LotForUse {
  id: string;
  product_id: string;
  product_code: string;
  lot_number: string;
  expires_on: string;
  quantity_on_hand_ml: number;
  recalled: boolean;
}

export interface ConsentFacts {
  signed: boolean;
  withdrawn?: boolean;
  products?: string[];
  sessions?: number;
}

export const sessionFacts = {
  /** The clinic's lots of these ids, with their product code; another clinic's lot is absent. */
  async lots(q: Queryable, clinicId: string, ids: string[]): Promise<Map<string, LotForUse>> {
    const r = await q.query<LotForUse>(
      `SELECT l.id, l.product_id, p.code AS product_code, l.lot_number, l.expires_on, l.quantity_on_hand_ml, l.recalled_at IS NOT NULL AS recalled
       FROM lots l JOIN products p ON p.clinic_id = l.clinic_id AND p.id = l.product_id
       WHERE l.clinic_id = $1 AND l.id = ANY($2::uuid[])`,
      [clinicId, ids],
    );
    return new Map(r.rows.map((l) => [l.id, { ...l, quantity_on_hand_ml: Number(l.quantity_on_hand_ml) }]));
  },

  /** The day of the course's last session performed before `at`. */
  async lastSessionDate(q: Queryable, clinicId: string, courseId: string, at: Date): Promise<string | null> {
    const r = await q.query<{ day: string | null }>('SELECT max(session_date) AS day FROM sessions WHERE clinic_id = $1 AND course_id = $2 AND performed_at < $3', [clinicId, courseId, at]);
    return r.rows[0]?.day ?? null;
  },

  /**
   * The patient's record before `at`: unresolved adverse events of earlier sessions, whether she
   * ever had a vagal reaction (an event or an immediate reaction), and her last lipolytic session.
   */
  async patientHistory(
    q: Queryable,
    clinicId: string,
    patientId: string,
    at: Date,
  ): Promise<{ openAdverseEvents: { type: AdverseEventType; grade: 1 | 2 | 3 | 4 | 5 }[]; vagal: boolean; lastLipolyticDate: string | null }> {
    const r = await q.query<{ open: { type: AdverseEventType; grade: 1 | 2 | 3 | 4 | 5 }[] | null; vagal: boolean; lipolytic: string | null }>(
      `SELECT
         (SELECT json_agg(json_build_object('type', a.type, 'grade', a.grade) ORDER BY a.onset)
            FROM adverse_events a JOIN sessions s ON s.clinic_id = a.clinic_id AND s.id = a.session_id
            WHERE a.clinic_id = $1 AND a.patient_id = $2 AND a.status <> 'resolved' AND s.performed_at < $3) AS open,
         EXISTS (SELECT 1 FROM adverse_events a WHERE a.clinic_id = $1 AND a.patient_id = $2 AND a.type = 'vagal' AND a.onset < $3)
           OR EXISTS (SELECT 1 FROM sessions s WHERE s.clinic_id = $1 AND s.patient_id = $2 AND s.performed_at < $3
                        AND s.immediate_reactions @> '[{"type": "vagal"}]') AS vagal,
         (SELECT max(s.session_date) FROM sessions s WHERE s.clinic_id = $1 AND s.patient_id = $2 AND s.performed_at < $3
            AND s.components @> '[{"substances": [{"class": "lipolytic"}]}]') AS lipolytic`,
      [clinicId, patientId, at],
    );
    const row = r.rows[0];
    return { openAdverseEvents: row?.open ?? [], vagal: row?.vagal ?? false, lastLipolyticDate: row?.lipolytic ?? null };
  },

  /**
   * The consent part of the assessment. A signed treatment consent covering these products and
   * this session number when there is one; otherwise the latest signed one (the engine then says
   * what it does not cover), a withdrawn one, or none at all.
   */
  async consent(q: Queryable, clinicId: string, courseId: string, productCodes: string[], sessionNumber: number): Promise<ConsentFacts> {
    const r = await q.query<{ status: 'signed' | 'withdrawn'; product_codes: string[]; sessions: number | null }>(
      `SELECT status, product_codes, sessions FROM consents
       WHERE clinic_id = $1 AND course_id = $2 AND kind = 'treatment' AND status IN ('signed', 'withdrawn')
       ORDER BY (status = 'signed') DESC, signed_at DESC NULLS LAST, created_at DESC`,
      [clinicId, courseId],
    );
    const signed = r.rows.filter((c) => c.status === 'signed');
    const covering = signed.find((c) => productCodes.every((p) => c.product_codes.includes(p)) && (c.sessions ?? 0) >= sessionNumber);
    const best = covering ?? signed[0];
    if (best) return { signed: true, withdrawn: false, products: best.product_codes, ...(best.sessions ? { sessions: best.sessions } : {}) };
    if (r.rows.some((c) => c.status === 'withdrawn')) return { signed: true, withdrawn: true };
    return { signed: false };
  },

  /** A doctor of the clinic who can supervise, by id. */
  async doctor(q: Queryable, clinicId: string, userId: string): Promise<boolean> {
    const r = await q.query("SELECT 1 FROM users WHERE clinic_id = $1 AND id = $2 AND role = 'doctor' AND active", [clinicId, userId]);
    return (r.rowCount ?? 0) > 0;
  },
};

export const stock = {
  /**
   * Takes `volumeMl` from a lot, never below zero: the guarded UPDATE waits for a concurrent
   * session on the same lot and then finds the stock it left. False when there is not enough.
   */
  async take(q: Queryable, clinicId: string, lotId: string, volumeMl: number, sessionId: string, by: string, movementId: string): Promise<boolean> {
    const r = await q.query(
      `UPDATE lots SET quantity_on_hand_ml = quantity_on_hand_ml - $3, updated_at = now()
       WHERE clinic_id = $1 AND id = $2 AND quantity_on_hand_ml >= $3 RETURNING quantity_on_hand_ml`,
      [clinicId, lotId, volumeMl],
    );
    if (r.rowCount === 0) return false;
    await q.query(`INSERT INTO stock_movements (id, clinic_id, lot_id, delta_ml, reason, session_id, by_user_id) VALUES ($1, $2, $3, $4, 'session', $5, $6)`, [
      movementId,
      clinicId,
      lotId,
      -volumeMl,
      sessionId,
      by,
    ]);
    return true;
  },
};
