// Placeholders of consent templates: `{{name}}` in a template body is replaced by text produced
// from the plan. A template must keep every required placeholder of its kind, so that an edited
// template can never drop what a consent must contain (CLINICAL_RULES §4).
import type { Labels } from '../vocabulary/index.ts';

export const CONSENT_KINDS = ['treatment', 'photo-use'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

interface PlaceholderDef {
  readonly kinds: readonly ConsentKind[];
  readonly required: boolean;
  readonly description: Labels;
}

const both: readonly ConsentKind[] = ['treatment', 'photo-use'];
const treatment: readonly ConsentKind[] = ['treatment'];
const d = (kinds: readonly ConsentKind[], required: boolean, en: string, ru: string): PlaceholderDef => ({ kinds, required, description: { en, ru } });

export const placeholders = {
  'clinic.name': d(both, false, 'Name of the clinic', 'Название клиники'),
  'patient.name': d(both, true, "Patient's full name", 'ФИО пациента'),
  'patient.birthDate': d(both, false, "Patient's date of birth", 'Дата рождения пациента'),
  'doctor.name': d(both, false, 'Name of the doctor who prepares the consent', 'ФИО врача, оформляющего согласие'),
  date: d(both, false, 'Date the consent was prepared', 'Дата оформления согласия'),
  'course.indications': d(treatment, false, 'Reasons for treatment (indications)', 'Показания (цель лечения)'),
  'course.areas': d(treatment, false, 'Areas to be treated', 'Зоны обработки'),
  'course.technique': d(treatment, false, 'Technique and depth', 'Техника и глубина введения'),
  'course.drugs': d(treatment, true, 'The products with their active substances (a list)', 'Препараты и их действующие вещества (список)'),
  'course.schedule': d(treatment, true, 'Number of sessions and the interval between them', 'Число сеансов и интервал между ними'),
  'course.expectedResults': d(treatment, true, 'Expected results, in the doctor’s words', 'Ожидаемые результаты словами врача'),
  'course.postCare': d(treatment, true, 'Care after each session', 'Уход после каждого сеанса'),
  'course.risks': d(treatment, true, 'Risks and side effects for these products and this technique (a list)', 'Риски и побочные эффекты для этих препаратов и техники (список)'),
  'course.alternatives': d(treatment, true, 'Alternatives to the treatment (a list)', 'Альтернативные методы (список)'),
  'course.offLabel': d(treatment, true, 'Statement on licensing and off-label use of the products', 'Сведения о регистрации препаратов и применении вне инструкции'),
  'course.cost': d(treatment, true, 'Price per session and for the course', 'Стоимость сеанса и курса'),
  'course.additions': d(treatment, true, "The doctor's additional conditions", 'Дополнительные условия врача'),
  'photo.scope': d(['photo-use'], true, 'What the photographs may be used for', 'Цели использования фотографий'),
} as const satisfies Record<string, PlaceholderDef>;

export type PlaceholderName = keyof typeof placeholders;

const placeholderRe = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The placeholder names a template body uses, in order of first use. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(placeholderRe)].map((m) => m[1] ?? ''))];
}

/** What is wrong with a template body for its kind: unknown placeholders, missing required ones. */
export function templateProblems(kind: ConsentKind, body: string): { unknown: string[]; missing: PlaceholderName[] } {
  const used = placeholdersIn(body);
  const names = Object.keys(placeholders) as PlaceholderName[];
  const allowed = new Set<string>(names.filter((n) => placeholders[n].kinds.includes(kind)));
  return {
    unknown: used.filter((u) => !allowed.has(u)),
    missing: names.filter((n) => allowed.has(n) && placeholders[n].required && !used.includes(n)),
  };
}

/** Replaces every placeholder of `body` with its value; a name without a value is left visible. */
export function fillTemplate(body: string, values: Partial<Record<PlaceholderName, string>>): string {
  return body.replace(placeholderRe, (whole, name: string) => values[name as PlaceholderName] ?? whole);
}
