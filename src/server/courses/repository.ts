// Courses in the database.
import type { Assessment } from '../../domain/assessment/index.ts';
import type { ComponentSnapshot, Course, CourseStatus } from '../../domain/api/courses.ts';
import { plannedDates, addDays } from '../../domain/clinical/calendar.ts';
import type { Queryable } from '../db/database.ts';
import { allOf, Params } from '../db/params.ts';

export interface CourseRow {
  id: string;
  clinic_id: string;
  patient_id: string;
  status: CourseStatus;
  indications: string[];
  areas: string[];
  technique: string;
  depth_mm: number;
  template_id: string | null;
  components: ComponentSnapshot[];
  planned_sessions: number;
  interval_days: number;
  starts_on: string;
  expected_results: string | null;
  post_care: string | null;
  allergy_test: Course['allergyTest'];
  price_minor: number | null;
  notes: string | null;
  plan_assessment: Assessment;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  completed_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  sessions_done: number;
  last_session_on: string | null;
  practitioner_id: string | null;
  practitioner_name: string | null;
}

/** The plan fields a course stores (what a create or a change writes). */
export type CourseFields = Pick<
  CourseRow,
  | 'status'
  | 'indications'
  | 'areas'
  | 'technique'
  | 'depth_mm'
  | 'template_id'
  | 'components'
  | 'planned_sessions'
  | 'interval_days'
  | 'starts_on'
  | 'expected_results'
  | 'post_care'
  | 'allergy_test'
  | 'price_minor'
  | 'notes'
  | 'plan_assessment'
>;

const sumMl = (values: number[]): number => Math.round(values.reduce((a, b) => a + b * 100, 0)) / 100;

