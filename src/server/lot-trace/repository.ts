// Who received which lot: one indexed query over session_lots (CLINICAL_RULES §3: "which patients
// received lot X" is one query), with the patients' contact details and their adverse events.
import type { Recipient } from '../../domain/api/lot-trace.ts';
import type { z } from 'zod';
import type { tracedLotSchema } from '../../domain/api/lot-trace.ts';
import type { Queryable } from '../db/database.ts';

export type TracedLot = z.infer<typeof tracedLotSchema>;

interface LotRow {
  id: string;
  lot_number: string;
  expires_on: string;
  product_id: string;
  product_code: string;
  product_name: string;
  manufacturer: string | null;
  recalled_at: Date | null;
  recall_reason: string | null;
  recalled_by: string | null;
  quantity_on_hand_ml: number;
}

interface RecipientRow {
  session_id: string;
  performed_at: Date;
  session_date: string;
  practitioner_id: string;
  lot_id: string;
  lot_number: string;
  volume_ml: number;
  patient_id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string;
  phone: string | null;
  email: string | null;
  preferred_language: string;
}

const toLot = (r: LotRow): TracedLot => ({
  id: r.id,
  lotNumber: r.lot_number,
  expiresOn: r.expires_on,
  productId: r.product_id,
  productCode: r.product_code,
  productName: r.product_name,
  manufacturer: r.manufacturer,
  recalled: r.recalled_at !== null,
  recalledAt: r.recalled_at,
  recallReason: r.recall_reason,
  recalledBy: r.recalled_by,
  quantityOnHandMl: Number(r.quantity_on_hand_ml),
});

export const lotTraceRepository = {
  /** The clinic's lots of these ids with their products; another clinic's are absent. */
  async lots(q: Queryable, clinicId: string, ids: string[], lock = false): Promise<Map<string, TracedLot>> {
    if (ids.length === 0) return new Map();
    const r = await q.query<LotRow>(
      `SELECT l.id, l.lot_number, l.expires_on, l.product_id, p.code AS product_code, p.name AS product_name, p.manufacturer, l.recalled_at, l.recall_reason, l.recalled_by,
              l.quantity_on_hand_ml
       FROM lots l JOIN products p ON p.clinic_id = l.clinic_id AND p.id = l.product_id
       WHERE l.clinic_id = $1 AND l.id = ANY($2::uuid[])${lock ? ' FOR UPDATE OF l' : ''}`,
      [clinicId, ids],
    );
    return new Map(r.rows.map((l) => [l.id, toLot(l)]));
  },

  /**
   * Every session that used one of the lots, as performed, with its patient and the patient's
   * adverse events after that session; `excludeSessionId` leaves one session out (an alert's own).
   */
  async recipients(q: Queryable, clinicId: string, lotIds: string[], excludeSessionId: string | null = null): Promise<Recipient[]> {
    if (lotIds.length === 0) return [];
    const r = await q.query<RecipientRow>(
      `SELECT sl.session_id, s.performed_at, s.session_date, s.practitioner_id, sl.lot_id, l.lot_number, sum(sl.volume_ml) AS volume_ml,
              p.id AS patient_id, p.family_name, p.given_name, p.patronymic, p.birth_date, p.phone, p.email, p.preferred_language
       FROM session_lots sl
       JOIN sessions s ON s.clinic_id = sl.clinic_id AND s.id = sl.session_id
       JOIN patients p ON p.clinic_id = s.clinic_id AND p.id = s.patient_id
       JOIN lots l ON l.clinic_id = sl.clinic_id AND l.id = sl.lot_id
       WHERE sl.clinic_id = $1 AND sl.lot_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR sl.session_id <> $3)
       GROUP BY sl.session_id, s.performed_at, s.session_date, s.practitioner_id, sl.lot_id, l.lot_number, p.id
       ORDER BY s.performed_at, sl.session_id, l.lot_number`,
      [clinicId, lotIds, excludeSessionId],
    );
    if (r.rows.length === 0) return [];
    const events = await q.query<{ id: string; session_id: string; type: string; grade: number; status: string; onset: Date }>(
      'SELECT id, session_id, type, grade, status, onset FROM adverse_events WHERE clinic_id = $1 AND session_id = ANY($2::uuid[]) ORDER BY onset',
      [clinicId, [...new Set(r.rows.map((x) => x.session_id))]],
    );
    return r.rows.map((x) => ({
      sessionId: x.session_id,
      performedAt: x.performed_at,
      sessionDate: x.session_date,
      practitionerId: x.practitioner_id,
      lotId: x.lot_id,
      lotNumber: x.lot_number,
      volumeMl: Number(x.volume_ml),
      patient: {
        id: x.patient_id,
        familyName: x.family_name,
        givenName: x.given_name,
        patronymic: x.patronymic,
        birthDate: x.birth_date,
        phone: x.phone,
        email: x.email,
        preferredLanguage: x.preferred_language,
      },
      adverseEvents: events.rows.filter((e) => e.session_id === x.session_id).map((e) => ({ id: e.id, type: e.type, grade: e.grade, status: e.status, onset: e.onset })),
    }));
  },

  async recall(q: Queryable, clinicId: string, id: string, reason: string, by: string): Promise<void> {
    await q.query('UPDATE lots SET recalled_at = now(), recall_reason = $3, recalled_by = $4, updated_at = now() WHERE clinic_id = $1 AND id = $2', [clinicId, id, reason, by]);
  },
};

/** Distinct patients among recipients, leaving one out. */
export function distinctPatients(items: readonly Recipient[], except: string | null = null): number {
  return new Set(items.map((i) => i.patient.id).filter((id) => id !== except)).size;
}
