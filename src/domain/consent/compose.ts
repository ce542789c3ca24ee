// Produces the text of a consent from a clinic template and the facts of a plan. Pure: the server
// gathers the facts from the database, the browser may preview with the same function.
import {
  areas as areaVocab,
  indications as indicationVocab,
  label,
  techniques,
  type AreaCode,
  type IndicationCode,
  type Lang,
  type SubstanceClass,
  type TechniqueCode,
} from '../vocabulary/index.ts';
import { alternativeTexts, noTreatment } from './alternatives.ts';
import { photoScopeEn } from './default-templates-en.ts';
import { photoScopeRu } from './default-templates-ru.ts';
import { countDays, countSessions, formatDate, formatMoney, joinWords, ruPlural } from './format.ts';
import { fillTemplate, type PlaceholderName } from './placeholders.ts';
import { riskTexts } from './risk-texts.ts';
import { planRisks, type RiskFrequency } from './risks.ts';

/** A product of the plan, with its names already in the consent's language. */
export interface ConsentProduct {
  code: string;
  name: string;
  substances: readonly string[];
  licensed: boolean;
  intradermal: boolean;
  registrationNumber?: string | null;
  volumeMl?: number | null;
}

/** Who and where: the facts every consent names. */
export interface ConsentParties {
  clinicName: string;
  patientName: string;
  patientBirthDate: string;
  doctorName: string;
  /** The day the consent is prepared (YYYY-MM-DD). */
  date: string;
}

/** The facts of a course plan a treatment consent is made from. */
export interface TreatmentFacts extends ConsentParties {
  currency: string;
  indications: readonly IndicationCode[];
  areas: readonly AreaCode[];
  technique: TechniqueCode;
  depthMm?: number | null;
  classes: readonly SubstanceClass[];
  products: readonly ConsentProduct[];
  plannedSessions: number | null;
  intervalDays: number | null;
  expectedResults: string | null;
  postCare: string | null;
  /** Price of one session, in minor units of the clinic's currency. */
  priceMinor: number | null;
  additions?: string | null;
}

/** A part of the plan a consent cannot be made without; named by the course's field. */
export type PlanGap = 'components' | 'plannedSessions' | 'intervalDays' | 'expectedResults' | 'postCare' | 'priceMinor';

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** What the plan lacks for a consent; empty when a consent can be produced. */
export function planGaps(f: TreatmentFacts): PlanGap[] {
  const gaps: PlanGap[] = [];
  if (f.products.length === 0) gaps.push('components');
  if (f.plannedSessions === null || f.plannedSessions < 1) gaps.push('plannedSessions');
  if ((f.plannedSessions ?? 0) > 1 && (f.intervalDays === null || f.intervalDays < 1)) gaps.push('intervalDays');
  if (blank(f.expectedResults)) gaps.push('expectedResults');
  if (blank(f.postCare)) gaps.push('postCare');
  if (f.priceMinor === null || f.priceMinor < 0) gaps.push('priceMinor');
  return gaps;
}

const t = (lang: Lang, en: string, ru: string) => (lang === 'ru' ? ru : en);

function drugs(f: TreatmentFacts, lang: Lang): string {
  return f.products
    .map((p) => {
      const substances = p.substances.length > 0 ? p.substances.join(', ') : t(lang, 'composition as in the product leaflet', 'состав — по инструкции к препарату');
      const volume = p.volumeMl ? t(lang, `; ${p.volumeMl} ml per session`, `; ${String(p.volumeMl).replace('.', ',')} мл за сеанс`) : '';
      const reg = p.registrationNumber ? t(lang, `; registration ${p.registrationNumber}`, `; рег. № ${p.registrationNumber}`) : '';
      return `- ${p.name} — ${substances}${volume}${reg}`;
    })
    .join('\n');
}

function offLabel(f: TreatmentFacts, lang: Lang): string {
  const off = f.products.filter((p) => !p.licensed || !p.intradermal);
  if (off.length === 0) {
    return t(lang, 'All of these products are registered and approved for injection into the skin.', 'Все перечисленные препараты зарегистрированы и разрешены для введения в кожу.');
  }
  const lines = off.map((p) => {
    const why: string[] = [];
    if (!p.licensed) why.push(t(lang, 'has no valid registration (licence)', 'не имеет действующей регистрации'));
    if (!p.intradermal) why.push(t(lang, 'is not approved for injection into the skin', 'не разрешён для внутрикожного введения'));
    return `- ${p.name} ${joinWords(why, lang)}.`;
  });
  return [
    t(lang, 'Use outside the approved instructions (off-label):', 'Применение вне зарегистрированных показаний (off-label):'),
    ...lines,
    t(
      lang,
      'The doctor has explained why this product is proposed. I understand that its safety and effect for this use are not confirmed by registration.',
      'Врач объяснил, почему предлагается этот препарат. Я понимаю, что его безопасность и эффективность при таком применении не подтверждены регистрацией.',
    ),
  ].join('\n');
}

