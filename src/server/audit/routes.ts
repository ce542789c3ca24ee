import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { page } from '../../domain/api/common.ts';
import { actorOf } from '../context.ts';
import { appendAudit } from './audit.ts';

const query = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  userId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  recordType: z.string().max(50).optional(),
  recordId: z.string().max(100).optional(),
  outcome: z.enum(['success', 'denied', 'failure', 'not-found']).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const eventSchema = z.object({
  id: z.uuid(),
  at: z.date(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/** Owners read their clinic's audit log, newest first, with filters. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit-events', { config: { capability: 'audit.read' }, schema: { tags: ['audit'], querystring: query, response: { 200: page(eventSchema) } } }, async (req) => {
    const actor = actorOf(req);
    const f = req.query;
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      values.push(v);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (f.from) add('at >= ?', f.from);
    if (f.to) add('at < ?', f.to);
    if (f.userId) add('actor_user_id = ?', f.userId);
    if (f.action) add('action = ?', f.action);
    if (f.recordType) add('record_type = ?', f.recordType);
    if (f.recordId) add('record_id = ?', f.recordId);
    if (f.outcome) add('outcome = ?', f.outcome);
    if (f.cursor) add('id < ?', f.cursor);
    values.push(f.limit + 1);
    return app.db.tx({ clinicId: actor.clinicId }, async (q) => {
      const rows = await q.query<{ id: string; at: Date; actor_user_id: string | null; actor_role: string | null; action: string; record_type: string | null; record_id: string | null; ip: string | null; outcome: string; details: Record<string, unknown> }>(
        `SELECT id, at, actor_user_id, actor_role, action, record_type, record_id, ip, outcome, details FROM audit_events
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${values.length}`,
        values,
      );
      await appendAudit(q, { clinicId: actor.clinicId, actorUserId: actor.userId, actorRole: actor.role, action: 'audit.read', recordType: 'audit-log', ip: actor.ip, outcome: 'success', details: { filters: f } });
      const items = rows.rows.slice(0, f.limit).map((r) => ({
        id: r.id,
        at: r.at,
        actorUserId: r.actor_user_id,
        actorRole: r.actor_role,
        action: r.action,
        recordType: r.record_type,
        recordId: r.record_id,
        ip: r.ip,
        outcome: r.outcome,
        details: r.details,
      }));
      return { items, nextCursor: rows.rows.length > f.limit ? (items.at(-1)?.id ?? null) : null };
    });
  });
};