/** Maps a course row (with its session count) to the API shape. */
export function toCourse(r: CourseRow, currency: string): Course {
  const last = r.last_session_on;
  return {
    id: r.id,
    patientId: r.patient_id,
    status: r.status,
    indications: r.indications,
    areas: r.areas,
    technique: r.technique,
    depthMm: Number(r.depth_mm),
    templateId: r.template_id,
    components: r.components,
    totalVolumeMl: sumMl(r.components.map((c) => c.volumeMl)),
    plannedSessions: r.planned_sessions,
    intervalDays: r.interval_days,
    startsOn: r.starts_on,
    plannedDates: plannedDates(r.starts_on, r.interval_days, r.planned_sessions),
    sessionsDone: r.sessions_done,
    lastSessionOn: last,
    nextDueOn: r.status === 'completed' || r.status === 'cancelled' ? null : last ? addDays(last, r.interval_days) : r.starts_on,
    expectedResults: r.expected_results,
    postCare: r.post_care,
    allergyTest: r.allergy_test,
    priceMinor: r.price_minor === null ? null : Number(r.price_minor),
    currency,
    notes: r.notes,
    assessment: r.plan_assessment,
    cancelReason: r.cancel_reason,
    cancelledAt: r.cancelled_at,
    completedAt: r.completed_at,
    createdBy: r.created_by,
    practitioner: r.practitioner_id !== null && r.practitioner_name !== null ? { id: r.practitioner_id, displayName: r.practitioner_name } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// The course's practitioner for the day list: whoever performed its latest session, else the doctor
// who planned it.
const courseSelect = `
  SELECT c.*, coalesce(s.done, 0) AS sessions_done, s.last_on AS last_session_on, u.id AS practitioner_id, u.display_name AS practitioner_name
  FROM courses c
  LEFT JOIN LATERAL (SELECT count(*)::int AS done, max(x.session_date) AS last_on FROM sessions x WHERE x.clinic_id = c.clinic_id AND x.course_id = c.id) s ON true
  LEFT JOIN LATERAL (SELECT x.practitioner_id FROM sessions x WHERE x.clinic_id = c.clinic_id AND x.course_id = c.id ORDER BY x.performed_at DESC, x.id DESC LIMIT 1) l ON true
  LEFT JOIN users u ON u.clinic_id = c.clinic_id AND u.id = coalesce(l.practitioner_id, c.created_by)`;

const fieldValues = (f: CourseFields) => [
  f.status,
  f.indications,
  f.areas,
  f.technique,
  f.depth_mm,
  f.template_id,
  JSON.stringify(f.components),
  f.planned_sessions,
  f.interval_days,
  f.starts_on,
  f.expected_results,
  f.post_care,
  f.allergy_test === null ? null : JSON.stringify(f.allergy_test),
  f.price_minor,
  f.notes,
  JSON.stringify(f.plan_assessment),
];

// A signed treatment consent covers the course when it names every product of the cocktail and
// at least the planned number of sessions.
const coveredBy = `EXISTS (SELECT 1 FROM consents k WHERE k.clinic_id = c.clinic_id AND k.course_id = c.id AND k.kind = 'treatment' AND k.status = 'signed'
    AND k.product_codes @> ARRAY(SELECT jsonb_array_elements(c.components) ->> 'code') AND coalesce(k.sessions, 0) >= c.planned_sessions)`;

export const coursesRepository = {
  async insert(q: Queryable, id: string, clinicId: string, patientId: string, createdBy: string, f: CourseFields): Promise<void> {
    await q.query(
      `INSERT INTO courses (id, clinic_id, patient_id, created_by, status, indications, areas, technique, depth_mm, template_id, components, planned_sessions,
                            interval_days, starts_on, expected_results, post_care, allergy_test, price_minor, notes, plan_assessment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [id, clinicId, patientId, createdBy, ...fieldValues(f)],
    );
  },

  async update(q: Queryable, clinicId: string, id: string, f: CourseFields): Promise<void> {
    await q.query(
      `UPDATE courses SET status = $3, indications = $4, areas = $5, technique = $6, depth_mm = $7, template_id = $8, components = $9,
         planned_sessions = $10, interval_days = $11, starts_on = $12, expected_results = $13, post_care = $14, allergy_test = $15,
         price_minor = $16, notes = $17, plan_assessment = $18, updated_at = now()
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, ...fieldValues(f)],
    );
  },

  async byId(q: Queryable, clinicId: string, id: string, options: { lock?: boolean } = {}): Promise<CourseRow | undefined> {
    if (options.lock) await q.query('SELECT 1 FROM courses WHERE clinic_id = $1 AND id = $2 FOR UPDATE', [clinicId, id]);
    const r = await q.query<CourseRow>(`${courseSelect} WHERE c.clinic_id = $1 AND c.id = $2`, [clinicId, id]);
    return r.rows[0];
  },

  async list(q: Queryable, clinicId: string, f: { patientId?: string | undefined; status?: CourseStatus | undefined; limit: number; offset: number }): Promise<CourseRow[]> {
    // Only the filters given (src/server/db/params.ts: a plan of its own for each combination).
    const p = new Params();
    const where = allOf([`c.clinic_id = ${p.add(clinicId)}`, f.patientId && `c.patient_id = ${p.add(f.patientId)}`, f.status && `c.status = ${p.add(f.status)}`]);
    const r = await q.query<CourseRow>(`${courseSelect} WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT ${p.add(f.limit)} OFFSET ${p.add(f.offset)}`, p.values);
    return r.rows;
  },

  async setStatus(q: Queryable, clinicId: string, id: string, status: CourseStatus, extra: { cancelReason?: string } = {}): Promise<void> {
    await q.query(
      `UPDATE courses SET status = $3, updated_at = now(),
         cancel_reason = CASE WHEN $3 = 'cancelled' THEN $4 ELSE cancel_reason END,
         cancelled_at = CASE WHEN $3 = 'cancelled' THEN now() ELSE cancelled_at END,
         completed_at = CASE WHEN $3 = 'completed' THEN now() ELSE completed_at END
       WHERE clinic_id = $1 AND id = $2`,
      [clinicId, id, status, extra.cancelReason ?? null],
    );
  },

  /**
   * Keeps the consent part of the status in step with the consents table: a course awaiting
   * consent becomes active once a signed consent covers it, and an active course whose consent was
   * withdrawn or superseded waits for a new one. One statement for a course, or all of a patient's.
   */
  async syncConsentStatus(q: Queryable, clinicId: string, where: { courseId: string } | { patientId: string }): Promise<void> {
    const [column, value] = 'courseId' in where ? ['id', where.courseId] : ['patient_id', where.patientId];
    await q.query(
      `UPDATE courses c SET status = CASE WHEN c.status = 'awaiting-consent' THEN 'active' ELSE 'awaiting-consent' END, updated_at = now()
       WHERE c.clinic_id = $1 AND c.${column} = $2
         AND ((c.status = 'awaiting-consent' AND ${coveredBy}) OR (c.status = 'active' AND NOT ${coveredBy}))`,
      [clinicId, value],
    );
  },

  /** Marks the course's signed consents superseded: the plan they agreed to has changed. Returns their ids. */
  async supersedeConsents(q: Queryable, clinicId: string, courseId: string): Promise<string[]> {
    const r = await q.query<{ id: string }>(
      `UPDATE consents SET status = 'superseded', superseded_at = now() WHERE clinic_id = $1 AND course_id = $2 AND status = 'signed' RETURNING id`,
      [clinicId, courseId],
    );
    return r.rows.map((x) => x.id);
  },
};
