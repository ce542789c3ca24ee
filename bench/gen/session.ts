// One session as recordSessionIn would have written it: assessed by the engine on the record as it
// stood, with its lots, stock taken, injection points, follow-ups and audit events.
import type { ComponentSnapshot } from '../../src/domain/api/courses.ts';
import type { Session } from '../../src/domain/api/sessions.ts';
import type { AssessmentInputJson } from '../../src/domain/assessment/index.ts';
import { localDate } from '../../src/domain/clinical/calendar.ts';
import { sessionContentHash } from '../../src/server/sessions/service.ts';
import { adverseEvent } from './adverse.ts';
import { audit, DAY, type Gen, HOUR, iso, MINUTE, staff } from './common.ts';
import type { ClinicLots, LotRec } from './lots.ts';
import { factsOn, type PatientRec } from './patients.ts';
import { photos } from './photos.ts';
import { type CoursePlan, followUpFindings, sessionNotes, zones } from './plans.ts';
import { assessOrThrow, decisions, type Treated } from './record.ts';

export interface SessionArgs {
  courseId: string;
  plan: CoursePlan;
  components: ComponentSnapshot[];
  number: number;
  ms: number;
  planned: number;
  codes: string[];
  lots: ClinicLots;
  practitioner: { id: string; role: string };
  doctor: string;
  last: string | undefined;
}

