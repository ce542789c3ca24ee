// The safety engine in the browser: the same `assess` the server runs, on input built from what
// the chart and the catalog say, so a plan or a session is checked on every change before it is
// sent (the server assesses again before it writes).
import { assess, AssessmentInputError, parseAssessmentInput, type AssessmentInputJson, type Finding } from '../../domain/assessment/index.ts';
import { withSubstanceFlags, type ProductFacts, type ProductResolver } from '../../domain/catalog/index.ts';
import type { ChartView } from '../api/chart.ts';
import type { Product, Substance } from '../api/catalog.ts';
import type { Lang } from '../i18n/index.ts';

export type PatientFacts = NonNullable<AssessmentInputJson['patient']>;

/** The engine's facts of the clinic's products, as the server builds them (catalog/product-facts.ts). */
export function productResolver(products: readonly Product[], substances: readonly Substance[]): ProductResolver {
  const flags = new Map(substances.map((s) => [s.code, s]));
  const facts = new Map<string, ProductFacts>();
  for (const p of products) {
    facts.set(p.code, {
      code: p.code,
      name: p.name,
      ...(p.nameRu && p.nameRu !== p.name ? { nameRu: p.nameRu } : {}),
      intradermal: p.intradermal,
      // A licence counts only with a registration in force.
      licensed: p.licensed && p.registrationStatus === 'registered',
      multiDose: p.multiDose,
      substances: p.substances.map((s) =>
        withSubstanceFlags({
          code: s.code,
          class: s.class,
          ...(s.concentrationMgPerMl === null ? {} : { concentrationMgPerMl: s.concentrationMgPerMl }),
          ...(s.containsAdrenaline ? { containsAdrenaline: true } : {}),
          ...(flags.get(s.code)?.compositae ? { compositae: true } : {}),
          ...(flags.get(s.code)?.fishDerived ? { fishDerived: true } : {}),
        }),
      ),
    });
  }
  return (code) => facts.get(code);
}

/** The patient part of the input, from the chart: what is in effect today (patient-facts.ts). */
export function patientFacts(chart: ChartView): PatientFacts {
  const p = chart.patient;
  const h = chart.history;
  return {
    birthDate: p.birthDate,
    ...(p.sex === 'female' || p.sex === 'male' || p.sex === 'other' ? { sex: p.sex } : {}),
    ...(h?.weight ? { weightKg: h.weight.weightKg } : {}),
    conditions: (h?.conditions ?? []).filter((c) => c.active).map((c) => ({ code: c.code, ...(c.onset ? { onset: c.onset } : {}), ...(c.area ? { area: c.area } : {}) })),
    allergies: (h?.allergies ?? []).filter((a) => a.active).map((a) => (a.substance !== null ? { substance: a.substance } : { class: a.class ?? 'other' })),
  };
}

export type LiveResult = { ok: true; decision: 'ok' | 'warn' | 'block'; findings: Finding[] } | { ok: false; issues: string[] };

/** Assesses the input; an input the engine cannot read (a half-filled form) comes back as its issues. */
export function runLive(input: AssessmentInputJson, lang: Lang, resolveProduct: ProductResolver): LiveResult {
  try {
    const result = assess(parseAssessmentInput(input), { lang, resolveProduct });
    return { ok: true, decision: result.decision, findings: result.findings };
  } catch (err) {
    if (err instanceof AssessmentInputError) return { ok: false, issues: err.issues.map((i) => `${i.path}: ${i.message}`) };
    throw err;
  }
}

/** Where a finding belongs on the planner and the session form: next to the field it concerns. */
export type FindingPlace = 'patient' | 'indications' | 'areas' | 'technique' | 'depth' | 'components' | 'lots' | 'schedule' | 'record';

const places: Record<string, FindingPlace> = {
  'allergy-component': 'components',
  'allergy-history': 'components',
  cholelithiasis: 'components',
  route: 'components',
  unlicensed: 'components',
  'too-many-components': 'components',
  'compositae-allergy': 'components',
  'fish-allergy': 'components',
  'anesthetic-dose': 'components',
  'pc-lidocaine-mix': 'components',
  'multi-dose-vial': 'components',
  'slow-onset': 'components',
  'caffeine-sensitive': 'components',
  'dose-low': 'components',
  'dose-high': 'components',
  'lipolytic-superficial': 'technique',
  'deep-injection': 'depth',
  'site-inflamed': 'areas',
  'site-broken': 'areas',
  'lower-eyelid-ha': 'areas',
  isotretinoin: 'patient',
  'cellulite-mono': 'indications',
  'course-long': 'schedule',
  'interval-short': 'schedule',
  'lipolytic-interval': 'schedule',
  'lot-expired': 'lots',
  'lot-recalled': 'lots',
  'lot-missing': 'lots',
  'no-consent': 'record',
  'open-adverse-event': 'record',
  'emergency-kit': 'record',
  'vagal-history': 'record',
};

/** The place of a rule's finding (the patient's own conditions by default). */
export function placeOf(rule: string): FindingPlace {
  return places[rule] ?? 'patient';
}
