import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newTokenBody, newUserBody, updateUserBody, userSchema } from '../../domain/api/auth.ts';
import { idParams, page } from '../../domain/api/common.ts';
import { actorOf } from '../context.ts';
import { Problem } from '../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { createApiToken, createUser, listUsers, updateUser } from './service.ts';

const tokenSchema = z.object({ id: z.uuid(), name: z.string(), userId: z.uuid(), createdAt: z.date(), lastUsedAt: z.date().nullable(), revokedAt: z.date().nullable() });

/** Owners manage the users and API tokens of their clinic. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const opts = { config: { capability: 'users.manage' as const } };

  app.get('/users', { ...opts, schema: { tags: ['users'], response: { 200: page(userSchema) } } }, async (req) => ({ items: await listUsers(ctx(req)), nextCursor: null }));

  app.post('/users', { ...opts, schema: { tags: ['users'], body: newUserBody, response: { 201: userSchema } } }, async (req, reply) => {
    return reply.status(201).send(await createUser(ctx(req), req.body));
  });

  app.patch('/users/:id', { ...opts, schema: { tags: ['users'], params: idParams, body: updateUserBody, response: { 200: userSchema } } }, async (req) =>
    updateUser(ctx(req), req.params.id, req.body),
  );

  app.get('/api-tokens', { ...opts, schema: { tags: ['users'], response: { 200: page(tokenSchema) } } }, async (req) => {
    const actor = actorOf(req);
    const rows = await app.db.tx({ clinicId: actor.clinicId }, (q) =>
      q.query<{ id: string; name: string; user_id: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
        'SELECT id, name, user_id, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY created_at DESC',
      ),
    );
    return { items: rows.rows.map((r) => ({ id: r.id, name: r.name, userId: r.user_id, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at })), nextCursor: null };
  });

  app.post(
    '/api-tokens',
    { ...opts, schema: { tags: ['users'], body: newTokenBody.extend({ userId: z.uuid().optional() }), response: { 201: z.object({ id: z.uuid(), token: z.string() }) } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const userId = req.body.userId ?? actor.userId;
      const exists = await app.db.tx({ clinicId: actor.clinicId }, (q) => q.query('SELECT 1 FROM users WHERE id = $1', [userId]));
      if (!exists.rowCount) throw Problem.notFound('User');
      return reply.status(201).send(await createApiToken(app.db, { clinicId: actor.clinicId, userId, actorUserId: actor.userId, ip: actor.ip }, req.body.name));
    },
  );

  app.delete('/api-tokens/:id', { ...opts, schema: { tags: ['users'], params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    const c = ctx(req);
    await app.db.tx({ clinicId: c.actor.clinicId }, async (q) => {
      const r = await q.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [req.params.id]);
      if (!r.rowCount) throw Problem.notFound('API token');
      await appendAudit(q, { clinicId: c.actor.clinicId, actorUserId: c.actor.userId, actorRole: c.actor.role, action: 'api-token.revoke', recordType: 'api-token', recordId: req.params.id, ip: c.actor.ip, outcome: 'success' });
    });
    return reply.status(204).send(null);
  });
};
