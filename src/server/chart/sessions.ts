// The chart's sessions: one line of the timeline each, read without the documentation, the catalog
// snapshot and the findings' text that the session's own page shows (GET /sessions/{id}).
import type { ChartSession } from '../../domain/api/chart.ts';
import type { Queryable } from '../db/database.ts';

interface Row {
  id: string;
  course_id: string;
  patient_id: string;
  number: number;
  practitioner_id: string;
  supervising_doctor_id: string | null;
  performed_at: Date;
  session_date: string;
  technique: string;
  depth_mm: number;
  areas: { area: string; volumeMl: number }[];
  immediate_reactions: ChartSession['immediateReactions'];
  decision: ChartSession['decision'];
  finding_rules: ChartSession['findings'][number]['rule'][];
  finding_levels: ChartSession['findings'][number]['level'][];
  substance_classes: ChartSession['substanceClasses'];
  override_reason: string | null;
  overridden_by: string | null;
  signed_at: Date | null;
  signed_by: string | null;
  amendment_count: number;
}

interface LotRow {
  session_id: string;
  lot_id: string;
  product_id: string;
  product_code: string;
  lot_number: string;
  expires_on: string;
  volume_ml: string;
}

const sumMl = (values: number[]): number => Math.round(values.reduce((a, b) => a + b * 100, 0)) / 100;

/**
 * The patient's sessions as performed, oldest first, in two queries: the sessions, then their lots.
 * The decision, the findings' rules and the substance classes are columns generated from the stored
 * assessment and components (migration 0013), so the large jsonb values are not read at all.
 */
export async function chartSessions(q: Queryable, clinicId: string, patientId: string): Promise<ChartSession[]> {
  const r = await q.query<Row>(
    `SELECT s.id, s.course_id, s.patient_id, s.number, s.practitioner_id, s.supervising_doctor_id, s.performed_at, s.session_date, s.technique, s.depth_mm,
            s.areas, s.immediate_reactions, s.decision, s.finding_rules, s.finding_levels, s.substance_classes,
            s.override_reason, s.overridden_by, s.signed_at, s.signed_by,
            (SELECT count(*)::int FROM session_amendments a WHERE a.clinic_id = s.clinic_id AND a.session_id = s.id) AS amendment_count
       FROM sessions s WHERE s.clinic_id = $1 AND s.patient_id = $2 ORDER BY s.performed_at, s.id`,
    [clinicId, patientId],
  );
  if (r.rows.length === 0) return [];
  const lots = await q.query<LotRow>(
    `SELECT sl.session_id, sl.lot_id, sl.product_id, p.code AS product_code, l.lot_number, l.expires_on, sl.volume_ml
       FROM sessions s
       JOIN session_lots sl ON sl.session_id = s.id
       JOIN lots l ON l.clinic_id = sl.clinic_id AND l.id = sl.lot_id
       JOIN products p ON p.clinic_id = sl.clinic_id AND p.id = sl.product_id
      WHERE s.clinic_id = $1 AND s.patient_id = $2 ORDER BY sl.session_id, sl.position`,
    [clinicId, patientId],
  );
  const lotsBy = new Map<string, ChartSession['lots']>();
  for (const l of lots.rows) {
    const lot = { lotId: l.lot_id, productId: l.product_id, productCode: l.product_code, lotNumber: l.lot_number, expiresOn: l.expires_on, volumeMl: Number(l.volume_ml) };
    const list = lotsBy.get(l.session_id);
    if (list) list.push(lot);
    else lotsBy.set(l.session_id, [lot]);
  }
  return r.rows.map((s) => ({
    id: s.id,
    courseId: s.course_id,
    patientId: s.patient_id,
    number: s.number,
    practitionerId: s.practitioner_id,
    supervisingDoctorId: s.supervising_doctor_id,
    performedAt: s.performed_at,
    sessionDate: s.session_date,
    technique: s.technique,
    depthMm: Number(s.depth_mm),
    areas: s.areas,
    totalVolumeMl: sumMl(s.areas.map((a) => a.volumeMl)),
    lots: lotsBy.get(s.id) ?? [],
    immediateReactions: s.immediate_reactions,
    decision: s.decision,
    findings: s.finding_rules.map((rule, i) => ({ rule, level: s.finding_levels[i] ?? 'info' })),
    substanceClasses: [...new Set(s.substance_classes)],
    amendmentCount: s.amendment_count,
    overrideReason: s.override_reason,
    overriddenBy: s.overridden_by,
    signedAt: s.signed_at,
    signedBy: s.signed_by,
  }));
}
