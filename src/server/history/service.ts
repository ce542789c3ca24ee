// The medical history (anamnesis) of a patient: conditions and allergies, versioned; weights.
import { uuidv7 } from 'uuidv7';
import type { AllergyEntry, AllergyPatch, Condition, ConditionPatch, History, HistoryVersion, NewAllergy, NewCondition } from '../../domain/api/history.ts';
import { conditions as conditionVocab } from '../../domain/vocabulary/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { clinicToday, loadClinicFacts } from '../clinical/clinic.ts';
import { fieldInvalid } from '../clinical/problems.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { patientsRepository } from '../patients/repository.ts';
import { appendVersion, changed, createEntry, lockEntry } from './entries.ts';
import { fieldsOf, historyRepository, toAllergy, toCondition, toVersion, type EntryKind, type VersionFields, type VersionRow } from './repository.ts';

/** The patient of the caller's clinic, or 404. */
export async function requirePatient(q: Queryable, patientId: string): Promise<{ birthDate: string; sex: string }> {
  const p = await patientsRepository.byId(q, patientId);
  if (!p) throw Problem.notFound('Patient');
  return p;
}

/** A patient's history on `day`: entries as recorded by `at` (now when omitted), each marked active on that day. */
export async function historyOn(q: Queryable, clinicId: string, patientId: string, day: string, at?: Date): Promise<Omit<History, 'patientId' | 'asOf'>> {
  const rows = await historyRepository.asOf(q, clinicId, patientId, at);
  return {
    conditions: rows.filter((r) => r.kind === 'condition').map((r) => toCondition(r, day)),
    allergies: rows.filter((r) => r.kind === 'allergy').map((r) => toAllergy(r, day)),
    weight: await historyRepository.weightOn(q, clinicId, patientId, day, at),
  };
}

/** Reads the history now, or as it stood at the end of a day (clinic time) or at an instant. */
export async function getHistory(ctx: ServiceContext, patientId: string, asOf: string | undefined): Promise<History> {
  return clinicalTx(ctx, 'history.read', 'patient', patientId, async (q) => {
    await requirePatient(q, patientId);
    const clinic = await loadClinicFacts(q, ctx.actor.clinicId);
    let day = clinicToday(clinic);
    let at: Date | undefined;
    if (asOf !== undefined && asOf.length === 10) {
      day = asOf;
      at = await historyRepository.endOfDay(q, ctx.actor.clinicId, asOf);
    } else if (asOf !== undefined) {
      at = new Date(asOf);
      day = clinicToday(clinic, at);
    }
    const history = await historyOn(q, ctx.actor.clinicId, patientId, day, at);
    await appendAudit(q, clinicalAudit(ctx.actor, 'history.read', 'patient', patientId, asOf ? { asOf } : {}));
    return { patientId, asOf: asOf ?? null, ...history };
  });
}

