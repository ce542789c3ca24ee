// What every catalog use case shares: its audit event, its list paging, and the translation of
// the database's refusals into problems that name the field.
import type { AuditEvent } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import { Problem } from '../errors.ts';

/** An audit event of a catalog write by the request's actor. */
export function catalogAudit(ctx: ServiceContext, action: string, recordType: string, recordId: string | null, details: Record<string, unknown> = {}, outcome: AuditEvent['outcome'] = 'success'): AuditEvent {
  return { clinicId: ctx.actor.clinicId, actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, action, recordType, recordId, ip: ctx.actor.ip, outcome, details };
}

/** The offset a list cursor stands for; a cursor the server did not hand out is a 400. */
export function cursorOffset(cursor: string | undefined): number {
  const offset = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) throw Problem.badRequest('cursor is not valid', [{ path: 'querystring.cursor', message: 'is not valid' }]);
  return offset;
}

/** A page of `rows` fetched with one row more than `limit`: the extra row says a next page exists. */
export function pageOf<T>(rows: T[], limit: number, offset: number): { items: T[]; nextCursor: string | null } {
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? String(offset + limit) : null };
}

/** 404 for a record another request field points at, naming that field. */
export function referenceNotFound(what: string, path: string): Problem {
  return new Problem(404, 'not-found', 'Not found', `${what} not found`, [{ path, message: `no such ${what.toLowerCase()} in this clinic` }]);
}

interface PgError {
  code?: string;
  constraint?: string;
}

/**
 * Runs a write and turns a unique-key violation into 409 naming the field, so a duplicate code
 * or lot number reads as what it is. `fields` maps constraint names to the field they guard.
 */
export async function uniqueAsConflict<T>(fields: Record<string, { path: string; message: string }>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const e = err as PgError;
    const field = e.code === '23505' && e.constraint ? fields[e.constraint] : undefined;
    if (!field) throw err;
    throw new Problem(409, 'conflict', 'Conflict', `${field.path}: ${field.message}`, [field]);
  }
}

/** 400 for a code that may not change once records refer to it. */
export function codeIsFixed(path: string): Problem {
  return Problem.badRequest(`${path}: cannot be changed once created`, [{ path, message: 'cannot be changed once created: assessments, allergies and consents refer to it by code' }]);
}
