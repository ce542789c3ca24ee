// Follow-ups: the due list, and completing one — what was found, what it does to the event it
// follows (resolved, monitored, a complication), the next one while the event is unresolved, and
// a new adverse event when one is found — all in one transaction.
import { uuidv7 } from 'uuidv7';
import type { CompleteFollowUp, FollowUpItem, FollowUpListQuery } from '../../domain/api/follow-ups.ts';
import { allowedFollowUpOutcomes, completionEffect } from '../../domain/adverse-events/follow-up-completion.ts';
import { can } from '../../domain/permissions.ts';
import { appendAudit } from '../audit/audit.ts';
import { adverseEventsRepository } from '../adverse-events/repository.ts';
import { changeStatusIn } from '../adverse-events/changes.ts';
import { recordAdverseEventIn, requireEvent } from '../adverse-events/service.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { fieldInvalid, referenceNotFound } from '../clinical/problems.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';
import { followUpsRepository } from './repository.ts';

/** The due list, soonest first, overdue ones marked. */
export async function listFollowUps(ctx: ServiceContext, f: FollowUpListQuery) {
  const offset = f.cursor === undefined ? 0 : Number(f.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw fieldInvalid('querystring.cursor', 'is not valid');
  const now = new Date();
  return clinicalTx(ctx, 'follow-up.list', 'follow-up', null, async (q) => {
    const rows = await followUpsRepository.list(
      q,
      ctx.actor.clinicId,
      {
        status: f.status,
        practitionerId: f.practitionerId,
        patientId: f.patientId,
        adverseEventId: f.adverseEventId,
        dueBefore: f.dueBefore === undefined ? undefined : new Date(f.dueBefore),
        overdueAt: f.overdue ? now : undefined,
      },
      { limit: f.limit + 1, offset },
      now,
    );
    const items = rows.slice(0, f.limit);
    await appendAudit(q, clinicalAudit(ctx.actor, 'follow-up.list', 'follow-up', null, { followUps: items.map((i) => i.id), patients: [...new Set(items.map((i) => i.patient.id))] }));
    return { items, nextCursor: rows.length > f.limit ? String(offset + f.limit) : null };
  });
}

async function requireFollowUp(q: Queryable, clinicId: string, id: string): Promise<FollowUpItem> {
  const item = await followUpsRepository.byId(q, clinicId, id, new Date());
  if (!item) throw Problem.notFound('Follow-up');
  return item;
}

/** Reads one follow-up. */
export async function getFollowUp(ctx: ServiceContext, id: string): Promise<FollowUpItem> {
  return clinicalTx(ctx, 'follow-up.read', 'follow-up', id, async (q) => {
    const item = await requireFollowUp(q, ctx.actor.clinicId, id);
    await appendAudit(q, clinicalAudit(ctx.actor, 'follow-up.read', 'follow-up', id, { patientId: item.patient.id }));
    return item;
  });
}

/** Reschedules or reassigns an open follow-up. */
export async function updateFollowUp(ctx: ServiceContext, id: string, body: { dueAt?: string | undefined; assignedTo?: string | null | undefined }): Promise<FollowUpItem> {
  const clinicId = ctx.actor.clinicId;
  return clinicalTx(ctx, 'follow-up.update', 'follow-up', id, async (q) => {
    const row = await followUpsRepository.lock(q, clinicId, id);
    if (!row) throw Problem.notFound('Follow-up');
    if (row.status !== 'open') throw Problem.conflict(`The follow-up is ${row.status}: only an open one can be changed`);
    if (body.assignedTo) {
      const r = await q.query("SELECT 1 FROM users WHERE clinic_id = $1 AND id = $2 AND active AND role IN ('doctor', 'nurse')", [clinicId, body.assignedTo]);
      if ((r.rowCount ?? 0) === 0) throw referenceNotFound('Doctor or nurse', 'body.assignedTo');
    }
    await followUpsRepository.reschedule(q, clinicId, id, { dueAt: body.dueAt === undefined ? undefined : new Date(body.dueAt), assignedTo: body.assignedTo });
    await appendAudit(q, clinicalAudit(ctx.actor, 'follow-up.update', 'follow-up', id, { patientId: row.patient_id, ...body }));
    return requireFollowUp(q, clinicId, id);
  });
}

/** Completes a follow-up with its findings; can open an adverse event in the same transaction. */
export async function completeFollowUp(ctx: ServiceContext, id: string, body: CompleteFollowUp) {
  const actor = ctx.actor;
  const clinicId = actor.clinicId;
  return clinicalTx(ctx, 'follow-up.complete', 'follow-up', id, async (q) => {
    // The event first, then its follow-up: the order a status change takes them in (no deadlock).
    const eventId = (await q.query<{ adverse_event_id: string | null }>('SELECT adverse_event_id FROM follow_ups WHERE clinic_id = $1 AND id = $2', [clinicId, id])).rows[0]?.adverse_event_id;
    if (eventId) await requireEvent(q, clinicId, eventId, true);
    const row = await followUpsRepository.lock(q, clinicId, id);
    if (!row) throw Problem.notFound('Follow-up');
    if (row.status !== 'open') throw Problem.conflict(`The follow-up is ${row.status} already`);
    const followsEvent = row.adverse_event_id !== null;
    if (!allowedFollowUpOutcomes(followsEvent).includes(body.outcome)) {
      throw fieldInvalid('body.outcome', `must be one of ${allowedFollowUpOutcomes(followsEvent).join(', ')} for a follow-up ${followsEvent ? 'of an adverse event' : 'after a session'}`);
    }
    if (!followsEvent && body.outcome === 'complication' && !body.openAdverseEvent) throw fieldInvalid('body.openAdverseEvent', 'is required when a complication is found: record it');
    const now = new Date();

    let opened: string | null = null;
    if (body.openAdverseEvent) {
      if (!can(actor.role, 'adverse-events.write')) throw Problem.forbidden('Your role does not record adverse events');
      const event = followsEvent ? await requireEvent(q, clinicId, row.adverse_event_id as string) : null;
      const sessionId = body.openAdverseEvent.sessionId ?? row.session_id ?? event?.sessionId;
      if (!sessionId) throw fieldInvalid('body.openAdverseEvent.sessionId', 'is required: this follow-up has no session');
      const session = await adverseEventsRepository.session(q, clinicId, sessionId);
      if (session && session.patient_id !== row.patient_id) throw fieldInvalid('body.openAdverseEvent.sessionId', "must be a session of the follow-up's patient");
      opened = (await recordAdverseEventIn(q, { kind: 'clinician', actor }, { ...body.openAdverseEvent, sessionId }, 'body.openAdverseEvent')).id;
    }

    let nextId: string | null = null;
    if (followsEvent) {
      const event = await requireEvent(q, clinicId, row.adverse_event_id as string, true);
      const firstFollowUp = (await followUpsRepository.doneForEvent(q, clinicId, event.id)) === 0;
      const effect = completionEffect({
        kind: row.kind,
        outcome: body.outcome,
        completedAt: now,
        event: { type: event.type, status: event.status, expected: event.expected, firstFollowUp },
        ...(body.eventOutcome ? { eventOutcome: body.eventOutcome } : {}),
      });
      await followUpsRepository.complete(q, clinicId, id, { at: now, by: actor.userId, findings: body.findings, outcome: body.outcome, openedEventId: opened });
      await adverseEventsRepository.addHistory(q, { id: uuidv7(), clinicId, eventId: event.id, by: actor.userId, action: 'follow-up', changes: { followUpId: id, outcome: body.outcome }, note: body.findings });
      if (effect.becomesComplication) {
        await adverseEventsRepository.markComplication(q, clinicId, event.id, now);
        await adverseEventsRepository.addHistory(q, { id: uuidv7(), clinicId, eventId: event.id, by: actor.userId, action: 'became-complication', changes: { followUpId: id, expected: { before: event.expected, after: false } } });
      }
      if (effect.status) await changeStatusIn(q, actor, event, { to: effect.status, outcome: effect.outcome, at: now, note: body.findings, cause: `follow-up ${id}` }, 'body');
      const resolved = effect.status === 'resolved';
      if (effect.next && !resolved && (await followUpsRepository.openForEvent(q, clinicId, event.id)) === 0) {
        nextId = uuidv7();
        await followUpsRepository.insert(q, { id: nextId, clinicId, patientId: row.patient_id, sessionId: row.session_id, adverseEventId: event.id, dueAt: effect.next.dueAt, kind: effect.next.kind, assignedTo: null, createdBy: actor.userId });
      }
    } else {
      const effect = completionEffect({ kind: row.kind, outcome: body.outcome, completedAt: now });
      await followUpsRepository.complete(q, clinicId, id, { at: now, by: actor.userId, findings: body.findings, outcome: body.outcome, openedEventId: opened });
      if (effect.next) {
        nextId = uuidv7();
        await followUpsRepository.insert(q, { id: nextId, clinicId, patientId: row.patient_id, sessionId: row.session_id, adverseEventId: null, dueAt: effect.next.dueAt, kind: effect.next.kind, assignedTo: null, createdBy: actor.userId });
      }
    }
    await appendAudit(q, clinicalAudit(actor, 'follow-up.complete', 'follow-up', id, { patientId: row.patient_id, outcome: body.outcome, openedAdverseEventId: opened, next: nextId }));
    return {
      followUp: await requireFollowUp(q, clinicId, id),
      next: nextId ? await requireFollowUp(q, clinicId, nextId) : null,
      openedAdverseEventId: opened,
    };
  });
}
