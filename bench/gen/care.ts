// A treated patient's record: courses planned and assessed by the real safety engine, a signed
// consent each, baseline photographs or a waiver, and the sessions — each assessed by the engine
// on the record as it stood (a block stops the course, a warning needs a doctor's reason), with
// its lots, stock taken, follow-ups, the odd adverse event, and the audit trail of it all.
import crypto from 'node:crypto';
import type { ComponentSnapshot } from '../../src/domain/api/courses.ts';
import { addDays, localDate } from '../../src/domain/clinical/calendar.ts';
import { consentCanonicalForm } from '../../src/domain/consent/hash.ts';
import { audit, DAY, type Gen, HOUR, iso, MINUTE, msOf, staff } from './common.ts';
import type { ClinicLots } from './lots.ts';
import { factsOn, type PatientRec, weigh } from './patients.ts';
import { consentText, type CoursePlan, coursePlans } from './plans.ts';
import { photos, photoUseConsent, signatureOf, waiver } from './photos.ts';
import { assessOrThrow, decisions, during, type Treated } from './record.ts';
import { session } from './session.ts';

export function treat(g: Gen, p: PatientRec, lots: ClinicLots): void {
  const r = g.rng;
  const n = r.weighted<number>([
    [1, 72],
    [2, 18],
    [3, 7],
    [r.int(4, 7), 3],
  ]);
  const who: Treated = { p, adverse: [], photoConsent: false };
  let cursor = p.createdMs + r.int(0, 21) * DAY;
  if (r.chance(0.4)) weigh(g, p, p.createdMs + 30 * MINUTE);
  for (let k = 0; k < n && cursor < g.nowMs - 2 * DAY; k++) {
    const end = course(g, who, r.weighted(coursePlans.map((c) => [c, c.weight] as const)), cursor, lots, k === n - 1);
    cursor = end + r.int(45, 300) * DAY;
  }
}

/** One course; returns when it ended (or the day it was planned, when it never started). */

