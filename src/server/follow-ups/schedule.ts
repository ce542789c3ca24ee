// Creating and closing an adverse event's follow-ups, in the caller's transaction: the first one
// by the type's rule, the next while the event is unresolved, none left open once it resolves.
import { uuidv7 } from 'uuidv7';
import { firstFollowUp, nextFollowUp } from '../../domain/adverse-events/follow-up-rules.ts';
import type { AdverseEventType } from '../../domain/vocabulary/index.ts';
import type { Queryable } from '../db/database.ts';
import { followUpsRepository } from './repository.ts';

interface EventRef {
  id: string;
  clinicId: string;
  patientId: string;
  sessionId: string;
  type: AdverseEventType;
  sessionAt: Date;
  onset: Date;
}

/** The first follow-up of a new event (and, for a patient's own report, a call back at once). Returns their ids. */
export async function scheduleForNewEvent(q: Queryable, e: EventRef, by: string | null, fromPatient: boolean, now = new Date()): Promise<string[]> {
  const ids: string[] = [];
  if (fromPatient) {
    const id = uuidv7();
    await followUpsRepository.insert(q, { id, clinicId: e.clinicId, patientId: e.patientId, sessionId: e.sessionId, adverseEventId: e.id, dueAt: now, kind: 'patient-report', assignedTo: null, createdBy: by });
    ids.push(id);
  }
  const first = firstFollowUp(e.type, { sessionAt: e.sessionAt, onset: e.onset, recordedAt: now });
  const id = uuidv7();
  await followUpsRepository.insert(q, { id, clinicId: e.clinicId, patientId: e.patientId, sessionId: e.sessionId, adverseEventId: e.id, dueAt: first.dueAt, kind: first.kind, assignedTo: null, createdBy: by });
  ids.push(id);
  return ids;
}

/** A reopened event gets its next follow-up unless one is already open. */
export async function scheduleForReopenedEvent(q: Queryable, e: Omit<EventRef, 'sessionAt' | 'onset'>, by: string | null, now = new Date()): Promise<string | null> {
  if ((await followUpsRepository.openForEvent(q, e.clinicId, e.id)) > 0) return null;
  const next = nextFollowUp(e.type, now);
  const id = uuidv7();
  // Reopened because it is worse or back: look at it by the next repeat at the latest, sooner by hand.
  await followUpsRepository.insert(q, { id, clinicId: e.clinicId, patientId: e.patientId, sessionId: e.sessionId, adverseEventId: e.id, dueAt: next.dueAt, kind: next.kind, assignedTo: null, createdBy: by });
  return id;
}

/** Cancels the open follow-ups of a resolved event. */
export async function closeForResolvedEvent(q: Queryable, clinicId: string, eventId: string): Promise<number> {
  return followUpsRepository.cancelForEvent(q, clinicId, eventId, 'the adverse event resolved');
}
