// Checks of an event's times and checklists against its session and the clock, each naming the
// field at fault: nothing happens before the session or the onset, nothing in the future.
import { checklistOf } from '../../domain/api/adverse-event-vocabulary.ts';
import type { AnaphylaxisChecklist, VagalChecklist } from '../../domain/api/adverse-event-checklists.ts';
import type { TreatmentBody } from '../../domain/api/adverse-events.ts';
import { fieldInvalid } from '../clinical/problems.ts';

// Clocks of a tablet and the server differ by a few minutes; more than that is a typing error.
const futureToleranceMs = 5 * 60_000;

/** The onset: not before the session, not in the future. */
export function checkOnset(onset: Date, sessionAt: Date, path = 'body.onset', now = new Date()): void {
  if (onset < sessionAt) throw fieldInvalid(path, `must not be before the session (${sessionAt.toISOString()})`);
  if (onset.getTime() > now.getTime() + futureToleranceMs) throw fieldInvalid(path, 'must not be in the future');
}

/** A time of the event's course: not before its onset, not in the future. */
export function checkAfterOnset(at: string | undefined, onset: Date, path: string, now = new Date()): void {
  if (at === undefined) return;
  const t = Date.parse(at);
  if (t < onset.getTime()) throw fieldInvalid(path, `must not be before the onset (${onset.toISOString()})`);
  if (t > now.getTime() + futureToleranceMs) throw fieldInvalid(path, 'must not be in the future');
}

/** The treatments, each given after the onset. */
export function checkTreatments(treatments: readonly TreatmentBody[] | undefined, onset: Date, path = 'body.treatments'): void {
  treatments?.forEach((t, i) => checkAfterOnset(t.at, onset, `${path}[${i}].at`));
}

/** The anaphylaxis checklist: for anaphylaxis or angioedema, its times after the onset. */
export function checkAnaphylaxis(type: string, c: AnaphylaxisChecklist | null | undefined, onset: Date, path = 'body.anaphylaxis'): void {
  if (c === null || c === undefined) return;
  if (checklistOf(type) !== 'anaphylaxis') throw fieldInvalid(path, `is recorded only for anaphylaxis or angioedema, not ${type}`);
  c.adrenalineDoses.forEach((d, i) => checkAfterOnset(d.at, onset, `${path}.adrenalineDoses[${i}].at`));
  checkAfterOnset(c.emergencyCalledAt, onset, `${path}.emergencyCalledAt`);
}

/** The vagal checklist: for a vasovagal reaction, its times after the onset. */
export function checkVagal(type: string, c: VagalChecklist | null | undefined, onset: Date, path = 'body.vagal'): void {
  if (c === null || c === undefined) return;
  if (checklistOf(type) !== 'vagal') throw fieldInvalid(path, `is recorded only for a vasovagal reaction, not ${type}`);
  checkAfterOnset(c.positionedAt, onset, `${path}.positionedAt`);
  checkAfterOnset(c.atropine?.at, onset, `${path}.atropine.at`);
  c.readings.forEach((r, i) => checkAfterOnset(r.at, onset, `${path}.readings[${i}].at`));
  checkAfterOnset(c.recoveredAt, onset, `${path}.recoveredAt`);
}
