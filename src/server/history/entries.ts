// Writing history entries: every change is a new version, the previous one closed at the same
// instant, so the history as it stood at any moment can be read back.
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { historyRepository, type Change, type EntryKind, type VersionFields, type VersionRow } from './repository.ts';

/** Records a new entry (version 1). */
export async function createEntry(q: Queryable, actor: Actor, patientId: string, kind: EntryKind, fields: VersionFields): Promise<VersionRow> {
  const entryId = uuidv7();
  await historyRepository.insertEntry(q, { id: entryId, clinicId: actor.clinicId, patientId, kind, createdBy: actor.userId });
  const at = await historyRepository.changeInstant(q);
  return historyRepository.insertVersion(q, {
    id: uuidv7(),
    clinicId: actor.clinicId,
    entryId,
    patientId,
    version: 1,
    change: 'created',
    enteredInError: false,
    reason: null,
    recordedBy: actor.userId,
    at,
    ...fields,
  });
}

/** The current version of an entry, locked for a change; 404 when the patient has no such entry. */
export async function lockEntry(q: Queryable, actor: Actor, patientId: string, entryId: string, kind: EntryKind): Promise<VersionRow> {
  const current = await historyRepository.currentForUpdate(q, actor.clinicId, patientId, entryId, kind);
  if (!current) throw Problem.notFound(kind === 'condition' ? 'Condition' : 'Allergy');
  if (current.entered_in_error) throw Problem.conflict(`This ${kind} was removed as entered in error; record a new one instead`);
  return current;
}

/** Appends the next version of a locked entry and closes the current one at the same instant. */
export async function appendVersion(
  q: Queryable,
  actor: Actor,
  current: VersionRow,
  change: Change,
  fields: VersionFields,
  options: { enteredInError?: boolean; reason?: string | null | undefined } = {},
): Promise<VersionRow> {
  const clock = await historyRepository.changeInstant(q);
  // Never before the version it replaces, whatever the clock did.
  const at = clock < current.recorded_at ? current.recorded_at : clock;
  await historyRepository.closeVersion(q, actor.clinicId, current.id, at);
  return historyRepository.insertVersion(q, {
    id: uuidv7(),
    clinicId: actor.clinicId,
    entryId: current.entry_id,
    patientId: current.patient_id,
    version: current.version + 1,
    change,
    enteredInError: options.enteredInError ?? false,
    reason: options.reason ?? null,
    recordedBy: actor.userId,
    at,
    ...fields,
  });
}

/** True when the fields differ in anything a version records. */
export function changed(a: VersionFields, b: VersionFields): boolean {
  return (Object.keys(a) as (keyof VersionFields)[]).some((k) => a[k] !== b[k]);
}
