// The outbreak check (research/domain.md §4.1, grade A): atypical (non-tuberculous) mycobacteria
// show as nodules, abscesses and non-healing, draining lesions 1–12 weeks after injection, and
// outbreaks trace back to one contaminated lot or multi-dose vial. Such an event raises an alert
// listing the other patients who received the same lots.
import type { AdverseEventType } from '../vocabulary/index.ts';

/** The event types that can be an atypical mycobacterial infection. */
export const ATYPICAL_INFECTION_TYPES: readonly AdverseEventType[] = ['nodule', 'abscess', 'non-healing-lesion'];

/** The window after a session in which such a lesion is suspect, in whole days (1 to 12 weeks). */
export interface InfectionWindow {
  fromDays: number;
  toDays: number;
}

/** Whole days from the session to the onset (negative when the onset is before the session). */
export function daysAfter(sessionAt: Date, onset: Date): number {
  return Math.floor((onset.getTime() - sessionAt.getTime()) / 86_400_000);
}

/** Whether an event is a suspected atypical mycobacterial infection. */
export function suspectsAtypicalInfection(type: AdverseEventType, sessionAt: Date, onset: Date, window: InfectionWindow): boolean {
  if (!ATYPICAL_INFECTION_TYPES.includes(type)) return false;
  const days = daysAfter(sessionAt, onset);
  return days >= window.fromDays && days <= window.toDays;
}