function course(g: Gen, who: Treated, plan: CoursePlan, plannedMs: number, lots: ClinicLots, lastCourse: boolean): number {
  const r = g.rng;
  const c = g.clinic;
  const p = who.p;
  const doctor = staff(g, 'doctor');
  const planned = r.int(plan.sessions[0], plan.sessions[1]);
  const interval = r.pick(plan.intervals);
  const planDay = localDate(new Date(plannedMs), c.timeZone);
  const components: ComponentSnapshot[] = plan.components.map((x) => {
    const product = c.products.get(x.code);
    if (!product) throw new Error(`no product ${x.code}`);
    return product.snapshot(x.volumeMl);
  });
  const facts = factsOn(p, planDay, plannedMs);
  const patientInput = {
    birthDate: p.birthDate,
    sex: p.sex,
    ...(p.weightKg !== undefined && p.weighedOn !== undefined && p.weighedOn <= planDay ? { weightKg: p.weightKg } : {}),
    conditions: facts.conditions,
    allergies: facts.allergies,
  };
  const planAssessment = assessOrThrow(g, {
    date: planDay,
    patient: patientInput,
    procedure: { technique: plan.technique, depthMm: plan.depthMm, components: components.map((x) => ({ product: x.code, volumeMl: x.volumeMl })) },
    plan: { plannedSessions: planned, intervalDays: interval, indications: plan.indications },
    clinic: { settings: c.settings },
  });
  decisions.plan[planAssessment.decision]++;
  // The engine refuses the plan: the doctor plans nothing (a different course another day, perhaps).
  if (planAssessment.decision === 'block') return plannedMs;

  const courseId = r.uuid7(plannedMs);
  const startsOn = addDays(planDay, r.int(0, 7));
  const recent = g.nowMs - plannedMs < 14 * DAY;
  // A course planned in the last fortnight may still wait for its consent.
  const awaiting = lastCourse && recent && r.chance(0.35);
  const codes = components.map((x) => x.code);
  const consentMs = msOf(startsOn) - r.int(0, 2) * DAY + 9 * HOUR;

  const sessionsDone: { id: string; ms: number; day: string }[] = [];
  let status: string = awaiting ? 'awaiting-consent' : 'active';
  let cancelReason: string | null = null;
  let stopAfter = r.chance(0.1) ? r.int(1, Math.max(1, planned - 1)) : planned;
  let day = addDays(startsOn, r.int(0, 3));
  const practitioner = r.chance(0.85) ? doctor : staff(g, 'nurse');
  if (!awaiting) {
    for (let i = 1; i <= planned && i <= stopAfter; i++) {
      const ms = during(g, day);
      if (ms > g.nowMs - HOUR) break;
      const done = session(g, who, { courseId, plan, components, number: i, ms, planned, codes, lots, practitioner, doctor: doctor.id, last: sessionsDone.at(-1)?.day });
      if (!done) {
        status = 'cancelled';
        cancelReason = g.clinic.language === 'en' ? 'Stopped: the safety assessment refused the session' : 'Остановлен: оценка безопасности не допустила процедуру';
        stopAfter = i - 1;
        break;
      }
      sessionsDone.push({ id: done, ms, day });
      day = addDays(day, interval + r.weighted([[0, 60], [1, 20], [2, 10], [r.int(3, 10), 10]]));
    }
  }
  const lastMs = sessionsDone.at(-1)?.ms ?? plannedMs;
  let completedAt: string | null = null;
  let cancelledAt: string | null = null;
  if (status === 'active' && sessionsDone.length === planned) {
    const at = lastMs + r.int(1, 7) * DAY;
    if (at < g.nowMs) {
      status = 'completed';
      completedAt = iso(at);
    }
  } else if (status === 'active' && sessionsDone.length === stopAfter && stopAfter < planned) {
    const at = lastMs + r.int(20, 60) * DAY;
    if (at < g.nowMs) {
      status = 'cancelled';
      cancelledAt = iso(at);
      cancelReason = g.clinic.language === 'en' ? 'The patient stopped the course' : 'Пациентка прекратила курс по личным причинам';
    }
  }
  if (status === 'cancelled' && cancelledAt === null) cancelledAt = iso(Math.min(g.nowMs - MINUTE, lastMs + DAY));

  const lang = g.clinic.language;
  g.t.courses.add([
    courseId,
    c.id,
    p.id,
    status,
    plan.indications,
    plan.areas.map((a) => a.area),
    plan.technique,
    plan.depthMm,
    plan.template ? (c.templates.get(plan.template) ?? null) : null,
    JSON.stringify(components),
    planned,
    interval,
    startsOn,
    lang === 'en' ? 'Better hydrated, more even skin, seen gradually from the third session.' : 'Улучшение увлажнённости и тургора кожи, постепенно, с третьей процедуры.',
    lang === 'en' ? 'No make-up for 24 hours; no sauna, pool or sunbathing for 3 days.' : 'Без макияжа 24 часа; без бани, бассейна и загара 3 дня.',
    r.chance(0.3) ? JSON.stringify({ done: true, method: lang === 'en' ? 'Intradermal test, forearm' : 'Внутрикожная проба, предплечье', result: 'negative', date: addDays(startsOn, -1) }) : null,
    Math.round((plan.priceMinor * (0.8 + r.next() * 0.4)) / 1000) * 1000,
    null,
    JSON.stringify(planAssessment),
    cancelReason,
    cancelledAt,
    completedAt,
    doctor.id,
    iso(plannedMs),
    iso(completedAt ? Date.parse(completedAt) : cancelledAt ? Date.parse(cancelledAt) : plannedMs),
  ]);
  audit(g, plannedMs + 2000, doctor, 'course.create', 'course', courseId, { patientId: p.id, decision: planAssessment.decision, rules: planAssessment.findings.map((f) => f.rule) });
  if (!awaiting) {
    treatmentConsent(g, p, { courseId, codes, planned, interval, doctor: doctor.id, atMs: Math.min(consentMs, sessionsDone[0]?.ms ?? consentMs) - 30 * MINUTE });
    const firstMs = sessionsDone[0]?.ms ?? consentMs;
    if (r.chance(0.75)) {
      photos(g, p, { courseId, views: plan.views, phase: 'baseline', atMs: firstMs - 20 * MINUTE, by: doctor.id });
      if (!who.photoConsent && r.chance(0.7)) {
        who.photoConsent = true;
        photoUseConsent(g, p, doctor.id, firstMs - 40 * MINUTE);
      }
      if (status === 'completed' && r.chance(0.4)) photos(g, p, { courseId, views: plan.views, phase: 'follow-up', atMs: lastMs + 14 * DAY, by: doctor.id });
    } else {
      waiver(g, courseId, doctor.id, firstMs - 25 * MINUTE);
    }
  }
  return lastMs;
}

function treatmentConsent(g: Gen, p: PatientRec, o: { courseId: string; codes: string[]; planned: number; interval: number; doctor: string; atMs: number }): void {
  const r = g.rng;
  const lang = g.clinic.language;
  const id = r.uuid7(o.atMs - 10 * MINUTE);
  const typed = [p.name.familyName, p.name.givenName, p.name.patronymic].filter(Boolean).join(' ');
  const names = o.codes.map((code) => g.clinic.products.get(code)?.snapshot(1).name ?? code);
  const text = consentText(lang, { patient: typed, products: names, sessions: o.planned, interval: o.interval, clinic: g.clinic.name });
  const signature = signatureOf(g, p.id);
  const doctorSignature = signatureOf(g, o.doctor);
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const signedAt = new Date(o.atMs);
  // The documented hash (domain/consent/hash.ts): SHA-256 of the canonical form.
  const hash = crypto
    .createHash('sha256')
    .update(
      consentCanonicalForm({
        consentId: id,
        kind: 'treatment',
        language: lang,
        patientId: p.id,
        courseId: o.courseId,
        productCodes: o.codes,
        sessions: o.planned,
        photoUse: null,
        text,
        signedAt,
        typedName: typed,
        patientSignatureSha256: sha(signature),
        doctorSignatureSha256: sha(doctorSignature),
        countersignedBy: o.doctor,
      }),
    )
    .digest('hex');
  g.t.consents.add([id, g.clinic.id, p.id, o.courseId, 'treatment', lang, 'signed', text, o.codes, o.planned, null, hash, signature, 'svg', typed, iso(o.atMs), o.doctor, doctorSignature, 'svg', iso(o.atMs), iso(o.atMs - 10 * MINUTE), o.doctor]);
  audit(g, o.atMs + 1000, { id: o.doctor, role: 'doctor' }, 'consent.sign', 'consent', id, { patientId: p.id, courseId: o.courseId, contentHash: hash });
}
