import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { refusedSchema } from '../../domain/api/clinical.ts';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { amendmentBody, amendmentSchema, newSessionBody, sessionListQuery, sessionPatchBody, sessionSchema } from '../../domain/api/sessions.ts';
import { actorOf } from '../context.ts';
import { amendSession, getSession, listSessions, recordSession, signSession, updateSession } from './service.ts';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: refusedSchema };

/** Sessions: recorded with the safety engine deciding, signed, then amended only. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['sessions'];

  app.post('/sessions', { config: { capability: 'sessions.record' }, schema: { tags, body: newSessionBody, response: { 201: sessionSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await recordSession(ctx(req), req.body)),
  );

  app.get('/sessions', { config: { capability: 'clinical.read' }, schema: { tags, querystring: sessionListQuery, response: { 200: page(sessionSchema), ...errors } } }, async (req) =>
    listSessions(ctx(req), req.query),
  );

  app.get('/sessions/:id', { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, response: { 200: sessionSchema, ...errors } } }, async (req) =>
    getSession(ctx(req), req.params.id),
  );

  app.patch(
    '/sessions/:id',
    { config: { capability: 'sessions.record' }, schema: { tags, params: idParams, body: sessionPatchBody, response: { 200: sessionSchema, ...errors } } },
    async (req) => updateSession(ctx(req), req.params.id, req.body),
  );

  app.post('/sessions/:id/sign', { config: { capability: 'sessions.record' }, schema: { tags, params: idParams, response: { 200: sessionSchema, ...errors } } }, async (req) =>
    signSession(ctx(req), req.params.id),
  );

  app.post(
    '/sessions/:id/amendments',
    { config: { capability: 'sessions.record' }, schema: { tags, params: idParams, body: amendmentBody, response: { 201: amendmentSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await amendSession(ctx(req), req.params.id, req.body)),
  );
};
