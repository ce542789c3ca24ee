// The course planner's form: its values, the API body they make, and the safety engine's input.
import type { AssessmentInputJson } from '../../../domain/assessment/index.ts';
import type { Course } from '../../api/clinical.ts';
import type { PatientFacts } from '../../assessment/live.ts';
import type { ComponentRow } from './CocktailEditor.tsx';

export interface PlanValues {
  indications: string[];
  areas: string[];
  technique: string | null;
  depthMm: number | string;
  templateId: string | null;
  components: ComponentRow[];
  plannedSessions: number | string;
  intervalDays: number | string;
  startsOn: string | null;
  expectedResults: string;
  postCare: string;
  allergyTestDone: boolean;
  allergyTestMethod: string;
  allergyTestResult: string | null;
  allergyTestDate: string | null;
  price: number | string;
  notes: string;
}

/** A number input's value as a number (NaN when empty, so the schema says so). */
export const num = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);
const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The POST /courses body of the form. */
export function toBody(patientId: string, v: PlanValues, draft: boolean) {
  return {
    patientId,
    indications: v.indications,
    areas: v.areas,
    technique: v.technique ?? '',
    depthMm: num(v.depthMm),
    ...(v.templateId ? { templateId: v.templateId } : {}),
    components: v.components.map((c) => ({ productId: c.productId ?? '', volumeMl: num(c.volumeMl) })),
    plannedSessions: num(v.plannedSessions),
    intervalDays: num(v.intervalDays),
    ...(v.startsOn ? { startsOn: v.startsOn } : {}),
    expectedResults: text(v.expectedResults),
    postCare: text(v.postCare),
    ...(v.allergyTestDone
      ? { allergyTest: { done: true, method: text(v.allergyTestMethod), ...(v.allergyTestResult ? { result: v.allergyTestResult } : {}), ...(v.allergyTestDate ? { date: v.allergyTestDate } : {}) } }
      : {}),
    ...(typeof v.price === 'number' ? { priceMinor: Math.round(v.price * 100) } : {}),
    notes: text(v.notes),
    ...(draft ? { draft: true } : {}),
  };
}

/** What the safety engine reads of a plan in progress: only the parts filled in so far. */
export function planInput(values: PlanValues, today: string, patient: PatientFacts, codeOf: (productId: string) => string, settings: unknown): AssessmentInputJson {
  const comps = values.components.filter((c) => c.productId && typeof c.volumeMl === 'number' && c.volumeMl > 0);
  return {
    date: today,
    patient,
    procedure: {
      ...(values.technique ? { technique: values.technique as never } : {}),
      ...(typeof values.depthMm === 'number' && values.depthMm > 0 ? { depthMm: values.depthMm } : {}),
      components: comps.map((c) => ({ product: codeOf(c.productId ?? ''), volumeMl: c.volumeMl as number })),
    },
    plan: {
      plannedSessions: Math.max(1, Math.round(num(values.plannedSessions)) || 1),
      ...(typeof values.intervalDays === 'number' && values.intervalDays >= 1 ? { intervalDays: Math.round(values.intervalDays) } : {}),
      indications: values.indications as never[],
    },
    ...(settings ? { clinic: { settings: settings } } : {}),
  };
}

/** The form's values of a saved course: the edit form starts from them. */
export function fromCourse(c: Course): PlanValues {
  return {
    indications: [...c.indications],
    areas: [...c.areas],
    technique: c.technique,
    depthMm: c.depthMm,
    templateId: c.templateId,
    components: c.components.map((x) => ({ productId: x.productId, volumeMl: x.volumeMl })),
    plannedSessions: c.plannedSessions,
    intervalDays: c.intervalDays,
    startsOn: c.startsOn,
    expectedResults: c.expectedResults ?? '',
    postCare: c.postCare ?? '',
    allergyTestDone: c.allergyTest?.done ?? false,
    allergyTestMethod: c.allergyTest?.method ?? '',
    allergyTestResult: c.allergyTest?.result ?? null,
    allergyTestDate: c.allergyTest?.date ?? null,
    price: c.priceMinor === null ? '' : c.priceMinor / 100,
    notes: c.notes ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH /courses/{id} body of an edit: only the fields that differ from the saved plan (so the
 * audit names what changed, and an untouched cocktail keeps its snapshot); a cleared text is null.
 */
export function toPatch(before: PlanValues, after: PlanValues): Record<string, unknown> {
  const a = toBody('', after, false);
  const b = toBody('', before, false);
  const out: Record<string, unknown> = {};
  for (const k of ['indications', 'areas', 'technique', 'depthMm', 'plannedSessions', 'intervalDays', 'startsOn'] as const) if (!same(a[k], b[k])) out[k] = a[k];
  if (!same(a.components, b.components)) {
    out.components = a.components;
    if (a.templateId) out.templateId = a.templateId;
  }
  for (const k of ['expectedResults', 'postCare', 'notes', 'allergyTest', 'priceMinor'] as const) if (!same(a[k], b[k])) out[k] = a[k] ?? null;
  return out;
}

/** The products of a plan, as a set. */
const productSet = (v: PlanValues) => [...new Set(v.components.map((c) => c.productId ?? ''))].sort();

/**
 * Whether a change supersedes a signed consent: the consent names the products and the number of
 * sessions, so changing either (the server's rule, courses/service.ts) voids it.
 */
export function changesConsentedTerms(before: PlanValues, after: PlanValues): boolean {
  return !same(productSet(before), productSet(after)) || num(before.plannedSessions) !== num(after.plannedSessions);
}
