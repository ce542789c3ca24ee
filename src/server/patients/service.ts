import { uuidv7 } from 'uuidv7';
import type { NewPatient, Patient } from '../../domain/api/patients.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.ts';
import type { ServiceContext } from '../context.ts';
import { Problem } from '../errors.ts';
import { patientsRepository } from './repository.ts';

function audit(ctx: ServiceContext, action: string, recordId: string | null, details: Record<string, unknown> = {}, outcome: AuditEvent['outcome'] = 'success'): AuditEvent {
  return { clinicId: ctx.actor.clinicId, actorUserId: ctx.actor.userId, actorRole: ctx.actor.role, action, recordType: 'patient', recordId, ip: ctx.actor.ip, outcome, details };
}

/** Registers a patient, and flags likely duplicates (same name and birth date, or same phone). */
export async function registerPatient(ctx: ServiceContext, input: NewPatient) {
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const id = uuidv7();
    const patient = await patientsRepository.insert(q, id, ctx.actor.clinicId, input, ctx.actor.userId);
    const dups = await patientsRepository.duplicates(q, input, id);
    await appendAudit(q, audit(ctx, 'patient.create', id, { possibleDuplicates: dups.map((d) => d.row.id) }));
    return {
      ...patient,
      possibleDuplicates: dups.map((d) => ({ id: d.row.id, givenName: d.row.givenName, familyName: d.row.familyName, birthDate: d.row.birthDate, phone: d.row.phone, reason: d.reason })),
    };
  });
}

/** Reads one patient; another clinic's patient is simply not found (and the attempt audited). */
export async function getPatient(ctx: ServiceContext, id: string): Promise<Patient> {
  const found = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const p = await patientsRepository.byId(q, id);
    await appendAudit(q, audit(ctx, 'patient.read', id, {}, p ? 'success' : 'not-found'));
    return p;
  });
  if (!found) throw Problem.notFound('Patient');
  return found;
}

/** Edits demographics, or archives / restores the patient. */
export async function updatePatient(ctx: ServiceContext, id: string, patch: Partial<Omit<Patient, 'id' | 'createdAt' | 'updatedAt'>>): Promise<Patient> {
  const updated = await ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const current = await patientsRepository.byId(q, id);
    if (!current) {
      await appendAudit(q, audit(ctx, 'patient.update', id, {}, 'not-found'));
      return undefined;
    }
    const { archived, ...fields } = patch;
    const next = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    const saved = await patientsRepository.update(q, id, next, archived);
    await appendAudit(q, audit(ctx, archived === true ? 'patient.archive' : 'patient.update', id, { fields: Object.keys(patch) }));
    return saved;
  });
  if (!updated) throw Problem.notFound('Patient');
  return updated;
}

/** Searches the clinic's patients; every patient listed is an audited read. */
export async function searchPatients(ctx: ServiceContext, query: { q?: string | undefined; includeArchived: boolean; limit: number; cursor?: string | undefined }) {
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) throw Problem.badRequest('cursor is not valid', [{ path: 'querystring.cursor', message: 'is not valid' }]);
  return ctx.db.tx({ clinicId: ctx.actor.clinicId }, async (q) => {
    const rows = await patientsRepository.search(q, ctx.actor.clinicId, query.q, { includeArchived: query.includeArchived, limit: query.limit + 1, offset });
    const items = rows.slice(0, query.limit);
    await appendAudit(q, audit(ctx, 'patient.search', null, { results: items.map((p) => p.id) }));
    return { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : null };
  });
}
