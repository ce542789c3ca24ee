// What completing a follow-up does to the adverse event it follows (CLINICAL_RULES §3): the
// event resolves, settles into monitoring, or stays open; an expected reaction still there at its
// first follow-up becomes a complication; an unresolved event always gets its next follow-up.
import type { AdverseEventType } from '../vocabulary/index.ts';
import { FOLLOW_UP_RULES, nextFollowUp, RETRY_NOT_REACHED_HOURS } from './follow-up-rules.ts';
import type { AdverseEventOutcome, AdverseEventStatus, FollowUpKind, FollowUpOutcome } from './vocabulary.ts';

/** The outcomes a follow-up may record: an event's follow-up says how the event is doing. */
export function allowedFollowUpOutcomes(followsEvent: boolean): readonly FollowUpOutcome[] {
  return followsEvent ? ['resolved', 'improving', 'unchanged', 'worse', 'complication', 'not-reached'] : ['as-expected', 'complication', 'not-reached'];
}

export interface CompletionInput {
  kind: FollowUpKind;
  outcome: FollowUpOutcome;
  completedAt: Date;
  /** The event followed, when the follow-up is an event's. */
  event?: { type: AdverseEventType; status: AdverseEventStatus; expected: boolean | null; firstFollowUp: boolean };
  /** How a resolved event ended; `recovered` unless told. */
  eventOutcome?: AdverseEventOutcome;
}

export interface CompletionEffect {
  /** The event's new status, when it changes. */
  status?: AdverseEventStatus;
  outcome?: AdverseEventOutcome;
  /** The event is no longer an expected reaction. */
  becomesComplication: boolean;
  /** The follow-up to create next. */
  next?: { kind: FollowUpKind; dueAt: Date };
}

const still: readonly FollowUpOutcome[] = ['improving', 'unchanged', 'worse', 'complication'];

/** Decides what a completed follow-up changes. */
export function completionEffect(c: CompletionInput): CompletionEffect {
  if (c.outcome === 'not-reached') {
    return { becomesComplication: false, next: { kind: c.kind, dueAt: new Date(c.completedAt.getTime() + RETRY_NOT_REACHED_HOURS * 3_600_000) } };
  }
  const e = c.event;
  if (!e || e.status === 'resolved') return { becomesComplication: false };
  if (c.outcome === 'resolved') return { status: 'resolved', outcome: c.eventOutcome ?? 'recovered', becomesComplication: false };
  const persisting = still.includes(c.outcome);
  const becomesComplication = persisting && e.firstFollowUp && e.expected !== false && FOLLOW_UP_RULES[e.type].persistingIsComplication;
  // Someone has looked: an improving or unchanged event is monitored; a worse one is open again.
  const status: AdverseEventStatus = c.outcome === 'worse' || c.outcome === 'complication' ? 'open' : 'monitoring';
  return { ...(status !== e.status ? { status } : {}), becomesComplication, next: nextFollowUp(e.type, c.completedAt) };
}
