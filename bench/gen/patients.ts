// Patients: names in either script, birth dates, phones, e-mails; and their medical history —
// conditions and allergies at realistic rates, some later changed or resolved (a second version).
import type { AreaCode, ConditionCode, SubstanceClass } from '../../src/domain/vocabulary/index.ts';
import { searchKey } from '../../src/domain/transliterate.ts';
import { phoneDigits } from '../../src/server/patients/repository.ts';
import { addDays } from '../../src/domain/clinical/calendar.ts';
import { personName, type PersonName } from '../lib/names.ts';
import { audit, DAY, dayOf, type Gen, HOUR, iso, MINUTE, msOf, staff } from './common.ts';

/** A version of a history entry as the engine reads it on a day. */
export interface HistoryFact {
  kind: 'condition' | 'allergy';
  code?: ConditionCode;
  onset?: string;
  endDate?: string;
  area?: AreaCode;
  substance?: string;
  class?: SubstanceClass;
  recordedMs: number;
  /** When a later version replaced this one. */
  validToMs?: number;
}

/** What the clinical generator needs of a patient. */
export interface PatientRec {
  id: string;
  createdMs: number;
  birthDate: string;
  sex: 'female' | 'male';
  name: PersonName;
  history: HistoryFact[];
  weightKg?: number;
  weighedOn?: string;
}

type ConditionPlan = { code: ConditionCode; weight: number; shape: 'chronic' | 'dated' | 'episode' | 'site' };
const conditionPlans: ConditionPlan[] = [
  { code: 'recent-antibiotics', weight: 14, shape: 'dated' },
  { code: 'recent-vaccine', weight: 12, shape: 'dated' },
  { code: 'anticoagulants', weight: 9, shape: 'chronic' },
  { code: 'keloid', weight: 8, shape: 'chronic' },
  { code: 'recent-surgery', weight: 8, shape: 'dated' },
  { code: 'cholelithiasis', weight: 6, shape: 'chronic' },
  { code: 'fibromyalgia', weight: 5, shape: 'chronic' },
  { code: 'autoimmune', weight: 5, shape: 'chronic' },
  { code: 'isotretinoin', weight: 5, shape: 'dated' },
  { code: 'pregnancy', weight: 5, shape: 'episode' },
  { code: 'lactation', weight: 5, shape: 'episode' },
  { code: 'compositae-allergy', weight: 4, shape: 'chronic' },
  { code: 'fish-allergy', weight: 3, shape: 'chronic' },
  { code: 'site-inflamed', weight: 3, shape: 'site' },
  { code: 'diabetes-decompensated', weight: 2, shape: 'chronic' },
  { code: 'epilepsy', weight: 1, shape: 'chronic' },
];
const allergens: [{ substance?: string; class?: SubstanceClass; reaction: string }, number][] = [
  [{ substance: 'lidocaine', reaction: 'Крапивница после стоматологической анестезии' }, 30],
  [{ substance: 'procaine', reaction: 'Отёк и зуд в месте введения' }, 10],
  [{ class: 'antibiotic', reaction: 'Сыпь на пенициллины' }, 25],
  [{ class: 'nsaid', reaction: 'Бронхоспазм на аспирин' }, 10],
  [{ substance: 'ascorbic-acid', reaction: 'Покраснение и зуд' }, 5],
  [{ class: 'homeopathic', reaction: 'Контактный дерматит на травяные мази' }, 8],
  [{ substance: 'lincomycin', reaction: 'Крапивница' }, 4],
  [{ class: 'anesthetic', reaction: 'Обморок и сыпь после анестезии' }, 8],
];
const domains = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'icloud.com'];

function ageBirthDate(g: Gen, atMs: number): string {
  const age = Math.min(78, Math.max(18, g.rng.normal(39, 10.5)));
  return dayOf(atMs - Math.floor(age * 365.25 * DAY) - g.rng.int(0, 364) * DAY);
}

function phone(g: Gen): string {
  const r = g.rng;
  if (g.clinic.language === 'en') return `+971 5${r.int(0, 9)} ${r.int(100, 999)} ${r.int(1000, 9999)}`;
  const two = () => String(r.int(0, 99)).padStart(2, '0');
  return `+7 9${two()} ${r.int(100, 999)}-${two()}-${two()}`;
}

