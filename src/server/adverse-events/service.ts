// Adverse events: recorded against a session by a clinician (or, later, by the patient through
// the portal), each with its first follow-up by its type's rule and the outbreak check; read with
// their lots, history and follow-ups.
import { uuidv7 } from 'uuidv7';
import type { AdverseEvent, NewAdverseEvent } from '../../domain/api/adverse-events.ts';
import { adverseEventTypes } from '../../domain/vocabulary/index.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.ts';
import { outbreakCheckIn } from '../alerts/service.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { fieldInvalid, referenceNotFound } from '../clinical/problems.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { followUpsRepository } from '../follow-ups/repository.ts';
import { scheduleForNewEvent } from '../follow-ups/schedule.ts';
import { requirePatient } from '../history/service.ts';
import { loadSafetySettings } from '../safety-settings/service.ts';
import { adverseEventsRepository } from './repository.ts';
import { checkAnaphylaxis, checkOnset, checkTreatments, checkVagal } from './validate.ts';

/** Who reports an event: a clinician of the clinic, or the patient through the portal (no user behind it). */
export type EventReporter = { kind: 'clinician'; actor: Actor } | { kind: 'patient-portal'; clinicId: string; patientId: string; ip: string | null };

function reporterAudit(r: EventReporter, action: string, recordId: string, details: Record<string, unknown>): AuditEvent {
  if (r.kind === 'clinician') return clinicalAudit(r.actor, action, 'adverse-event', recordId, details);
  return { clinicId: r.clinicId, actorUserId: null, actorRole: 'patient', action, recordType: 'adverse-event', recordId, ip: r.ip, outcome: 'success', details: { ...details, source: 'patient-portal' } };
}

/**
 * Records an adverse event in a transaction already open: the event, its history, its first
 * follow-up and the outbreak check. `path` prefixes the fields named in errors (a follow-up's
 * `body.openAdverseEvent`).
 */
export async function recordAdverseEventIn(q: Queryable, reporter: EventReporter, body: NewAdverseEvent, path = 'body'): Promise<AdverseEvent> {
  const clinicId = reporter.kind === 'clinician' ? reporter.actor.clinicId : reporter.clinicId;
  const userId = reporter.kind === 'clinician' ? reporter.actor.userId : null;
  const session = await adverseEventsRepository.session(q, clinicId, body.sessionId);
  if (!session) throw referenceNotFound('Session', `${path}.sessionId`);
  if (reporter.kind === 'patient-portal' && session.patient_id !== reporter.patientId) throw referenceNotFound('Session', `${path}.sessionId`);
  const onset = new Date(body.onset);
  checkOnset(onset, session.performed_at, `${path}.onset`);
  checkTreatments(body.treatments, onset, `${path}.treatments`);
  checkAnaphylaxis(body.type, body.anaphylaxis, onset, `${path}.anaphylaxis`);
  checkVagal(body.type, body.vagal, onset, `${path}.vagal`);
  const id = uuidv7();
  await adverseEventsRepository.insert(q, {
    id,
    clinicId,
    patientId: session.patient_id,
    sessionId: body.sessionId,
    type: body.type,
    grade: body.grade,
    onset,
    area: body.area ?? null,
    description: body.description,
    // What the vocabulary says of the type, unless the clinician says otherwise.
    expected: body.expected ?? adverseEventTypes.entries[body.type].expected,
    reportedBy: userId,
    source: reporter.kind,
    treatments: body.treatments ?? [],
    anaphylaxis: body.anaphylaxis ?? null,
    vagal: body.vagal ?? null,
    seriousness: body.seriousness ?? [],
  });
  await adverseEventsRepository.addHistory(q, { id: uuidv7(), clinicId, eventId: id, by: userId, action: 'created', toStatus: 'open', changes: { type: body.type, grade: body.grade, source: reporter.kind } });
  const event = (await adverseEventsRepository.byId(q, clinicId, id)) as AdverseEvent;
  const followUps = await scheduleForNewEvent(
    q,
    { id, clinicId, patientId: event.patientId, sessionId: event.sessionId, type: event.type, sessionAt: session.performed_at, onset },
    userId,
    reporter.kind === 'patient-portal',
  );
  const alertId = await outbreakCheckIn(q, clinicId, userId, event, await loadSafetySettings(q, clinicId));
  if (alertId) await adverseEventsRepository.addHistory(q, { id: uuidv7(), clinicId, eventId: id, by: userId, action: 'alert-raised', changes: { alertId, kind: 'suspected-atypical-infection' } });
  await appendAudit(q, reporterAudit(reporter, 'adverse-event.create', id, { patientId: event.patientId, sessionId: event.sessionId, type: event.type, grade: event.grade, followUps, ...(alertId ? { alertId } : {}) }));
  return event;
}

/** Records an adverse event of a session, by the caller. */
export async function recordAdverseEvent(ctx: ServiceContext, body: NewAdverseEvent): Promise<AdverseEvent> {
  return clinicalTx(ctx, 'adverse-event.create', 'session', body.sessionId, (q) => recordAdverseEventIn(q, { kind: 'clinician', actor: ctx.actor }, body));
}

/** An event in a transaction already open, or 404. */
export async function requireEvent(q: Queryable, clinicId: string, id: string, lock = false): Promise<AdverseEvent> {
  const event = await adverseEventsRepository.byId(q, clinicId, id, lock);
  if (!event) throw Problem.notFound('Adverse event');
  return event;
}

/** Reads an event with its history and follow-ups. */
export async function getAdverseEvent(ctx: ServiceContext, id: string) {
  return clinicalTx(ctx, 'adverse-event.read', 'adverse-event', id, async (q) => {
    const event = await requireEvent(q, ctx.actor.clinicId, id);
    const history = await adverseEventsRepository.history(q, ctx.actor.clinicId, id);
    const followUps = await followUpsRepository.list(q, ctx.actor.clinicId, { adverseEventId: id }, { limit: 1000, offset: 0 }, new Date());
    await appendAudit(q, clinicalAudit(ctx.actor, 'adverse-event.read', 'adverse-event', id, { patientId: event.patientId }));
    return { ...event, history, followUps };
  });
}

/** Lists adverse events, of a patient, a session or the clinic, latest onset first. */
export async function listAdverseEvents(
  ctx: ServiceContext,
  f: { patientId?: string | undefined; sessionId?: string | undefined; status?: string | undefined; unresolved?: boolean; type?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const offset = f.cursor === undefined ? 0 : Number(f.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  return clinicalTx(ctx, 'adverse-event.list', 'patient', f.patientId ?? null, async (q) => {
    if (f.patientId) await requirePatient(q, f.patientId);
    const rows = await adverseEventsRepository.load(q, ctx.actor.clinicId, f, { limit: f.limit + 1, offset });
    const items = rows.slice(0, f.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'adverse-event.list', 'patient', f.patientId ?? null, { events: items.map((e) => e.id) }));
    return { items, nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
  });
}
