// Changing an adverse event: its fields (PATCH), its status (open → monitoring → resolved, back
// to open), and what is added while it is treated — a treatment, an adrenaline dose, a reading.
// Every change is one transaction with its history entry and its audit event.
import { uuidv7 } from 'uuidv7';
import type { AdrenalineDose, AnaphylaxisChecklist, VagalChecklist, VitalsReading } from '../../domain/api/adverse-event-checklists.ts';
import { checklistOf } from '../../domain/api/adverse-event-vocabulary.ts';
import type { AdverseEvent, AdverseEventPatch, TransitionBody, TreatmentBody } from '../../domain/api/adverse-events.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { transitionProblem } from '../../domain/adverse-events/status.ts';
import type { AdverseEventOutcome, AdverseEventStatus } from '../../domain/adverse-events/vocabulary.ts';
import { appendAudit } from '../audit/audit.ts';
import { outbreakCheckIn } from '../alerts/service.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { fieldInvalid } from '../clinical/problems.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { closeForResolvedEvent, scheduleForReopenedEvent } from '../follow-ups/schedule.ts';
import { loadSafetySettings } from '../safety-settings/service.ts';
import { adverseEventsRepository, type EventFields } from './repository.ts';
import { requireEvent } from './service.ts';
import { checkAfterOnset, checkAnaphylaxis, checkOnset, checkTreatments, checkVagal } from './validate.ts';

/** Runs a check; a field it blames that the request did not send is blamed on `instead` (what made it fail). */
function blame(check: () => void, sent: boolean, instead: string): void {
  try {
    check();
  } catch (err) {
    if (sent || !(err instanceof Problem) || err.status !== 400) throw err;
    const message = err.errors?.[0]?.message ?? 'is not valid';
    throw fieldInvalid(instead, `${message} (for the ${err.errors?.[0]?.path.replace(/^body\./, '') ?? 'record'} already recorded)`);
  }
}

/** The stored form of a checklist as given by a client (without the derived fields of the answer). */
function storedAnaphylaxis(a: AdverseEvent['anaphylaxis']): AnaphylaxisChecklist | null {
  if (a === null) return null;
  const { totalAdrenalineMg: _t, nextDoseFrom: _n, ...rest } = a;
  return rest as AnaphylaxisChecklist;
}

/** Changes an event's fields; the answer is the event as it now stands. */
export async function updateAdverseEvent(ctx: ServiceContext, id: string, patch: AdverseEventPatch): Promise<AdverseEvent> {
  const clinicId = ctx.actor.clinicId;
  return clinicalTx(ctx, 'adverse-event.update', 'adverse-event', id, async (q) => {
    const current = await requireEvent(q, clinicId, id, true);
    const next: EventFields = {
      type: patch.type ?? current.type,
      grade: patch.grade ?? current.grade,
      onset: patch.onset !== undefined ? new Date(patch.onset) : current.onset,
      area: patch.area !== undefined ? patch.area : current.area,
      description: patch.description ?? current.description,
      expected: patch.expected ?? current.expected,
      treatments: patch.treatments ?? current.treatments,
      anaphylaxis: patch.anaphylaxis !== undefined ? patch.anaphylaxis : storedAnaphylaxis(current.anaphylaxis),
      vagal: patch.vagal !== undefined ? patch.vagal : current.vagal,
      seriousness: patch.seriousness ?? current.seriousness,
    };
    const culprit = patch.onset !== undefined ? 'body.onset' : 'body.type';
    checkOnset(next.onset, current.session.performedAt);
    blame(() => checkTreatments(next.treatments as TreatmentBody[], next.onset), patch.treatments !== undefined, culprit);
    blame(() => checkAnaphylaxis(next.type, next.anaphylaxis as AnaphylaxisChecklist | null, next.onset), patch.anaphylaxis !== undefined, culprit);
    blame(() => checkVagal(next.type, next.vagal as VagalChecklist | null, next.onset), patch.vagal !== undefined, culprit);
    if (next.grade !== 5 && current.outcome === 'fatal') throw fieldInvalid('body.grade', 'must stay 5: the event was fatal');

    const before: Record<string, unknown> = { ...current, anaphylaxis: storedAnaphylaxis(current.anaphylaxis) };
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, after] of Object.entries(next)) {
      const was = before[key];
      if (canonicalJson(was ?? null) !== canonicalJson(after ?? null)) changes[key] = { before: was, after };
    }
    if (Object.keys(changes).length === 0) return current;
    await adverseEventsRepository.update(q, clinicId, id, next, ctx.actor.userId);
    await adverseEventsRepository.addHistory(q, { id: uuidv7(), clinicId, eventId: id, by: ctx.actor.userId, action: 'updated', changes, note: patch.note ?? null });
    const event = (await adverseEventsRepository.byId(q, clinicId, id)) as AdverseEvent;
    const alertId = await outbreakCheckIn(q, clinicId, ctx.actor.userId, event, await loadSafetySettings(q, clinicId));
    if (alertId) await adverseEventsRepository.addHistory(q, { id: uuidv7(), clinicId, eventId: id, by: ctx.actor.userId, action: 'alert-raised', changes: { alertId, kind: 'suspected-atypical-infection' } });
    await appendAudit(q, clinicalAudit(ctx.actor, 'adverse-event.update', 'adverse-event', id, { patientId: event.patientId, fields: Object.keys(changes), ...(alertId ? { alertId } : {}) }));
    return event;
  });
}

/**
 * Moves an event to another status in a transaction already open: resolving closes its open
 * follow-ups; reopening schedules the next one. `path` prefixes the fields named in errors.
 */
