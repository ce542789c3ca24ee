// When to look again at an adverse event, per type (CLINICAL_RULES §3 and §6; research/domain.md
// §4.1). Every unresolved event has a next follow-up: the first one is due by the rule's anchor and
// delay; while the event is still there, the next one follows `repeatHours` after each follow-up.
// `persistingIsComplication`: an expected reaction still present at the first follow-up is no
// longer expected (papules beyond 72 h, a bruise beyond a week) — the event becomes a complication.
import type { AdverseEventType, Labels } from '../vocabulary/index.ts';
import type { FollowUpKind } from './vocabulary.ts';

export interface FollowUpRule {
  readonly kind: Extract<FollowUpKind, 'adverse-event-call' | 'adverse-event-review'>;
  /** What the first delay counts from: the session, or the event's onset. */
  readonly anchor: 'session' | 'onset';
  readonly afterHours: number;
  /** The delay between later follow-ups while the event is unresolved. */
  readonly repeatHours: number;
  readonly persistingIsComplication: boolean;
  /** What to check, for the follow-up list. */
  readonly purpose: Labels;
}

const h = { day: 24, week: 168 } as const;

const rule = (
  kind: FollowUpRule['kind'],
  anchor: FollowUpRule['anchor'],
  afterHours: number,
  repeatHours: number,
  persistingIsComplication: boolean,
  en: string,
  ru: string,
): FollowUpRule => ({ kind, anchor, afterHours, repeatHours, persistingIsComplication, purpose: { en, ru } });

/** The follow-up rule of every adverse-event type. */
export const FOLLOW_UP_RULES: { readonly [T in AdverseEventType]: FollowUpRule } = {
  pain: rule('adverse-event-call', 'onset', h.day, h.week, true, 'Pain should be gone within a day: ask whether it persists or grows', 'Боль должна пройти за сутки: уточнить, сохраняется ли она'),
  burning: rule('adverse-event-call', 'onset', h.day, h.week, true, 'Burning should be gone within hours: ask whether it persists', 'Жжение проходит за часы: уточнить, сохраняется ли оно'),
  erythema: rule('adverse-event-review', 'session', 72, h.week, true, 'Redness still there 72 h after the session is persistent erythema', 'Покраснение через 72 ч после сеанса — стойкая эритема'),
  bruising: rule('adverse-event-review', 'session', h.week, h.week, true, 'A bruise not gone 7 days after the session needs review', 'Гематома, не прошедшая за 7 дней после сеанса, требует осмотра'),
  edema: rule('adverse-event-review', 'session', h.week, h.week, true, 'Swelling not gone 7 days after the session needs review', 'Отёк, не прошедший за 7 дней после сеанса, требует осмотра'),
  papules: rule('adverse-event-review', 'session', 72, h.week, true, 'Papules still there 72 h after the session are a complication', 'Папулы, сохраняющиеся через 72 ч после сеанса, — осложнение'),
  nodule: rule('adverse-event-review', 'onset', h.week, h.week, false, 'Review the nodule weekly until it resolves; think of atypical mycobacteria', 'Осматривать узелок еженедельно до разрешения; помнить об атипичных микобактериях'),
  abscess: rule('adverse-event-review', 'onset', 2 * h.day, h.week, false, 'Review the abscess in 2 days, then weekly; culture if not healing', 'Осмотр абсцесса через 2 дня, затем еженедельно; посев при отсутствии заживления'),
  'non-healing-lesion': rule('adverse-event-review', 'onset', h.week, h.week, false, 'Review the lesion weekly until healed; culture or biopsy if it persists', 'Осматривать поражение еженедельно до заживления; посев или биопсия при сохранении'),
  inflammation: rule('adverse-event-review', 'onset', 2 * h.day, h.week, false, 'Review the inflammation in 2 days, then weekly', 'Осмотр воспаления через 2 дня, затем еженедельно'),
  infection: rule('adverse-event-review', 'onset', 2 * h.day, h.week, false, 'Review the infection in 2 days, then weekly until resolved', 'Осмотр инфекции через 2 дня, затем еженедельно до разрешения'),
  necrosis: rule('adverse-event-review', 'onset', h.day, 3 * h.day, false, 'Review the necrosis next day, then every 3 days', 'Осмотр некроза на следующий день, затем каждые 3 дня'),
  hyperpigmentation: rule('adverse-event-review', 'onset', 4 * h.week, 4 * h.week, false, 'Review the pigmentation in 4 weeks', 'Осмотр пигментации через 4 недели'),
  hypopigmentation: rule('adverse-event-review', 'onset', 4 * h.week, 4 * h.week, false, 'Review the pigmentation in 4 weeks', 'Осмотр пигментации через 4 недели'),
  scarring: rule('adverse-event-review', 'onset', 4 * h.week, 4 * h.week, false, 'Review the scar in 4 weeks', 'Осмотр рубца через 4 недели'),
  'allergic-local': rule('adverse-event-call', 'onset', h.day, h.week, false, 'Call next day: is the rash or itch settling?', 'Звонок на следующий день: проходят ли сыпь и зуд?'),
  angioedema: rule('adverse-event-call', 'onset', h.day, h.week, false, 'Call next day: any return of swelling or breathing trouble?', 'Звонок на следующий день: не вернулись ли отёк и затруднение дыхания?'),
  anaphylaxis: rule('adverse-event-call', 'onset', h.day, h.week, false, 'Call next day (biphasic reactions); refer to an allergist', 'Звонок на следующий день (двухфазные реакции); направить к аллергологу'),
  vagal: rule('adverse-event-call', 'onset', h.day, h.week, false, 'Call next day: how does the patient feel?', 'Звонок на следующий день: как самочувствие?'),
  'insufficient-effect': rule('adverse-event-review', 'onset', 2 * h.week, 4 * h.week, false, 'Review the result against the baseline photographs', 'Оценить результат по исходным фотографиям'),
  'slow-effect': rule('adverse-event-review', 'onset', 2 * h.week, 4 * h.week, false, 'Review the result against the baseline photographs', 'Оценить результат по исходным фотографиям'),
  sagging: rule('adverse-event-review', 'onset', 4 * h.week, 4 * h.week, false, 'Review the sagging in 4 weeks', 'Осмотр через 4 недели'),
};

const hourMs = 3_600_000;

/**
 * The first follow-up of a new event: due by its rule, but never before the event is recorded —
 * an event recorded after its rule's time is due at once.
 */
export function firstFollowUp(type: AdverseEventType, t: { sessionAt: Date; onset: Date; recordedAt: Date }): { kind: FollowUpRule['kind']; dueAt: Date } {
  const r = FOLLOW_UP_RULES[type];
  const from = r.anchor === 'session' ? t.sessionAt : t.onset;
  const due = Math.max(from.getTime() + r.afterHours * hourMs, t.recordedAt.getTime());
  return { kind: r.kind, dueAt: new Date(due) };
}

/** The follow-up after one that found the event still there. */
export function nextFollowUp(type: AdverseEventType, seenAt: Date): { kind: FollowUpRule['kind']; dueAt: Date } {
  const r = FOLLOW_UP_RULES[type];
  return { kind: r.kind, dueAt: new Date(seenAt.getTime() + r.repeatHours * hourMs) };
}

/** Hours before trying again to reach a patient who did not answer. */
export const RETRY_NOT_REACHED_HOURS = 24;
