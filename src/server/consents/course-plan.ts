// The facts of a course plan a consent is made from, read from the courses table (owned by the
// courses module; read-only here apart from the status move at signing).
import type { ComponentSnapshot } from '../../domain/api/courses.ts';
import type { ConsentParties, ConsentProduct, TreatmentFacts } from '../../domain/consent/compose.ts';
import {
  AREA_CODES,
  INDICATION_CODES,
  SUBSTANCE_CLASS_CODES,
  TECHNIQUE_CODES,
  type AreaCode,
  type IndicationCode,
  type Lang,
  type SubstanceClass,
  type TechniqueCode,
} from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';

/** The course row fields the consent module reads. */
export interface CourseRow {
  id: string;
  patient_id: string;
  status: string;
  indications: string[];
  areas: string[];
  technique: string;
  depth_mm: number;
  components: ComponentSnapshot[];
  planned_sessions: number;
  interval_days: number;
  expected_results: string | null;
  post_care: string | null;
  price_minor: number | null;
  created_by: string | null;
}

/** Reads a course of the transaction's clinic; `lock` holds it until the transaction ends. */
export async function loadCourse(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<CourseRow | undefined> {
  const r = await q.query<CourseRow>(
    `SELECT id, patient_id, status, indications, areas, technique, depth_mm, components, planned_sessions, interval_days,
            expected_results, post_care, price_minor, created_by
     FROM courses WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return r.rows[0];
}

/** The catalog codes of a course's products, in plan order. */
export function courseProductCodes(course: CourseRow): string[] {
  return course.components.map((c) => c.code);
}

function only<C extends string>(codes: readonly C[], values: readonly string[]): C[] {
  return values.filter((v): v is C => (codes as readonly string[]).includes(v));
}

/** The patient's name as a consent writes it: Russian order with patronymic, or given-first. */
export function patientFullName(p: { given_name: string; family_name: string; patronymic: string | null }, lang: Lang): string {
  return lang === 'ru'
    ? [p.family_name, p.given_name, p.patronymic].filter(Boolean).join(' ')
    : [p.given_name, p.patronymic, p.family_name].filter(Boolean).join(' ');
}

/** The treatment facts of a course for the composer, with product and substance names in `lang`. */
export function treatmentFacts(course: CourseRow, parties: ConsentParties, currency: string, lang: Lang, additions: string | null): TreatmentFacts {
  const classes = new Set<SubstanceClass>();
  const products: ConsentProduct[] = course.components.map((c) => {
    for (const s of c.substances) if ((SUBSTANCE_CLASS_CODES as readonly string[]).includes(s.class)) classes.add(s.class);
    return {
      code: c.code,
      name: lang === 'ru' && c.nameRu ? c.nameRu : c.name,
      substances: c.substances.map((s) => (lang === 'ru' ? s.nameRu : s.nameEn) || s.code),
      licensed: c.licensed,
      intradermal: c.intradermal,
      registrationNumber: c.registrationNumber,
      volumeMl: c.volumeMl,
    };
  });
  const technique = (TECHNIQUE_CODES as readonly string[]).includes(course.technique) ? (course.technique as TechniqueCode) : 'manual';
  return {
    ...parties,
    currency,
    indications: only<IndicationCode>(INDICATION_CODES, course.indications),
    areas: only<AreaCode>(AREA_CODES, course.areas),
    technique,
    depthMm: course.depth_mm,
    classes: [...classes],
    products,
    plannedSessions: course.planned_sessions,
    intervalDays: course.interval_days,
    expectedResults: course.expected_results,
    postCare: course.post_care,
    priceMinor: course.price_minor,
    additions,
  };
}