/** One session as recordSessionIn would have written it; undefined when the engine blocks it. */
export function session(g: Gen, who: Treated, a: SessionArgs): string | undefined {
  const r = g.rng;
  const c = g.clinic;
  const p = who.p;
  const day = localDate(new Date(a.ms), c.timeZone);
  const total = a.components.reduce((s, x) => s + x.volumeMl, 0);
  let left = total;
  const areas = a.plan.areas.map((x, i) => {
    const v = i === a.plan.areas.length - 1 ? Math.round(left * 100) / 100 : Math.round(total * x.share * 10) / 10;
    left -= v;
    return { area: x.area, volumeMl: v };
  });
  const used: { lot: LotRec; volumeMl: number }[] = a.components.map((x) => ({ lot: a.lots.lotFor(x.code, a.ms), volumeMl: x.volumeMl }));
  const facts = factsOn(p, day, a.ms);
  const open = who.adverse.filter((e) => e.onsetMs < a.ms && (e.resolvedMs === null || e.resolvedMs > a.ms)).map((e) => ({ type: e.type, grade: e.grade as 1 | 2 | 3 | 4 | 5 }));
  const lipolytic = a.components.some((x) => x.substances.some((s) => s.class === 'lipolytic'));
  const input: AssessmentInputJson = {
    date: day,
    patient: {
      birthDate: p.birthDate,
      sex: p.sex,
      ...(p.weightKg !== undefined && p.weighedOn !== undefined && p.weighedOn <= day ? { weightKg: p.weightKg } : {}),
      conditions: facts.conditions,
      allergies: facts.allergies,
    },
    procedure: {
      technique: a.plan.technique,
      depthMm: a.plan.depthMm,
      areas,
      components: a.components.map((x) => ({ product: x.code, volumeMl: x.volumeMl })),
      lots: used.map((u) => ({ product: u.lot.code, lot: u.lot.lotNumber, expires: u.lot.expiresOn, recalled: false })),
    },
    history: {
      ...(a.last ? { lastSessionDate: a.last } : {}),
      openAdverseEvents: open,
      vagalReaction: who.adverse.some((e) => e.type === 'vagal' && e.onsetMs < a.ms),
      sessionNumber: a.number,
      ...(who.lastLipolytic ? { lastLipolyticSessionDate: who.lastLipolytic } : {}),
    },
    consent: { signed: true, withdrawn: false, products: a.codes, sessions: a.planned },
    clinic: { emergencyKit: c.kit, settings: c.settings },
  };
  const assessment = assessOrThrow(g, input);
  decisions.session[assessment.decision]++;
  if (assessment.decision === 'block') return undefined;
  // A warning is recorded only by a doctor, with a written reason.
  const warn = assessment.decision === 'warn';
  const practitioner = warn && a.practitioner.role !== 'doctor' ? { id: a.doctor, role: 'doctor' } : a.practitioner;
  const supervisor = practitioner.role === 'nurse' ? a.doctor : null;
  const overrideReason = warn ? (c.language === 'en' ? 'Discussed with the patient; benefits outweigh the risk, monitored closely' : 'Обсуждено с пациенткой; польза превышает риск, наблюдение после процедуры') : null;
  if (lipolytic) who.lastLipolytic = day;

  const id = r.uuid7(a.ms + 35 * MINUTE);
  const face = a.plan.areas.some((x) => x.area === 'face' || x.area === 'lower-eyelid' || x.area === 'neck');
  const points = areas.flatMap((x) => {
    const z = zones[x.area] ?? [['centre', 0.5, 0.5]];
    const count = r.int(2, 6);
    return Array.from({ length: count }, () => {
      const [zone, zx, zy] = r.pick(z);
      const point = { area: x.area, zone, x: Math.round(Math.min(1, Math.max(0, zx + (r.next() - 0.5) * 0.06)) * 1000) / 1000, y: Math.round(Math.min(1, Math.max(0, zy + (r.next() - 0.5) * 0.06)) * 1000) / 1000 };
      return r.chance(0.5) ? { ...point, volumeMl: Math.round(x.volumeMl / (count * 4) * 100) / 100 || 0.01, depthMm: a.plan.depthMm } : point;
    });
  });
  const reactions = [
    ...(r.chance(0.35) ? [{ type: 'erythema' as const, note: c.language === 'en' ? 'Mild, gone within the hour' : 'Умеренная, прошла в течение часа' }] : []),
    ...(a.plan.technique === 'papular' && r.chance(0.4) ? [{ type: 'papules' as const }] : []),
    ...(r.chance(0.05) ? [{ type: 'bruising' as const }] : []),
  ];
  const needle = face ? { gauge: r.pick([30, 32, 32]), lengthMm: 4 } : { gauge: 27, lengthMm: r.pick([4, 13]) };
  const emla = face && r.chance(0.7);
  const anaesthesia = emla ? { method: 'topical' as const, agent: c.language === 'en' ? 'EMLA cream, 30 minutes' : 'Крем ЭМЛА, 30 минут' } : { method: 'none' as const };
  const asepsis = { skinCleaned: true, anaestheticApplied: emla ? 'EMLA' : null, disinfectedAfter: true };
  const duration = r.int(20, 60);
  const notes = r.chance(0.6) ? r.pick(sessionNotes[c.language]) : null;
  const lotsApi = used.map((u) => ({ lotId: u.lot.id, productId: u.lot.productId, productCode: u.lot.code, lotNumber: u.lot.lotNumber, expiresOn: u.lot.expiresOn, volumeMl: u.volumeMl }));
  const signed = a.ms < g.nowMs - 2 * DAY ? r.chance(0.98) : r.chance(0.6);
  const signedMs = a.ms + r.int(30, 90) * MINUTE;
  const isSigned = signed && signedMs < g.nowMs;
  const hash = isSigned
    ? sessionContentHash(
        {
          id,
          courseId: a.courseId,
          patientId: p.id,
          number: a.number,
          practitionerId: practitioner.id,
          supervisingDoctorId: supervisor,
          performedAt: new Date(a.ms),
          sessionDate: day,
          technique: a.plan.technique,
          depthMm: a.plan.depthMm,
          areas,
          lots: lotsApi,
          components: a.components,
          needle,
          anaesthesia,
          injectionPoints: points,
          asepsis,
          immediateReactions: reactions,
          durationMinutes: duration,
          notes,
          assessment: { decision: assessment.decision, findings: assessment.findings },
          overrideReason,
          overriddenBy: warn ? practitioner.id : null,
        } as unknown as Session,
        practitioner.id,
        new Date(signedMs),
      )
    : null;
  g.t.sessions.add([
    id,
    c.id,
    p.id,
    a.courseId,
    a.number,
    practitioner.id,
    supervisor,
    iso(a.ms),
    day,
    a.plan.technique,
    a.plan.depthMm,
    JSON.stringify(areas),
    JSON.stringify(a.components),
    JSON.stringify(needle),
    JSON.stringify(anaesthesia),
    JSON.stringify(points),
    JSON.stringify(asepsis),
    JSON.stringify(reactions),
    duration,
    notes,
    JSON.stringify({ ...assessment, input }),
    overrideReason,
    warn ? practitioner.id : null,
    isSigned ? iso(signedMs) : null,
    isSigned ? practitioner.id : null,
    hash,
    practitioner.id,
    iso(a.ms + 35 * MINUTE),
    iso(isSigned ? signedMs : a.ms + 35 * MINUTE),
  ]);
  used.forEach((u, i) => {
    u.lot.usedMl += u.volumeMl;
    g.t.sessionLots.add([c.id, id, i, u.lot.id, u.lot.productId, u.volumeMl]);
    g.t.movements.add([r.uuid7(a.ms + 35 * MINUTE), c.id, u.lot.id, -u.volumeMl, 'session', id, null, iso(a.ms + 35 * MINUTE), practitioner.id]);
  });
  audit(g, a.ms - 10 * MINUTE, practitioner, 'chart.read', 'patient', p.id, { courses: 1, sessions: a.number - 1 });
  audit(g, a.ms + 35 * MINUTE, practitioner, 'session.create', 'session', id, {
    patientId: p.id,
    courseId: a.courseId,
    decision: assessment.decision,
    rules: assessment.findings.map((f) => f.rule),
    ...(overrideReason ? { overrideReason } : {}),
    lots: used.map((u) => ({ lotId: u.lot.id, volumeMl: u.volumeMl })),
  });
  if (isSigned) audit(g, signedMs, practitioner, 'session.sign', 'session', id, { patientId: p.id, contentHash: hash });
  followUps(g, p, id, a.ms);
  if (r.chance(0.1)) photos(g, p, { courseId: a.courseId, sessionId: id, views: [a.plan.views[0] ?? 'front'], phase: 'during-course', atMs: a.ms - 15 * MINUTE, by: practitioner.id });
  if (r.chance(0.04)) adverseEvent(g, who, id, a.ms, areas[0]?.area ?? null);
  return id;
}

/** The follow-ups a session schedules (72 h and 7 days unless the clinic says otherwise). */
function followUps(g: Gen, p: PatientRec, sessionId: string, atMs: number): void {
  const r = g.rng;
  for (const h of g.clinic.followUpHours) {
    const due = atMs + h * HOUR;
    const done = due < g.nowMs - 12 * HOUR && r.chance(0.93);
    const doneMs = due + r.int(0, 20) * HOUR;
    const nurse = staff(g, 'nurse');
    g.t.followUps.add([
      r.uuid7(atMs + 36 * MINUTE),
      g.clinic.id,
      p.id,
      sessionId,
      null,
      iso(due),
      'post-session',
      done && doneMs < g.nowMs ? 'done' : 'open',
      done && doneMs < g.nowMs ? iso(doneMs) : null,
      done && doneMs < g.nowMs ? nurse.id : null,
      done && doneMs < g.nowMs ? r.pick(followUpFindings[g.clinic.language]) : null,
      iso(atMs + 36 * MINUTE),
    ]);
  }
}