function email(g: Gen, n: PersonName, birthDate: string): string {
  const part = (s: string) => searchKey(s).replace(/[^a-z0-9]/g, '');
  return `${part(n.givenName)}.${part(n.familyName)}${g.rng.chance(0.5) ? birthDate.slice(2, 4) : ''}@${g.rng.pick(domains)}`;
}

/** Registers one patient (and her history); returns what the clinical generator needs. */
export function generatePatient(g: Gen, createdMs: number): PatientRec {
  const r = g.rng;
  const female = r.chance(0.88);
  const name = personName(r, female, g.clinic.language === 'en' ? 0.85 : 0.2);
  const birthDate = ageBirthDate(g, createdMs);
  const id = r.uuid7(createdMs);
  const by = staff(g, 'reception');
  const tel = r.chance(0.94) ? phone(g) : null;
  const archived = r.chance(0.015) ? iso(createdMs + r.int(30, 700) * DAY) : null;
  const lang = name.latin && r.chance(0.6) ? 'en' : g.clinic.language === 'en' ? 'en' : 'ru';
  g.t.patients.add([
    id,
    g.clinic.id,
    name.givenName,
    name.familyName,
    name.patronymic,
    birthDate,
    female ? 'female' : 'male',
    tel,
    r.chance(0.4) ? email(g, name, birthDate) : null,
    lang,
    // The same key the app computes (patients/repository.ts keyOf).
    searchKey([name.familyName, name.givenName, name.patronymic ?? ''].join(' ')),
    phoneDigits(tel),
    archived !== null && Date.parse(archived) < g.nowMs ? archived : null,
    iso(createdMs),
    iso(createdMs),
    by.id,
  ]);
  audit(g, createdMs + 1000, by, 'patient.create', 'patient', id, { possibleDuplicates: [] });
  const patient: PatientRec = { id, createdMs, birthDate, sex: female ? 'female' : 'male', name, history: [] };
  generateHistory(g, patient, g.light ? 0.6 : 1);
  return patient;
}

/** Conditions and allergies from the first visit's questionnaire, some changed later. */
function generateHistory(g: Gen, p: PatientRec, rate: number): void {
  const r = g.rng;
  const n = r.chance(0.17 * rate) ? (r.chance(0.22) ? 2 : 1) : 0;
  const taken = new Set<string>();
  for (let i = 0; i < n; i++) {
    const plan = r.weighted(conditionPlans.map((c) => [c, c.weight] as const));
    if (taken.has(plan.code) || (p.sex === 'male' && (plan.code === 'pregnancy' || plan.code === 'lactation'))) continue;
    taken.add(plan.code);
    condition(g, p, plan);
  }
  if (r.chance(0.08 * rate)) {
    const a = r.weighted(allergens);
    entry(g, p, 'allergy', { substance: a.substance, class: a.class, reaction: a.reaction }, p.createdMs + 20 * MINUTE);
  }
}

function condition(g: Gen, p: PatientRec, plan: ConditionPlan): void {
  const r = g.rng;
  const at = p.createdMs + r.int(5, 40) * MINUTE;
  const day = dayOf(at);
  switch (plan.shape) {
    case 'chronic':
      entry(g, p, 'condition', { code: plan.code, note: r.chance(0.3) ? 'Со слов пациентки, наблюдается у специалиста' : null }, at);
      break;
    case 'dated': {
      // A course of antibiotics, a vaccination, an operation: mostly over by the visit, or ending soon after.
      const onset = addDays(day, -r.int(3, 120));
      const endDate = r.chance(0.8) ? addDays(onset, r.int(1, 30)) : null;
      if (endDate === null || endDate <= day) entry(g, p, 'condition', { code: plan.code, onset, endDate }, at);
      else entry(g, p, 'condition', { code: plan.code, onset }, at, resolvedOn(g, endDate));
      break;
    }
    case 'episode':
      // A pregnancy or breastfeeding told at the first visit, resolved by a later version.
      entry(g, p, 'condition', { code: plan.code, onset: addDays(day, -r.int(30, 400)) }, at, resolvedOn(g, addDays(day, r.int(30, 300))));
      break;
    case 'site':
      entry(g, p, 'condition', { code: plan.code, onset: addDays(day, -r.int(1, 10)), area: 'face' }, at, resolvedOn(g, addDays(day, r.int(3, 20))));
      break;
  }
}