export async function changeStatusIn(
  q: Queryable,
  actor: Actor,
  event: AdverseEvent,
  c: { to: AdverseEventStatus; outcome?: AdverseEventOutcome | undefined; at?: Date | undefined; note?: string | null | undefined; cause?: string },
  path = 'body',
): Promise<void> {
  const problem = transitionProblem(event.status, c.to, c.outcome, event.grade);
  if (problem) {
    const [field, message] = problem;
    if (field === 'to') throw new Problem(409, 'conflict', 'Conflict', `${path}.to: ${message}`, [{ path: `${path}.to`, message }]);
    throw fieldInvalid(`${path}.${field}`, message);
  }
  const resolvedAt = c.to === 'resolved' ? (c.at ?? new Date()) : null;
  if (resolvedAt) checkAfterOnset(resolvedAt.toISOString(), event.onset, `${path}.at`);
  await adverseEventsRepository.setStatus(q, actor.clinicId, event.id, { status: c.to, outcome: c.outcome ?? null, resolvedAt, note: c.note ?? null, by: actor.userId });
  let followUps: Record<string, unknown> = {};
  if (c.to === 'resolved') followUps = { cancelled: await closeForResolvedEvent(q, actor.clinicId, event.id) };
  else if (event.status === 'resolved' || c.to === 'open') {
    const scheduled = await scheduleForReopenedEvent(q, { id: event.id, clinicId: actor.clinicId, patientId: event.patientId, sessionId: event.sessionId, type: event.type }, actor.userId);
    if (scheduled) followUps = { scheduled };
  }
  await adverseEventsRepository.addHistory(q, {
    id: uuidv7(),
    clinicId: actor.clinicId,
    eventId: event.id,
    by: actor.userId,
    action: 'status',
    fromStatus: event.status,
    toStatus: c.to,
    changes: { ...(c.outcome ? { outcome: c.outcome } : {}), ...(resolvedAt ? { resolvedAt: resolvedAt.toISOString() } : {}), ...followUps, ...(c.cause ? { cause: c.cause } : {}) },
    note: c.note ?? null,
  });
  await appendAudit(q, clinicalAudit(actor, 'adverse-event.status', 'adverse-event', event.id, { patientId: event.patientId, from: event.status, to: c.to, outcome: c.outcome ?? null }));
}

/** Moves an event to another status. */
export async function transitionAdverseEvent(ctx: ServiceContext, id: string, body: TransitionBody): Promise<AdverseEvent> {
  return clinicalTx(ctx, 'adverse-event.status', 'adverse-event', id, async (q) => {
    const event = await requireEvent(q, ctx.actor.clinicId, id, true);
    await changeStatusIn(q, ctx.actor, event, { to: body.to, outcome: body.outcome, at: body.at === undefined ? undefined : new Date(body.at), note: body.note });
    return requireEvent(q, ctx.actor.clinicId, id);
  });
}

type Addition = { kind: 'treatment'; value: TreatmentBody } | { kind: 'adrenaline-dose'; value: AdrenalineDose } | { kind: 'vitals'; value: VitalsReading };

/** Adds one treatment, adrenaline dose or reading as it is given or taken. */
export async function addToAdverseEvent(ctx: ServiceContext, id: string, add: Addition): Promise<AdverseEvent> {
  const clinicId = ctx.actor.clinicId;
  return clinicalTx(ctx, `adverse-event.${add.kind}`, 'adverse-event', id, async (q) => {
    const event = await requireEvent(q, clinicId, id, true);
    checkAfterOnset(add.value.at, event.onset, 'body.at');
    const fields: EventFields = {
      type: event.type,
      grade: event.grade,
      onset: event.onset,
      area: event.area,
      description: event.description,
      expected: event.expected,
      treatments: event.treatments,
      anaphylaxis: storedAnaphylaxis(event.anaphylaxis),
      vagal: event.vagal,
      seriousness: event.seriousness,
    };
    switch (add.kind) {
      case 'treatment':
        fields.treatments = [...event.treatments, add.value];
        break;
      case 'adrenaline-dose': {
        if (checklistOf(event.type) !== 'anaphylaxis') throw fieldInvalid('params.id', `adrenaline doses are recorded for anaphylaxis or angioedema, not ${event.type}`);
        const c = storedAnaphylaxis(event.anaphylaxis) ?? { adrenalineDoses: [] };
        if (c.adrenalineDoses.length >= 10) throw Problem.conflict('Ten doses are recorded already: escalate and record further treatment as treatments');
        fields.anaphylaxis = { ...c, adrenalineDoses: [...c.adrenalineDoses, add.value] };
        break;
      }
      case 'vitals': {
        if (checklistOf(event.type) !== 'vagal') throw fieldInvalid('params.id', `readings are recorded on the vagal checklist, not for ${event.type}`);
        const c = event.vagal ?? { readings: [] };
        if (c.readings.length >= 50) throw Problem.conflict('Fifty readings are recorded already');
        fields.vagal = { ...c, readings: [...c.readings, add.value] };
        break;
      }
    }
    await adverseEventsRepository.update(q, clinicId, id, fields, ctx.actor.userId);
    await adverseEventsRepository.addHistory(q, { id: uuidv7(), clinicId, eventId: id, by: ctx.actor.userId, action: `${add.kind}-added`, changes: { ...add.value } });
    await appendAudit(q, clinicalAudit(ctx.actor, `adverse-event.${add.kind}`, 'adverse-event', id, { patientId: event.patientId, at: add.value.at }));
    return requireEvent(q, clinicId, id);
  });
}
