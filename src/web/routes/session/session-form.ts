// The session form's model: values pre-filled from the course and the previous session, the API
// body they make, and the safety engine's input (built as the server builds it, sessions/record.ts).
import type { AssessmentInputJson } from '../../../domain/assessment/index.ts';
import type { NewSession } from '../../../domain/api/sessions.ts';
import type { ChartCourse, ChartSession, ChartView } from '../../api/chart.ts';
import type { LotRecord } from '../../api/catalog.ts';
import type { SessionRecord } from '../../api/clinical.ts';
import type { PatientFacts } from '../../assessment/live.ts';
import type { InjectionPoint } from '../../components/injection/InjectionChart.tsx';
import { clinicClock, clinicInstant } from '../../i18n/format.ts';

export interface SessionValues {
  date: string | null;
  time: string;
  technique: string;
  depthMm: number | string;
  areas: { area: string; volumeMl: number | string }[];
  lots: { productId: string; lotId: string | null; volumeMl: number | string }[];
  needleGauge: number | string;
  needleLength: number | string;
  anaesthesiaMethod: string;
  anaesthesiaAgent: string;
  skinCleaned: boolean;
  disinfectedAfter: boolean;
  injectionPoints: InjectionPoint[];
  reactions: string[];
  durationMinutes: number | string;
  notes: string;
  overrideReason: string;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const num = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);
const text = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Lots a session may use today, best first: usable, expiring soonest; then the refused ones. */
export function lotChoices(lots: readonly LotRecord[], productId: string): LotRecord[] {
  const rank = (l: LotRecord) => (l.status === 'usable' ? 0 : l.status === 'empty' ? 1 : 2);
  return lots.filter((l) => l.productId === productId).sort((a, b) => rank(a) - rank(b) || a.expires.localeCompare(b.expires));
}

/** The last session of the course (the one the form copies from). */
export function previousSession(course: ChartCourse): ChartSession | undefined {
  return [...course.sessions].sort((a, b) => b.performedAt.localeCompare(a.performedAt))[0];
}

/** What the form copies of the previous session's documentation: as amended, when it was. */
export type PreviousDocumentation = Pick<SessionRecord, 'needle' | 'anaesthesia' | 'durationMinutes' | 'injectionPoints'>;

/** The documentation of a session as it stands: the amended version when there is one. */
export function currentDocumentation(s: SessionRecord): PreviousDocumentation {
  return s.amended ?? s;
}

/**
 * The form's first values: the course's plan, with what the previous session did where it did it
 * (`doc` is that session's documentation, read from the session itself).
 */
export function prefill(course: ChartCourse, lots: readonly LotRecord[], now: Date, doc?: PreviousDocumentation): SessionValues {
  const prev = previousSession(course);
  const perArea = r2(course.totalVolumeMl / Math.max(1, course.areas.length));
  const clock = clinicClock(now);
  return {
    date: clock.date,
    time: clock.time,
    technique: prev?.technique ?? course.technique,
    depthMm: prev?.depthMm ?? course.depthMm,
    areas: course.areas.map((area) => ({ area, volumeMl: prev?.areas.find((a) => a.area === area)?.volumeMl ?? perArea })),
    lots: course.components.map((c) => {
      const choices = lotChoices(lots, c.productId);
      const before = prev?.lots.find((l) => l.productId === c.productId);
      const again = choices.find((l) => l.id === before?.lotId && l.status === 'usable' && l.quantity >= c.volumeMl);
      const first = choices.find((l) => l.status === 'usable' && l.quantity >= c.volumeMl) ?? choices.find((l) => l.status === 'usable');
      return { productId: c.productId, lotId: (again ?? first)?.id ?? null, volumeMl: c.volumeMl };
    }),
    needleGauge: doc?.needle?.gauge ?? 30,
    needleLength: doc?.needle?.lengthMm ?? 4,
    anaesthesiaMethod: doc?.anaesthesia?.method ?? 'none',
    anaesthesiaAgent: doc?.anaesthesia?.agent ?? '',
    skinCleaned: false,
    disinfectedAfter: false,
    injectionPoints: [],
    reactions: [],
    durationMinutes: doc?.durationMinutes ?? 30,
    notes: '',
    overrideReason: '',
  };
}

/** The instant of the session: its day and time on the clinic's clock. */
export function performedAt(v: SessionValues): string {
  return v.date ? clinicInstant(v.date, v.time) : '';
}