/** A resolution recorded at a visit on or after the day the condition ended. */
function resolvedOn(g: Gen, endDate: string): { endDate: string; atMs: number } {
  return { endDate, atMs: msOf(endDate) + g.rng.int(0, 20) * DAY + g.rng.int(7, 16) * HOUR };
}

interface Fields {
  code?: ConditionCode;
  onset?: string | null;
  endDate?: string | null;
  area?: AreaCode;
  substance?: string | undefined;
  class?: SubstanceClass | undefined;
  reaction?: string | null;
  note?: string | null;
}

/** Writes an entry's first version, and a second one (resolved) when `later` says so and it is past. */
function entry(g: Gen, p: PatientRec, kind: 'condition' | 'allergy', f: Fields, atMs: number, later?: { endDate: string; atMs: number }): void {
  const r = g.rng;
  const doctor = staff(g, 'doctor');
  const entryId = r.uuid7(atMs);
  const second = later && later.atMs < g.nowMs ? later : undefined;
  g.t.historyEntries.add([entryId, g.clinic.id, p.id, kind, iso(atMs), doctor.id]);
  const version = (n: number, change: string, endDate: string | null, recordedMs: number, validTo: number | null) =>
    g.t.historyVersions.add([
      r.uuid7(recordedMs),
      g.clinic.id,
      entryId,
      p.id,
      n,
      change,
      f.code ?? null,
      f.onset ?? null,
      endDate,
      f.area ?? null,
      f.substance ?? null,
      f.class ?? null,
      f.reaction ?? null,
      f.note ?? null,
      'clinician',
      false,
      n > 1 ? 'Уточнено на приёме' : null,
      doctor.id,
      iso(recordedMs),
      validTo === null ? null : iso(validTo),
    ]);
  const fact: HistoryFact = {
    kind,
    recordedMs: atMs,
    ...(f.code ? { code: f.code } : {}),
    ...(f.onset ? { onset: f.onset } : {}),
    ...(f.endDate ? { endDate: f.endDate } : {}),
    ...(f.area ? { area: f.area } : {}),
    ...(f.substance ? { substance: f.substance } : {}),
    ...(f.class ? { class: f.class } : {}),
  };
  version(1, 'created', f.endDate ?? null, atMs, second ? second.atMs : null);
  audit(g, atMs + 1000, doctor, `${kind}.create`, 'patient', p.id, { entryId, ...(f.code ? { code: f.code } : {}), source: 'clinician' });
  p.history.push(second ? { ...fact, validToMs: second.atMs } : fact);
  if (second) {
    version(2, 'resolved', second.endDate, second.atMs, null);
    p.history.push({ ...fact, endDate: second.endDate, recordedMs: second.atMs });
  }
}

/** The patient's weight, measured at a visit. */
export function weigh(g: Gen, p: PatientRec, atMs: number): void {
  const kg = Math.round(Math.min(140, Math.max(42, g.rng.normal(p.sex === 'female' ? 64 : 82, 10))) * 10) / 10;
  const nurse = staff(g, 'nurse');
  g.t.weights.add([g.rng.uuid7(atMs), g.clinic.id, p.id, kg, dayOf(atMs), nurse.id, iso(atMs)]);
  p.weightKg = kg;
  p.weighedOn = dayOf(atMs);
}

/** The conditions and allergies in effect on `day` as recorded by `atMs` (what patientFacts gives the engine). */
export function factsOn(p: PatientRec, day: string, atMs: number) {
  const current = p.history.filter((h) => h.recordedMs <= atMs && (h.validToMs === undefined || h.validToMs > atMs));
  const active = (h: HistoryFact) => (h.onset === undefined || h.onset <= day) && (h.endDate === undefined || h.endDate > day);
  return {
    conditions: current
      .filter((h) => h.kind === 'condition' && active(h))
      .map((h) => ({ code: h.code as ConditionCode, ...(h.onset ? { onset: h.onset } : {}), ...(h.area ? { area: h.area } : {}) })),
    allergies: current.filter((h) => h.kind === 'allergy' && active(h)).map((h) => (h.substance !== undefined ? { substance: h.substance } : { class: h.class ?? 'other' })),
  };
}
