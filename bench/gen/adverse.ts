// Adverse events after a session: ~4% of sessions, mostly grade 1 bruising and erythema, resolved
// within days; grade 2 and above get a follow-up of their own.
import type { AdverseEventType } from '../../src/domain/vocabulary/index.ts';
import { audit, DAY, type Gen, HOUR, iso, staff } from './common.ts';
import { followUpFindings } from './plans.ts';
import type { Treated } from './record.ts';

const aeTypes: [AdverseEventType, number][] = [
  ['bruising', 45], ['erythema', 22], ['edema', 12], ['papules', 8], ['pain', 6], ['allergic-local', 2], ['hyperpigmentation', 1.5], ['nodule', 1.5], ['vagal', 1], ['inflammation', 1],
];
const aeText: Partial<Record<AdverseEventType, string>> = {
  bruising: 'Синяк в зоне инъекций, без уплотнения',
  erythema: 'Покраснение кожи, сохраняется более суток',
  edema: 'Отёк в зоне процедуры',
  papules: 'Папулы не рассосались за 72 часа',
  pain: 'Болезненность при пальпации',
  'allergic-local': 'Зуд и локальная крапивница вокруг точек введения',
  hyperpigmentation: 'Гиперпигментация в месте синяка',
  nodule: 'Плотный узелок в месте инъекции',
  vagal: 'Головокружение и бледность во время процедуры, АД 90/60',
  inflammation: 'Воспаление одной точки вкола',
};

/** An adverse event after a session (the caller draws the 4%). */
export function adverseEvent(g: Gen, who: Treated, sessionId: string, atMs: number, area: string | null): void {
  const r = g.rng;
  const type = r.weighted(aeTypes);
  const grade = r.weighted([
    [1, 85],
    [2, 13],
    [3, 2],
  ]);
  const onsetMs = atMs + r.int(0, 36) * HOUR;
  const reportedMs = Math.max(onsetMs, atMs + HOUR) + r.int(0, 24) * HOUR;
  if (reportedMs > g.nowMs) return;
  const resolvedMs = onsetMs + r.int(2, 12 + grade * 6) * DAY;
  const resolved = resolvedMs < g.nowMs;
  const id = r.uuid7(reportedMs);
  const by = staff(g, r.chance(0.6) ? 'nurse' : 'doctor');
  const status = resolved ? 'resolved' : r.chance(0.6) ? 'open' : 'monitoring';
  const resolver = staff(g, 'doctor');
  g.t.adverseEvents.add([
    id,
    g.clinic.id,
    who.p.id,
    sessionId,
    type,
    grade,
    iso(onsetMs),
    area,
    aeText[type] ?? 'Нежелательная реакция',
    grade === 1 && ['bruising', 'erythema', 'edema', 'papules', 'pain'].includes(type),
    status,
    resolved ? 'recovered' : null,
    resolved ? iso(resolvedMs) : null,
    by.id,
    iso(reportedMs),
    ...(g.features.adverseEventHistory ? [iso(resolved ? resolvedMs : reportedMs), resolved ? resolver.id : by.id] : []),
  ]);
  if (g.features.adverseEventHistory) {
    g.t.adverseEventHistory.add([r.uuid7(reportedMs), g.clinic.id, id, iso(reportedMs), by.id, 'created', null, 'open', JSON.stringify({ type, grade }), null]);
    if (status !== 'open') {
      const at = resolved ? resolvedMs : reportedMs + 2 * HOUR;
      g.t.adverseEventHistory.add([r.uuid7(at), g.clinic.id, id, iso(at), resolver.id, 'status-changed', 'open', status, JSON.stringify(resolved ? { outcome: 'recovered' } : {}), null]);
    }
  }
  who.adverse.push({ type, grade, onsetMs, resolvedMs: resolved ? resolvedMs : null });
  audit(g, reportedMs, by, 'adverse-event.create', 'adverse-event', id, { patientId: who.p.id, sessionId, type, grade });
  if (grade >= 2) {
    const due = reportedMs + 48 * HOUR;
    const done = resolved && due < g.nowMs;
    g.t.followUps.add([r.uuid7(reportedMs), g.clinic.id, who.p.id, sessionId, id, iso(due), 'adverse-event', done ? 'done' : 'open', done ? iso(due + 2 * HOUR) : null, done ? by.id : null, done ? r.pick(followUpFindings[g.clinic.language]) : null, iso(reportedMs)]);
  }
}