/** The POST /sessions body of the form. */
export function toBody(courseId: string, v: SessionValues, withOverride: boolean): NewSession {
  return {
    courseId,
    performedAt: performedAt(v),
    areas: v.areas.map((a) => ({ area: a.area, volumeMl: num(a.volumeMl) })),
    lots: v.lots.filter((l) => l.lotId !== null || num(l.volumeMl) > 0).map((l) => ({ lotId: l.lotId ?? '', volumeMl: num(l.volumeMl) })),
    depthMm: num(v.depthMm),
    technique: v.technique,
    needle: { gauge: num(v.needleGauge), lengthMm: num(v.needleLength) },
    anaesthesia: { method: v.anaesthesiaMethod, ...(v.anaesthesiaMethod !== 'none' && text(v.anaesthesiaAgent) ? { agent: text(v.anaesthesiaAgent) } : {}) },
    asepsis: { skinCleaned: v.skinCleaned, disinfectedAfter: v.disinfectedAfter, anaestheticApplied: v.anaesthesiaMethod === 'topical' ? (text(v.anaesthesiaAgent) ?? null) : null },
    injectionPoints: v.injectionPoints,
    immediateReactions: v.reactions.map((type) => ({ type })),
    ...(typeof v.durationMinutes === 'number' ? { durationMinutes: v.durationMinutes } : {}),
    ...(text(v.notes) ? { notes: text(v.notes) } : {}),
    ...(withOverride && text(v.overrideReason) ? { overrideReason: text(v.overrideReason) } : {}),
  } as NewSession;
}

/** What the engine reads of the session being recorded, from the form and the chart. */
export function sessionInput(v: SessionValues, course: ChartCourse, chart: ChartView, patient: PatientFacts, lots: readonly LotRecord[], settings: unknown): AssessmentInputJson | null {
  if (!v.date) return null;
  const byId = new Map(lots.map((l) => [l.id, l]));
  const used = v.lots.filter((l) => l.lotId && typeof l.volumeMl === 'number' && l.volumeMl > 0).map((l) => ({ lot: byId.get(l.lotId ?? ''), volumeMl: l.volumeMl as number }));
  const volumes = new Map<string, number>();
  for (const u of used) if (u.lot) volumes.set(u.lot.productCode, r2((volumes.get(u.lot.productCode) ?? 0) + u.volumeMl));
  const earlier = course.sessions.filter((s) => s.sessionDate <= (v.date ?? ''));
  const lastSession = earlier.map((s) => s.sessionDate).sort().at(-1);
  const allSessions = (chart.courses ?? []).flatMap((c) => c.sessions);
  const lipolytic = allSessions.filter((s) => s.sessionDate <= (v.date ?? '') && s.substanceClasses.includes('lipolytic')).map((s) => s.sessionDate).sort().at(-1);
  const vagal = (chart.adverseEvents ?? []).some((e) => e.type === 'vagal') || allSessions.some((s) => s.immediateReactions.some((x) => x.type === 'vagal'));
  const consents = (chart.consents ?? []).filter((c) => c.courseId === course.id && c.kind === 'treatment');
  const signed = consents.filter((c) => c.status === 'signed');
  const codes = [...volumes.keys()];
  const number = course.sessions.length + 1;
  const covering = signed.find((c) => codes.every((code) => c.productCodes.includes(code)) && (c.sessions ?? 0) >= number) ?? signed[0];
  const consent = covering
    ? { signed: true, withdrawn: false, products: covering.productCodes, ...(covering.sessions ? { sessions: covering.sessions } : {}) }
    : consents.some((c) => c.status === 'withdrawn')
      ? { signed: true, withdrawn: true }
      : { signed: false };
  return {
    date: v.date,
    patient,
    procedure: {
      technique: v.technique as never,
      ...(typeof v.depthMm === 'number' && v.depthMm > 0 ? { depthMm: v.depthMm } : {}),
      areas: v.areas.filter((a) => typeof a.volumeMl === 'number' && a.volumeMl > 0).map((a) => ({ area: a.area as never, volumeMl: a.volumeMl as number })),
      components: [...volumes].map(([product, volumeMl]) => ({ product, volumeMl })),
      lots: used.filter((u) => u.lot).map((u) => ({ product: u.lot?.productCode ?? '', lot: u.lot?.lot ?? '', expires: u.lot?.expires ?? '', recalled: u.lot?.recalled ?? false })),
    },
    history: {
      ...(lastSession ? { lastSessionDate: lastSession } : {}),
      openAdverseEvents: (chart.adverseEvents ?? []).map((e) => ({ type: e.type, grade: e.grade as never })),
      vagalReaction: vagal,
      sessionNumber: number,
      ...(lipolytic ? { lastLipolyticSessionDate: lipolytic } : {}),
    },
    consent,
    ...(settings ? { clinic: { settings: settings } } : {}),
  };
}
