// Adverse events, minimal: recorded against a session, read back; open ones feed the engine.
import { uuidv7 } from 'uuidv7';
import type { AdverseEvent, NewAdverseEvent } from '../../domain/api/adverse-events.ts';
import { appendAudit } from '../audit/audit.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { fieldInvalid, referenceNotFound } from '../clinical/problems.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { requirePatient } from '../history/service.ts';
import { adverseEventsRepository } from './repository.ts';

const futureToleranceMs = 5 * 60_000;

/** Records an adverse event in a transaction already open. */
export async function recordAdverseEventIn(q: Queryable, actor: Actor, body: NewAdverseEvent): Promise<AdverseEvent> {
  const session = await adverseEventsRepository.session(q, actor.clinicId, body.sessionId);
  if (!session) throw referenceNotFound('Session', 'body.sessionId');
  const onset = new Date(body.onset);
  if (onset < session.performed_at) throw fieldInvalid('body.onset', 'must not be before the session');
  if (onset.getTime() > Date.now() + futureToleranceMs) throw fieldInvalid('body.onset', 'must not be in the future');
  const event = await adverseEventsRepository.insert(q, {
    id: uuidv7(),
    clinicId: actor.clinicId,
    patientId: session.patient_id,
    sessionId: body.sessionId,
    type: body.type,
    grade: body.grade,
    onset,
    area: body.area ?? null,
    description: body.description,
    expected: body.expected ?? null,
    reportedBy: actor.userId,
  });
  await appendAudit(q, clinicalAudit(actor, 'adverse-event.create', 'adverse-event', event.id, { patientId: event.patientId, sessionId: event.sessionId, type: event.type, grade: event.grade }));
  return event;
}

/** Records an adverse event of a session. */
export async function recordAdverseEvent(ctx: ServiceContext, body: NewAdverseEvent): Promise<AdverseEvent> {
  return clinicalTx(ctx, 'adverse-event.create', 'session', body.sessionId, (q) => recordAdverseEventIn(q, ctx.actor, body));
}

/** Reads an adverse event. */
export async function getAdverseEvent(ctx: ServiceContext, id: string): Promise<AdverseEvent> {
  return clinicalTx(ctx, 'adverse-event.read', 'adverse-event', id, async (q) => {
    const event = await adverseEventsRepository.byId(q, ctx.actor.clinicId, id);
    if (!event) throw Problem.notFound('Adverse event');
    await appendAudit(q, clinicalAudit(ctx.actor, 'adverse-event.read', 'adverse-event', id, { patientId: event.patientId }));
    return event;
  });
}

/** Lists adverse events, of a patient or of the clinic, latest onset first. */
export async function listAdverseEvents(ctx: ServiceContext, f: { patientId?: string | undefined; status?: string | undefined; limit: number; cursor?: string | undefined }) {
  const offset = f.cursor === undefined ? 0 : Number(f.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  return clinicalTx(ctx, 'adverse-event.list', 'patient', f.patientId ?? null, async (q) => {
    if (f.patientId) await requirePatient(q, f.patientId);
    const rows = await adverseEventsRepository.list(q, ctx.actor.clinicId, { ...f, limit: f.limit + 1, offset });
    const items = rows.slice(0, f.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'adverse-event.list', 'patient', f.patientId ?? null, { events: items.map((e) => e.id) }));
    return { items, nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
  });
}
