// The life of an adverse event: open → monitoring → resolved, back to open when it worsens or
// recurs. A resolved event carries its outcome; a fatal one is grade 5 (CTCAE).
import type { AdverseEventOutcome, AdverseEventStatus } from './vocabulary.ts';

const next: { readonly [S in AdverseEventStatus]: readonly AdverseEventStatus[] } = {
  open: ['monitoring', 'resolved'],
  monitoring: ['open', 'resolved'],
  resolved: ['open'],
};

/** The statuses an event may move to from `from`. */
export function transitionsFrom(from: AdverseEventStatus): readonly AdverseEventStatus[] {
  return next[from];
}

/** What is wrong with a status change, as `[field, message]`, or null when it is allowed. */
export function transitionProblem(
  from: AdverseEventStatus,
  to: AdverseEventStatus,
  outcome: AdverseEventOutcome | undefined,
  grade: number,
): ['to' | 'outcome', string] | null {
  if (!next[from].includes(to)) return ['to', `an event that is ${from} cannot become ${to} (allowed: ${next[from].join(', ')})`];
  if (to === 'resolved' && outcome === undefined) return ['outcome', 'is required to resolve an event'];
  if (to !== 'resolved' && outcome !== undefined) return ['outcome', 'is given only when resolving an event'];
  if (outcome === 'fatal' && grade !== 5) return ['outcome', 'fatal needs the event graded 5 (death): change the grade first'];
  return null;
}