/** Every version of the patient's history, oldest first. */
export async function listVersions(ctx: ServiceContext, patientId: string, query: { entryId?: string | undefined; limit: number; cursor?: string | undefined }) {
  const offset = query.cursor === undefined ? 0 : Number(query.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  return clinicalTx(ctx, 'history.versions', 'patient', patientId, async (q) => {
    await requirePatient(q, patientId);
    const rows = await historyRepository.versions(q, ctx.actor.clinicId, patientId, { entryId: query.entryId, limit: query.limit + 1, offset });
    await appendAudit(q, clinicalAudit(ctx.actor, 'history.versions', 'patient', patientId, query.entryId ? { entryId: query.entryId } : {}));
    const items: HistoryVersion[] = rows.slice(0, query.limit).map(toVersion);
    return { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : null };
  });
}

/** Dates of the history are of the past: not after today, not before the patient was born. */
function checkDates(fields: { onset?: string | null | undefined; endDate?: string | null | undefined }, today: string, birthDate: string): void {
  for (const key of ['onset', 'endDate'] as const) {
    const value = fields[key];
    if (value == null) continue;
    if (value > today) throw fieldInvalid(`body.${key}`, `must not be after today (${today})`);
    if (value < birthDate) throw fieldInvalid(`body.${key}`, "must not be before the patient's birth date");
  }
  if (fields.onset && fields.endDate && fields.endDate < fields.onset) throw fieldInvalid('body.endDate', 'must not be before onset');
}

export const noFields: VersionFields = { code: null, onset: null, endDate: null, area: null, substance: null, substanceClass: null, reaction: null, note: null, source: 'clinician' };

/** An entry in effect today saying the same (condition code and area, or allergen), if any. */
export async function activeTwin(q: Queryable, clinicId: string, patientId: string, today: string, fields: VersionFields): Promise<VersionRow | undefined> {
  const rows = await historyRepository.asOf(q, clinicId, patientId);
  return rows.find(
    (r) =>
      (r.end_date === null || r.end_date > today) &&
      (fields.code !== null ? r.code === fields.code && r.area === fields.area : r.kind === 'allergy' && r.substance === fields.substance && r.substance_class === fields.substanceClass),
  );
}

/** Records a condition in a transaction already open (the questionnaire and the demo use it too). */
export async function addConditionIn(q: Queryable, actor: Actor, patientId: string, input: NewCondition, source: VersionFields['source'] = 'clinician'): Promise<Condition> {
  const patient = await requirePatient(q, patientId);
  const today = clinicToday(await loadClinicFacts(q, actor.clinicId));
  checkDates(input, today, patient.birthDate);
  const fields: VersionFields = { ...noFields, code: input.code, onset: input.onset ?? null, endDate: input.endDate ?? null, area: input.area ?? null, note: input.note ?? null, source };
  const twin = await activeTwin(q, actor.clinicId, patientId, today, fields);
  if (twin) throw Problem.conflict(`The patient already has ${input.code}${input.area ? ` at ${input.area}` : ''} recorded`, { entryId: twin.entry_id });
  const row = await createEntry(q, actor, patientId, 'condition', fields);
  await appendAudit(q, clinicalAudit(actor, 'condition.create', 'patient', patientId, { entryId: row.entry_id, code: input.code, source }));
  return toCondition(row, today);
}

/** Records a condition of the patient. */
export async function addCondition(ctx: ServiceContext, patientId: string, input: NewCondition): Promise<Condition> {
  return clinicalTx(ctx, 'condition.create', 'patient', patientId, (q) => addConditionIn(q, ctx.actor, patientId, input));
}

/** Records an allergy in a transaction already open. */
export async function addAllergyIn(q: Queryable, actor: Actor, patientId: string, input: NewAllergy, source: VersionFields['source'] = 'clinician'): Promise<AllergyEntry> {
  await requirePatient(q, patientId);
  const today = clinicToday(await loadClinicFacts(q, actor.clinicId));
  const fields: VersionFields = { ...noFields, substance: input.substance ?? null, substanceClass: input.class ?? null, reaction: input.reaction ?? null, note: input.note ?? null, source };
  const twin = await activeTwin(q, actor.clinicId, patientId, today, fields);
  if (twin) throw Problem.conflict(`The patient already has this allergy recorded`, { entryId: twin.entry_id });
  const row = await createEntry(q, actor, patientId, 'allergy', fields);
  await appendAudit(q, clinicalAudit(actor, 'allergy.create', 'patient', patientId, { entryId: row.entry_id, substance: input.substance, class: input.class, source }));
  return toAllergy(row, today);
}

/** Records an allergy of the patient. */
export async function addAllergy(ctx: ServiceContext, patientId: string, input: NewAllergy): Promise<AllergyEntry> {
  return clinicalTx(ctx, 'allergy.create', 'patient', patientId, (q) => addAllergyIn(q, ctx.actor, patientId, input));
}

function pick<T>(patch: T | undefined, current: T): T {
  return patch === undefined ? current : patch;
}

/** Changes a condition (onset, end date to resolve it, area, note): a new version. */
export async function updateCondition(ctx: ServiceContext, patientId: string, entryId: string, patch: ConditionPatch): Promise<Condition> {
  return clinicalTx(ctx, 'condition.update', 'patient', patientId, async (q) => {
    const patient = await requirePatient(q, patientId);
    const current = await lockEntry(q, ctx.actor, patientId, entryId, 'condition');
    const today = clinicToday(await loadClinicFacts(q, ctx.actor.clinicId));
    const before = fieldsOf(current);
    const next: VersionFields = {
      ...before,
      onset: pick(patch.onset, before.onset),
      endDate: pick(patch.endDate, before.endDate),
      area: pick(patch.area, before.area),
      note: pick(patch.note, before.note),
    };
    const code = current.code;
    if (code !== null && conditionVocab.entries[code].needsOnset && next.onset === null) throw fieldInvalid('body.onset', `is required for ${code}`);
    checkDates({ onset: patch.onset, endDate: patch.endDate }, today, patient.birthDate);
    if (next.onset && next.endDate && next.endDate < next.onset) throw fieldInvalid('body.endDate', 'must not be before onset');
    if (!changed(before, next)) return toCondition(current, today);
    const change = next.endDate !== null && before.endDate === null ? 'resolved' : 'updated';
    const row = await appendVersion(q, ctx.actor, current, change, next, { reason: patch.reason });
    await appendAudit(q, clinicalAudit(ctx.actor, 'condition.update', 'patient', patientId, { entryId, version: row.version, change, fields: Object.keys(patch) }));
    return toCondition(row, today);
  });
}

/** Changes an allergy (reaction, note, end date): a new version. */
export async function updateAllergy(ctx: ServiceContext, patientId: string, entryId: string, patch: AllergyPatch): Promise<AllergyEntry> {
  return clinicalTx(ctx, 'allergy.update', 'patient', patientId, async (q) => {
    const patient = await requirePatient(q, patientId);
    const current = await lockEntry(q, ctx.actor, patientId, entryId, 'allergy');
    const today = clinicToday(await loadClinicFacts(q, ctx.actor.clinicId));
    checkDates({ endDate: patch.endDate }, today, patient.birthDate);
    const before = fieldsOf(current);
    const next: VersionFields = { ...before, reaction: pick(patch.reaction, before.reaction), note: pick(patch.note, before.note), endDate: pick(patch.endDate, before.endDate) };
    if (!changed(before, next)) return toAllergy(current, today);
    const change = next.endDate !== null && before.endDate === null ? 'resolved' : 'updated';
    const row = await appendVersion(q, ctx.actor, current, change, next, { reason: patch.reason });
    await appendAudit(q, clinicalAudit(ctx.actor, 'allergy.update', 'patient', patientId, { entryId, version: row.version, change, fields: Object.keys(patch) }));
    return toAllergy(row, today);
  });
}

/** Removes an entry recorded by mistake: a last version marks it; the earlier versions stay. */
export async function removeEntry(ctx: ServiceContext, patientId: string, entryId: string, kind: EntryKind, reason: string): Promise<HistoryVersion> {
  return clinicalTx(ctx, `${kind}.entered-in-error`, 'patient', patientId, async (q) => {
    await requirePatient(q, patientId);
    const current = await lockEntry(q, ctx.actor, patientId, entryId, kind);
    const row = await appendVersion(q, ctx.actor, current, 'entered-in-error', fieldsOf(current), { enteredInError: true, reason });
    await appendAudit(q, clinicalAudit(ctx.actor, `${kind}.entered-in-error`, 'patient', patientId, { entryId, version: row.version, reason }));
    return toVersion(row);
  });
}

/** Records a weight (the anaesthetic-dose rule reads the latest on or before the session day). */
export async function recordWeight(ctx: ServiceContext, patientId: string, input: { weightKg: number; measuredOn?: string | undefined }) {
  return clinicalTx(ctx, 'weight.create', 'patient', patientId, async (q) => {
    const patient = await requirePatient(q, patientId);
    const today = clinicToday(await loadClinicFacts(q, ctx.actor.clinicId));
    const measuredOn = input.measuredOn ?? today;
    if (measuredOn > today) throw fieldInvalid('body.measuredOn', `must not be after today (${today})`);
    if (measuredOn < patient.birthDate) throw fieldInvalid('body.measuredOn', "must not be before the patient's birth date");
    await historyRepository.insertWeight(q, { id: uuidv7(), clinicId: ctx.actor.clinicId, patientId, weightKg: input.weightKg, measuredOn, recordedBy: ctx.actor.userId });
    await appendAudit(q, clinicalAudit(ctx.actor, 'weight.create', 'patient', patientId, { weightKg: input.weightKg, measuredOn }));
    return { weightKg: input.weightKg, measuredOn };
  });
}
