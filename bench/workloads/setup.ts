// What the workloads need on a generated data set: an API token per clinic (a doctor's, so that
// CSRF does not apply), lots with stock enough for the session workloads, and "ready" courses —
// consented, with a waiver of baseline photos, no session yet — each taking exactly one session.
import { uuidv7 } from 'uuidv7';
import { addDays } from '../../src/domain/clinical/calendar.ts';
import type { Actor } from '../../src/server/context.ts';
import { createCourseIn } from '../../src/server/courses/service.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApiToken } from '../../src/server/users/service.ts';

/** A clinic as the workloads call it. */
export interface BenchClinic {
  id: string;
  doctorId: string;
  language: 'en' | 'ru';
  token: string;
  actor: Actor;
  /** The bench's own lots by product code: stock enough for any run. */
  lots: Map<string, string>;
}

/** A course ready for its first session. */
export interface ReadyCourse {
  clinic: BenchClinic;
  courseId: string;
  patientId: string;
}

/** Courses the bench creates are marked, so that later runs can tell them from the data set's. */
export const benchMark = 'bench: ready course';

/** One token per clinic, for its first doctor. */
export async function benchClinics(db: Database): Promise<BenchClinic[]> {
  const rows = await db.tx({ system: true }, (q) =>
    q.query<{ id: string; language: 'en' | 'ru'; doctor_id: string; email: string }>(
      `SELECT c.id, c.default_language AS language, d.id AS doctor_id, d.email FROM clinics c
       JOIN LATERAL (SELECT id, email FROM users u WHERE u.clinic_id = c.id AND u.role = 'doctor' AND u.active ORDER BY u.email LIMIT 1) d ON true
       ORDER BY c.created_at, c.id`,
    ),
  );
  const out: BenchClinic[] = [];
  for (const r of rows.rows) {
    const { token } = await createApiToken(db, { clinicId: r.id, userId: r.doctor_id }, 'bench');
    out.push({
      id: r.id,
      doctorId: r.doctor_id,
      language: r.language,
      token,
      actor: { userId: r.doctor_id, clinicId: r.id, role: 'doctor', email: r.email, language: r.language, via: 'token', ip: '127.0.0.1' },
      lots: new Map(),
    });
  }
  return out;
}

/** Receives a lot of each product for the session workloads: 1,000,000 ml, expiring in a year. */
export async function benchLots(db: Database, clinics: BenchClinic[], codes: readonly string[]): Promise<void> {
  for (const c of clinics) {
    await db.tx({ clinicId: c.id }, async (q) => {
      const stamp = Date.now().toString(36).toUpperCase();
      for (const code of codes) {
        const id = uuidv7();
        const r = await q.query(
          `INSERT INTO lots (id, clinic_id, product_id, lot_number, expires_on, quantity_received_ml, quantity_on_hand_ml, supplier, received_on)
           SELECT $1, $2, p.id, $3, current_date + 365, 1000000, 1000000, 'bench', current_date FROM products p WHERE p.clinic_id = $2 AND p.code = $4`,
          [id, c.id, `BENCH-${stamp}-${code}`.slice(0, 64), code],
        );
        if (r.rowCount !== 1) throw new Error(`clinic ${c.id} has no product ${code}`);
        await q.query("INSERT INTO stock_movements (id, clinic_id, lot_id, delta_ml, reason, note) VALUES ($1, $2, $3, 1000000, 'received', 'bench')", [uuidv7(), c.id, id]);
        c.lots.set(code, id);
      }
    });
  }
}

/**
 * Patients a ready course may go to: not archived, no history entries (so the engine has nothing
 * against them), none of the data set's own courses (the bench's are marked), those with the
 * fewest bench courses first — a patient with dozens of sessions in a minute would make every
 * later session's history reads unlike a real patient's.
 */
async function readyPatients(db: Database, clinicId: string, n: number): Promise<string[]> {
  const r = await db.tx({ clinicId }, (q) =>
    q.query<{ id: string }>(
      `SELECT p.id FROM patients p
       WHERE p.clinic_id = $1 AND p.archived_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM history_entries h WHERE h.clinic_id = p.clinic_id AND h.patient_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM courses c WHERE c.clinic_id = p.clinic_id AND c.patient_id = p.id AND c.notes IS DISTINCT FROM $2)
       ORDER BY (SELECT count(*) FROM courses c WHERE c.clinic_id = p.clinic_id AND c.patient_id = p.id), p.id LIMIT $3`,
      [clinicId, benchMark, n],
    ),
  );
  return r.rows.map((x) => x.id);
}

/**
 * Creates `n` ready courses per clinic of a cocktail, the first through the app's own
 * createCourseIn (its snapshot and plan assessment), the rest copied from it in bulk, each with
 * a signed consent covering it and a waiver of baseline photos. A patient may get several.
 */
