import { appendAudit, type AuditEvent } from '../audit/audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../errors.ts';

/** An audit event of the clinical record, by the actor of the request. */
export function clinicalAudit(
  actor: Actor,
  action: string,
  recordType: string,
  recordId: string | null,
  details: Record<string, unknown> = {},
  outcome: AuditEvent['outcome'] = 'success',
): AuditEvent {
  return { clinicId: actor.clinicId, actorUserId: actor.userId, actorRole: actor.role, action, recordType, recordId, ip: actor.ip, outcome, details };
}

/**
 * Runs a use case of the clinical record in one transaction of the caller's clinic. A refusal for
 * a record that is not there (404) or not the caller's to touch (403) rolls the work back, and is
 * then audited on its own: attempts on patient data leave a trace even when they change nothing.
 */
export async function clinicalTx<T>(ctx: ServiceContext, action: string, recordType: string, recordId: string | null, fn: (q: Queryable) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.tx({ clinicId: ctx.actor.clinicId }, fn);
  } catch (err) {
    if (err instanceof Problem && (err.status === 404 || err.status === 403)) {
      const outcome = err.status === 404 ? 'not-found' : 'denied';
      await ctx.db.tx({ clinicId: ctx.actor.clinicId }, (q) => appendAudit(q, clinicalAudit(ctx.actor, action, recordType, recordId, { detail: err.detail }, outcome)));
    }
    throw err;
  }
}