function schedule(f: TreatmentFacts, lang: Lang): string {
  const n = f.plannedSessions ?? 0;
  if (n <= 1) return t(lang, 'One session is planned.', 'Планируется один сеанс.');
  const interval = f.intervalDays ?? 0;
  const weeks = Math.round(((n - 1) * interval) / 7);
  const span = weeks >= 2 ? t(lang, `about ${weeks} weeks`, `около ${weeks} ${ruPlural(weeks, 'недели', 'недель', 'недель')}`) : countDays((n - 1) * interval, lang);
  return t(
    lang,
    `The course consists of ${countSessions(n, lang)}, one every ${countDays(interval, lang)}; from the first session to the last takes ${span}.`,
    `Курс состоит из ${countSessions(n, lang)} с интервалом ${countDays(interval, lang)}; от первого до последнего сеанса — ${span}.`,
  );
}

const groupTitles: Record<RiskFrequency, { en: string; ru: string }> = {
  common: { en: 'Common — expected after most sessions, they pass by themselves within hours to days:', ru: 'Частые — ожидаемы после большинства сеансов и проходят сами за часы или дни:' },
  uncommon: { en: 'Less common:', ru: 'Менее частые:' },
  rare: { en: 'Rare but serious:', ru: 'Редкие, но серьёзные:' },
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function risks(f: TreatmentFacts, lang: Lang): string {
  const all = planRisks({ technique: f.technique, classes: f.classes, areas: f.areas });
  const out: string[] = [];
  for (const freq of ['common', 'uncommon', 'rare'] as const) {
    const group = all.filter((r) => r.frequency === freq);
    if (group.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(groupTitles[freq][lang]);
    // The descriptions name the event in plain words (the vocabulary's label is the clinical term).
    for (const r of group) out.push(`- ${capitalise(riskTexts[r.type][lang])}.`);
  }
  return out.join('\n');
}

function alternatives(f: TreatmentFacts, lang: Lang): string {
  const lines = f.indications.map((i) =>
    f.indications.length > 1 ? `- ${label(indicationVocab, i, lang)}: ${alternativeTexts[i][lang]};` : `- ${alternativeTexts[i][lang]};`,
  );
  lines.push(`- ${noTreatment[lang]}.`);
  return lines.join('\n');
}

function cost(f: TreatmentFacts, lang: Lang): string {
  const price = f.priceMinor ?? 0;
  const n = f.plannedSessions ?? 1;
  if (price === 0) return t(lang, 'The sessions of this course are free of charge.', 'Сеансы этого курса проводятся бесплатно.');
  const one = formatMoney(price, f.currency, lang);
  const total = formatMoney(price * n, f.currency, lang);
  return t(
    lang,
    `The price of one session is ${one}; the course of ${countSessions(n, lang)} costs ${total} in total.`,
    `Стоимость одного сеанса — ${one}; курс из ${countSessions(n, lang)} стоит ${total}.`,
  );
}

function parties(f: ConsentParties, lang: Lang): Partial<Record<PlaceholderName, string>> {
  return { 'clinic.name': f.clinicName, 'patient.name': f.patientName, 'patient.birthDate': formatDate(f.patientBirthDate, lang), 'doctor.name': f.doctorName, date: formatDate(f.date, lang) };
}

/** The placeholder values of a treatment consent. */
export function treatmentValues(f: TreatmentFacts, lang: Lang): Partial<Record<PlaceholderName, string>> {
  const depth = f.depthMm ? t(lang, `, to a depth of up to ${f.depthMm} mm`, `, на глубину до ${String(f.depthMm).replace('.', ',')} мм`) : '';
  return {
    ...parties(f, lang),
    'course.indications': f.indications.map((i) => label(indicationVocab, i, lang)).join('; '),
    'course.areas': f.areas.map((a) => label(areaVocab, a, lang)).join('; '),
    'course.technique': `${label(techniques, f.technique, lang)}${depth}`,
    'course.drugs': drugs(f, lang),
    'course.schedule': schedule(f, lang),
    'course.expectedResults': (f.expectedResults ?? '').trim(),
    'course.postCare': (f.postCare ?? '').trim(),
    'course.risks': risks(f, lang),
    'course.alternatives': alternatives(f, lang),
    'course.offLabel': offLabel(f, lang),
    'course.cost': cost(f, lang),
    'course.additions': blank(f.additions) ? t(lang, 'None.', 'Нет.') : (f.additions ?? '').trim(),
  };
}

/** The full text of a treatment consent: the template filled from the plan. */
export function composeTreatmentConsent(templateBody: string, f: TreatmentFacts, lang: Lang): string {
  return normalise(fillTemplate(templateBody, treatmentValues(f, lang)));
}

/** The full text of a photo-use consent. */
export function composePhotoConsent(templateBody: string, f: ConsentParties, photoUse: 'clinical' | 'teaching', lang: Lang): string {
  const scope = (lang === 'ru' ? photoScopeRu : photoScopeEn)[photoUse];
  return normalise(fillTemplate(templateBody, { ...parties(f, lang), 'photo.scope': scope }));
}

// Line endings as LF, no trailing spaces, at most one blank line: the frozen text is stable.
function normalise(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