export async function readyCourses(db: Database, clinics: BenchClinic[], n: number, components: { code: string; volumeMl: number }[]): Promise<ReadyCourse[]> {
  const out: ReadyCourse[] = [];
  for (const c of clinics) {
    const patients = await readyPatients(db, c.id, n);
    if (patients.length === 0) throw new Error(`clinic ${c.id} has no patient a ready course can go to`);
    const made = await db.tx({ clinicId: c.id }, async (q) => {
      const products = await q.query<{ code: string; id: string }>('SELECT code, id FROM products WHERE clinic_id = $1 AND code = ANY($2::text[])', [c.id, components.map((x) => x.code)]);
      const ids = new Map(products.rows.map((p) => [p.code, p.id]));
      const today = new Date().toISOString().slice(0, 10);
      const model = await createCourseIn(q, c.actor, {
        patientId: patients[0] as string,
        indications: ['age-changes'],
        areas: ['face', 'neck'],
        technique: 'papular',
        depthMm: 1,
        components: components.map((x) => ({ productId: ids.get(x.code) as string, volumeMl: x.volumeMl })),
        plannedSessions: 6,
        intervalDays: 7,
        startsOn: addDays(today, -1),
        expectedResults: 'Better hydrated, more even skin',
        postCare: 'No make-up for 24 hours',
        notes: benchMark,
      });
      const courseIds = Array.from({ length: n }, (_, i) => (i === 0 ? model.id : uuidv7()));
      const patientIds = courseIds.map((_, i) => patients[i % patients.length] as string);
      await q.query(
        `INSERT INTO courses (id, clinic_id, patient_id, status, indications, areas, technique, depth_mm, template_id, components, planned_sessions, interval_days,
                              starts_on, expected_results, post_care, price_minor, notes, plan_assessment, created_by)
         SELECT t.id, m.clinic_id, t.patient_id, m.status, m.indications, m.areas, m.technique, m.depth_mm, m.template_id, m.components, m.planned_sessions, m.interval_days,
                m.starts_on, m.expected_results, m.post_care, m.price_minor, m.notes, m.plan_assessment, m.created_by
         FROM unnest($1::uuid[], $2::uuid[]) AS t(id, patient_id), courses m WHERE m.clinic_id = $3 AND m.id = $4`,
        [courseIds.slice(1), patientIds.slice(1), c.id, model.id],
      );
      const codes = components.map((x) => x.code);
      await q.query(
        `INSERT INTO consents (id, clinic_id, patient_id, course_id, kind, language, status, text, product_codes, sessions, content_hash, signed_at,
                               patient_typed_name, patient_signature, patient_signature_type, doctor_signature, doctor_signature_type, countersigned_by, countersigned_at, created_by)
         SELECT t.consent_id, $1, t.patient_id, t.course_id, 'treatment', $2, 'signed', $3, $4, 6, encode(sha256(convert_to($3 || t.consent_id::text, 'UTF8')), 'hex'), now(),
                'Bench Patient', '\\x3c7376672f3e', 'svg', '\\x3c7376672f3e', 'svg', $5, now(), $5
         FROM unnest($6::uuid[], $7::uuid[], $8::uuid[]) AS t(consent_id, course_id, patient_id)`,
        [c.id, c.language, `Consent to 6 sessions with ${codes.join(', ')} (bench)`, codes, c.doctorId, courseIds.map(() => uuidv7()), courseIds, patientIds],
      );
      await q.query("UPDATE courses SET status = 'active' WHERE clinic_id = $1 AND id = ANY($2::uuid[]) AND status = 'awaiting-consent'", [c.id, courseIds]);
      await q.query(
        `INSERT INTO baseline_photo_waivers (id, clinic_id, course_id, reason, recorded_by)
         SELECT t.id, $1, t.course_id, 'Baseline photographs in the paper chart (bench)', $2 FROM unnest($3::uuid[], $4::uuid[]) AS t(id, course_id)`,
        [c.id, c.doctorId, courseIds.map(() => uuidv7()), courseIds],
      );
      return courseIds.map((courseId, i) => ({ clinic: c, courseId, patientId: patientIds[i] as string }));
    });
    out.push(...made);
  }
  return out;
}

/** Ready courses handed out one at a time, interleaving the clinics as requests across a chain would. */
export class CourseSupply {
  private readonly courses: ReadyCourse[] = [];
  private next = 0;

  constructor(courses: ReadyCourse[] = []) {
    this.add(courses);
  }

  /** Adds courses, interleaved by clinic. */
  add(courses: ReadyCourse[]): void {
    const byClinic = new Map<string, ReadyCourse[]>();
    for (const c of courses) {
      const list = byClinic.get(c.clinic.id);
      if (list) list.push(c);
      else byClinic.set(c.clinic.id, [c]);
    }
    const lists = [...byClinic.values()];
    for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) this.courses.push(l[i] as ReadyCourse);
  }

  /** The next unused course; throws when they are all used. */
  take(): ReadyCourse {
    const c = this.courses[this.next++];
    if (!c) throw new Error('out of ready courses: the run went faster than planned');
    return c;
  }

  get left(): number {
    return this.courses.length - this.next;
  }
}
